// npemu_forget (net use's /delete of an Unavailable drive) and npemu_config_file
// (where npemu reads its configuration, and whether it is there).
#include "test_support.hpp"

#include <npemu/npemu.h>

#include <doctest/doctest.h>

#include <cstdio>

using namespace npemu_test;

namespace {

DWORD remembered_count() {
  npemu_connection* list = nullptr;
  DWORD count = 0;
  REQUIRE(npemu_list_connections(NPEMU_LIST_REMEMBERED, &list, &count) == WN_SUCCESS);
  npemu_free_connections(list, count);
  return count;
}

}  // namespace

TEST_CASE("npemu_forget: a remembered device that is not connected, and nothing else") {
  TempHome home;
  REQUIRE(add("Z:", "\\\\files\\public", CONNECT_UPDATE_PROFILE) == WN_SUCCESS);
  // Connected: left alone, the caller is told to cancel it.
  CHECK(npemu_forget(L"Z:") == WN_ALREADY_CONNECTED);
  CHECK(remembered_count() == 1);
  CHECK(get("Z:") == WN_SUCCESS);

  std::wstring z = L"Z:";
  REQUIRE(NPCancelConnection2(z.data(), FALSE, 0) == WN_SUCCESS);  // remembered, not connected
  CHECK(remembered_count() == 1);
  CHECK(npemu_forget(L"z:") == WN_SUCCESS);  // any case of the device
  CHECK(npemu_forget(L"Z") == WN_BAD_LOCALNAME);  // a drive needs its colon
  CHECK(remembered_count() == 0);
  CHECK(npemu_forget(L"Z:") == WN_NOT_CONNECTED);

  CHECK(npemu_forget(nullptr) == WN_BAD_POINTER);
  CHECK(npemu_forget(L"Q1:") == WN_BAD_LOCALNAME);
  CHECK(last_error_text().find("'Q1:' is not a drive") != std::string::npos);
  CHECK(npemu_forget(L"\\\\files\\public") == WN_BAD_LOCALNAME);
}

TEST_CASE("npemu_config_file: the path, whether it exists, WN_MORE_DATA, NULL") {
  TempHome home;
  const std::string want = home.root() + "/home/npemu.toml";
  DWORD len = 0, exists = 7;
  REQUIRE(npemu_config_file(nullptr, &len, &exists) == WN_MORE_DATA);
  CHECK(len == want.size() + 1);
  std::wstring buf(len, L'\0');
  DWORD small = len - 1;
  CHECK(npemu_config_file(buf.data(), &small, nullptr) == WN_MORE_DATA);
  CHECK(small == len);
  REQUIRE(npemu_config_file(buf.data(), &len, &exists) == WN_SUCCESS);
  CHECK(U(buf.c_str()) == want);
  CHECK(exists == 1);

  REQUIRE(std::remove(want.c_str()) == 0);
  len = static_cast<DWORD>(buf.size());
  REQUIRE(npemu_config_file(buf.data(), &len, &exists) == WN_SUCCESS);
  CHECK(exists == 0);
  CHECK(npemu_config_file(buf.data(), nullptr, &exists) == WN_BAD_POINTER);
}

TEST_CASE("an add without npemu.toml names the missing file") {
  TempHome home("");  // no npemu.toml at all
  CHECK(add("Z:", "\\\\files\\public") == WN_BAD_NETNAME);
  CHECK(last_error_text() == "no configuration: " + home.root() +
                                 "/home/npemu.toml does not exist, so no provider serves \\\\files\\public");
}
