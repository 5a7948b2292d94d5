// The WNet...A functions: UTF-8 names with Ü and 中 through every call, the A
// buffer rules (sizes in bytes, which differ from the W functions' characters
// for these names), ill-formed UTF-8 refused with the W functions' codes and
// nothing changed, and the A forms of the legacy calls, the dialogs and the
// NP entry points beyond NPGetCaps.
#include <doctest/doctest.h>

#include "test_support.hpp"

#include <npemu/npapi.h>
#include <npemu/winnetwk.h>

#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

using namespace npemu_test;

namespace {

const char* const kUmlaut = "\\\\files\\\xC3\x9C" "bung";                          // \\files\Übung
const char* const kHan = "\\\\\xE4\xB8\xAD\xE6\x96\x87\\\xE5\x85\xB1\xE4\xBA\xAB";  // \\中文\共享

// \\files\Übung and \\中文\共享 as local shares (the default shares' directories).
void utf8_shares(const TempHome& home) {
  home.write_config(std::string("[local.shares.'") + kUmlaut + "']\npath = \"" + home.share("public") + "\"\n" +
                    "[local.shares.'" + kHan + "']\npath = \"" + home.share("other") + "\"\n");
}

DWORD add_a(const char* local, const char* remote, DWORD flags = 0, const char* password = nullptr,
            const char* user = nullptr, const char* provider = nullptr) {
  NETRESOURCEA nr{};
  nr.dwType = RESOURCETYPE_DISK;
  nr.lpLocalName = const_cast<LPSTR>(local);
  nr.lpRemoteName = const_cast<LPSTR>(remote);
  nr.lpProvider = const_cast<LPSTR>(provider);
  return WNetAddConnection2A(&nr, password, user, flags);
}

// Every entry of an A enumeration, read one entry per call, as its remote names.
std::vector<std::string> enum_a(DWORD scope) {
  HANDLE h = nullptr;
  REQUIRE(WNetOpenEnumA(scope, RESOURCETYPE_ANY, 0, nullptr, &h) == WN_SUCCESS);
  std::vector<std::string> out;
  for (;;) {
    DWORD count = 1, size = 0;
    DWORD rc = WNetEnumResourceA(h, &count, nullptr, &size);
    if (rc == WN_NO_MORE_ENTRIES) break;
    REQUIRE(rc == WN_MORE_DATA);
    std::vector<char> buf(size);
    REQUIRE(WNetEnumResourceA(h, &count, buf.data(), &size) == WN_SUCCESS);
    REQUIRE(count == 1);
    auto* nr = reinterpret_cast<NETRESOURCEA*>(buf.data());
    // Every string lies inside the buffer, the whole entry in the size announced.
    for (LPSTR s : {nr->lpLocalName, nr->lpRemoteName, nr->lpComment, nr->lpProvider}) {
      CHECK(s >= buf.data() + sizeof(NETRESOURCEA));
      CHECK(s + std::strlen(s) < buf.data() + buf.size());
    }
    out.emplace_back(nr->lpRemoteName);
  }
  CHECK(WNetCloseEnum(h) == WN_SUCCESS);
  return out;
}

std::string last_error_a(std::size_t size = 1024) {
  DWORD code = 0;
  std::vector<char> text(size), name(64);
  REQUIRE(WNetGetLastErrorA(&code, text.data(), static_cast<DWORD>(text.size()), name.data(), 64) == WN_SUCCESS);
  return text.data();
}

}  // namespace

