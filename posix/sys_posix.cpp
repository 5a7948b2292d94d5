// The core's platform interface (core/src/sys.hpp) on POSIX.
#include "../core/src/sys.hpp"

#include "../core/src/provider.hpp"
#include "../core/src/wn_codes.hpp"
#include "proc_scan.hpp"

#include <pwd.h>
#include <unistd.h>

#include <boost/filesystem.hpp>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

namespace fs = boost::filesystem;

namespace npemu::sys {

std::uint32_t self_pid() { return static_cast<std::uint32_t>(getpid()); }

std::uint64_t start_time(std::uint32_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!pid || !std::getline(in, line)) return 0;
  // Field 2 (comm) may hold spaces and parentheses: count from the last ')'.
  auto close = line.rfind(')');
  if (close == std::string::npos) return 0;
  std::istringstream rest(line.substr(close + 2));
  std::string field;
  for (int i = 3; i <= 22 && rest >> field; ++i)
    if (i == 22) return std::strtoull(field.c_str(), nullptr, 10);
  return 0;
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
