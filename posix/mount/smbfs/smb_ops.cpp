#include "smb_ops.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

namespace smbfs {
namespace {

SMBCCTX* g_ctx = nullptr;
std::string g_root;

std::string url(const char* path) { return g_root + (std::strcmp(path, "/") == 0 ? "" : path); }
SMBCFILE* file_of(const fuse_file_info* fi) { return reinterpret_cast<SMBCFILE*>(static_cast<uintptr_t>(fi->fh)); }
int fail() { return errno ? -errno : -EIO; }

int op_getattr(const char* path, struct stat* st, fuse_file_info*) {
  errno = 0;
  if (smbc_getFunctionStat(g_ctx)(g_ctx, url(path).c_str(), st) < 0) return fail();
  st->st_uid = getuid();  // the server's ids mean nothing here: files are the mounter's
  st->st_gid = getgid();
  return 0;
}

int op_readdir(const char* path, void* buf, fuse_fill_dir_t fill, off_t, fuse_file_info*, fuse_readdir_flags) {
  errno = 0;
  SMBCFILE* d = smbc_getFunctionOpendir(g_ctx)(g_ctx, url(path).c_str());
  if (!d) return fail();
  while (struct smbc_dirent* e = smbc_getFunctionReaddir(g_ctx)(g_ctx, d)) {
    if (e->smbc_type != SMBC_DIR && e->smbc_type != SMBC_FILE && e->smbc_type != SMBC_LINK) continue;
    struct stat st{};
    st.st_mode = e->smbc_type == SMBC_DIR ? S_IFDIR : S_IFREG;
    fill(buf, e->name, &st, 0, static_cast<fuse_fill_dir_flags>(0));
  }
  smbc_getFunctionClosedir(g_ctx)(g_ctx, d);
  return 0;
}

int open_with(const char* path, int flags, mode_t mode, fuse_file_info* fi) {
  errno = 0;
  SMBCFILE* f = smbc_getFunctionOpen(g_ctx)(g_ctx, url(path).c_str(), flags & ~O_APPEND, mode);
  if (!f) return fail();
  fi->fh = reinterpret_cast<uintptr_t>(f);
  return 0;
}

int op_open(const char* path, fuse_file_info* fi) { return open_with(path, fi->flags, 0, fi); }
int op_create(const char* path, mode_t mode, fuse_file_info* fi) {
  return open_with(path, fi->flags | O_CREAT, mode, fi);
}

int op_read(const char*, char* buf, size_t size, off_t off, fuse_file_info* fi) {
  SMBCFILE* f = file_of(fi);
  errno = 0;
  if (smbc_getFunctionLseek(g_ctx)(g_ctx, f, off, SEEK_SET) < 0) return fail();
  size_t done = 0;
  while (done < size) {
    ssize_t n = smbc_getFunctionRead(g_ctx)(g_ctx, f, buf + done, size - done);
    if (n < 0) return fail();
    if (n == 0) break;
    done += static_cast<size_t>(n);
  }
  return static_cast<int>(done);
}

int op_write(const char*, const char* buf, size_t size, off_t off, fuse_file_info* fi) {
  SMBCFILE* f = file_of(fi);
  errno = 0;
  if (smbc_getFunctionLseek(g_ctx)(g_ctx, f, off, SEEK_SET) < 0) return fail();
  size_t done = 0;
  while (done < size) {
    ssize_t n = smbc_getFunctionWrite(g_ctx)(g_ctx, f, buf + done, size - done);
    if (n <= 0) return n < 0 ? fail() : -EIO;
    done += static_cast<size_t>(n);
  }
  return static_cast<int>(done);
}

int op_truncate(const char* path, off_t size, fuse_file_info* fi) {
  errno = 0;
  if (fi && fi->fh) return smbc_getFunctionFtruncate(g_ctx)(g_ctx, file_of(fi), size) < 0 ? fail() : 0;
  SMBCFILE* f = smbc_getFunctionOpen(g_ctx)(g_ctx, url(path).c_str(), O_WRONLY, 0);
  if (!f) return fail();
  int rc = smbc_getFunctionFtruncate(g_ctx)(g_ctx, f, size) < 0 ? fail() : 0;
  smbc_getFunctionClose(g_ctx)(g_ctx, f);
  return rc;
}

int op_release(const char*, fuse_file_info* fi) {
  if (fi->fh) smbc_getFunctionClose(g_ctx)(g_ctx, file_of(fi));
  fi->fh = 0;
  return 0;
}

int op_unlink(const char* path) {
  errno = 0;
  return smbc_getFunctionUnlink(g_ctx)(g_ctx, url(path).c_str()) < 0 ? fail() : 0;
}
int op_mkdir(const char* path, mode_t mode) {
  errno = 0;
  return smbc_getFunctionMkdir(g_ctx)(g_ctx, url(path).c_str(), mode) < 0 ? fail() : 0;
}
int op_rmdir(const char* path) {
  errno = 0;
  return smbc_getFunctionRmdir(g_ctx)(g_ctx, url(path).c_str()) < 0 ? fail() : 0;
}
int op_rename(const char* from, const char* to, unsigned int flags) {
  if (flags) return -EINVAL;  // RENAME_NOREPLACE/EXCHANGE: SMB has no such rename
  errno = 0;
  return smbc_getFunctionRename(g_ctx)(g_ctx, url(from).c_str(), g_ctx, url(to).c_str()) < 0 ? fail() : 0;
}
int op_statfs(const char* path, struct statvfs* st) {
  errno = 0;
  return smbc_getFunctionStatVFS(g_ctx)(g_ctx, const_cast<char*>(url(path).c_str()), st) < 0 ? fail() : 0;
}
// SMB has no Unix modes or owners: accepted and ignored, so cp -p and touch work.
int op_chmod(const char*, mode_t, fuse_file_info*) { return 0; }
int op_chown(const char*, uid_t, gid_t, fuse_file_info*) { return 0; }
int op_utimens(const char* path, const struct timespec tv[2], fuse_file_info*) {
  struct timeval t[2] = {{tv[0].tv_sec, tv[0].tv_nsec / 1000}, {tv[1].tv_sec, tv[1].tv_nsec / 1000}};
  bool special = false;  // UTIME_NOW / UTIME_OMIT: "now" is the closest SMB offers
  for (int i = 0; i < 2; ++i) special = special || tv[i].tv_nsec == UTIME_NOW || tv[i].tv_nsec == UTIME_OMIT;
  errno = 0;
  return smbc_getFunctionUtimes(g_ctx)(g_ctx, url(path).c_str(), special ? nullptr : t) < 0 ? fail() : 0;
}

fuse_operations make_operations() {
  fuse_operations ops{};
  ops.getattr = op_getattr;
  ops.readdir = op_readdir;
  ops.open = op_open;
  ops.create = op_create;
  ops.read = op_read;
  ops.write = op_write;
  ops.truncate = op_truncate;
  ops.release = op_release;
  ops.unlink = op_unlink;
  ops.mkdir = op_mkdir;
  ops.rmdir = op_rmdir;
  ops.rename = op_rename;
  ops.statfs = op_statfs;
  ops.chmod = op_chmod;
  ops.chown = op_chown;
  ops.utimens = op_utimens;
  return ops;
}

}  // namespace

void set_session(SMBCCTX* ctx, std::string root_url) {
  g_ctx = ctx;
  g_root = std::move(root_url);
}

const fuse_operations& operations() {
  static const fuse_operations ops = make_operations();
  return ops;
}

}  // namespace smbfs