TEST_CASE("wnet A: UTF-8 names connect, read back in bytes, and cancel") {
  TempHome home("");
  utf8_shares(home);
  REQUIRE(add_a("Z:", kUmlaut, CONNECT_UPDATE_PROFILE) == WN_SUCCESS);
  REQUIRE(add_a(nullptr, kHan) == WN_SUCCESS);

  // \\files\Übung: 13 characters, 14 bytes; the A size counts bytes.
  const DWORD need = static_cast<DWORD>(std::strlen(kUmlaut) + 1);
  CHECK(need == 15);
  char buf[64];
  std::memset(buf, '#', sizeof buf);
  DWORD len = need - 1;
  CHECK(WNetGetConnectionA("Z:", buf, &len) == WN_MORE_DATA);
  CHECK(len == need);
  CHECK(buf[0] == '#');  // nothing written
  len = 0;
  CHECK(WNetGetConnectionA("Z:", nullptr, &len) == WN_MORE_DATA);
  CHECK(len == need);
  CHECK(WNetGetConnectionA("Z:", buf, &len) == WN_SUCCESS);
  CHECK(std::string(buf) == kUmlaut);
  CHECK(WNetGetConnectionA("Y:", buf, &len) == WN_NOT_CONNECTED);
  // The W side sees the same connection.
  WCHAR wbuf[64];
  DWORD wlen = 64;
  CHECK(WNetGetConnectionW(L"Z:", wbuf, &wlen) == WN_SUCCESS);
  CHECK(U(wbuf) == kUmlaut);

  // User of the deviceless 中 connection, by its UTF-8 remote name.
  len = sizeof buf;
  CHECK(WNetGetUserA(kHan, buf, &len) == WN_SUCCESS);
  wlen = 64;
  CHECK(WNetGetUserW(W(kHan).c_str(), wbuf, &wlen) == WN_SUCCESS);
  CHECK(std::string(buf) == U(wbuf));
  CHECK(std::strlen(buf) > 0);

  // Enumeration in UTF-8; the size of an entry counts UTF-8 bytes.
  auto connected = enum_a(RESOURCE_CONNECTED);
  CHECK(connected == std::vector<std::string>{kUmlaut, kHan});
  {
    HANDLE h = nullptr;
    REQUIRE(WNetOpenEnumA(RESOURCE_REMEMBERED, RESOURCETYPE_ANY, 0, nullptr, &h) == WN_SUCCESS);
    DWORD count = 0xFFFFFFFF, size = 0;
    REQUIRE(WNetEnumResourceA(h, &count, nullptr, &size) == WN_MORE_DATA);
    // Z:, \\files\Übung, no comment, provider "local": each string with its NUL.
    CHECK(size == sizeof(NETRESOURCEA) + 3 + need + 1 + 6);
    std::vector<char> b(size - 1);
    DWORD short_size = size - 1;
    CHECK(WNetEnumResourceA(h, &count, b.data(), &short_size) == WN_MORE_DATA);
    b.resize(size);
    CHECK(WNetEnumResourceA(h, &count, b.data(), &size) == WN_SUCCESS);
    CHECK(count == 1);
    auto* nr = reinterpret_cast<NETRESOURCEA*>(b.data());
    CHECK(std::string(nr->lpLocalName) == "Z:");
    CHECK(std::string(nr->lpRemoteName) == kUmlaut);
    CHECK(std::string(nr->lpProvider) == "local");
    CHECK(nr->dwScope == RESOURCE_REMEMBERED);
    count = 1;
    CHECK(WNetEnumResourceA(h, &count, b.data(), &size) == WN_NO_MORE_ENTRIES);
    CHECK(count == 0);
    CHECK(WNetCloseEnum(h) == WN_SUCCESS);
  }

  // Cancel by the 中 remote name, then again.
  CHECK(WNetCancelConnection2A(kHan, 0, FALSE) == WN_SUCCESS);
  CHECK(WNetCancelConnection2A(kHan, 0, FALSE) == WN_NOT_CONNECTED);
  CHECK(last_error_a().find(kHan) != std::string::npos);
  CHECK(enum_a(RESOURCE_CONNECTED) == std::vector<std::string>{kUmlaut});
}

