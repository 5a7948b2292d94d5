// The WNet* (MPR) surface over the `local` provider (and `mount` beside it when
// root): success and failure paths, and Windows' buffer rules at 0 / one short /
// exact / large.
#include <doctest/doctest.h>

#include "test_support.hpp"

#include <npemu/npapi.h>
#include <npemu/winnetwk.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

using namespace npemu_test;

namespace {

DWORD wadd(const std::wstring& local, const std::wstring& remote, DWORD flags = 0, const wchar_t* provider = nullptr) {
  NETRESOURCEW nr{};
  nr.dwType = RESOURCETYPE_DISK;
  nr.lpLocalName = local.empty() ? nullptr : const_cast<LPWSTR>(local.c_str());
  nr.lpRemoteName = const_cast<LPWSTR>(remote.c_str());
  nr.lpProvider = const_cast<LPWSTR>(provider);
  return WNetAddConnection2W(&nr, nullptr, nullptr, flags);
}

std::wstring get_conn(const wchar_t* dev, DWORD* rc) {
  WCHAR buf[300];
  DWORD len = 300;
  *rc = WNetGetConnectionW(dev, buf, &len);
  return *rc == WN_SUCCESS || *rc == WN_CONNECTION_CLOSED ? buf : L"";
}

}  // namespace

TEST_CASE("wnet: add, get, cancel on the local provider") {
  TempHome home;
  CHECK(wadd(L"Z:", L"\\\\files\\public") == WN_SUCCESS);
  DWORD rc = 0;
  CHECK(get_conn(L"Z:", &rc) == L"\\\\files\\public");
  CHECK(rc == WN_SUCCESS);
  CHECK(wadd(L"Z:", L"\\\\files\\other") == WN_ALREADY_CONNECTED);
  CHECK(wadd(L"Y:", L"\\\\files\\nothere") == WN_BAD_NETNAME);
  CHECK(wadd(L"Q9:", L"\\\\files\\public") == WN_BAD_LOCALNAME);
  CHECK(WNetAddConnection2W(nullptr, nullptr, nullptr, 0) == WN_BAD_POINTER);
  CHECK(wadd(L"Y:", L"\\\\files\\public", 0, L"nosuch") == WN_BAD_PROVIDER);
  CHECK(wadd(L"Y:", L"\\\\files\\public", 0, L"local") == WN_SUCCESS);
  CHECK(wadd(L"W:", L"\\\\files\\public", 0, L"npemu") == WN_SUCCESS);  // the whole: any provider
  NETRESOURCEW nr{};
  nr.dwType = RESOURCETYPE_DISK;
  nr.lpLocalName = const_cast<LPWSTR>(L"X:");
  nr.lpRemoteName = const_cast<LPWSTR>(L"\\\\files\\other");
  CHECK(WNetAddConnection3W(nullptr, &nr, nullptr, nullptr, 0) == WN_SUCCESS);
  CHECK(WNetCancelConnection2W(L"Z:", 0, FALSE) == WN_SUCCESS);
  CHECK(WNetCancelConnection2W(L"Z:", 0, FALSE) == WN_NOT_CONNECTED);
  CHECK(WNetCancelConnection2W(nullptr, 0, FALSE) == WN_BAD_POINTER);
  CHECK(WNetCancelConnection2W(L"COM1", 0, FALSE) == WN_BAD_LOCALNAME);
  get_conn(L"Z:", &rc);
  CHECK(rc == WN_NOT_CONNECTED);
  CHECK(WNetGetConnectionW(nullptr, nullptr, nullptr) == WN_BAD_POINTER);
  CHECK(WNetGetConnectionW(L"Y:", nullptr, nullptr) == WN_BAD_POINTER);
  CHECK(WNetGetConnectionW(L"bad", nullptr, nullptr) == WN_BAD_POINTER);  // the pointers first, as Windows
  DWORD none = 0;
  CHECK(WNetGetConnectionW(L"bad", nullptr, &none) == WN_BAD_LOCALNAME);
}

