#include "smbfs_daemon.hpp"

#include "../../core/src/sys.hpp"

#include <dlfcn.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <thread>
#include <vector>

extern char** environ;

namespace npemu::posix {
namespace {

bool executable(const std::string& p) { return !p.empty() && access(p.c_str(), X_OK) == 0; }

std::string dir_of(const std::string& p) {
  auto slash = p.rfind('/');
  return slash == std::string::npos ? "." : p.substr(0, slash);
}

// 'Z' or 'X' in /proc/PID/stat: exited, only not yet reaped.
bool exited(std::uint32_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(in, line)) return true;
  auto close = line.rfind(')');
  return close == std::string::npos || close + 2 >= line.size() || line[close + 2] == 'Z' ||
         line[close + 2] == 'X';
}

bool wait_gone(const SmbfsDaemon& d, int ms) {
  auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  while (smbfs_alive(d)) {
    if (std::chrono::steady_clock::now() >= until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

// Reads "PID n" and then "OK" / "ERR code detail" until the deadline.
Status read_status(int fd, int deadline_ms, SmbfsDaemon* d) {
  auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(deadline_ms);
  std::string text;
  for (;;) {
    std::size_t nl;
    while ((nl = text.find('\n')) != std::string::npos) {
      std::string line = text.substr(0, nl);
      text.erase(0, nl + 1);
      if (line.rfind("PID ", 0) == 0) {
        d->pid = static_cast<std::uint32_t>(std::strtoul(line.c_str() + 4, nullptr, 10));
        d->start = sys::start_time(d->pid);
      } else if (line == "OK") {
        return Status::success();
      } else if (line.rfind("ERR ", 0) == 0) {
        char* end = nullptr;
        unsigned long code = std::strtoul(line.c_str() + 4, &end, 10);
        std::string detail = end && *end == ' ' ? end + 1 : "npemu-smbfs failed";
        return Status::fail(code ? static_cast<DWORD>(code) : WN_DEVICE_ERROR, detail);
      }
    }
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
    if (left.count() <= 0)
      return Status::fail(WN_NO_NETWORK, "npemu-smbfs did not answer within " + std::to_string(deadline_ms) + " ms");
    pollfd p{fd, POLLIN, 0};
    int r = poll(&p, 1, static_cast<int>(left.count()));
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) continue;  // the deadline check above ends it
    char buf[512];
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return Status::fail(WN_DEVICE_ERROR, "npemu-smbfs exited without saying why");
    text.append(buf, static_cast<std::size_t>(n));
  }
}

}  // namespace

std::string smbfs_executable() {
  std::vector<std::string> candidates;
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&smbfs_executable), &info) && info.dli_fname && info.dli_fname[0] == '/') {
    std::string dir = dir_of(info.dli_fname);
    candidates.push_back(dir + "/npemu-smbfs");
    candidates.push_back(dir + "/" + NPEMU_SMBFS_FROM_LIB + "/npemu-smbfs");  // as installed
  }
  candidates.push_back(NPEMU_SMBFS_INSTALL_PATH);
  candidates.push_back(NPEMU_SMBFS_BUILD_PATH);
  for (auto& c : candidates)
    if (executable(c)) return c;
  return {};
}

Status start_smbfs(const SmbfsRequest& req, SmbfsDaemon* out) {
  *out = {};
  std::string exe = smbfs_executable();
  if (exe.empty())
    return Status::fail(WN_DEVICE_ERROR, std::string("npemu-smbfs is not installed (looked beside libnpemu and at ") +
                                             NPEMU_SMBFS_INSTALL_PATH + ")");
  std::vector<std::string> args{exe, "--address", req.address, "--port", std::to_string(req.port),
                                "--share", req.share, "--timeout-ms", std::to_string(req.timeout_ms)};
  if (!req.rel_path.empty()) args.insert(args.end(), {"--path", req.rel_path});
  if (!req.user.empty()) args.insert(args.end(), {"--user", req.user});
  args.push_back(req.target);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  int pw[2], st[2];
  if (pipe2(pw, O_CLOEXEC) != 0) return Status::fail(WN_OUT_OF_MEMORY, std::string("pipe: ") + std::strerror(errno));
  if (pipe2(st, O_CLOEXEC) != 0) {
    close(pw[0]), close(pw[1]);
    return Status::fail(WN_OUT_OF_MEMORY, std::string("pipe: ") + std::strerror(errno));
  }
  // The password is in the pipe before the daemon exists: no SIGPIPE if it dies early.
  bool written = req.password.size() < 65536 &&
                 write(pw[1], req.password.data(), req.password.size()) == static_cast<ssize_t>(req.password.size());
  close(pw[1]);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, pw[0], 0);
  posix_spawn_file_actions_adddup2(&fa, st[1], 3);
  posix_spawn_file_actions_addclosefrom_np(&fa, 4);  // none of the caller's descriptors
  // The caller may block or ignore signals (SIGPIPE around smb calls): the daemon
  // starts with none blocked and default actions, so SIGTERM ends it.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none, all;
  sigemptyset(&none);
  sigfillset(&all);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &all);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  pid_t pid = -1;
  int rc = written ? posix_spawn(&pid, exe.c_str(), &fa, &attr, argv.data(), environ) : EMSGSIZE;
  posix_spawnattr_destroy(&attr);
  posix_spawn_file_actions_destroy(&fa);
  close(pw[0]);
  close(st[1]);
  if (rc != 0) {
    close(st[0]);
    return Status::fail(WN_DEVICE_ERROR, "cannot start " + exe + ": " + std::strerror(rc));
  }
  int ws;
  while (waitpid(pid, &ws, 0) < 0 && errno == EINTR) {}  // it forks and exits at once
  // The login may take the share's opendir and the share-list check, each bounded.
  Status s = read_status(st[0], 2 * req.timeout_ms + 5000, out);
  close(st[0]);
  if (!s.ok() && out->pid) {
    stop_smbfs(*out, 0);
    *out = {};
  }
  return s;
}

bool smbfs_alive(const SmbfsDaemon& d) {
  return sys::process_alive(d.pid, d.start) && !exited(d.pid);
}

void stop_smbfs(const SmbfsDaemon& d, int grace_ms) {
  if (!smbfs_alive(d) || wait_gone(d, grace_ms)) return;
  // A daemon stuck in a libsmbclient call on a frozen server ends only by signal.
  kill(static_cast<pid_t>(d.pid), SIGTERM);
  if (wait_gone(d, 300)) return;
  if (smbfs_alive(d)) kill(static_cast<pid_t>(d.pid), SIGKILL);
  wait_gone(d, 1000);
}

}  // namespace npemu::posix