TEST_CASE("wnet A: universal names in UTF-8, sizes in bytes") {
  TempHome home("");
  utf8_shares(home);
  REQUIRE(add_a("Z:", kUmlaut) == WN_SUCCESS);
  const char* path = "Z:\\\xE7\x9B\xAE\xE5\xBD\x95\\a.txt";  // Z:\目录\a.txt
  const std::string universal = std::string(kUmlaut) + "\\\xE7\x9B\xAE\xE5\xBD\x95\\a.txt";
  const std::string rest = "\\\xE7\x9B\xAE\xE5\xBD\x95\\a.txt";

  DWORD size = 0;
  CHECK(WNetGetUniversalNameA(path, UNIVERSAL_NAME_INFO_LEVEL, nullptr, &size) == WN_MORE_DATA);
  CHECK(size == sizeof(UNIVERSAL_NAME_INFOA) + universal.size() + 1);
  std::vector<char> buf(size);
  DWORD one_short = size - 1;
  CHECK(WNetGetUniversalNameA(path, UNIVERSAL_NAME_INFO_LEVEL, buf.data(), &one_short) == WN_MORE_DATA);
  CHECK(one_short == size);
  CHECK(WNetGetUniversalNameA(path, UNIVERSAL_NAME_INFO_LEVEL, buf.data(), &size) == WN_SUCCESS);
  CHECK(std::string(reinterpret_cast<UNIVERSAL_NAME_INFOA*>(buf.data())->lpUniversalName) == universal);

  size = 0;
  CHECK(WNetGetUniversalNameA(path, REMOTE_NAME_INFO_LEVEL, nullptr, &size) == WN_MORE_DATA);
  CHECK(size == sizeof(REMOTE_NAME_INFOA) + universal.size() + 1 + std::strlen(kUmlaut) + 1 + rest.size() + 1);
  buf.assign(size, 0);
  CHECK(WNetGetUniversalNameA(path, REMOTE_NAME_INFO_LEVEL, buf.data(), &size) == WN_SUCCESS);
  auto* info = reinterpret_cast<REMOTE_NAME_INFOA*>(buf.data());
  CHECK(std::string(info->lpUniversalName) == universal);
  CHECK(std::string(info->lpConnectionName) == kUmlaut);
  CHECK(std::string(info->lpRemainingPath) == rest);
  CHECK(info->lpRemainingPath + rest.size() < buf.data() + buf.size());

  size = 1024;
  buf.assign(size, 0);
  CHECK(WNetGetUniversalNameA("Y:\\a.txt", UNIVERSAL_NAME_INFO_LEVEL, buf.data(), &size) == WN_NOT_CONNECTED);
  CHECK(WNetGetUniversalNameA(path, 7, buf.data(), &size) == WN_BAD_LEVEL);
  CHECK(WNetGetUniversalNameA(nullptr, UNIVERSAL_NAME_INFO_LEVEL, buf.data(), &size) == WN_BAD_POINTER);
  CHECK(WNetGetUniversalNameA(path, UNIVERSAL_NAME_INFO_LEVEL, buf.data(), nullptr) == WN_BAD_POINTER);
}

TEST_CASE("wnet A: ill-formed UTF-8 is WN_BAD_NETNAME or WN_BAD_LOCALNAME and changes nothing") {
  TempHome home("");
  utf8_shares(home);
  REQUIRE(add_a("Z:", kUmlaut) == WN_SUCCESS);
  const char* bad_remotes[] = {
      "\\\\files\\\xC3",               // cut after a lead byte
      "\\\\files\\\xFF\xFE",           // never UTF-8
      "\\\\files\\\xC0\xAF",           // overlong '/'
      "\\\\files\\\xED\xA0\x80x",      // an encoded surrogate
      "\\\\files\\\xC3\x9C\x9C" "bung",  // a stray continuation byte
      "\\\\\xF4\x90\x80\x80\\share",   // above U+10FFFF, in the server
  };
  for (const char* remote : bad_remotes) {
    CAPTURE(remote);
    CHECK(add_a("Y:", remote) == WN_BAD_NETNAME);
    CHECK(add_a(nullptr, remote) == WN_BAD_NETNAME);
    CHECK(WNetAddConnectionA(remote, nullptr, "Y:") == WN_BAD_NETNAME);
    CHECK(WNetCancelConnection2A(remote, 0, FALSE) == WN_BAD_NETNAME);
    char user[64];
    DWORD len = 64;
    CHECK(WNetGetUserA(remote, user, &len) == WN_BAD_NETNAME);
  }
  const char* bad_devices[] = {"Y\xFF", "\xC3", "Y:\xC3", "\xE4\xB8"};
  for (const char* device : bad_devices) {
    CAPTURE(device);
    CHECK(add_a(device, kUmlaut) == WN_BAD_LOCALNAME);
    CHECK(WNetCancelConnection2A(device, CONNECT_UPDATE_PROFILE, TRUE) == WN_BAD_LOCALNAME);
    CHECK(WNetCancelConnectionA(device, TRUE) == WN_BAD_LOCALNAME);
    char remote[64];
    DWORD len = 64;
    CHECK(WNetGetConnectionA(device, remote, &len) == WN_BAD_LOCALNAME);
    CHECK(WNetRestoreConnectionA(nullptr, device) == WN_BAD_LOCALNAME);
  }
  char buf[256];
  DWORD size = sizeof buf;
  CHECK(WNetGetUniversalNameA("Z:\\\xFF.txt", UNIVERSAL_NAME_INFO_LEVEL, buf, &size) == WN_BAD_LOCALNAME);
  // The other arguments get the W functions' codes for a malformed string.
  CHECK(add_a("Y:", kUmlaut, 0, "pass\xFF") == WN_BAD_PASSWORD);
  CHECK(add_a("Y:", kUmlaut, 0, nullptr, "user\xC3") == WN_BAD_USER);
  CHECK(add_a("Y:", kUmlaut, 0, nullptr, nullptr, "loc\xE1l") == WN_BAD_PROVIDER);
  NETINFOSTRUCT info{};
  info.cbStructure = sizeof info;
  CHECK(WNetGetNetworkInformationA("loc\xE1l", &info) == WN_BAD_PROVIDER);
  // The text tells which argument it was.
  CHECK(add_a("Y\xFF", kUmlaut) == WN_BAD_LOCALNAME);
  CHECK(last_error_a().find("is not a drive") != std::string::npos);
  // Nothing changed: Z: alone, Y: never made.
  CHECK(enum_a(RESOURCE_CONNECTED) == std::vector<std::string>{kUmlaut});
  CHECK(enum_a(RESOURCE_REMEMBERED).empty());
  char remote[64];
  DWORD len = 64;
  CHECK(WNetGetConnectionA("Y:", remote, &len) == WN_NOT_CONNECTED);
}

