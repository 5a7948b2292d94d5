// What every test shares: a throw-away NPEMU_HOME with shares, and real child
// processes (spawned with an argument vector, never a shell).
#pragma once
#include <npemu/npemu.h>

#include <string>
#include <vector>

namespace npemu_test {

// A fresh $NPEMU_HOME under /tmp with a `local` share \\files\public (and
// \\files\other, printer \\files\laser) unless told otherwise; removed on exit.
class TempHome {
 public:
  explicit TempHome(const std::string& config = default_config_marker());
  ~TempHome();
  const std::string& root() const { return root_; }
  std::string share(const std::string& name = "public") const { return root_ + "/srv/" + name; }
  std::string spool() const { return root_ + "/spool/laser"; }
  void write_config(const std::string& text) const;
  static const std::string& default_config_marker();

 private:
  std::string root_;
};

// A child process started from argv, with its stdin and stdout piped.
class Child {
 public:
  explicit Child(const std::vector<std::string>& argv);
  ~Child();
  std::string read_line();  // one line of its stdout (without the newline)
  void send(const std::string& line);  // one line to its stdin
  void finish();            // close its stdin and wait for it
  int wait();               // close its stdin, wait, and give its exit code (128 + signal when killed)
  int pid() const { return pid_; }

 private:
  int pid_ = -1;
  int in_ = -1;
  int out_ = -1;
};

std::string helper(const std::string& name);  // path of a test helper binary
std::wstring W(const std::string& s);
std::string U(const std::wstring& s);

DWORD add(const std::string& local, const std::string& remote, DWORD flags = 0,
          DWORD type = RESOURCETYPE_DISK);
DWORD cancel(const std::string& name, bool force);
DWORD get(const std::string& local, std::string* remote = nullptr);
std::string last_error_text();
bool exists(const std::string& path);       // lstat: links count, even dangling
std::string read_link(const std::string& path);

}  // namespace npemu_test
