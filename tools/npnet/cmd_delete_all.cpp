// npnet use * --delete: what `net use * /delete` does: every connection goes,
// device and deviceless, and every remembered device is forgotten. Refused ones
// (open files without --force) are reported and left as they are; the rest go.
#include "commands.hpp"
#include "report.hpp"
#include "text.hpp"

#include <npemu/npemu.h>

#include <iostream>
#include <set>

namespace npnet {

int run_delete_all(bool force) {
  npemu_connection* list = nullptr;
  DWORD count = 0;
  DWORD rc = npemu_list_connections(NPEMU_LIST_CONNECTED | NPEMU_LIST_REMEMBERED, &list, &count);
  if (rc != WN_SUCCESS) return report_failure(rc, "*");
  std::vector<std::string> names;  // devices first seen, then each deviceless remote once
  std::set<std::string> seen;
  for (DWORD i = 0; i < count; ++i) {
    std::string local = narrow(list[i].local), remote = narrow(list[i].remote);
    std::string name = local.empty() ? remote : local;
    if (seen.insert(lower(name)).second) names.push_back(name);
  }
  npemu_free_connections(list, count);
  if (names.empty()) {
    std::cout << "There are no entries in the list.\n";
    return kExitOk;
  }
  int exit_code = kExitOk;
  for (const auto& name : names) {
    std::wstring w = widen(name);
    bool device = !looks_remote(name);
    rc = NPCancelConnection2(w.data(), force ? TRUE : FALSE, device ? CONNECT_UPDATE_PROFILE : 0);
    if (rc == WN_NOT_CONNECTED && device) {  // remembered only: forgotten
      std::string detail = last_detail(rc);
      DWORD forgot = npemu_forget(w.c_str());
      rc = forgot == WN_NOT_CONNECTED ? rc : forgot;
      if (rc != WN_SUCCESS) {
        exit_code = forgot == WN_NOT_CONNECTED ? report_failure(rc, detail, name) : report_failure(rc, name);
        continue;
      }
    }
    if (rc != WN_SUCCESS) {
      exit_code = report_failure(rc, name);
      continue;
    }
    std::cout << name << " was deleted successfully.\n";
  }
  return exit_code;
}

}  // namespace npnet