TEST_CASE("wnet A: NULL pointers and handles get the W functions' codes") {
  TempHome home("");
  utf8_shares(home);
  REQUIRE(add_a("Z:", kUmlaut) == WN_SUCCESS);
  char buf[64];
  DWORD len = sizeof buf;
  CHECK(WNetAddConnection2A(nullptr, nullptr, nullptr, 0) == WN_BAD_POINTER);
  CHECK(WNetAddConnection3A(nullptr, nullptr, nullptr, nullptr, 0) == WN_BAD_POINTER);
  CHECK(add_a("Y:", nullptr) == WN_BAD_NETNAME);
  CHECK(WNetCancelConnection2A(nullptr, 0, FALSE) == WN_BAD_POINTER);
  CHECK(WNetGetConnectionA("Z:", buf, nullptr) == WN_BAD_POINTER);
  CHECK(WNetGetConnectionA(nullptr, buf, &len) == WN_BAD_POINTER);
  CHECK(WNetGetUserA("Z:", buf, nullptr) == WN_BAD_POINTER);
  CHECK(WNetGetProviderNameA(NPGetCaps(WNNC_NET_TYPE), buf, nullptr) == WN_BAD_POINTER);
  CHECK(WNetOpenEnumA(RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, nullptr, nullptr) == WN_BAD_POINTER);
  DWORD count = 1;
  CHECK(WNetEnumResourceA(reinterpret_cast<HANDLE>(0x1234), &count, buf, &len) == WN_BAD_HANDLE);
  HANDLE h = nullptr;
  REQUIRE(WNetOpenEnumA(RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, nullptr, &h) == WN_SUCCESS);
  count = 0;
  CHECK(WNetEnumResourceA(h, &count, buf, &len) == WN_BAD_VALUE);
  count = 1;
  CHECK(WNetEnumResourceA(h, &count, nullptr, &len) == WN_BAD_POINTER);
  CHECK(WNetEnumResourceA(h, nullptr, buf, &len) == WN_BAD_POINTER);
  CHECK(WNetCloseEnum(h) == WN_SUCCESS);
  CHECK(WNetOpenEnumA(RESOURCE_CONTEXT, RESOURCETYPE_ANY, 0, nullptr, &h) == WN_NOT_SUPPORTED);
  DWORD code = 0;
  CHECK(WNetGetLastErrorA(nullptr, buf, 64, buf, 64) == WN_BAD_POINTER);
  CHECK(WNetGetLastErrorA(&code, nullptr, 64, buf, 64) == WN_BAD_POINTER);
  CHECK(WNetGetNetworkInformationA("local", nullptr) == WN_BAD_POINTER);
  // The session's user when no name is given.
  len = sizeof buf;
  CHECK(WNetGetUserA(nullptr, buf, &len) == WN_SUCCESS);
  CHECK(std::strlen(buf) > 0);
}

