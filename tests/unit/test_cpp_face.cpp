// npemu.hpp, the C++ face of the file API: the same rules as the C calls, with
// failures as npemu::error (code and detail) and handles that close themselves.
#include <doctest/doctest.h>

#include <npemu/npemu.hpp>

#include "test_support.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace npemu_test;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("C++ face: write, read back, stat, and the handle counts as an open file until it goes") {
  TempHome home;
  REQUIRE(add("Z:", "\\\\files\\public") == WN_SUCCESS);
  {
    npemu::file f = npemu::file::open(L"Z:\\made.txt", npemu::mode::write | npemu::mode::create | npemu::mode::truncate);
    CHECK(f.is_open());
    f.write_all("written through npemu.hpp");
    CHECK(cancel("Z:", false) == WN_OPEN_FILES);  // the live handle blocks a plain cancel
    npemu::file moved = std::move(f);             // the handle moves, it is not closed twice
    CHECK_FALSE(f.is_open());
    CHECK(moved.is_open());
    moved.close();
    CHECK_FALSE(moved.is_open());
  }
  CHECK(slurp(home.share() + "/made.txt") == "written through npemu.hpp");
  npemu::file_info info = npemu::file_stat(L"Z:\\made.txt");
  CHECK(info.size == 25);
  CHECK_FALSE(info.is_directory);
  CHECK(npemu::file_stat(L"Z:\\docs").is_directory);
  {
    npemu::file r = npemu::file::open(L"\\\\files\\public\\made.txt", npemu::mode::read);
    CHECK(r.read_all() == "written through npemu.hpp");
  }  // closed by its destructor: the cancel goes through
  CHECK(cancel("Z:", false) == WN_SUCCESS);
}

TEST_CASE("C++ face: a failure is npemu::error with the WN code and npemu's sentence") {
  TempHome home;
  try {
    npemu::file::open(L"Q:\\nothing.txt", npemu::mode::read);
    FAIL("opening on a drive that is not connected must throw");
  } catch (const npemu::error& e) {
    CHECK(e.code() == WN_NOT_CONNECTED);
    CHECK(std::string(e.what()).find("WN_NOT_CONNECTED") == 0);
    CHECK(e.detail().find(L"Q:") != std::wstring::npos);
  }
  CHECK_THROWS_AS(npemu::file_stat(L"Z:\\..\\escape"), npemu::error);
  npemu::file closed;
  char b[4];
  try {
    closed.read(b, sizeof b);
    FAIL("reading a closed file must throw");
  } catch (const npemu::error& e) {
    CHECK(e.code() == WN_BAD_HANDLE);
  }
}

TEST_CASE("C++ face: after a forced cancel the handle's I/O throws WN_NOT_CONNECTED") {
  TempHome home;
  REQUIRE(add("Z:", "\\\\files\\public") == WN_SUCCESS);
  npemu::file f = npemu::file::open(L"Z:\\docs\\readme.txt", npemu::mode::read);
  char b[5];
  CHECK(f.read(b, sizeof b) == 5);
  CHECK(cancel("Z:", true) == WN_SUCCESS);
  try {
    f.read(b, sizeof b);
    FAIL("a read after the forced cancel must throw");
  } catch (const npemu::error& e) {
    CHECK(e.code() == WN_NOT_CONNECTED);
  }
}

TEST_CASE("C++ face: print jobs and the connection list") {
  TempHome home;
  REQUIRE(add("LPT1", "\\\\files\\laser", CONNECT_UPDATE_PROFILE, RESOURCETYPE_PRINT) == WN_SUCCESS);
  REQUIRE(add("", "\\\\files\\public") == WN_SUCCESS);
  auto live = npemu::list_connections();
  REQUIRE(live.size() == 2);
  CHECK(live[0].local == L"LPT1:");
  CHECK(live[0].type == static_cast<DWORD>(RESOURCETYPE_PRINT));
  CHECK(live[0].remembered);
  CHECK(live[1].local.empty());
  CHECK(live[1].remote == L"\\\\files\\public");
  CHECK(live[1].provider == L"local");
  {
    npemu::file job = npemu::file::print_job(L"LPT1:", L"report");
    job.write_all("page one\n");
    CHECK(cancel("LPT1", false) == WN_OPEN_FILES);  // an unfinished job
    job.close();                                  // submitted
  }
  bool spooled = false;
  for (const auto& e : std::filesystem::directory_iterator(home.spool()))
    spooled = spooled || slurp(e.path().string()) == "page one\n";
  CHECK(spooled);
  CHECK(cancel("LPT1", false) == WN_SUCCESS);
  auto remembered = npemu::list_connections(NPEMU_LIST_REMEMBERED);
  CHECK(remembered.empty());  // a device's cancel forgets it
}

TEST_CASE("C++ face: list_dir through a drive and a UNC path, and its errors") {
  TempHome home;
  REQUIRE(add("Z:", "\\\\files\\public") == WN_SUCCESS);
  std::ofstream(home.share() + "/top.txt") << "12345";
  auto entries = npemu::list_dir(L"Z:\\");
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].name == L"docs");
  CHECK(entries[0].is_directory);
  CHECK(entries[1].name == L"top.txt");
  CHECK(entries[1].size == 5);
  CHECK_FALSE(entries[1].is_directory);
  CHECK(entries[1].mtime > 0);
  REQUIRE(add("", "\\\\files\\public") == WN_SUCCESS);
  auto docs = npemu::list_dir(L"\\\\files\\public\\docs");
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].name == L"readme.txt");
  try {
    npemu::list_dir(L"Z:\\nosuch");
    FAIL("listing a missing directory must throw");
  } catch (const npemu::error& e) {
    CHECK(e.code() == WN_BAD_NETNAME);
  }
  CHECK_THROWS_AS(npemu::list_dir(L"Q:\\"), npemu::error);  // not connected
  // The C call itself: NULL pointers are refused, an empty listing is (NULL, 0).
  std::filesystem::create_directories(home.share() + "/empty");
  npemu_dir_entry* list = reinterpret_cast<npemu_dir_entry*>(1);
  DWORD count = 7;
  CHECK(npemu_list_dir(L"Z:\\empty", &list, &count) == WN_SUCCESS);
  CHECK(list == nullptr);
  CHECK(count == 0);
  CHECK(npemu_list_dir(L"Z:\\", nullptr, &count) == WN_BAD_POINTER);
  CHECK(npemu_list_dir(nullptr, &list, &count) == WN_BAD_POINTER);
  CHECK(cancel("Z:", false) == WN_SUCCESS);
  CHECK(cancel("\\\\files\\public", false) == WN_SUCCESS);
}
