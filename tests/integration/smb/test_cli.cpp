// npnet against the real smbd: the lines a person sees, from a child process run
// with an argv (no shell), NPEMU_HOME a throw-away home naming the fixture's server.
// The password goes in through stdin only and is looked for in npnet's argv,
// environment and NPEMU_HOME.
#include "smb_env.hpp"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

extern char** environ;

using namespace smbtest;

namespace {

struct Run {
  int exit = -1;
  std::string out, err;
  bool secret_in_argv = true, secret_in_environ = true;  // until checked
  double seconds = 0;
};

std::string read_all(int fd) {
  std::string s;
  char buf[4096];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) s.append(buf, static_cast<std::size_t>(n));
  return s;
}

// npnet ARGS with `stdin_text` on its stdin. While npnet waits for its stdin (it
// has not got the password yet), its /proc/PID/cmdline and environ are read and
// searched for `secret`.
Run npnet(const std::vector<std::string>& args, const std::string& stdin_text, const std::string& secret) {
  int in[2], out[2], err[2];
  REQUIRE(pipe2(in, O_CLOEXEC) == 0);
  REQUIRE(pipe2(out, O_CLOEXEC) == 0);
  REQUIRE(pipe2(err, O_CLOEXEC) == 0);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, in[0], 0);
  posix_spawn_file_actions_adddup2(&fa, out[1], 1);
  posix_spawn_file_actions_adddup2(&fa, err[1], 2);
  std::vector<std::string> argv{NPNET};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> cargv;
  for (auto& a : argv) cargv.push_back(a.data());
  cargv.push_back(nullptr);
  Run r;
  double t0 = now_s();
  pid_t pid = -1;
  int rc = posix_spawn(&pid, NPNET, &fa, nullptr, cargv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  close(in[0]);
  close(out[1]);
  close(err[1]);
  REQUIRE(rc == 0);
  // posix_spawn returns after the exec: this is npnet's own argv and environment.
  r.secret_in_argv = slurp("/proc/" + std::to_string(pid) + "/cmdline").find(secret) != std::string::npos;
  r.secret_in_environ = slurp("/proc/" + std::to_string(pid) + "/environ").find(secret) != std::string::npos;
  signal(SIGPIPE, SIG_IGN);  // npnet may exit before it reads
  if (!stdin_text.empty() && write(in[1], stdin_text.data(), stdin_text.size()) < 0) {
  }
  close(in[1]);
  r.out = read_all(out[0]);
  r.err = read_all(err[0]);
  close(out[0]);
  close(err[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  r.seconds = now_s() - t0;
  r.exit = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

bool home_holds(const Home& h, const std::string& secret) {
  for (const auto& e : std::filesystem::recursive_directory_iterator(h.root))
    if (e.is_regular_file() && slurp(e.path().string()).find(secret) != std::string::npos) return true;
  return false;
}

std::string private_dir(const char* what) {
  return fixture_server().dir + "-cli-" + what + "-" + std::to_string(getpid());
}

const std::vector<std::string> kUseSecure{"use", "\\\\files\\secure", "--user", "npemu", "--password-stdin"};

}  // namespace

TEST_CASE("npnet use with --password-stdin and the right password connects") {
  Server s = fixture_server();
  Home h(s);
  Run r = npnet(kUseSecure, std::string(kPassword) + "\n", kPassword);
  CHECK(r.exit == 0);
  CHECK(r.out == "\\\\files\\secure is now connected.\n");
  CHECK(r.err.empty());
  CHECK_FALSE(r.secret_in_argv);
  CHECK_FALSE(r.secret_in_environ);
  CHECK_FALSE(home_holds(h, kPassword));
}

TEST_CASE("npnet use with a wrong password prints the WN_BAD_PASSWORD line and exits 1") {
  Server s = fixture_server();
  Home h(s);
  const std::string wrong = "wrong-pw-" + std::to_string(getpid());
  Run r = npnet(kUseSecure, wrong + "\n", wrong);
  CHECK(r.exit == 1);
  CHECK(r.out.empty());
  CHECK(r.err.rfind("npnet: WN_BAD_PASSWORD (86): ", 0) == 0);
  CHECK(r.err.find("\\\\files\\secure") != std::string::npos);
  CHECK(r.err.find(wrong) == std::string::npos);  // not echoed back either
  CHECK_FALSE(r.secret_in_argv);
  CHECK_FALSE(r.secret_in_environ);
  CHECK_FALSE(home_holds(h, wrong));
}

TEST_CASE("npnet use of a share that refuses the guest prints the WN_ACCESS_DENIED line") {
  Server s = fixture_server();
  Home h(s);
  // `secure` admits only npemu; without --user the session is a guest's.
  Run r = npnet({"use", "\\\\files\\secure"}, "", "\x01unused");
  CHECK(r.exit == 1);
  CHECK(r.err.rfind("npnet: WN_ACCESS_DENIED (5): ", 0) == 0);
}

TEST_CASE("npnet use against a stopped server prints the WN_NO_NETWORK line within the timeout") {
  Server s = start_server(private_dir("down"));
  int port = s.port;
  stop_server(s);  // nothing listens on its port any more
  Server down = s;
  down.port = port;
  Home h(down, 2000);
  Run r = npnet(kUseSecure, std::string(kPassword) + "\n", kPassword);
  CHECK(r.exit == 1);
  CHECK(r.err.rfind("npnet: WN_NO_NETWORK (1222): ", 0) == 0);
  CHECK(r.err.find("127.0.0.1:" + std::to_string(port)) != std::string::npos);
  CHECK(r.seconds < 2.0 + 2.0);  // the bound is timeout_ms; refused is at once
  CHECK_FALSE(r.secret_in_argv);
  CHECK_FALSE(home_holds(h, kPassword));
}

TEST_CASE("npnet use against a frozen server gives up with WN_NO_NETWORK within the timeout") {
  Server s = start_server(private_dir("frozen"));
  {
    Home h(s, 1500);
    kill(-s.pid, SIGSTOP);  // the kernel still accepts the TCP connection; smbd never answers
    Run r = npnet(kUseSecure, std::string(kPassword) + "\n", kPassword);
    CHECK(r.exit == 1);
    CHECK(r.err.rfind("npnet: WN_NO_NETWORK (1222): ", 0) == 0);
    CHECK(r.err.find("1500 ms") != std::string::npos);
    CHECK(r.seconds < 1.5 + 2.0);
    CHECK_FALSE(home_holds(h, kPassword));
  }
  stop_server(s);
}
