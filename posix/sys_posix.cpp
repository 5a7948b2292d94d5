// The core's platform interface (core/src/sys.hpp) on POSIX.
#include "../core/src/sys.hpp"

#include "../core/src/provider.hpp"
#include "../core/src/wn_codes.hpp"
#include "proc_scan.hpp"

#include <pthread.h>
#include <pwd.h>
#include <unistd.h>

#include <boost/filesystem.hpp>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <mutex>

namespace fs = boost::filesystem;

namespace npemu::sys {

namespace {
// This process's pid and start time (0: not read yet). glibc no longer caches
// getpid(), and every connect and cancel asks for both several times (owner
// checks, the smb provider's per-process state). A fork clears them; a child made
// by a bare clone() without fork handlers would not, but npemu's own children
// exec at once.
std::atomic<std::uint32_t> g_self_pid{0};
std::atomic<std::uint64_t> g_self_start{0};
void forget_self() {
  g_self_pid.store(0, std::memory_order_relaxed);
  g_self_start.store(0, std::memory_order_relaxed);
}
}  // namespace

std::uint32_t self_pid() {
  std::uint32_t pid = g_self_pid.load(std::memory_order_relaxed);
  if (pid) return pid;
  static std::once_flag at_fork;
  std::call_once(at_fork, [] { pthread_atfork(nullptr, nullptr, forget_self); });
  pid = static_cast<std::uint32_t>(getpid());
  g_self_pid.store(pid, std::memory_order_relaxed);
  return pid;
}

namespace {

std::uint64_t read_start_time(std::uint32_t pid) {
  char path[32];
  std::snprintf(path, sizeof path, "/proc/%u/stat", pid);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  char buf[1024];
  ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  if (n <= 0) return 0;
  buf[n] = '\0';
  // Field 2 (comm) may hold spaces and parentheses: count from the last ')'.
  char* at = std::strrchr(buf, ')');
  if (!at || at[1] != ' ') return 0;
  // Field 3, the state: a zombie ('Z', exited, not yet reaped by its parent) or a
  // dying one ('X') holds nothing and will run no more code, so it is gone.
  if (at[2] == 'Z' || at[2] == 'X' || at[2] == 'x') return 0;
  for (int field = 2; field < 22; ++field) {  // to the space before field 22 (starttime)
    at = std::strchr(at + 1, ' ');
    if (!at) return 0;
  }
  return std::strtoull(at + 1, nullptr, 10);
}

}  // namespace

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

std::uint64_t start_time(std::uint32_t pid) {
  if (!pid) return 0;
  if (pid != self_pid()) return read_start_time(pid);
  std::uint64_t start = g_self_start.load(std::memory_order_relaxed);
  if (!start) {
    start = read_start_time(pid);
    g_self_start.store(start, std::memory_order_relaxed);
  }
  return start;
}

std::string program_of(std::uint32_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/comm");
  std::string name;
  return std::getline(in, name) && !name.empty() ? name : "?";
}

std::vector<Holder> holders_under(const std::vector<std::string>& dirs) {
  return posix::scan_proc(posix::ProcQuery{dirs, {}});
}

std::string default_home() {
  if (const char* x = std::getenv("XDG_STATE_HOME"); x && *x == '/') return std::string(x) + "/npemu";
  const char* home = std::getenv("HOME");
  std::string h = home && *home ? home : "";
  if (h.empty())
    if (passwd* pw = getpwuid(getuid())) h = pw->pw_dir;
  return h.empty() ? "" : h + "/.local/state/npemu";
}

Status attach_drive(const Home& home, const Device& dev, const std::string& target) {
  std::string link = home.drive_path(dev.bare());
  if (symlink(target.c_str(), link.c_str()) == 0) return Status::success();
  int err = errno;
  if (err == ENOENT) {  // the first drive: make the private drives directory
    Status st = ensure_private_dir(home.drives_dir());
    if (!st.ok()) return st;
    if (symlink(target.c_str(), link.c_str()) == 0) return Status::success();
    err = errno;
  }
  if (err == EEXIST) return Status::fail(WN_ALREADY_CONNECTED, link + " is already in use");
  return Status::fail(wn_from_errno(err), "cannot link " + link + ": " + std::strerror(err));
}

Status detach_drive(const Home& home, const Device& dev) {
  std::string link = home.drive_path(dev.bare());
  if (unlink(link.c_str()) == 0 || errno == ENOENT) return Status::success();
  int err = errno;
  return Status::fail(wn_from_errno(err), "cannot remove " + link + ": " + std::strerror(err));
}

std::optional<std::string> drive_target(const Home& home, const Device& dev) {
  char buf[4096];
  ssize_t n = readlink(home.drive_path(dev.bare()).c_str(), buf, sizeof buf);
  if (n <= 0) return std::nullopt;
  return std::string(buf, static_cast<std::size_t>(n));
}

}  // namespace npemu::sys