TEST_CASE("wnet: WNetGetConnectionW buffer at 0, NULL, one short, exact, large") {
  TempHome home;
  REQUIRE(wadd(L"Z:", L"\\\\files\\public") == WN_SUCCESS);
  const DWORD need = 15;  // \\files\public + NUL
  DWORD len = 0;
  CHECK(WNetGetConnectionW(L"Z:", nullptr, &len) == WN_MORE_DATA);
  CHECK(len == need);
  std::vector<WCHAR> buf(64, L'#');
  len = need - 1;
  CHECK(WNetGetConnectionW(L"Z:", buf.data(), &len) == WN_MORE_DATA);
  CHECK(len == need);
  CHECK(buf[0] == L'#');  // nothing written
  len = need;
  CHECK(WNetGetConnectionW(L"Z:", buf.data(), &len) == WN_SUCCESS);
  CHECK(std::wstring(buf.data()) == L"\\\\files\\public");
  CHECK(buf[need] == L'#');  // never past the size given
  len = 64;
  CHECK(WNetGetConnectionW(L"Z:", buf.data(), &len) == WN_SUCCESS);
}

TEST_CASE("wnet: CONNECT_UPDATE_PROFILE, remembered devices, WNetRestoreConnectionW") {
  TempHome home;
  REQUIRE(wadd(L"Z:", L"\\\\files\\public", CONNECT_UPDATE_PROFILE) == WN_SUCCESS);
  REQUIRE(wadd(L"Y:", L"\\\\files\\other", CONNECT_UPDATE_PROFILE) == WN_SUCCESS);
  // Cancel without CONNECT_UPDATE_PROFILE: gone, but still remembered.
  REQUIRE(WNetCancelConnection2W(L"Z:", 0, FALSE) == WN_SUCCESS);
  REQUIRE(WNetCancelConnection2W(L"Y:", 0, FALSE) == WN_SUCCESS);
  DWORD rc = 0;
  CHECK(get_conn(L"Z:", &rc) == L"\\\\files\\public");
  CHECK(rc == WN_CONNECTION_CLOSED);
  // A remembered device is not redirected elsewhere.
  CHECK(wadd(L"Z:", L"\\\\files\\other") == WN_DEVICE_ALREADY_REMEMBERED);
  // Restore one, then all.
  CHECK(WNetRestoreConnectionW(nullptr, L"Z:") == WN_SUCCESS);
  CHECK(get_conn(L"Z:", &rc) == L"\\\\files\\public");
  CHECK(rc == WN_SUCCESS);
  CHECK(WNetRestoreConnectionW(nullptr, L"W:") == WN_NOT_CONNECTED);
  CHECK(WNetRestoreConnectionW(nullptr, nullptr) == WN_SUCCESS);
  CHECK(get_conn(L"Y:", &rc) == L"\\\\files\\other");
  CHECK(rc == WN_SUCCESS);
  // NP level: a remembered, unconnected device is WN_NOT_CONNECTED and stays remembered.
  REQUIRE(WNetCancelConnection2W(L"Y:", 0, FALSE) == WN_SUCCESS);
  CHECK(NPCancelConnection2(const_cast<LPWSTR>(L"Y:"), FALSE, CONNECT_UPDATE_PROFILE) == WN_NOT_CONNECTED);
  get_conn(L"Y:", &rc);
  CHECK(rc == WN_CONNECTION_CLOSED);
  // MPR level: CONNECT_UPDATE_PROFILE forgets it.
  CHECK(WNetCancelConnection2W(L"Y:", CONNECT_UPDATE_PROFILE, FALSE) == WN_SUCCESS);
  get_conn(L"Y:", &rc);
  CHECK(rc == WN_NOT_CONNECTED);
  CHECK(WNetCancelConnection2W(L"Y:", CONNECT_UPDATE_PROFILE, FALSE) == WN_NOT_CONNECTED);
}

