#include "test_support.hpp"

#include <boost/nowide/convert.hpp>

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

extern char** environ;

namespace npemu_test {

const std::string& TempHome::default_config_marker() {
  static const std::string marker = "<default>";
  return marker;
}

TempHome::TempHome(const std::string& config) {
  char tmpl[] = "/tmp/npemu-test-XXXXXX";
  if (!mkdtemp(tmpl)) throw std::runtime_error("mkdtemp failed");
  root_ = tmpl;
  std::filesystem::create_directories(share("public") + "/docs");
  std::filesystem::create_directories(share("other"));
  std::filesystem::create_directories(spool());
  std::ofstream(share("public") + "/docs/readme.txt") << "hello from the share\n";
  setenv("NPEMU_HOME", (root_ + "/home").c_str(), 1);
  std::filesystem::create_directories(root_ + "/home");
  if (config == default_config_marker()) {
    write_config("[local.shares.'\\\\files\\public']\npath = \"" + share("public") + "\"\n" +
                 "[local.shares.'\\\\files\\other']\npath = \"" + share("other") + "\"\n" +
                 "[local.printers.'\\\\files\\laser']\nspool = \"" + spool() + "\"\n");
  } else if (!config.empty()) {
    write_config(config);
  }
  npemu_reload();
}

TempHome::~TempHome() {
  npemu_reload();
  std::error_code ec;
  std::filesystem::remove_all(root_, ec);
}

void TempHome::write_config(const std::string& text) const {
  std::ofstream(root_ + "/home/npemu.toml") << text;
  npemu_reload();
}

Child::Child(const std::vector<std::string>& argv) {
  int to_child[2], from_child[2];
  if (pipe2(to_child, O_CLOEXEC) != 0 || pipe2(from_child, O_CLOEXEC) != 0)
    throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, to_child[0], 0);
  posix_spawn_file_actions_adddup2(&fa, from_child[1], 1);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid;
  int rc = posix_spawn(&pid, args[0], &fa, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  close(to_child[0]);
  close(from_child[1]);
  if (rc != 0) throw std::runtime_error("cannot start " + argv[0]);
  pid_ = pid;
  in_ = to_child[1];
  out_ = from_child[0];
}

Child::~Child() { finish(); }

std::string Child::read_line() {
  std::string line;
  char c;
  while (read(out_, &c, 1) == 1 && c != '\n') line += c;
  return line;
}

void Child::send(const std::string& line) {
  std::string l = line + "\n";
  if (in_ >= 0 && write(in_, l.data(), l.size()) != static_cast<ssize_t>(l.size())) close(in_), in_ = -1;
}

void Child::finish() {
  if (in_ >= 0) close(in_);
  if (out_ >= 0) close(out_);
  in_ = out_ = -1;
  if (pid_ > 0) waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

int Child::wait() {
  if (in_ >= 0) close(in_);
  if (out_ >= 0) close(out_);
  in_ = out_ = -1;
  int status = 0;
  if (pid_ > 0 && waitpid(pid_, &status, 0) != pid_) status = -1;
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : WIFSIGNALED(status) ? 128 + WTERMSIG(status) : -1;
}

std::string helper(const std::string& name) { return std::string(NPEMU_TEST_BIN_DIR) + "/" + name; }
std::wstring W(const std::string& s) { return boost::nowide::widen(s); }
std::string U(const std::wstring& s) { return boost::nowide::narrow(s); }

DWORD add(const std::string& local, const std::string& remote, DWORD flags, DWORD type) {
  std::wstring l = W(local), r = W(remote);
  NETRESOURCEW nr{};
  nr.dwType = type;
  nr.lpLocalName = local.empty() ? nullptr : l.data();
  nr.lpRemoteName = r.data();
  return NPAddConnection3(nullptr, &nr, nullptr, nullptr, flags);
}

DWORD cancel(const std::string& name, bool force) {
  std::wstring n = W(name);
  return NPCancelConnection(n.data(), force);
}

DWORD get(const std::string& local, std::string* remote) {
  std::wstring l = W(local);
  WCHAR buf[400];
  DWORD len = 400;
  DWORD rc = NPGetConnection(l.data(), buf, &len);
  if (rc == WN_SUCCESS && remote) *remote = U(buf);
  return rc;
}

std::string last_error_text() {
  DWORD code = 0, len = 0;
  npemu_last_error(&code, nullptr, &len);
  std::wstring buf(len, L'\0');
  npemu_last_error(&code, buf.data(), &len);
  return U(buf.c_str());
}

bool exists(const std::string& path) {
  struct stat st;
  return lstat(path.c_str(), &st) == 0;
}

std::string read_link(const std::string& path) {
  std::error_code ec;
  return std::filesystem::read_symlink(path, ec).string();
}

}  // namespace npemu_test
