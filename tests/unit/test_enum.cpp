// Enumeration (WNetOpenEnumW/WNetEnumResourceW/WNetCloseEnum and the NP ones):
// connected, remembered and global scopes, split across many calls, buffer
// sizes, bad handles, concurrent enumerations, routing over two providers.
#include <doctest/doctest.h>

#include "test_support.hpp"

#include <npemu/npapi.h>
#include <npemu/winnetwk.h>

#include <unistd.h>

#include <filesystem>
#include <set>
#include <thread>
#include <vector>

using namespace npemu_test;

namespace {

struct Seen {
  std::wstring local, remote, provider, comment;
  DWORD scope, type, display, usage;
};

DWORD wadd(const std::wstring& local, const std::wstring& remote, DWORD flags = 0, DWORD type = RESOURCETYPE_DISK) {
  NETRESOURCEW nr{};
  nr.dwType = type;
  nr.lpLocalName = local.empty() ? nullptr : const_cast<LPWSTR>(local.c_str());
  nr.lpRemoteName = const_cast<LPWSTR>(remote.c_str());
  return WNetAddConnection2W(&nr, nullptr, nullptr, flags);
}

// Reads a whole enumeration, `per_call` entries (or as many as fit) at a time.
std::vector<Seen> enumerate(DWORD scope, DWORD type, NETRESOURCEW* container = nullptr, DWORD per_call = 0xFFFFFFFF,
                            DWORD bufsize = 16384, int* calls = nullptr, bool np = false) {
  HANDLE h = nullptr;
  DWORD rc = np ? NPOpenEnum(scope, type, 0, container, &h) : WNetOpenEnumW(scope, type, 0, container, &h);
  REQUIRE(rc == WN_SUCCESS);
  std::vector<Seen> out;
  std::vector<unsigned char> buf(bufsize);
  for (int guard = 0; guard < 100000; ++guard) {
    DWORD count = per_call, size = bufsize;
    rc = np ? NPEnumResource(h, &count, buf.data(), &size) : WNetEnumResourceW(h, &count, buf.data(), &size);
    if (calls) ++*calls;
    if (rc == WN_NO_MORE_ENTRIES) break;
    REQUIRE(rc == WN_SUCCESS);
    REQUIRE(count > 0);
    REQUIRE(count <= per_call);
    auto* nr = reinterpret_cast<NETRESOURCEW*>(buf.data());
    for (DWORD i = 0; i < count; ++i) {
      // Every string is set (never NULL) and lies inside the buffer, after the structures.
      for (LPWSTR s : {nr[i].lpLocalName, nr[i].lpRemoteName, nr[i].lpComment, nr[i].lpProvider}) {
        REQUIRE(s != nullptr);
        auto* p = reinterpret_cast<unsigned char*>(s);
        REQUIRE(p >= buf.data() + count * sizeof(NETRESOURCEW));
        REQUIRE(p < buf.data() + bufsize);
      }
      out.push_back({nr[i].lpLocalName, nr[i].lpRemoteName, nr[i].lpProvider, nr[i].lpComment, nr[i].dwScope,
                     nr[i].dwType, nr[i].dwDisplayType, nr[i].dwUsage});
    }
  }
  CHECK((np ? NPCloseEnum(h) : WNetCloseEnum(h)) == WN_SUCCESS);
  return out;
}

std::size_t entry_size(const Seen& s) {
  return sizeof(NETRESOURCEW) +
         sizeof(WCHAR) * (s.local.size() + s.remote.size() + s.comment.size() + s.provider.size() + 4);
}

}  // namespace

TEST_CASE("enum: connected, by type, split one per call") {
  TempHome home;
  REQUIRE(wadd(L"Z:", L"\\\\files\\public") == WN_SUCCESS);
  REQUIRE(wadd(L"", L"\\\\files\\other") == WN_SUCCESS);
  REQUIRE(wadd(L"LPT1:", L"\\\\files\\laser", 0, RESOURCETYPE_PRINT) == WN_SUCCESS);
  auto all = enumerate(RESOURCE_CONNECTED, RESOURCETYPE_ANY);
  REQUIRE(all.size() == 3);
  std::set<std::wstring> names;
  for (const auto& s : all) {
    names.insert(s.local + L"=" + s.remote);
    CHECK(s.scope == RESOURCE_CONNECTED);
    CHECK(s.provider == L"local");
  }
  CHECK(names == std::set<std::wstring>{L"Z:=\\\\files\\public", L"=\\\\files\\other", L"LPT1:=\\\\files\\laser"});
  CHECK(enumerate(RESOURCE_CONNECTED, RESOURCETYPE_DISK).size() == 2);
  CHECK(enumerate(RESOURCE_CONNECTED, RESOURCETYPE_PRINT).size() == 1);
  int calls = 0;
  CHECK(enumerate(RESOURCE_CONNECTED, RESOURCETYPE_ANY, nullptr, 1, 16384, &calls).size() == 3);
  CHECK(calls == 4);  // three entries, then WN_NO_MORE_ENTRIES
  CHECK(enumerate(RESOURCE_CONNECTED, RESOURCETYPE_ANY, nullptr, 0xFFFFFFFF, 16384, nullptr, true).size() == 3);
}

