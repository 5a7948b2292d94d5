// npnet's commands: each takes its parsed options and returns the exit code.
#pragma once
#include <string>
#include <vector>

namespace npnet {

struct UseOptions {
  std::vector<std::string> names;  // [DEVICE|*] REMOTE, or DEVICE|REMOTE with --delete
  std::string user;
  bool password_stdin = false;
  bool persistent = false;
  bool remove = false;  // --delete, /delete
  bool force = false;   // --force, /y
};

struct ListOptions {
  bool remembered = false;
  bool json = false;
};

// Windows only: npnet provider install [DLL] | uninstall.
struct ProviderOptions {
  bool uninstall = false;
  std::string dll;  // install: the provider DLL (default: npemu_np.dll beside npnet.exe)
};

int run_use(const UseOptions& o);
int run_list(const ListOptions& o);
int run_restore();
int run_providers();
int run_provider(const ProviderOptions& o);

// Prints a usage error for the command and returns kExitUsage.
int usage_error(const std::string& message);

}  // namespace npnet
