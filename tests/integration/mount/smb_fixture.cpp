#include "smb_fixture.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

extern char** environ;

namespace mount_test {

std::string smbd_test(const std::vector<std::string>& args, int* status) {
  std::vector<std::string> argv{std::string(NPEMU_SOURCE_DIR) + "/scripts/smbd-test"};
  argv.insert(argv.end(), args.begin(), args.end());
  *status = -1;
  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0) return {};  // smbd must not inherit it, or EOF never comes
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, out[1], 1);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  std::vector<char*> a;
  for (auto& s : argv) a.push_back(s.data());
  a.push_back(nullptr);
  pid_t pid;
  int rc = posix_spawn(&pid, a[0], &fa, nullptr, a.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  close(out[1]);
  std::string text;
  char buf[256];
  ssize_t n;
  while (rc == 0 && (n = read(out[0], buf, sizeof buf)) > 0) text.append(buf, static_cast<std::size_t>(n));
  close(out[0]);
  if (rc == 0) waitpid(pid, status, 0);
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

// Matched by cmdline, which an exiting process loses before it is a zombie: for
// "has it exited" a caller watches /proc/PID/stat.
std::vector<pid_t> smbfs_daemons(const std::string& drive) {
  std::vector<pid_t> found;
  for (auto& e : std::filesystem::directory_iterator("/proc")) {
    std::string name = e.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::string cmd = slurp("/proc/" + name + "/cmdline");
    std::vector<std::string> args;
    std::size_t start = 0, nul;
    while ((nul = cmd.find('\0', start)) != std::string::npos) args.push_back(cmd.substr(start, nul - start)), start = nul + 1;
    std::string state = slurp("/proc/" + name + "/stat");
    auto close = state.rfind(')');
    bool zombie = close != std::string::npos && close + 2 < state.size() && state[close + 2] == 'Z';
    if (!zombie && !args.empty() && args[0].find("npemu-smbfs") != std::string::npos && args.back() == drive)
      found.push_back(static_cast<pid_t>(std::atoi(name.c_str())));
  }
  return found;
}

std::string test_password() {
  const char* pw = std::getenv("NPEMU_TEST_PASSWORD");
  return pw ? pw : "npemu-test-pw";
}

SmbHome::SmbHome() {
  // smbd opens share files as user npemu: it must be able to pass through the temp dir.
  chmod(home.root().c_str(), 0711);
  int status;
  port = smbd_test({"start", server_dir, "0"}, &status);
  up = status == 0 && !port.empty();
  home.write_config("providers = [\"local\", \"mount\"]\n[servers.files]\naddress = \"127.0.0.1\"\nport = " +
                    (up ? port : std::string("1")) + "\n[smb]\ntimeout_ms = 2000\n");
  npemu_reload();
}

SmbHome::~SmbHome() {
  while (mounted_at(drive)) umount2(drive.c_str(), MNT_FORCE | MNT_DETACH);
  for (pid_t p : smbfs_daemons(drive)) kill(p, SIGKILL);
  int status;
  smbd_test({"stop", server_dir}, &status);  // also SIGCONTs a stopped server
}

pid_t SmbHome::smbd_pid() const { return static_cast<pid_t>(std::atoi(slurp(server_dir + "/smbd.pid").c_str())); }

DWORD add_as(const std::string& local, const std::string& remote, const char* user, const char* password) {
  std::wstring l = npemu_test::W(local), r = npemu_test::W(remote);
  std::wstring u = npemu_test::W(user ? user : ""), p = npemu_test::W(password ? password : "");
  NETRESOURCEW nr{};
  nr.dwType = RESOURCETYPE_DISK;
  nr.lpLocalName = l.data();
  nr.lpRemoteName = r.data();
  return NPAddConnection3(nullptr, &nr, password ? p.data() : nullptr, user ? u.data() : nullptr, 0);
}

}  // namespace mount_test