TEST_CASE("enum: buffer 0, one short, exact and large, bad handles and pointers") {
  TempHome home;
  REQUIRE(wadd(L"Z:", L"\\\\files\\public") == WN_SUCCESS);
  REQUIRE(wadd(L"Y:", L"\\\\files\\other") == WN_SUCCESS);
  auto all = enumerate(RESOURCE_CONNECTED, RESOURCETYPE_ANY);
  REQUIRE(all.size() == 2);
  HANDLE h = nullptr;
  REQUIRE(WNetOpenEnumW(RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, nullptr, &h) == WN_SUCCESS);
  DWORD count = 0xFFFFFFFF, size = 0;
  CHECK(WNetEnumResourceW(h, &count, nullptr, &size) == WN_MORE_DATA);
  const DWORD first = static_cast<DWORD>(entry_size(all[0]));
  CHECK(size == first);
  std::vector<unsigned char> buf(4096, 0xAB);
  size = first - 1;
  CHECK(WNetEnumResourceW(h, &count, buf.data(), &size) == WN_MORE_DATA);
  CHECK(size == first);
  CHECK(buf[0] == 0xAB);
  size = first;  // exact: exactly one entry, nothing written past it
  CHECK(WNetEnumResourceW(h, &count, buf.data(), &size) == WN_SUCCESS);
  CHECK(count == 1);
  CHECK(buf[first] == 0xAB);
  count = 0xFFFFFFFF;
  size = 4096;  // large: the rest
  CHECK(WNetEnumResourceW(h, &count, buf.data(), &size) == WN_SUCCESS);
  CHECK(count == 1);
  CHECK(WNetEnumResourceW(h, &count, buf.data(), &size) == WN_NO_MORE_ENTRIES);
  CHECK(count == 0);
  CHECK(WNetEnumResourceW(h, nullptr, buf.data(), &size) == WN_BAD_POINTER);
  CHECK(WNetEnumResourceW(h, &count, buf.data(), nullptr) == WN_BAD_POINTER);
  CHECK(WNetCloseEnum(h) == WN_SUCCESS);
  count = 1;
  CHECK(WNetEnumResourceW(h, &count, buf.data(), &size) == WN_BAD_HANDLE);
  CHECK(WNetCloseEnum(h) == WN_BAD_HANDLE);
  CHECK(WNetCloseEnum(nullptr) == WN_BAD_HANDLE);
  CHECK(NPCloseEnum(reinterpret_cast<HANDLE>(0x1234)) == WN_BAD_HANDLE);
  CHECK(WNetOpenEnumW(RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, nullptr, nullptr) == WN_BAD_POINTER);
  CHECK(WNetOpenEnumW(99, RESOURCETYPE_ANY, 0, nullptr, &h) == WN_BAD_VALUE);
  CHECK(WNetOpenEnumW(RESOURCE_CONNECTED, 5, 0, nullptr, &h) == WN_BAD_VALUE);
  CHECK(NPOpenEnum(RESOURCE_CONTEXT, RESOURCETYPE_ANY, 0, nullptr, &h) == WN_NOT_SUPPORTED);
  count = 0;
  REQUIRE(WNetOpenEnumW(RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, nullptr, &h) == WN_SUCCESS);
  CHECK(WNetEnumResourceW(h, &count, buf.data(), &size) == WN_BAD_VALUE);
  count = 1, size = 8;
  CHECK(WNetEnumResourceW(h, &count, nullptr, &size) == WN_BAD_POINTER);
  CHECK(WNetCloseEnum(h) == WN_SUCCESS);
}

TEST_CASE("enum: remembered entries") {
  TempHome home;
  REQUIRE(wadd(L"Z:", L"\\\\files\\public", CONNECT_UPDATE_PROFILE) == WN_SUCCESS);
  REQUIRE(wadd(L"Y:", L"\\\\files\\other") == WN_SUCCESS);
  REQUIRE(WNetCancelConnection2W(L"Z:", 0, FALSE) == WN_SUCCESS);
  auto rem = enumerate(RESOURCE_REMEMBERED, RESOURCETYPE_ANY);
  REQUIRE(rem.size() == 1);
  CHECK(rem[0].local == L"Z:");
  CHECK(rem[0].remote == L"\\\\files\\public");
  CHECK(rem[0].scope == RESOURCE_REMEMBERED);
  CHECK(enumerate(RESOURCE_CONNECTED, RESOURCETYPE_ANY).size() == 1);
}

