// NPOpenEnum / NPEnumResource / NPCloseEnum of the provider DLL (exported under those
// names by npemu_np.def; named apart here so that they never clash with the core's
// own NP surface in the same link): what an MPR asks
// to list this provider's connections (WNetOpenEnumW, RESOURCE_CONNECTED).
// Wine's MPR reads every string of each NETRESOURCEW without a NULL check, so all
// four strings are always filled (empty, never NULL).
#include <npemu/npapi.h>

#include "../../core/src/engine.hpp"
#include "../../core/src/last_error.hpp"
#include "../../core/src/wide.hpp"

#include <cstring>
#include <mutex>
#include <set>
#include <string>
#include <vector>

using namespace npemu;

namespace {

struct Entry {
  std::wstring local, remote, comment, provider;
  DWORD type = RESOURCETYPE_DISK;
};

struct Enumeration {
  DWORD scope = RESOURCE_CONNECTED;
  std::vector<Entry> entries;
  std::size_t next = 0;
};

// Live handles: a handle the MPR passes back is checked before it is used.
std::mutex handles_mu;
std::set<Enumeration*> handles;

Enumeration* find(HANDLE h) {
  std::lock_guard lock(handles_mu);
  auto* e = static_cast<Enumeration*>(h);
  return handles.count(e) ? e : nullptr;
}

bool wanted(DWORD filter, DWORD type) { return filter == RESOURCETYPE_ANY || (filter & type) != 0; }

Status snapshot(DWORD scope, DWORD type, Enumeration* out) {
  out->scope = scope;
  if (scope == RESOURCE_GLOBALNET || scope == RESOURCE_CONTEXT) return Status::success();  // nothing to browse
  return with_engine([&](Engine& e) {
    if (scope == RESOURCE_CONNECTED) {
      for (const auto& lc : e.connections())
        if (lc.alive && wanted(type, lc.connection.type))
          out->entries.push_back({to_wide(lc.connection.local), to_wide(lc.connection.remote), L"",
                                  L"npemu", lc.connection.type});
    } else {
      for (const auto& p : e.profile())
        if (wanted(type, p.type))
          out->entries.push_back({to_wide(p.local), to_wide(p.remote), L"", L"npemu", p.type});
    }
    return Status::success();
  });
}

// Bytes one entry takes in the caller's buffer: the struct and its four strings.
std::size_t entry_size(const Entry& e) {
  return sizeof(NETRESOURCEW) + (e.local.size() + e.remote.size() + e.comment.size() +
                                 e.provider.size() + 4) * sizeof(WCHAR);
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
    auto e = std::make_unique<Enumeration>();
    Status st = snapshot(dwScope, dwType, e.get());
    if (!st.ok()) return st;
    std::lock_guard lock(handles_mu);
    handles.insert(e.get());
    *lphEnum = e.release();
    return Status::success();
  });
}

DWORD WINAPI npemu_dll_EnumResource(HANDLE hEnum, LPDWORD lpcCount, LPVOID lpBuffer, LPDWORD lpBufferSize) {
  return run_entry([&]() -> Status {
    Enumeration* e = find(hEnum);
    if (!e) return Status::fail(WN_BAD_HANDLE, "not an open enumeration");
    if (!lpcCount || !lpBufferSize || (!lpBuffer && *lpBufferSize))
      return Status::fail(WN_BAD_POINTER, "NULL count, size or buffer");
    if (e->next >= e->entries.size()) {
      *lpcCount = 0;
      return Status::fail(WN_NO_MORE_ENTRIES, "no more entries");
    }
    // Structs from the front, strings from the back, as Windows' providers lay them out.
    auto* base = static_cast<BYTE*>(lpBuffer);
    auto* res = static_cast<NETRESOURCEW*>(lpBuffer);
    BYTE* strings_end = base + *lpBufferSize;
    DWORD want = *lpcCount, got = 0;
    std::size_t used = 0;
    auto put = [&](const std::wstring& s) {
      strings_end -= (s.size() + 1) * sizeof(WCHAR);
      std::memcpy(strings_end, s.c_str(), (s.size() + 1) * sizeof(WCHAR));
      return reinterpret_cast<LPWSTR>(strings_end);
    };
    while (e->next < e->entries.size() && (want == 0xFFFFFFFF || got < want)) {
      const Entry& en = e->entries[e->next];
      if (used + entry_size(en) > *lpBufferSize) break;
      NETRESOURCEW& r = res[got];
      r.dwScope = e->scope;
      r.dwType = en.type;
      r.dwDisplayType = RESOURCEDISPLAYTYPE_SHARE;
      r.dwUsage = RESOURCEUSAGE_CONNECTABLE;
      r.lpLocalName = put(en.local);
      r.lpRemoteName = put(en.remote);
      r.lpComment = put(en.comment);
      r.lpProvider = put(en.provider);
      used += entry_size(en);
      ++got;
      ++e->next;
    }
    *lpcCount = got;
    if (got == 0) {
      *lpBufferSize = static_cast<DWORD>(entry_size(e->entries[e->next]));
      return Status::fail(WN_MORE_DATA, "the buffer holds no entry");
    }
    return Status::success();
  });
}

DWORD WINAPI npemu_dll_CloseEnum(HANDLE hEnum) {
  return run_entry([&]() -> Status {
    std::unique_ptr<Enumeration> owned;
    {
      std::lock_guard lock(handles_mu);
      auto* e = static_cast<Enumeration*>(hEnum);
      if (!handles.erase(e)) return Status::fail(WN_BAD_HANDLE, "not an open enumeration");
      owned.reset(e);
    }
    return Status::success();
  });
}

}  // extern "C"