TEST_CASE("wnet A: use with CONNECT_REDIRECT, the access name's bytes are checked before connecting") {
  TempHome home("");
  utf8_shares(home);
  REQUIRE(add_a("Z:", kUmlaut) == WN_SUCCESS);
  NETRESOURCEA nr{};
  nr.dwType = RESOURCETYPE_DISK;
  nr.lpRemoteName = const_cast<LPSTR>(kUmlaut);
  char access[64];
  DWORD len = 2, result = 0;
  CHECK(WNetUseConnectionA(nullptr, &nr, nullptr, nullptr, CONNECT_REDIRECT, access, &len, &result) == WN_MORE_DATA);
  CHECK(len == 3);
  CHECK(enum_a(RESOURCE_CONNECTED).size() == 1);  // nothing connected
  CHECK(WNetUseConnectionA(nullptr, &nr, nullptr, nullptr, CONNECT_REDIRECT, access, &len, &result) == WN_SUCCESS);
  CHECK(std::string(access) == "Y:");
  CHECK(result == CONNECT_LOCALDRIVE);
  // Deviceless: the access name is the remote name, 15 bytes for 14 characters.
  nr.lpRemoteName = const_cast<LPSTR>(kHan);
  const DWORD need = static_cast<DWORD>(std::strlen(kHan) + 1);
  len = need - 1;
  CHECK(WNetUseConnectionA(nullptr, &nr, nullptr, nullptr, 0, access, &len, &result) == WN_MORE_DATA);
  CHECK(len == need);
  CHECK(enum_a(RESOURCE_CONNECTED).size() == 2);  // still nothing new
  CHECK(WNetUseConnectionA(nullptr, &nr, nullptr, nullptr, 0, access, &len, &result) == WN_SUCCESS);
  CHECK(std::string(access) == kHan);
  CHECK(result == 0);
  CHECK(WNetUseConnectionA(nullptr, &nr, nullptr, nullptr, 0, access, nullptr, &result) == WN_BAD_POINTER);
  // A device that is not UTF-8 is refused before the room is looked at.
  nr.lpLocalName = const_cast<LPSTR>("X\xFF");
  len = 0;
  CHECK(WNetUseConnectionA(nullptr, &nr, nullptr, nullptr, 0, access, &len, &result) == WN_BAD_LOCALNAME);
  CHECK(len == 0);
}

TEST_CASE("wnet A: WNetAddConnectionA remembers, WNetCancelConnectionA forgets, restore brings back") {
  TempHome home("");
  utf8_shares(home);
  CHECK(WNetAddConnectionA(kUmlaut, nullptr, "X:") == WN_SUCCESS);
  CHECK(enum_a(RESOURCE_REMEMBERED) == std::vector<std::string>{kUmlaut});
  // Torn down but remembered: WN_CONNECTION_CLOSED with the remembered name, in bytes.
  CHECK(WNetCancelConnection2A("X:", 0, FALSE) == WN_SUCCESS);
  char buf[64];
  DWORD len = 3;
  CHECK(WNetGetConnectionA("X:", buf, &len) == WN_MORE_DATA);
  CHECK(len == std::strlen(kUmlaut) + 1);
  CHECK(WNetGetConnectionA("X:", buf, &len) == WN_CONNECTION_CLOSED);
  CHECK(std::string(buf) == kUmlaut);
  CHECK(WNetRestoreConnectionA(nullptr, "X:") == WN_SUCCESS);
  CHECK(WNetGetConnectionA("X:", buf, &len) == WN_SUCCESS);
  CHECK(WNetRestoreConnectionA(nullptr, "W:") == WN_NOT_CONNECTED);  // not remembered
  CHECK(WNetCancelConnectionA("X:", FALSE) == WN_SUCCESS);
  CHECK(enum_a(RESOURCE_REMEMBERED).empty());
  CHECK(WNetCancelConnectionA("X:", FALSE) == WN_NOT_CONNECTED);
  // The W forms of the same.
  CHECK(WNetAddConnectionW(W(kHan).c_str(), nullptr, L"V:") == WN_SUCCESS);
  CHECK(WNetCancelConnection2W(L"V:", 0, FALSE) == WN_SUCCESS);
  CHECK(WNetRestoreSingleConnectionW(nullptr, L"V:", TRUE) == WN_SUCCESS);
  CHECK(WNetCancelConnectionW(L"V:", TRUE) == WN_SUCCESS);
  CHECK(enum_a(RESOURCE_REMEMBERED).empty());
}

