#include "mount_provider.hpp"

#include "../../core/src/local/local_provider.hpp"
#include "../../core/src/paths.hpp"
#include "../../core/src/wn_codes.hpp"
#include "../bpf_scan/bpf_scan.hpp"
#include "../proc_scan.hpp"
#include "mount_ops.hpp"
#include "mount_table.hpp"
#include "smbfs_daemon.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <boost/filesystem.hpp>

#include <cerrno>
#include <cstring>
#include <sstream>

namespace fs = boost::filesystem;

namespace npemu::posix {
namespace {

// Why a mount or unmount was refused, for people.
std::string why(int err) {
  if (err == EPERM || err == EACCES)
    return std::string(std::strerror(err)) +
           " (mounting and unmounting need root, or CAP_SYS_ADMIN in the mount namespace)";
  return std::strerror(err);
}

// The identity a mount of `e` must keep for the connection to be ours.
MountHandle handle_of(const MountEntry& e) { return MountHandle{e.target, e.fstype, e.devno, e.root}; }

}  // namespace

std::string MountHandle::encode() const {
  std::string text = target + "\n" + fstype + "\n" + std::to_string(devno) + "\n" + root;
  if (daemon_pid) text += "\n" + std::to_string(daemon_pid) + " " + std::to_string(daemon_start);
  return text;
}

std::optional<MountHandle> MountHandle::decode(const std::string& text) {
  std::istringstream in(text);
  MountHandle h;
  std::string devno;
  if (!std::getline(in, h.target) || !std::getline(in, h.fstype) || !std::getline(in, devno) ||
      !std::getline(in, h.root) || h.target.empty())
    return std::nullopt;
  h.devno = std::strtoul(devno.c_str(), nullptr, 10);
  std::string daemon;
  if (std::getline(in, daemon)) {  // absent for a bind
    std::istringstream d(daemon);
    d >> h.daemon_pid >> h.daemon_start;
  }
  return h;
}

MountProvider::MountProvider(const Config& config, Home home)
    : shares_(config.mount_shares), config_(config), home_(std::move(home)) {}

Status MountProvider::connect(const AddRequest& req, Connection& made) {
  auto s = shares_.find(req.remote.share_key());
  const ServerEntry* server = s == shares_.end() ? config_.server(req.remote.server) : nullptr;
  if (s == shares_.end() && !server)
    return Status::fail(WN_BAD_NETNAME, req.remote.share_unc() + " is not a share of the mount provider");
  if (!req.device)  // deviceless connections belong to other providers
    return Status::fail(WN_BAD_NETNAME, "the mount provider makes device connections only");
  if (server) {
    if (req.type == RESOURCETYPE_PRINT || req.device->kind != Device::Kind::Drive)
      return Status::fail(WN_BAD_NETNAME, "printer redirections go to the smb provider");
    return connect_smb(req, *server, made);
  }
  if (req.type == RESOURCETYPE_PRINT || req.device->kind != Device::Kind::Drive)
    return Status::fail(WN_BAD_DEV_TYPE, s->second.unc + " is a disk share: it needs a drive letter");
  return connect_bind(req, s->second, made);
}

Status MountProvider::prepare_drive_dir(const Device& dev, std::string* path, bool* created) {
  Status st = ensure_private_dir(home_.drives_dir());
  if (!st.ok()) return st;
  std::string drives = canonical_dir(home_.drives_dir());
  if (drives.empty()) return Status::fail(WN_BAD_LOCALNAME, "cannot resolve " + home_.drives_dir());
  *path = drives + "/" + dev.bare();
  *created = false;
  if (mount_at(*path)) return Status::fail(WN_ALREADY_CONNECTED, *path + " is already a mount point");
  if (mkdir(path->c_str(), 0755) == 0) {
    *created = true;
    return Status::success();
  }
  int err = errno;
  struct stat sb;  // not a mount point (checked above): a local directory, safe to look at
  if (err == EEXIST && lstat(path->c_str(), &sb) == 0 && S_ISDIR(sb.st_mode) && rmdir(path->c_str()) == 0 &&
      mkdir(path->c_str(), 0755) == 0) {
    *created = true;  // an empty directory left behind: taken over
    return Status::success();
  }
  if (err == EEXIST) return Status::fail(WN_ALREADY_CONNECTED, *path + " is already in use");
  return Status::fail(wn_from_errno(err), "cannot create " + *path + ": " + std::strerror(err));
}

Status MountProvider::connect_bind(const AddRequest& req, const ShareDir& share, Connection& made) {
  std::string source = canonical_dir(share.path);
  if (source.empty())
    return Status::fail(WN_BAD_NETNAME, "the directory " + share.path + " of " + share.unc + " is missing");
  if (!req.remote.path.empty()) {
    std::string sub = canonical_dir(source + "/" + req.remote.rel_path());
    if (sub.empty() || !path_within(sub, source))
      return Status::fail(WN_BAD_NETNAME, req.remote.unc() + " is not a directory of the share");
    source = sub;
  }
  std::string target;
  bool created = false;
  Status st = prepare_drive_dir(*req.device, &target, &created);
  if (!st.ok()) return st;
  if (int err = bind_mount(source, target)) {
    if (created) rmdir(target.c_str());  // never a half-made connection
    return Status::fail(wn_from_errno(err), "cannot bind-mount " + source + " on " + target + ": " + why(err));
  }
  auto e = mount_at(target);
  if (!e) {
    unmount_forced(target);
    rmdir(target.c_str());
    return Status::fail(WN_DEVICE_ERROR, "the bind mount on " + target + " is not in the mount table");
  }
  made.type = RESOURCETYPE_DISK;
  made.handle = handle_of(*e).encode();
  return Status::success();
}

Status MountProvider::connect_smb(const AddRequest& req, const ServerEntry& server, Connection& made) {
  SmbfsRequest spec;
  spec.address = server.address;
  spec.port = server.port;
  spec.share = req.remote.share;
  spec.rel_path = req.remote.rel_path();
  spec.user = req.user;
  spec.password = req.password;
  spec.timeout_ms = config_.smb.timeout_ms;
  bool created = false;
  Status st = prepare_drive_dir(*req.device, &spec.target, &created);
  if (st.ok()) {
    SmbfsDaemon daemon;
    st = start_smbfs(spec, &daemon);
    if (!st.ok()) st.detail = req.remote.unc() + ": " + st.detail;
    // Read even on failure: a daemon that mounted just as the wait ran out left a
    // mount here, and nothing else can be mounted at a drive directory made for it.
    auto e = mount_at(spec.target);
    if (st.ok() && (!e || e->fstype.rfind("fuse", 0) != 0))
      st = Status::fail(WN_DEVICE_ERROR, "npemu-smbfs reported a mount on " + spec.target + " that is not there");
    if (st.ok()) {
      MountHandle h = handle_of(*e);
      h.daemon_pid = daemon.pid;
      h.daemon_start = daemon.start;
      made.type = RESOURCETYPE_DISK;
      made.handle = h.encode();
    } else {  // never a half-made connection
      if (e && e->fstype.rfind("fuse", 0) == 0) unmount_forced(spec.target);
      stop_smbfs(daemon, 0);
      if (created) rmdir(spec.target.c_str());
    }
  }
  explicit_bzero(spec.password.data(), spec.password.size());
  return st;
}

bool MountProvider::ours(const MountHandle& h) {
  auto e = mount_at(h.target);
  return e && e->fstype == h.fstype && e->devno == h.devno && e->root == h.root;
}

bool MountProvider::alive(const Connection& c) {
  auto h = MountHandle::decode(c.handle);
  if (!h || !ours(*h)) return false;
  if (!h->daemon_pid || smbfs_alive(SmbfsDaemon{h->daemon_pid, h->daemon_start})) return true;
  // Its daemon is gone: the FUSE mount is dead (every access ENOTCONN) and would block
  // the drive for good. It is npemu's own (same identity), so it goes now; the engine
  // then treats the connection like any mount removed behind its back.
  unmount_forced(h->target);
  if (!mount_at(h->target)) rmdir(h->target.c_str());
  return false;
}

std::vector<Holder> MountProvider::holders(const Connection& c) {
  auto h = MountHandle::decode(c.handle);
  if (!h) return {};
  ProcQuery q;
  q.dirs = {h->target};
  if (auto e = mount_at(h->target)) {
    if (auto found = bpf_mount_holders(e->id, h->target)) return *found;  // the kernel's own walk, when it can
    q.mount_ids = {e->id};
  }
  return scan_proc(q);
}

Status MountProvider::disconnect(const Connection& c, bool force) {
  auto h = MountHandle::decode(c.handle);
  if (!h) return Status::fail(WN_NOT_CONNECTED, c.local + ": no mount recorded");
  SmbfsDaemon daemon{h->daemon_pid, h->daemon_start};
  if (!ours(*h)) {  // not ours any more: leave whatever is there
    if (h->daemon_pid) stop_smbfs(daemon, 0);
    return Status::success();
  }
  // A FUSE mount whose daemon died is dead: only a forced unmount clears it.
  bool dead_fuse = h->daemon_pid && !smbfs_alive(daemon);
  int err = force || dead_fuse ? unmount_forced(h->target) : unmount_plain(h->target);
  if (err == EBUSY) {
    Status st = Status::fail(WN_OPEN_FILES, c.local + " (" + h->target + ") is busy");
    st.holders = holders(c);
    if (!st.holders.empty()) st.detail += ": " + describe_holders(st.holders);
    return st;
  }
  if (err)
    return Status::fail(wn_from_errno(err), "cannot unmount " + h->target + ": " + why(err));
  // The daemon ends when its mount goes; a forced one may be stuck on a frozen
  // server (MNT_DETACH does not wait for it), so it is signalled at once.
  if (h->daemon_pid) stop_smbfs(daemon, force ? 0 : 2000);
  // The drive directory goes with the mount, unless something else is mounted there now.
  if (!mount_at(h->target)) rmdir(h->target.c_str());
  return Status::success();
}

std::string MountProvider::local_path(const Connection& c, const std::string& rel_path) {
  auto h = MountHandle::decode(c.handle);
  if (!h) return "";
  return rel_path.empty() ? h->target : h->target + "/" + rel_path;
}

void MountProvider::clear_leftover(const Device& dev) {
  std::string drives = canonical_dir(home_.drives_dir());
  if (drives.empty()) return;
  std::string path = drives + "/" + dev.bare();
  // Only what npemu mounts is a leftover: an npemu-smbfs mount, or a bind of one of
  // the [mount] shares. Anything else mounted there by hand stays (and blocks the add).
  if (auto e = mount_at(path)) {
    bool ours = e->fstype == "fuse.npemu-smbfs";
    for (const auto& [key, share] : shares_) {
      std::string dir = canonical_dir(share.path);
      ours = ours || (!dir.empty() && path_within(e->root, dir));
    }
    if (!ours) return;
    unmount_forced(path);
  }
  struct stat sb;
  if (!mount_at(path) && lstat(path.c_str(), &sb) == 0 && S_ISDIR(sb.st_mode)) rmdir(path.c_str());
}

Status MountProvider::open(const Connection& c, const std::string& rel_path, unsigned mode,
                           std::unique_ptr<OpenFile>* out) {
  auto h = MountHandle::decode(c.handle);
  if (!h) return Status::fail(WN_NOT_CONNECTED, c.local + ": no mount recorded");
  return open_local_file(h->target + "/" + rel_path, mode, out);
}

}  // namespace npemu::posix
