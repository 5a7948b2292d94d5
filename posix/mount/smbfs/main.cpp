// npemu-smbfs: one SMB share as a FUSE filesystem, spawned by the `mount` provider.
//
//   npemu-smbfs --address A --port P --share S [--path REL] [--user U]
//               [--workgroup W] --timeout-ms MS MOUNTPOINT
//   stdin: the password (read to EOF; never argv, env or disk)
//   fd 3:  the status pipe: "PID n" once detached, then "OK" or "ERR <WN code> <detail>"
//
// It detaches (fork + setsid) at once, checks the login (connect + opendir of the
// share) BEFORE mounting, mounts, reports, and serves until the mount goes away.
#include "smb_login.hpp"
#include "smb_ops.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <npemu/winnetwk.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

constexpr int kStatusFd = 3;

void report(const std::string& line) {
  std::string text = line + "\n";
  const char* p = text.data();
  size_t left = text.size();
  while (left > 0) {
    ssize_t n = write(kStatusFd, p, left);
    if (n <= 0) return;  // the provider gave up waiting: nothing more to tell
    p += n;
    left -= static_cast<size_t>(n);
  }
}

[[noreturn]] void fail(long code, const std::string& detail) {
  report("ERR " + std::to_string(code) + " " + detail);
  _exit(1);
}

std::string read_password() {
  std::string pw;
  char buf[256];
  ssize_t n;
  while ((n = read(0, buf, sizeof buf)) > 0) pw.append(buf, static_cast<size_t>(n));
  explicit_bzero(buf, sizeof buf);
  return pw;
}

bool parse(int argc, char** argv, smbfs::LoginSpec* spec, std::string* mountpoint) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= argc) return false;
      *out = argv[++i];
      return true;
    };
    std::string port, timeout;
    bool ok = true;
    if (a == "--address") ok = value(&spec->address);
    else if (a == "--port") ok = value(&port), spec->port = std::atoi(port.c_str());
    else if (a == "--share") ok = value(&spec->share);
    else if (a == "--path") ok = value(&spec->rel_path);
    else if (a == "--user") ok = value(&spec->user);
    else if (a == "--workgroup") ok = value(&spec->workgroup);
    else if (a == "--timeout-ms") ok = value(&timeout), spec->timeout_ms = std::atoi(timeout.c_str());
    else if (!a.empty() && a[0] != '-' && mountpoint->empty()) *mountpoint = a;
    else ok = false;
    if (!ok) return false;
  }
  return !spec->address.empty() && !spec->share.empty() && !mountpoint->empty() && spec->port > 0 &&
         spec->timeout_ms > 0;
}

void to_dev_null() {
  int fd = open("/dev/null", O_RDWR | O_CLOEXEC);
  if (fd < 0) return;
  dup2(fd, 0);
  dup2(fd, 1);
  dup2(fd, 2);
  close(fd);
}

}  // namespace

int main(int argc, char** argv) {
  smbfs::LoginSpec spec;
  std::string mountpoint;
  if (!parse(argc, argv, &spec, &mountpoint)) {
    std::fprintf(stderr, "usage: npemu-smbfs --address A --port P --share S [--path REL] [--user U] "
                         "[--workgroup W] --timeout-ms MS MOUNTPOINT (password on stdin, status on fd 3)\n");
    report("ERR " + std::to_string(WN_BAD_NETNAME) + " npemu-smbfs: bad arguments");
    return 2;
  }
  spec.password = read_password();
  std::signal(SIGPIPE, SIG_IGN);

  // Detach first: the provider reaps this parent at once, and the server lives on
  // in its own session, child of no npemu process.
  pid_t child = fork();
  if (child < 0) fail(WN_OUT_OF_MEMORY, std::string("npemu-smbfs: fork: ") + std::strerror(errno));
  if (child > 0) _exit(0);
  setsid();
  report("PID " + std::to_string(getpid()));

  SMBCCTX* ctx = smbfs::make_context(&spec);
  if (!ctx) fail(WN_OUT_OF_MEMORY, std::string("npemu-smbfs: cannot set up libsmbclient: ") + std::strerror(errno));
  smbfs::LoginResult login = smbfs::check_login(ctx, spec);
  if (login.code != 0) fail(login.code, login.detail);
  smbfs::set_session(ctx, smbfs::share_url(spec));

  std::string opts = "fsname=//" + spec.address + ":" + std::to_string(spec.port) + "/" + spec.share +
                     ",subtype=npemu-smbfs";
  // Not root: libfuse mounts through the setuid fusermount3, which auto_unmount
  // makes it do even where /dev/fuse is root's only; it also unmounts if we die.
  if (geteuid() != 0) opts += ",auto_unmount";
  std::vector<std::string> args{"npemu-smbfs", "-o", opts};
  std::vector<char*> av;
  for (auto& s : args) av.push_back(s.data());
  fuse_args fargs = FUSE_ARGS_INIT(static_cast<int>(av.size()), av.data());
  fuse* f = fuse_new(&fargs, &smbfs::operations(), sizeof(fuse_operations), nullptr);
  if (!f) fail(WN_DEVICE_ERROR, "npemu-smbfs: fuse_new failed");
  // As root a mount(2); otherwise libfuse goes through fusermount3.
  if (fuse_mount(f, mountpoint.c_str()) != 0) {
    std::string why = access("/dev/fuse", R_OK | W_OK) != 0
                          ? "/dev/fuse is not open to this user: FUSE mounts need root on this machine"
                          : "needs root, or fusermount3 and a mount point the user owns";
    fail(WN_ACCESS_DENIED, "npemu-smbfs: cannot mount FUSE on " + mountpoint + " (" + why + ")");
  }
  report("OK");
  close(kStatusFd);
  if (chdir("/") != 0) { /* the mount point is absolute: nothing depends on the cwd */ }
  to_dev_null();
  fuse_set_signal_handlers(fuse_get_session(f));  // SIGTERM/SIGINT/SIGHUP end the loop
  int rc = fuse_loop(f);
  fuse_remove_signal_handlers(fuse_get_session(f));
  fuse_unmount(f);
  fuse_destroy(f);
  // Freed without a logoff: the server may be gone or frozen, and exit frees it all.
  explicit_bzero(spec.password.data(), spec.password.size());
  return rc == 0 ? 0 : 1;
}