TEST_CASE("wnet A: WNetGetLastErrorA cuts its text at bytes, never inside a character") {
  TempHome home("");
  utf8_shares(home);
  CHECK(WNetCancelConnection2A(kHan, 0, FALSE) == WN_NOT_CONNECTED);
  const std::string full = last_error_a();
  REQUIRE(full.find(kHan) != std::string::npos);
  for (std::size_t size = 1; size <= full.size() + 1; ++size) {
    CAPTURE(size);
    std::string got = last_error_a(size);
    CHECK(got.size() < size);
    CHECK(full.compare(0, got.size(), got) == 0);  // a prefix
    if (got.size() < full.size())                  // cut before a character, not inside one
      CHECK((static_cast<unsigned char>(full[got.size()]) & 0xC0) != 0x80);
    CHECK(size - got.size() <= 4);  // and as long as fits
  }
  DWORD code = 0;
  char name[16];
  CHECK(WNetGetLastErrorA(&code, nullptr, 0, name, sizeof name) == WN_SUCCESS);
  CHECK(code == WN_NOT_CONNECTED);
  CHECK(std::string(name) == "npemu");
  // WNetSetLastErrorA leaves a provider's extended error for the next read.
  char text[] = "the \xE4\xB8\xAD server is asleep";
  WNetSetLastErrorA(WN_NO_NETWORK, text, nullptr);
  CHECK(last_error_a() == text);
  char bad[] = "bad \xFF text";
  WNetSetLastErrorA(WN_NET_ERROR, bad, nullptr);
  CHECK(last_error_a() == "bad \xEF\xBF\xBD text");  // U+FFFD in place of the stray byte
  WNetSetLastErrorA(WN_NET_ERROR, nullptr, nullptr);
  CHECK(last_error_a().empty());
}

TEST_CASE("wnet A: provider name and network information") {
  TempHome home("");
  utf8_shares(home);
  char buf[16];
  DWORD len = 3;
  CHECK(WNetGetProviderNameA(NPGetCaps(WNNC_NET_TYPE), buf, &len) == WN_MORE_DATA);
  CHECK(len == 6);
  CHECK(WNetGetProviderNameA(NPGetCaps(WNNC_NET_TYPE), buf, &len) == WN_SUCCESS);
  CHECK(std::string(buf) == "npemu");
  CHECK(WNetGetProviderNameA(WNNC_NET_SMB, buf, &len) == WN_NO_NETWORK);
  NETINFOSTRUCT info{};
  info.cbStructure = sizeof info;
  CHECK(WNetGetNetworkInformationA("local", &info) == WN_SUCCESS);
  CHECK(info.wNetType == NPGetCaps(WNNC_NET_TYPE) >> 16);
  CHECK(WNetGetNetworkInformationA("nosuch", &info) == WN_BAD_PROVIDER);
}

TEST_CASE("wnet: the dialogs answer WN_NO_NETWORK and change nothing") {
  TempHome home;
  REQUIRE(add("Z:", "\\\\files\\public") == WN_SUCCESS);
  NETRESOURCEA nra{};
  CONNECTDLGSTRUCTA ca{sizeof ca, nullptr, &nra, CONNDLG_PERSIST, 0};
  CONNECTDLGSTRUCTW cw{sizeof cw, nullptr, nullptr, 0, 0};
  DISCDLGSTRUCTA da{sizeof da, nullptr, const_cast<LPSTR>("Z:"), nullptr, DISC_UPDATE_PROFILE};
  DISCDLGSTRUCTW dw{sizeof dw, nullptr, const_cast<LPWSTR>(L"Z:"), nullptr, DISC_UPDATE_PROFILE};
  CHECK(WNetConnectionDialog(nullptr, RESOURCETYPE_DISK) == WN_NO_NETWORK);
  CHECK(last_error_a().find("no dialogs") != std::string::npos);
  CHECK(WNetDisconnectDialog(nullptr, RESOURCETYPE_DISK) == WN_NO_NETWORK);
  CHECK(WNetConnectionDialog1A(&ca) == WN_NO_NETWORK);
  CHECK(WNetConnectionDialog1W(&cw) == WN_NO_NETWORK);
  CHECK(WNetDisconnectDialog1A(&da) == WN_NO_NETWORK);
  CHECK(WNetDisconnectDialog1W(&dw) == WN_NO_NETWORK);
  CHECK(WNetConnectionDialog1W(nullptr) == WN_NO_NETWORK);
  CHECK(ca.dwDevNum == 0);
  std::string remote;
  CHECK(get("Z:", &remote) == WN_SUCCESS);  // the disconnect dialog took nothing down
}

