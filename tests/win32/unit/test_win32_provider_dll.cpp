// npemu_np.dll as an MPR sees it: loaded by path, its .def exports found by name,
// and the enumeration's buffer rules (WN_MORE_DATA with the size needed, all four
// strings filled, WN_NO_MORE_ENTRIES at the end, WN_BAD_HANDLE for a stranger).
#include <doctest/doctest.h>

#include "win_home.hpp"

#include <windows.h>

#include <cstring>

using namespace npemu_wintest;

namespace {

using GetCaps = DWORD(WINAPI*)(DWORD);
using AddConnection3 = DWORD(WINAPI*)(HWND, LPNETRESOURCEW, LPWSTR, LPWSTR, DWORD);
using CancelConnection = DWORD(WINAPI*)(LPWSTR, BOOL);
using OpenEnum = DWORD(WINAPI*)(DWORD, DWORD, DWORD, LPNETRESOURCEW, LPHANDLE);
using EnumResource = DWORD(WINAPI*)(HANDLE, LPDWORD, LPVOID, LPDWORD);
using CloseEnum = DWORD(WINAPI*)(HANDLE);

template <class F>
F get(HMODULE m, const char* name) {
  return reinterpret_cast<F>(reinterpret_cast<void*>(GetProcAddress(m, name)));
}

}  // namespace

TEST_CASE("provider DLL: exports and enumeration buffers") {
  WinHome home;
  HMODULE dll = LoadLibraryW(W(NPEMU_NP_DLL).c_str());
  REQUIRE_MESSAGE(dll != nullptr, "cannot load " NPEMU_NP_DLL);
  for (const char* name : {"NPGetCaps", "NPAddConnection", "NPAddConnection3", "NPCancelConnection",
                           "NPGetConnection", "NPOpenEnum", "NPEnumResource", "NPCloseEnum"})
  {
    bool exported = GetProcAddress(dll, name) != nullptr;
    CHECK_MESSAGE(exported, name);
  }
  auto caps = get<GetCaps>(dll, "NPGetCaps");
  auto add3 = get<AddConnection3>(dll, "NPAddConnection3");
  auto cancel_np = get<CancelConnection>(dll, "NPCancelConnection");
  auto open_enum = get<OpenEnum>(dll, "NPOpenEnum");
  auto enum_res = get<EnumResource>(dll, "NPEnumResource");
  auto close_enum = get<CloseEnum>(dll, "NPCloseEnum");
  CHECK(caps(WNNC_SPEC_VERSION) == WNNC_SPEC_VERSION51);
  CHECK((caps(WNNC_ENUMERATION) & WNNC_ENUM_GLOBAL) != 0);

  std::wstring remote = L"\\\\files\\public", other = L"\\\\files\\other";
  NETRESOURCEW nr{};
  nr.dwType = RESOURCETYPE_DISK;
  nr.lpRemoteName = remote.data();
  REQUIRE(add3(nullptr, &nr, nullptr, nullptr, 0) == WN_SUCCESS);
  nr.lpRemoteName = other.data();
  REQUIRE(add3(nullptr, &nr, nullptr, nullptr, 0) == WN_SUCCESS);

  HANDLE h = nullptr;
  REQUIRE(open_enum(RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, nullptr, &h) == WN_SUCCESS);
  alignas(8) BYTE buf[4096];
  DWORD count = 0xFFFFFFFF, size = 8;
  CHECK(enum_res(h, &count, buf, &size) == WN_MORE_DATA);
  CHECK(size > sizeof(NETRESOURCEW));
  DWORD needed = size;
  count = 1;
  size = needed;
  REQUIRE(enum_res(h, &count, buf, &size) == WN_SUCCESS);
  REQUIRE(count == 1);
  auto* r = reinterpret_cast<NETRESOURCEW*>(buf);
  REQUIRE(r->lpLocalName != nullptr);
  REQUIRE(r->lpComment != nullptr);
  REQUIRE(r->lpProvider != nullptr);
  CHECK(std::wstring(r->lpLocalName).empty());
  CHECK(std::wstring(r->lpProvider) == L"npemu");
  std::wstring first = r->lpRemoteName;
  count = 0xFFFFFFFF;
  size = sizeof buf;
  REQUIRE(enum_res(h, &count, buf, &size) == WN_SUCCESS);
  REQUIRE(count == 1);
  std::wstring second = r->lpRemoteName;
  CHECK(first != second);
  CHECK((first == remote || first == other));
  CHECK((second == remote || second == other));
  count = 0xFFFFFFFF;
  CHECK(enum_res(h, &count, buf, &size) == WN_NO_MORE_ENTRIES);
  CHECK(count == 0);
  CHECK(close_enum(h) == WN_SUCCESS);
  CHECK(close_enum(h) == WN_BAD_HANDLE);
  int stranger = 0;
  CHECK(enum_res(&stranger, &count, buf, &size) == WN_BAD_HANDLE);

  CHECK(cancel_np(remote.data(), FALSE) == WN_SUCCESS);
  CHECK(cancel_np(other.data(), FALSE) == WN_SUCCESS);
  FreeLibrary(dll);
}
