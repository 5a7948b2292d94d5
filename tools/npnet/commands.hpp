// npnet's commands: each takes its parsed options and returns the exit code.
#pragma once
#include <npemu/npemu.h>

#include <optional>
#include <string>
#include <vector>

namespace npnet {

struct UseOptions {
  std::vector<std::string> names;  // [DEVICE|*] REMOTE, DEVICE alone, or DEVICE|REMOTE|* with --delete
  std::string user;
  bool password_stdin = false;
  std::optional<bool> persistent;  // --persistent / --no-persistent; unset: npnet's lasting default
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
// npnet use DEVICE: that connection's details, as `net use Z:` shows them.
int run_show(const std::string& device);
// npnet use * --delete: every connection, and the remembered devices, go.
int run_delete_all(bool force);

// A connection's status (npemu_connection.status) as the JSON says it ("ok",
// "disconnected", "unavailable") and as the table does ("OK", ...).
std::string status_word(DWORD status);
std::string status_title(DWORD status);

// Prints "npnet: MESSAGE" and "see: npnet COMMAND --help" on stderr; returns kExitUsage.
int usage_error(const std::string& message);

}  // namespace npnet
