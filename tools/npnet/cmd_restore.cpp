// npnet restore: reconnect every remembered device that is not connected (what a
// Windows logon does with HKCU\Network), each through the provider that made it.
#include "commands.hpp"
#include "report.hpp"
#include "text.hpp"

#include <npemu/npemu.h>

#include <iostream>
#include <vector>

namespace npnet {

namespace {

struct Remembered {
  std::string local, remote, provider, user;
  DWORD type;
};

}  // namespace

int run_restore() {
  npemu_connection* list = nullptr;
  DWORD count = 0;
  DWORD rc = npemu_list_connections(NPEMU_LIST_REMEMBERED, &list, &count);
  if (rc != WN_SUCCESS) return report_failure(rc, "");
  std::vector<Remembered> todo;
  for (DWORD i = 0; i < count; ++i)
    if (list[i].status != WN_SUCCESS)
      todo.push_back({narrow(list[i].local), narrow(list[i].remote), narrow(list[i].provider),
                      narrow(list[i].user), list[i].type});
  npemu_free_connections(list, count);

  int exit_code = kExitOk;
  for (const auto& r : todo) {
    std::wstring local = widen(r.local), remote = widen(r.remote), provider = widen(r.provider),
                 user = widen(r.user);
    NETRESOURCEW nr{};
    nr.dwType = r.type;
    nr.lpLocalName = local.data();
    nr.lpRemoteName = remote.data();
    nr.lpProvider = provider.data();
    // No CONNECT_UPDATE_PROFILE: the profile already holds it.
    rc = NPAddConnection3(nullptr, &nr, nullptr, r.user.empty() ? nullptr : user.data(), 0);
    if (rc == WN_SUCCESS) {
      std::cout << r.local << " is now connected to " << r.remote << ".\n";
    } else {
      exit_code = report_failure(rc, r.local);
    }
  }
  if (todo.empty()) std::cout << "Nothing to restore: every remembered connection is connected.\n";
  return exit_code;
}

}  // namespace npnet