TEST_CASE("wnet: connection performance is not measured, NPGetConnection3 tells connected from lost") {
  TempHome home;
  REQUIRE(add("Z:", "\\\\files\\public") == WN_SUCCESS);
  NETCONNECTINFOSTRUCT perf{};
  perf.cbStructure = sizeof perf;
  NETRESOURCEA nr{};
  nr.lpLocalName = const_cast<LPSTR>("Z:");
  CHECK(MultinetGetConnectionPerformanceA(&nr, &perf) == WN_NOT_SUPPORTED);
  nr.lpLocalName = const_cast<LPSTR>("Y:");
  CHECK(MultinetGetConnectionPerformanceA(&nr, &perf) == WN_NOT_CONNECTED);
  nr.lpLocalName = nullptr;
  nr.lpRemoteName = const_cast<LPSTR>("\\\\files\\public");
  CHECK(MultinetGetConnectionPerformanceA(&nr, &perf) == WN_NOT_SUPPORTED);  // Z: uses it
  nr.lpRemoteName = const_cast<LPSTR>("\\\\files\\other");
  CHECK(MultinetGetConnectionPerformanceA(&nr, &perf) == WN_NOT_CONNECTED);
  nr.lpRemoteName = const_cast<LPSTR>("\\\\files\\\xFF");
  CHECK(MultinetGetConnectionPerformanceA(&nr, &perf) == WN_BAD_NETNAME);
  perf.cbStructure = 4;
  nr.lpLocalName = const_cast<LPSTR>("Z:");
  CHECK(MultinetGetConnectionPerformanceA(&nr, &perf) == WN_BAD_VALUE);
  CHECK(MultinetGetConnectionPerformanceA(nullptr, &perf) == WN_BAD_POINTER);
  CHECK(NPGetConnectionPerformance(L"Z:", &perf) == WN_NOT_SUPPORTED);
  CHECK(NPGetConnectionPerformance(L"\\\\files\\other", &perf) == WN_NOT_CONNECTED);

  DWORD state = 99, size = 2;
  CHECK(NPGetConnection3(L"Z:", 1, &state, &size) == WN_MORE_DATA);
  CHECK(size == sizeof(DWORD));
  CHECK(NPGetConnection3(L"Z:", 1, &state, &size) == WN_SUCCESS);
  CHECK(state == WNGETCON_CONNECTED);
  CHECK(NPGetConnection3(L"Z:", 2, &state, &size) == WN_BAD_LEVEL);
  CHECK(NPGetConnection3(L"Y:", 1, &state, &size) == WN_NOT_CONNECTED);
  CHECK(NPGetConnection3(L"Q9", 1, &state, &size) == WN_BAD_LOCALNAME);
  // Remembered, not connected: disconnected, as Windows says of such a drive.
  REQUIRE(add("X:", "\\\\files\\public", CONNECT_UPDATE_PROFILE) == WN_SUCCESS);
  REQUIRE(NPCancelConnection2(const_cast<LPWSTR>(L"X:"), TRUE, 0) == WN_SUCCESS);  // keeps the profile
  state = 99;
  CHECK(NPGetConnection3(L"X:", 1, &state, &size) == WN_SUCCESS);
  CHECK(state == WNGETCON_DISCONNECTED);
  // The drive goes away behind npemu's back: recorded, but lost.
  REQUIRE(std::filesystem::remove(home.root() + "/home/drives/Z"));
  CHECK(NPGetConnection3(L"Z:", 1, &state, &size) == WN_SUCCESS);
  CHECK(state == WNGETCON_DISCONNECTED);
  CHECK(NPDeviceMode(nullptr) == WN_NOT_SUPPORTED);
  CHECK(NPGetDirectoryType(nullptr, nullptr, FALSE) == WN_NOT_SUPPORTED);
  CHECK(NPFMXGetPermCaps(nullptr) == WN_NOT_SUPPORTED);
}
