// npemu.hpp's connection calls: npemu::connect, cancel and get_connection take
// std::wstring_view (no casts of literals to LPWSTR) and throw npemu::error with
// the WN_* code and npemu's sentence, as the NP functions under them return.
#include <doctest/doctest.h>

#include <npemu/npemu.hpp>

#include "test_support.hpp"

#include <filesystem>
#include <string>

using namespace npemu_test;

namespace {

// The code npemu::error carried, or WN_SUCCESS when nothing was thrown.
template <class F>
DWORD code_of(F&& f) {
  try {
    f();
  } catch (const npemu::error& e) {
    CHECK(!e.detail().empty());
    return e.code();
  }
  return WN_SUCCESS;
}

}  // namespace

TEST_CASE("C++ face: connect, get_connection and cancel a drive, a printer port and a deviceless connection") {
  TempHome home;
  npemu::connect(L"z:", L"\\\\files\\public");
  CHECK(npemu::get_connection(L"Z:") == L"\\\\files\\public");
  CHECK(get("Z:") == WN_SUCCESS);  // the C call sees the same connection

  npemu::connect(L"LPT1:", L"\\\\files\\laser");  // a port: a print connection
  npemu::connect(L"", L"//files/other", 0, std::wstring_view(L"alice"));  // deviceless, a user
  auto listed = npemu::list_connections();
  REQUIRE(listed.size() == 3);
  auto find = [&](const std::wstring& local) {
    for (const auto& c : listed)
      if (c.local == local) return c;
    FAIL("not listed");
    return npemu::connection{};
  };
  CHECK(find(L"LPT1:").type == RESOURCETYPE_PRINT);
  CHECK(find(L"LPT1:").remote == L"\\\\files\\laser");
  CHECK(find(L"").remote == L"\\\\files\\other");
  CHECK(find(L"").user == L"alice");

  npemu::cancel(L"LPT1:");
  npemu::cancel(L"\\\\files\\other");
  npemu::cancel(L"Z:");
  CHECK(npemu::list_connections().empty());
  CHECK(code_of([] { npemu::get_connection(L"Z:"); }) == WN_NOT_CONNECTED);
}

TEST_CASE("C++ face: a long remote name comes back whole (the buffer grows)") {
  TempHome home;
  std::string deep = home.share("public");
  std::wstring remote = L"\\\\files\\public";
  for (int i = 0; i < 12; ++i) {  // past the first 64-character buffer
    deep += "/directory" + std::to_string(i);
    remote += L"\\directory" + std::to_wstring(i);
  }
  REQUIRE(std::filesystem::create_directories(deep));
  npemu::connect(L"Y:", remote);
  CHECK(npemu::get_connection(L"Y:") == remote);
}

TEST_CASE("C++ face: connect remembers with CONNECT_UPDATE_PROFILE; cancel's flags keep or forget it") {
  TempHome home;
  npemu::connect(L"Z:", L"\\\\files\\public", CONNECT_UPDATE_PROFILE);
  npemu::cancel(L"Z:", false, 0);  // the profile kept
  auto remembered = npemu::list_connections(NPEMU_LIST_REMEMBERED);
  REQUIRE(remembered.size() == 1);
  CHECK(remembered[0].local == L"Z:");
  CHECK(npemu::list_connections().empty());
  npemu::connect(L"Z:", L"\\\\files\\public", CONNECT_UPDATE_PROFILE);
  npemu::cancel(L"Z:");  // the default forgets it, as NPCancelConnection
  CHECK(npemu::list_connections(NPEMU_LIST_REMEMBERED).empty());
}

TEST_CASE("C++ face: the connection calls throw npemu::error and change nothing") {
  TempHome home;
  CHECK(code_of([] { npemu::connect(L"Q1:", L"\\\\files\\public"); }) == WN_BAD_LOCALNAME);
  CHECK(code_of([] { npemu::connect(L"Z:", L"\\\\files\\nothere"); }) == WN_BAD_NETNAME);
  CHECK(code_of([] { npemu::connect(L"Z:", L""); }) == WN_BAD_NETNAME);
  CHECK(code_of([] { npemu::connect(L"LPT1:", L"\\\\files\\public"); }) == WN_BAD_DEV_TYPE);
  CHECK(npemu::list_connections().empty());
  npemu::connect(L"Z:", L"\\\\files\\public");
  CHECK(code_of([] { npemu::connect(L"Z:", L"\\\\files\\other"); }) == WN_ALREADY_CONNECTED);
  CHECK(npemu::get_connection(L"Z:") == L"\\\\files\\public");
  CHECK(code_of([] { npemu::cancel(L"Y:"); }) == WN_NOT_CONNECTED);
  CHECK(code_of([] { npemu::cancel(L"bad name"); }) == WN_BAD_LOCALNAME);
  CHECK(code_of([] { npemu::get_connection(L"Q1:"); }) == WN_BAD_LOCALNAME);

  // A file open on Z: refuses a plain cancel, naming it; force drops it.
  npemu::file f = npemu::file::open(L"Z:\\docs\\readme.txt", npemu::mode::read);
  try {
    npemu::cancel(L"Z:");
    FAIL("cancel went ahead with a file open");
  } catch (const npemu::error& e) {
    CHECK(e.code() == WN_OPEN_FILES);
    CHECK(e.detail().find(L"readme.txt") != std::wstring::npos);
  }
  CHECK(npemu::get_connection(L"Z:") == L"\\\\files\\public");
  npemu::cancel(L"Z:", true);
  CHECK(code_of([&] { f.read_all(); }) == WN_NOT_CONNECTED);
}
