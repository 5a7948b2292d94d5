// npemu.h's listing, provider and error-name functions (what npnet is built on).
#include "test_support.hpp"

#include <npemu/npemu.h>

#include <doctest/doctest.h>

#include <cstring>

using namespace npemu_test;

TEST_CASE("npemu_list_connections: live, remembered, both, and bad arguments") {
  TempHome home;
  REQUIRE(add("Z:", "\\\\files\\public", CONNECT_UPDATE_PROFILE) == WN_SUCCESS);
  REQUIRE(add("", "\\\\files\\public") == WN_SUCCESS);

  npemu_connection* list = nullptr;
  DWORD count = 0;
  REQUIRE(npemu_list_connections(NPEMU_LIST_CONNECTED, &list, &count) == WN_SUCCESS);
  CHECK(count == 2);
  bool saw_z = false;
  for (DWORD i = 0; i < count; ++i) {
    CHECK(list[i].status == WN_SUCCESS);
    CHECK(U(list[i].provider) == "local");
    if (U(list[i].local) == "Z:") {
      saw_z = true;
      CHECK(list[i].remembered == 1);
      CHECK(U(list[i].remote) == "\\\\files\\public");
    }
  }
  CHECK(saw_z);
  npemu_free_connections(list, count);

  // Cancel without updating the profile: Z: stays remembered but is not connected.
  std::wstring z = L"Z:";
  REQUIRE(NPCancelConnection2(z.data(), FALSE, 0) == WN_SUCCESS);
  REQUIRE(npemu_list_connections(NPEMU_LIST_REMEMBERED, &list, &count) == WN_SUCCESS);
  REQUIRE(count == 1);
  CHECK(U(list[0].local) == "Z:");
  CHECK(list[0].status == WN_CONNECTION_CLOSED);
  npemu_free_connections(list, count);
  REQUIRE(npemu_list_connections(NPEMU_LIST_CONNECTED | NPEMU_LIST_REMEMBERED, &list, &count) == WN_SUCCESS);
  CHECK(count == 2);  // the deviceless one, then the remembered Z:
  npemu_free_connections(list, count);

  CHECK(npemu_list_connections(NPEMU_LIST_CONNECTED, nullptr, &count) == WN_BAD_POINTER);
  CHECK(npemu_list_connections(NPEMU_LIST_CONNECTED, &list, nullptr) == WN_BAD_POINTER);
  CHECK(npemu_list_connections(0, &list, &count) == WN_BAD_VALUE);
  CHECK(npemu_list_connections(0x10, &list, &count) == WN_BAD_VALUE);
  CHECK(list == nullptr);
  CHECK(count == 0);
  npemu_free_connections(nullptr, 0);  // a no-op
}

TEST_CASE("npemu_provider_name: the configured order, WN_MORE_DATA, the end") {
  TempHome home;
  DWORD len = 0;
  REQUIRE(npemu_provider_name(0, nullptr, &len) == WN_MORE_DATA);
  CHECK(len == 6);  // "local" and its NUL
  WCHAR name[8];
  len = 8;
  REQUIRE(npemu_provider_name(0, name, &len) == WN_SUCCESS);
  CHECK(U(name) == "local");
  DWORD n = 0;
  while (npemu_provider_name(n, name, &(len = 8)) == WN_SUCCESS) ++n;
  CHECK(npemu_provider_name(n, name, &(len = 8)) == WN_NO_MORE_ENTRIES);
  CHECK(npemu_provider_name(0, name, nullptr) == WN_BAD_POINTER);
}

TEST_CASE("npemu_error_name and npemu_error_text") {
  CHECK(std::strcmp(npemu_error_name(WN_OPEN_FILES), "WN_OPEN_FILES") == 0);
  CHECK(std::strcmp(npemu_error_name(WN_SUCCESS), "WN_SUCCESS") == 0);
  CHECK(std::strcmp(npemu_error_text(WN_OPEN_FILES), "files or jobs are open on the connection") == 0);
  CHECK(std::strcmp(npemu_error_name(123456), "WN_UNKNOWN") == 0);
  CHECK(npemu_error_text(123456) != nullptr);
}
