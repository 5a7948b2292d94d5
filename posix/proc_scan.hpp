// Who holds files under some directories or on some mounts: a scan of /proc that
// reads only links and text files in /proc, never stat()s a file on the mount, so
// a hung server cannot hang it.
#pragma once
#include "../core/src/status.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace npemu::posix {

struct ProcQuery {
  std::vector<std::string> dirs;  // canonical directories: anything at or below counts
  std::vector<int> mount_ids;     // mount ids (mountinfo's first field): fds on them count
};

// Processes that cannot be read (another user's, as non-root) are skipped: their
// holders are not seen. Threads share their process's tables, so /proc/PID suffices.
std::vector<Holder> scan_proc(const ProcQuery& q);
// The target of a /proc link (fd/N, cwd, exe, map_files/...), without the kernel's
// " (deleted)" mark; "" when it cannot be read. A readlink, never a stat.
std::string proc_link(const std::string& path);

// The same for one process only.
std::vector<Holder> scan_proc_pid(std::uint32_t pid, const ProcQuery& q);

}  // namespace npemu::posix
