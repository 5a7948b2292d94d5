// npnet use DEVICE: one connection's details, as `net use Z:` shows them.
#include "commands.hpp"
#include "report.hpp"
#include "text.hpp"

#include <npemu/npemu.h>

#include <iostream>

namespace npnet {

int run_show(const std::string& device) {
  if (!looks_device(device))
    return report_failure(WN_BAD_LOCALNAME,
                          "'" + device + "' is not a drive (A: to Z:) or a printer port (LPT1: to LPT9:)", device);
  const std::string want = device_display(device);
  npemu_connection* list = nullptr;
  DWORD count = 0;
  DWORD rc = npemu_list_connections(NPEMU_LIST_CONNECTED | NPEMU_LIST_REMEMBERED, &list, &count);
  if (rc != WN_SUCCESS) return report_failure(rc, want);
  const npemu_connection* found = nullptr;
  for (DWORD i = 0; i < count && !found; ++i)
    if (upper(narrow(list[i].local)) == want) found = &list[i];
  if (found) {
    std::string user = narrow(found->user);
    auto row = [](const char* key, const std::string& value) {
      std::cout << key << std::string(18 - std::string(key).size(), ' ') << value << "\n";
    };
    row("Local name", want);
    row("Remote name", narrow(found->remote));
    row("Resource type", found->type == RESOURCETYPE_PRINT ? "Print" : "Disk");
    row("Provider", narrow(found->provider));
    row("Status", status_title(found->status));
    row("Remembered", found->remembered ? "Yes (npnet restore reconnects it)" : "No");
    row("User name", user.empty() ? "(none)" : user);
  }
  npemu_free_connections(list, count);
  if (!found) return report_failure(WN_NOT_CONNECTED, want + " is neither connected nor remembered", want);
  return kExitOk;
}

}  // namespace npnet
