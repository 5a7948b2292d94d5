// What the smb tests share: the fixture's smbd, a throw-away NPEMU_HOME pointing
// [servers.files] at it, and small wrappers over the public API.
#pragma once
#include <npemu/npemu.h>

#include <string>
#include <vector>

namespace smbtest {

extern const char* kPassword;  // the fixture server's password for user npemu

struct Server {
  std::string dir;  // scripts/smbd-test DIR
  int port = 0;
  int pid = 0;      // smbd's pid (= its process group)
};

// The server the ctest fixture started (NPEMU_SMB_TEST_DIR), or a private one.
Server fixture_server();
Server start_server(const std::string& dir, int port = 0);  // scripts/smbd-test start DIR PORT
void stop_server(const Server& s);
// smbd stopped and started again in the same directory on the same port.
Server restart_server(const Server& s);

// A private smbd (scripts/smbd-test start DIR 0), stopped however the test case
// ends, a failed REQUIRE included.
struct PrivateServer {
  explicit PrivateServer(const std::string& dir) : s(start_server(dir)) {}
  ~PrivateServer() { stop_server(s); }
  PrivateServer(const PrivateServer&) = delete;
  PrivateServer& operator=(const PrivateServer&) = delete;
  Server s;
};

// A fresh NPEMU_HOME whose npemu.toml names the server as `files`;
// keep_conn_seconds < 0: the key is left out (the default).
class Home {
 public:
  Home(const Server& s, int timeout_ms = 3000, int keep_conn_seconds = -1);
  ~Home();
  std::string root;
};

DWORD add(const std::string& local, const std::string& remote, const char* user, const char* password,
          DWORD type = RESOURCETYPE_DISK);
DWORD cancel(const std::string& name, bool force);
std::string last_error_text();
std::wstring W(const std::string& s);
std::string slurp(const std::string& path);
std::vector<std::string> files_in(const std::string& dir);
double now_s();

// A process started from argv (no shell), stdin/stdout piped.
class Child {
 public:
  explicit Child(const std::vector<std::string>& argv);
  ~Child();
  std::string read_line();
  void send(const std::string& line);
  void finish();
  int pid() const { return pid_; }

 private:
  int pid_ = -1, in_ = -1, out_ = -1;
};

}  // namespace smbtest