TEST_CASE("wnet: WNetRestoreConnectionW reports each failure and goes on") {
  TempHome home;
  REQUIRE(wadd(L"Z:", L"\\\\files\\public", CONNECT_UPDATE_PROFILE) == WN_SUCCESS);
  REQUIRE(wadd(L"Y:", L"\\\\files\\other", CONNECT_UPDATE_PROFILE) == WN_SUCCESS);
  REQUIRE(WNetCancelConnection2W(L"Z:", 0, FALSE) == WN_SUCCESS);
  REQUIRE(WNetCancelConnection2W(L"Y:", 0, FALSE) == WN_SUCCESS);
  std::filesystem::remove_all(home.share("other"));  // Y:'s share is gone
  CHECK(WNetRestoreConnectionW(nullptr, nullptr) != WN_SUCCESS);
  CHECK(last_error_text().find("Y:") != std::string::npos);
  DWORD rc = 0;
  CHECK(get_conn(L"Z:", &rc) == L"\\\\files\\public");  // the other one was restored
  CHECK(rc == WN_SUCCESS);
}

TEST_CASE("wnet: WNetUseConnectionW with CONNECT_REDIRECT picks Z: then down") {
  TempHome home;
  NETRESOURCEW nr{};
  nr.dwType = RESOURCETYPE_DISK;
  nr.lpRemoteName = const_cast<LPWSTR>(L"\\\\files\\public");
  WCHAR access[8] = L"#######";
  DWORD len = 2, result = 0;
  // Too small for "Z:": WN_MORE_DATA before anything is connected.
  CHECK(WNetUseConnectionW(nullptr, &nr, nullptr, nullptr, CONNECT_REDIRECT, access, &len, &result) == WN_MORE_DATA);
  CHECK(len == 3);
  DWORD rc = 0;
  get_conn(L"Z:", &rc);
  CHECK(rc == WN_NOT_CONNECTED);
  len = 8;
  CHECK(WNetUseConnectionW(nullptr, &nr, nullptr, nullptr, CONNECT_REDIRECT, access, &len, &result) == WN_SUCCESS);
  CHECK(std::wstring(access) == L"Z:");
  CHECK(result == CONNECT_LOCALDRIVE);
  CHECK(WNetUseConnectionW(nullptr, &nr, nullptr, nullptr, CONNECT_REDIRECT | CONNECT_UPDATE_PROFILE, access, &len,
                           &result) == WN_SUCCESS);
  CHECK(std::wstring(access) == L"Y:");
  CHECK(get_conn(L"Y:", &rc) == L"\\\\files\\public");
  // Deviceless: the access name is the remote name.
  WCHAR remote[64];
  len = 64;
  result = 7;
  CHECK(WNetUseConnectionW(nullptr, &nr, nullptr, nullptr, 0, remote, &len, &result) == WN_SUCCESS);
  CHECK(std::wstring(remote) == L"\\\\files\\public");
  CHECK(result == 0);
  CHECK(WNetUseConnectionW(nullptr, nullptr, nullptr, nullptr, 0, nullptr, nullptr, nullptr) == WN_BAD_POINTER);
  CHECK(WNetUseConnectionW(nullptr, &nr, nullptr, nullptr, 0, remote, nullptr, nullptr) == WN_BAD_POINTER);
}

