// The Windows counterpart of tests/unit/test_support's TempHome: a throw-away
// NPEMU_HOME under %TEMP% with `local` shares \\files\public and \\files\other.
#pragma once
#include <npemu/npemu.h>

#include <string>

namespace npemu_wintest {

class WinHome {
 public:
  // tag: added to the directory's name ("Zoë": a home under a non-ASCII user name).
  explicit WinHome(const std::string& tag = "");
  ~WinHome();
  const std::string& root() const { return root_; }
  std::string share(const std::string& name = "public") const { return root_ + "\\srv\\" + name; }

 private:
  std::string root_;
};

std::wstring W(const std::string& s);
// A drive letter no one uses ("R:"), searching down from 'Y'.
std::string free_drive();
DWORD add(const std::string& local, const std::string& remote, DWORD flags = 0);
DWORD cancel(const std::string& name, bool force);

}  // namespace npemu_wintest
