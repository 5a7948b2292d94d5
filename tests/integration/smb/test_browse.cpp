// RESOURCE_GLOBALNET under a server: the shares the real smbd lists, through the
// public enumeration API (WNetOpenEnumW / WNetEnumResourceW / WNetCloseEnum).
#include "smb_env.hpp"

#include <npemu/winnetwk.h>

#include <doctest/doctest.h>

#include <map>
#include <vector>

using namespace smbtest;

namespace {

struct Entry {
  DWORD type, display, usage;
  std::wstring provider, comment;
};

// Every entry under `container`, fetched a few at a time (small buffer, many calls).
DWORD enumerate(const std::wstring& container, const wchar_t* provider, DWORD type,
                std::map<std::wstring, Entry>* out) {
  NETRESOURCEW nr{};
  nr.dwUsage = RESOURCEUSAGE_CONTAINER;
  nr.lpRemoteName = const_cast<LPWSTR>(container.c_str());
  nr.lpProvider = const_cast<LPWSTR>(provider);
  HANDLE h = nullptr;
  DWORD rc = WNetOpenEnumW(RESOURCE_GLOBALNET, type, 0, &nr, &h);
  if (rc != WN_SUCCESS) return rc;
  std::vector<unsigned char> buf(512);
  for (;;) {
    DWORD count = 2, size = static_cast<DWORD>(buf.size());
    rc = WNetEnumResourceW(h, &count, buf.data(), &size);
    if (rc == WN_NO_MORE_ENTRIES) break;
    if (rc != WN_SUCCESS) break;
    auto* e = reinterpret_cast<NETRESOURCEW*>(buf.data());
    for (DWORD i = 0; i < count; ++i)
      (*out)[e[i].lpRemoteName] = Entry{e[i].dwType, e[i].dwDisplayType, e[i].dwUsage,
                                        e[i].lpProvider, e[i].lpComment};
  }
  WNetCloseEnum(h);
  return rc == WN_NO_MORE_ENTRIES ? WN_SUCCESS : rc;
}

}  // namespace

TEST_CASE("RESOURCE_GLOBALNET under \\\\files lists the shares the smbd offers, by type") {
  Server s = fixture_server();
  Home h(s);
  std::map<std::wstring, Entry> all;
  REQUIRE(enumerate(L"\\\\files", L"smb", RESOURCETYPE_ANY, &all) == WN_SUCCESS);
  CHECK(all.size() == 3);  // no IPC$, no hidden '$' shares
  REQUIRE(all.count(L"\\\\files\\public") == 1);
  REQUIRE(all.count(L"\\\\files\\secure") == 1);
  REQUIRE(all.count(L"\\\\files\\laser") == 1);
  CHECK(all[L"\\\\files\\public"].type == RESOURCETYPE_DISK);
  CHECK(all[L"\\\\files\\secure"].type == RESOURCETYPE_DISK);
  CHECK(all[L"\\\\files\\laser"].type == RESOURCETYPE_PRINT);
  for (const auto& [name, e] : all) {
    CHECK(e.display == RESOURCEDISPLAYTYPE_SHARE);
    CHECK(e.usage == RESOURCEUSAGE_CONNECTABLE);
    CHECK(e.provider == L"smb");
  }
  std::map<std::wstring, Entry> disks, printers;
  CHECK(enumerate(L"\\\\files", L"smb", RESOURCETYPE_DISK, &disks) == WN_SUCCESS);
  CHECK(disks.size() == 2);
  CHECK(disks.count(L"\\\\files\\laser") == 0);
  CHECK(enumerate(L"\\\\files", L"smb", RESOURCETYPE_PRINT, &printers) == WN_SUCCESS);
  REQUIRE(printers.size() == 1);
  CHECK(printers.begin()->first == L"\\\\files\\laser");
  // Without naming the provider the router asks smb too.
  std::map<std::wstring, Entry> any;
  CHECK(enumerate(L"\\\\files", nullptr, RESOURCETYPE_ANY, &any) == WN_SUCCESS);
  CHECK(any.count(L"\\\\files\\secure") == 1);
}

TEST_CASE("a listed share connects: the enumeration's names are usable names") {
  Server s = fixture_server();
  Home h(s);
  std::map<std::wstring, Entry> disks;
  REQUIRE(enumerate(L"\\\\files", L"smb", RESOURCETYPE_DISK, &disks) == WN_SUCCESS);
  REQUIRE(disks.count(L"\\\\files\\public") == 1);
  CHECK(add("", "\\\\files\\public", nullptr, nullptr) == WN_SUCCESS);
  CHECK(cancel("\\\\files\\public", false) == WN_SUCCESS);
}

TEST_CASE("a server that is down lists nothing, at once, and the enumeration still works") {
  Server s = fixture_server();
  Server down = s;
  down.port = 1;  // nothing listens on tcpmux
  Home h(down);
  double t0 = now_s();
  std::map<std::wstring, Entry> all;
  CHECK(enumerate(L"\\\\files", L"smb", RESOURCETYPE_ANY, &all) == WN_SUCCESS);
  CHECK(all.empty());  // the config names no shares of its own for \\files
  CHECK(now_s() - t0 < 3.0);
}
