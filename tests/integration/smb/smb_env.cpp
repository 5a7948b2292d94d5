#include "smb_env.hpp"

#include <boost/nowide/convert.hpp>

#include <dirent.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace smbtest {

const char* kPassword = "npemu-test-pw";

namespace {

std::string run_capture(const std::vector<std::string>& argv) {
  Child c(argv);
  std::string line = c.read_line();
  c.finish();
  return line;
}

std::string read_first_line(const std::string& path) {
  std::ifstream f(path);
  std::string s;
  std::getline(f, s);
  return s;
}

}  // namespace

Server fixture_server() {
  const char* dir = std::getenv("NPEMU_SMB_TEST_DIR");
  if (!dir) throw std::runtime_error("NPEMU_SMB_TEST_DIR is not set (run through ctest)");
  Server s;
  s.dir = dir;
  s.port = std::atoi(read_first_line(s.dir + "/smbd.port").c_str());
  s.pid = std::atoi(read_first_line(s.dir + "/smbd.pid").c_str());
  if (s.port <= 0) throw std::runtime_error("the fixture smbd is not running in " + s.dir);
  return s;
}

Server start_server(const std::string& dir, int port) {
  Server s;
  s.dir = dir;
  s.port = std::atoi(run_capture({NPEMU_SMBD_TEST, "start", dir, std::to_string(port)}).c_str());
  s.pid = std::atoi(read_first_line(dir + "/smbd.pid").c_str());
  if (s.port <= 0) throw std::runtime_error("could not start smbd in " + dir);
  return s;
}

void stop_server(const Server& s) {
  kill(-s.pid, SIGCONT);
  run_capture({NPEMU_SMBD_TEST, "stop", s.dir});
  std::error_code ec;
  std::filesystem::remove_all(s.dir, ec);  // a private server's directory goes with it
}

Server restart_server(const Server& s) {
  kill(-s.pid, SIGCONT);
  run_capture({NPEMU_SMBD_TEST, "stop", s.dir});
  Server again = start_server(s.dir, s.port);
  if (again.port != s.port) throw std::runtime_error("smbd came back on another port");
  return again;
}

Home::Home(const Server& s, int timeout_ms, int keep_conn_seconds) {
  char tmpl[] = "/tmp/npemu-smbtest-XXXXXX";
  root = mkdtemp(tmpl);
  std::ofstream(root + "/npemu.toml") << "providers = [\"local\", \"smb\"]\n"
                                      << "[servers.files]\naddress = \"127.0.0.1\"\nport = " << s.port
                                      << "\n[smb]\ntimeout_ms = " << timeout_ms << "\n";
  if (keep_conn_seconds >= 0) std::ofstream(root + "/npemu.toml", std::ios::app) << "keep_conn_seconds = " << keep_conn_seconds << "\n";
  setenv("NPEMU_HOME", root.c_str(), 1);
  npemu_reload();
}

Home::~Home() {
  std::error_code ec;
  std::filesystem::remove_all(root, ec);
}

std::wstring W(const std::string& s) { return boost::nowide::widen(s); }

DWORD add(const std::string& local, const std::string& remote, const char* user, const char* password,
          DWORD type) {
  std::wstring l = W(local), r = W(remote), u = user ? W(user) : L"", p = password ? W(password) : L"";
  NETRESOURCEW nr{};
  nr.dwType = type;
  nr.lpLocalName = local.empty() ? nullptr : l.data();
  nr.lpRemoteName = r.data();
  return NPAddConnection3(nullptr, &nr, password ? p.data() : nullptr, user ? u.data() : nullptr, 0);
}

DWORD cancel(const std::string& name, bool force) {
  std::wstring n = W(name);
  return NPCancelConnection(n.data(), force);
}

std::string last_error_text() {
  DWORD code = 0, len = 2000;
  std::wstring buf(len, L'\0');
  npemu_last_error(&code, buf.data(), &len);
  return boost::nowide::narrow(buf.c_str());
}

std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::vector<std::string> files_in(const std::string& dir) {
  std::vector<std::string> out;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d))
      if (e->d_name[0] != '.') out.push_back(dir + "/" + e->d_name);
    closedir(d);
  }
  return out;
}

double now_s() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

Child::Child(const std::vector<std::string>& argv) {
  int in[2], out[2];
  if (pipe(in) != 0 || pipe(out) != 0) throw std::runtime_error("pipe");
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, in[0], 0);
  posix_spawn_file_actions_adddup2(&fa, out[1], 1);
  posix_spawn_file_actions_addclose(&fa, in[1]);
  posix_spawn_file_actions_addclose(&fa, out[0]);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  int rc = posix_spawn(&pid_, args[0], &fa, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  close(in[0]);
  close(out[1]);
  in_ = in[1];
  out_ = out[0];
  if (rc != 0) throw std::runtime_error("posix_spawn " + argv[0]);
}

Child::~Child() { finish(); }

std::string Child::read_line() {
  std::string s;
  char ch;
  while (read(out_, &ch, 1) == 1 && ch != '\n') s += ch;
  return s;
}

void Child::send(const std::string& line) {
  std::string l = line + "\n";
  if (write(in_, l.data(), l.size()) < 0) return;
}

void Child::finish() {
  if (in_ >= 0) close(in_);
  in_ = -1;
  if (out_ >= 0) close(out_);
  out_ = -1;
  if (pid_ > 0) waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

}  // namespace smbtest