TEST_CASE("wnet: universal names at both levels with every buffer size") {
  TempHome home;
  REQUIRE(wadd(L"Z:", L"\\\\files\\public") == WN_SUCCESS);
  DWORD size = 0;
  CHECK(WNetGetUniversalNameW(L"Z:\\dir\\a.txt", UNIVERSAL_NAME_INFO_LEVEL, nullptr, &size) == WN_MORE_DATA);
  const DWORD need = sizeof(UNIVERSAL_NAME_INFOW) + sizeof(WCHAR) * (std::wstring(L"\\\\files\\public\\dir\\a.txt").size() + 1);
  CHECK(size == need);
  std::vector<unsigned char> buf(512, 0xAB);
  size = need - 1;
  CHECK(WNetGetUniversalNameW(L"Z:\\dir\\a.txt", UNIVERSAL_NAME_INFO_LEVEL, buf.data(), &size) == WN_MORE_DATA);
  CHECK(buf[0] == 0xAB);
  size = need;
  REQUIRE(WNetGetUniversalNameW(L"Z:\\dir\\a.txt", UNIVERSAL_NAME_INFO_LEVEL, buf.data(), &size) == WN_SUCCESS);
  auto* u = reinterpret_cast<UNIVERSAL_NAME_INFOW*>(buf.data());
  CHECK(std::wstring(u->lpUniversalName) == L"\\\\files\\public\\dir\\a.txt");
  CHECK(buf[need] == 0xAB);
  CHECK(reinterpret_cast<unsigned char*>(u->lpUniversalName) >= buf.data() + sizeof(UNIVERSAL_NAME_INFOW));

  size = 0;
  CHECK(WNetGetUniversalNameW(L"Z:\\dir", REMOTE_NAME_INFO_LEVEL, nullptr, &size) == WN_MORE_DATA);
  DWORD rneed = size;
  size = rneed - 1;
  CHECK(WNetGetUniversalNameW(L"Z:\\dir", REMOTE_NAME_INFO_LEVEL, buf.data(), &size) == WN_MORE_DATA);
  size = 512;
  REQUIRE(WNetGetUniversalNameW(L"Z:\\dir", REMOTE_NAME_INFO_LEVEL, buf.data(), &size) == WN_SUCCESS);
  auto* r = reinterpret_cast<REMOTE_NAME_INFOW*>(buf.data());
  CHECK(std::wstring(r->lpUniversalName) == L"\\\\files\\public\\dir");
  CHECK(std::wstring(r->lpConnectionName) == L"\\\\files\\public");
  CHECK(std::wstring(r->lpRemainingPath) == L"\\dir");

  CHECK(WNetGetUniversalNameW(L"Y:\\x", UNIVERSAL_NAME_INFO_LEVEL, buf.data(), &size) == WN_NOT_CONNECTED);
  CHECK(WNetGetUniversalNameW(L"Z:\\x", 7, buf.data(), &size) == WN_BAD_LEVEL);
  CHECK(WNetGetUniversalNameW(nullptr, UNIVERSAL_NAME_INFO_LEVEL, buf.data(), &size) == WN_BAD_POINTER);
  CHECK(WNetGetUniversalNameW(L"Z:\\x", UNIVERSAL_NAME_INFO_LEVEL, buf.data(), nullptr) == WN_BAD_POINTER);
  CHECK(WNetGetUniversalNameW(L"nodevice", UNIVERSAL_NAME_INFO_LEVEL, buf.data(), &size) == WN_BAD_LOCALNAME);
  size = 512;
  CHECK(NPGetUniversalName(const_cast<LPWSTR>(L"Z:\\d"), UNIVERSAL_NAME_INFO_LEVEL, buf.data(), &size) == WN_SUCCESS);
  CHECK(std::wstring(u->lpUniversalName) == L"\\\\files\\public\\d");
}

TEST_CASE("wnet: WNetGetUserW for the session, a device and a remote name") {
  TempHome home;
  NETRESOURCEW nr{};
  nr.dwType = RESOURCETYPE_DISK;
  nr.lpLocalName = const_cast<LPWSTR>(L"Z:");
  nr.lpRemoteName = const_cast<LPWSTR>(L"\\\\files\\public");
  REQUIRE(WNetAddConnection2W(&nr, nullptr, L"alice", 0) == WN_SUCCESS);
  WCHAR buf[64];
  DWORD len = 0;
  CHECK(WNetGetUserW(L"Z:", nullptr, &len) == WN_MORE_DATA);
  CHECK(len == 6);
  len = 5;
  CHECK(WNetGetUserW(L"Z:", buf, &len) == WN_MORE_DATA);
  len = 6;
  CHECK(WNetGetUserW(L"Z:", buf, &len) == WN_SUCCESS);
  CHECK(std::wstring(buf) == L"alice");
  len = 64;
  CHECK(WNetGetUserW(L"\\\\FILES\\public", buf, &len) == WN_SUCCESS);
  CHECK(std::wstring(buf) == L"alice");
  CHECK(WNetGetUserW(nullptr, buf, &len) == WN_SUCCESS);
  CHECK(std::wstring(buf).size() > 0);
  CHECK(WNetGetUserW(L"Y:", buf, &len) == WN_NOT_CONNECTED);
  CHECK(WNetGetUserW(L"Z:", buf, nullptr) == WN_BAD_POINTER);
  CHECK(NPGetUser(const_cast<LPWSTR>(L"Z:"), buf, &len) == WN_SUCCESS);
}