TEST_CASE("enum: the global tree from the config: networks, servers, shares") {
  TempHome home;
  auto top = enumerate(RESOURCE_GLOBALNET, RESOURCETYPE_ANY);
  REQUIRE(top.size() >= 1);
  CHECK(top[0].remote == L"local");
  CHECK(top[0].display == RESOURCEDISPLAYTYPE_NETWORK);
  NETRESOURCEW net{};
  net.dwUsage = RESOURCEUSAGE_CONTAINER;
  net.lpRemoteName = const_cast<LPWSTR>(L"local");
  auto servers = enumerate(RESOURCE_GLOBALNET, RESOURCETYPE_ANY, &net);
  REQUIRE(servers.size() == 1);
  CHECK(servers[0].remote == L"\\\\files");
  CHECK(servers[0].display == RESOURCEDISPLAYTYPE_SERVER);
  NETRESOURCEW srv{};
  srv.dwUsage = RESOURCEUSAGE_CONTAINER;
  srv.lpRemoteName = const_cast<LPWSTR>(L"\\\\files");
  auto shares = enumerate(RESOURCE_GLOBALNET, RESOURCETYPE_ANY, &srv);
  CHECK(shares.size() == 3);
  CHECK(enumerate(RESOURCE_GLOBALNET, RESOURCETYPE_DISK, &srv).size() == 2);
  CHECK(enumerate(RESOURCE_GLOBALNET, RESOURCETYPE_PRINT, &srv).size() == 1);
  // The NP face starts at the servers.
  auto np_top = enumerate(RESOURCE_GLOBALNET, RESOURCETYPE_ANY, nullptr, 0xFFFFFFFF, 16384, nullptr, true);
  REQUIRE(np_top.size() == 1);
  CHECK(np_top[0].remote == L"\\\\files");
  HANDLE h = nullptr;
  NETRESOURCEW share{};
  share.dwUsage = RESOURCEUSAGE_CONTAINER;
  share.lpRemoteName = const_cast<LPWSTR>(L"\\\\files\\public");
  CHECK(WNetOpenEnumW(RESOURCE_GLOBALNET, RESOURCETYPE_ANY, 0, &share, &h) == WN_NOT_CONTAINER);
  srv.lpRemoteName = const_cast<LPWSTR>(L"\\\\nosuch");
  CHECK(WNetOpenEnumW(RESOURCE_GLOBALNET, RESOURCETYPE_ANY, 0, &srv, &h) == WN_BAD_NETNAME);
}

TEST_CASE("enum: NPGetResourceInformation and NPGetResourceParent") {
  TempHome home;
  NETRESOURCEW in{};
  in.lpRemoteName = const_cast<LPWSTR>(L"\\\\files\\public\\dir\\a.txt");
  DWORD size = 0;
  LPWSTR system = nullptr;
  CHECK(NPGetResourceInformation(&in, nullptr, &size, &system) == WN_MORE_DATA);
  DWORD need = size;
  std::vector<unsigned char> buf(1024, 0xAB);
  size = need - 1;
  CHECK(NPGetResourceInformation(&in, buf.data(), &size, &system) == WN_MORE_DATA);
  size = need;
  REQUIRE(NPGetResourceInformation(&in, buf.data(), &size, &system) == WN_SUCCESS);
  CHECK(buf[need] == 0xAB);
  auto* nr = reinterpret_cast<NETRESOURCEW*>(buf.data());
  CHECK(std::wstring(nr->lpRemoteName) == L"\\\\files\\public");
  CHECK(std::wstring(nr->lpProvider) == L"local");
  REQUIRE(system != nullptr);
  CHECK(std::wstring(system) == L"\\dir\\a.txt");
  in.lpRemoteName = const_cast<LPWSTR>(L"\\\\files\\nosuch");
  size = 1024;
  CHECK(NPGetResourceInformation(&in, buf.data(), &size, &system) == WN_BAD_NETNAME);
  CHECK(NPGetResourceInformation(nullptr, buf.data(), &size, &system) == WN_BAD_POINTER);

  in.lpRemoteName = const_cast<LPWSTR>(L"\\\\files\\public");
  size = 1024;
  REQUIRE(NPGetResourceParent(&in, buf.data(), &size) == WN_SUCCESS);
  CHECK(std::wstring(nr->lpRemoteName) == L"\\\\files");
  CHECK(nr->dwDisplayType == RESOURCEDISPLAYTYPE_SERVER);
  in.lpRemoteName = const_cast<LPWSTR>(L"\\\\files");
  REQUIRE(NPGetResourceParent(&in, buf.data(), &size) == WN_SUCCESS);
  CHECK(std::wstring(nr->lpRemoteName) == L"local");
  in.lpRemoteName = const_cast<LPWSTR>(L"\\\\files\\public\\a\\b");
  REQUIRE(NPGetResourceParent(&in, buf.data(), &size) == WN_SUCCESS);
  CHECK(std::wstring(nr->lpRemoteName) == L"\\\\files\\public\\a");
  size = 0;
  CHECK(NPGetResourceParent(&in, nullptr, &size) == WN_MORE_DATA);
  CHECK(size > sizeof(NETRESOURCEW));
}

