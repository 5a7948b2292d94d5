// Starting and stopping npemu-smbfs, the FUSE daemon that serves an SMB share at a
// drive path (posix/mount/smbfs/). Spawned with an argument vector; the password
// goes over a pipe on its stdin, the result comes back over a status pipe (fd 3).
#pragma once
#include "../../core/src/status.hpp"

#include <cstdint>
#include <string>

namespace npemu::posix {

struct SmbfsRequest {
  std::string address;
  int port = 445;
  std::string share;
  std::string rel_path;  // below the share, '/'-separated, or ""
  std::string user;
  std::string password;
  int timeout_ms = 5000;
  std::string target;  // the (empty) drive directory to mount on
};

// One running daemon, named for good by pid + start time.
struct SmbfsDaemon {
  std::uint32_t pid = 0;
  std::uint64_t start = 0;
};

// The executable: next to libnpemu, in LIBEXECDIR/npemu relative to it, at the
// configured install path, or in the build tree.
std::string smbfs_executable();

// Spawns the daemon, which checks the login and mounts before it answers. On
// success the share is mounted at req.target and *out names the daemon; on
// failure nothing of it is left running (the caller removes a mount, if any).
Status start_smbfs(const SmbfsRequest& req, SmbfsDaemon* out);

bool smbfs_alive(const SmbfsDaemon& d);
// Waits up to grace_ms for it to exit by itself (after an unmount it does), then
// SIGTERM, then SIGKILL: returns within about grace_ms + 1.3 s.
void stop_smbfs(const SmbfsDaemon& d, int grace_ms);

}  // namespace npemu::posix