TEST_CASE("wnet: WNetGetLastErrorW is per thread and names the holders of open files") {
  TempHome home;
  REQUIRE(wadd(L"Z:", L"\\\\files\\public") == WN_SUCCESS);
  Child holder({helper("npemu_holder"), "cwd", home.share("public")});
  REQUIRE(holder.read_line() == "ready");
  CHECK(WNetCancelConnection2W(L"Z:", 0, FALSE) == WN_OPEN_FILES);
  DWORD err = 0;
  WCHAR text[512], name[16];
  CHECK(WNetGetLastErrorW(&err, text, 512, name, 16) == WN_SUCCESS);
  CHECK(err == WN_OPEN_FILES);
  CHECK(U(text).find(std::to_string(holder.pid())) != std::string::npos);
  CHECK(std::wstring(name) == L"npemu");
  // Truncation, never an overflow.
  WCHAR small[5] = {L'#', L'#', L'#', L'#', L'#'};
  CHECK(WNetGetLastErrorW(&err, small, 4, nullptr, 0) == WN_SUCCESS);
  CHECK(small[3] == L'\0');
  CHECK(small[4] == L'#');
  CHECK(WNetGetLastErrorW(nullptr, text, 512, name, 16) == WN_BAD_POINTER);
  // Another thread has its own last error.
  DWORD other = 1;
  std::thread([&] {
    WNetGetConnectionW(L"Q:", nullptr, nullptr);
    WNetGetLastErrorW(&other, nullptr, 0, nullptr, 0);
  }).join();
  CHECK(other == WN_BAD_POINTER);
  CHECK(WNetGetLastErrorW(&err, nullptr, 0, nullptr, 0) == WN_SUCCESS);
  CHECK(err == WN_OPEN_FILES);
  holder.finish();
  CHECK(WNetCancelConnection2W(L"Z:", 0, FALSE) == WN_SUCCESS);
}

TEST_CASE("wnet: provider name and network information") {
  TempHome home;
  DWORD type = NPGetCaps(WNNC_NET_TYPE);
  WCHAR buf[16];
  DWORD len = 0;
  CHECK(WNetGetProviderNameW(type, nullptr, &len) == WN_MORE_DATA);
  CHECK(len == 6);
  len = 5;
  CHECK(WNetGetProviderNameW(type, buf, &len) == WN_MORE_DATA);
  len = 6;
  CHECK(WNetGetProviderNameW(type, buf, &len) == WN_SUCCESS);
  CHECK(std::wstring(buf) == L"npemu");
  CHECK(WNetGetProviderNameW(WNNC_NET_SMB, buf, &len) == WN_NO_NETWORK);
  CHECK(WNetGetProviderNameW(type, buf, nullptr) == WN_BAD_POINTER);
  NETINFOSTRUCT info{};
  info.cbStructure = sizeof info;
  CHECK(WNetGetNetworkInformationW(L"npemu", &info) == WN_SUCCESS);
  CHECK(info.wNetType == (type >> 16));
  CHECK(WNetGetNetworkInformationW(L"local", &info) == WN_SUCCESS);
  CHECK(WNetGetNetworkInformationW(L"nosuch", &info) == WN_BAD_PROVIDER);
  CHECK(WNetGetNetworkInformationW(nullptr, &info) == WN_BAD_POINTER);
  info.cbStructure = 4;
  CHECK(WNetGetNetworkInformationW(L"npemu", &info) == WN_BAD_VALUE);
}