TEST_CASE("enum: concurrent enumerations in several threads") {
  TempHome home;
  for (int i = 0; i < 40; ++i) REQUIRE(wadd(L"", L"\\\\files\\public") == WN_SUCCESS);
  REQUIRE(wadd(L"Z:", L"\\\\files\\other") == WN_SUCCESS);
  std::vector<std::thread> threads;
  std::vector<std::size_t> got(6);
  for (int t = 0; t < 6; ++t)
    threads.emplace_back([&, t] {
      HANDLE h = nullptr;
      if (WNetOpenEnumW(RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, nullptr, &h) != WN_SUCCESS) return;
      std::vector<unsigned char> buf(300);  // a few entries per call
      for (;;) {
        DWORD count = 0xFFFFFFFF, size = 300;
        DWORD rc = WNetEnumResourceW(h, &count, buf.data(), &size);
        if (rc != WN_SUCCESS) break;
        got[t] += count;
      }
      WNetCloseEnum(h);
    });
  for (auto& th : threads) th.join();
  for (auto n : got) CHECK(n == 41);
}

TEST_CASE("routing: two providers in the configured order") {
  if (geteuid() != 0) {
    MESSAGE("skipped: the mount provider needs root for bind mounts");
    return;
  }
  TempHome home("");
  std::filesystem::create_directories(home.share("public"));
  std::filesystem::create_directories(home.share("data"));
  home.write_config("providers = [\"local\", \"mount\"]\n"
                    "[local.shares.'\\\\files\\public']\npath = \"" + home.share("public") + "\"\n"
                    "[mount.shares.'\\\\files\\data']\npath = \"" + home.share("data") + "\"\n"
                    "[mount.shares.'\\\\files\\public']\npath = \"" + home.share("public") + "\"\n");
  // \\files\data is not local's: the add moves on to mount.
  DWORD rc = wadd(L"Y:", L"\\\\files\\data");
  if (rc == WN_ACCESS_DENIED || rc == WN_NOT_SUPPORTED) {
    MESSAGE("skipped: bind mounts are refused here");
    return;
  }
  REQUIRE(rc == WN_SUCCESS);
  // \\files\public: both could; the first in `providers` wins, unless one is named.
  REQUIRE(wadd(L"Z:", L"\\\\files\\public") == WN_SUCCESS);
  NETRESOURCEW nr{};
  nr.dwType = RESOURCETYPE_DISK;
  nr.lpLocalName = const_cast<LPWSTR>(L"X:");
  nr.lpRemoteName = const_cast<LPWSTR>(L"\\\\files\\public");
  nr.lpProvider = const_cast<LPWSTR>(L"mount");
  REQUIRE(WNetAddConnection2W(&nr, nullptr, nullptr, 0) == WN_SUCCESS);
  // Deviceless: mount says "not mine", local takes it.
  REQUIRE(wadd(L"", L"\\\\files\\public") == WN_SUCCESS);
  std::set<std::wstring> seen;
  for (const auto& s : enumerate(RESOURCE_CONNECTED, RESOURCETYPE_ANY)) seen.insert(s.local + L"=" + s.provider);
  CHECK(seen == std::set<std::wstring>{L"Y:=mount", L"Z:=local", L"X:=mount", L"=local"});
  auto top = enumerate(RESOURCE_GLOBALNET, RESOURCETYPE_ANY);
  REQUIRE(top.size() == 2);
  CHECK(top[1].remote == L"mount");
  // Queries and cancels reach the provider that owns each connection.
  WCHAR buf[64];
  DWORD len = 64;
  CHECK(WNetGetConnectionW(L"Y:", buf, &len) == WN_SUCCESS);
  CHECK(std::wstring(buf) == L"\\\\files\\data");
  CHECK(WNetCancelConnection2W(L"Y:", 0, TRUE) == WN_SUCCESS);
  CHECK(WNetCancelConnection2W(L"X:", 0, TRUE) == WN_SUCCESS);
  CHECK(WNetCancelConnection2W(L"Z:", 0, TRUE) == WN_SUCCESS);
  CHECK(WNetCancelConnection2W(L"\\\\files\\public", 0, TRUE) == WN_SUCCESS);
  CHECK(enumerate(RESOURCE_CONNECTED, RESOURCETYPE_ANY).empty());
}
