// NPOpenEnum / NPEnumResource / NPCloseEnum of the provider DLL (exported under those
// names by npemu_np.def; named apart here so that they never clash with the core's
// own NP surface in the same link): what an MPR asks to list this provider's
// connections (WNetOpenEnumW, RESOURCE_CONNECTED) or remembered ones.
// The entries differ from the core router's in one thing: lpProvider is "npemu",
// the name the MPR routes by, not the backend's; the handle table and the packing
// (WNetEnumResourceW's buffer rules) are the core's. Wine's MPR reads every string
// of each NETRESOURCEW without a NULL check: the packer fills all four (empty, never NULL).
#include <npemu/npapi.h>

#include "../../core/src/engine.hpp"
#include "../../core/src/last_error.hpp"
#include "../../core/src/router/enum_handles.hpp"
#include "../../core/src/wide.hpp"

#include <string>
#include <vector>

using namespace npemu;

namespace {

bool wanted(DWORD filter, DWORD type) { return filter == RESOURCETYPE_ANY || (filter & type) != 0; }

NetEntry entry(DWORD scope, DWORD type, const std::string& local, const std::string& remote) {
  NetEntry n;
  n.scope = scope;
  n.type = type;
  n.local = to_wide(local);
  n.remote = to_wide(remote);
  n.provider = L"npemu";
  return n;
}

Status snapshot(DWORD scope, DWORD type, std::vector<NetEntry>* out) {
  if (scope == RESOURCE_GLOBALNET || scope == RESOURCE_CONTEXT) return Status::success();  // nothing to browse
  return with_engine([&](Engine& e) {
    if (scope == RESOURCE_CONNECTED) {
      for (const auto& lc : e.connections())
        if (lc.alive && wanted(type, lc.connection.type))
          out->push_back(entry(scope, lc.connection.type, lc.connection.local, lc.connection.remote));
    } else {
      for (const auto& p : e.profile())
        if (wanted(type, p.type)) out->push_back(entry(scope, p.type, p.local, p.remote));
    }
    return Status::success();
  });
}

}  // namespace

extern "C" {

DWORD WINAPI npemu_dll_OpenEnum(DWORD dwScope, DWORD dwType, DWORD /*dwUsage*/, LPNETRESOURCEW /*lpNetResource*/,
                                LPHANDLE lphEnum) {
  return run_entry([&]() -> Status {
    if (!lphEnum) return Status::fail(WN_BAD_POINTER, "lphEnum is NULL");
    if (dwScope != RESOURCE_CONNECTED && dwScope != RESOURCE_REMEMBERED &&
        dwScope != RESOURCE_GLOBALNET && dwScope != RESOURCE_CONTEXT)
      return Status::fail(WN_BAD_VALUE, "unknown scope " + std::to_string(dwScope));
    std::vector<NetEntry> entries;
    Status st = snapshot(dwScope, dwType, &entries);
    if (!st.ok()) return st;
    *lphEnum = open_enum_handle(std::move(entries));
    return Status::success();
  });
}

DWORD WINAPI npemu_dll_EnumResource(HANDLE hEnum, LPDWORD lpcCount, LPVOID lpBuffer, LPDWORD lpBufferSize) {
  return run_entry([&] { return enum_next(hEnum, lpcCount, lpBuffer, lpBufferSize); });
}

DWORD WINAPI npemu_dll_CloseEnum(HANDLE hEnum) {
  return run_entry([&] { return close_enum_handle(hEnum); });
}

}  // extern "C"
