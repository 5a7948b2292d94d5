// NPCancelConnection and friends on the `local` provider, with real processes
// holding real files.
#include <doctest/doctest.h>

#include "test_support.hpp"

#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <thread>

using namespace npemu_test;

namespace {

std::vector<std::string> remembered(const TempHome& home) {
  sqlite3* db = nullptr;
  std::vector<std::string> out;
  if (sqlite3_open_v2((home.root() + "/home/state.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db, "SELECT local || '=' || remote FROM profile ORDER BY local", -1, &s, nullptr);
    while (s && sqlite3_step(s) == SQLITE_ROW) out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
    sqlite3_finalize(s);
  }
  sqlite3_close(db);
  return out;
}

std::string drive(const TempHome& home, const std::string& letter) { return home.root() + "/home/drives/" + letter; }

}  // namespace

TEST_CASE("cancel: bad arguments are refused and change nothing") {
  TempHome home;
  REQUIRE(add("Z:", "\\\\files\\public", CONNECT_UPDATE_PROFILE) == WN_SUCCESS);
  CHECK(NPCancelConnection(nullptr, FALSE) == WN_BAD_POINTER);
  CHECK(cancel("Q1:", false) == WN_BAD_LOCALNAME);
  CHECK(cancel("", false) == WN_BAD_LOCALNAME);
  CHECK(cancel("COM1", true) == WN_BAD_LOCALNAME);
  CHECK(cancel("\\\\files", false) == WN_BAD_NETNAME);
  CHECK(cancel("\\\\files\\public\\..\\x", true) == WN_BAD_NETNAME);
  CHECK(cancel("\\\\" + std::string(300, 'a') + "\\b", true) == WN_BAD_NETNAME);
  std::wstring bad = L"\\\\files\\p";
  bad += static_cast<wchar_t>(0xDC00);
  CHECK(NPCancelConnection(bad.data(), TRUE) == WN_BAD_NETNAME);
  CHECK(get("Z:") == WN_SUCCESS);
  CHECK(remembered(home) == std::vector<std::string>{"Z:=\\\\files\\public"});
}

TEST_CASE("cancel a device: only that redirection, and the profile forgets it") {
  TempHome home;
  REQUIRE(add("Z:", "\\\\files\\public", CONNECT_UPDATE_PROFILE) == WN_SUCCESS);
  REQUIRE(add("Y:", "\\\\files\\public", CONNECT_UPDATE_PROFILE) == WN_SUCCESS);
  std::string remote;
  CHECK(get("z:", &remote) == WN_SUCCESS);
  CHECK(remote == "\\\\files\\public");
  CHECK(read_link(drive(home, "Z")) == std::filesystem::canonical(home.share()).string());
  CHECK(remembered(home) == std::vector<std::string>{"Y:=\\\\files\\public", "Z:=\\\\files\\public"});

  CHECK(cancel("z:", false) == WN_SUCCESS);
  CHECK(!exists(drive(home, "Z")));
  CHECK(get("Z:") == WN_NOT_CONNECTED);
  CHECK(get("Y:") == WN_SUCCESS);
  CHECK(remembered(home) == std::vector<std::string>{"Y:=\\\\files\\public"});
  CHECK(cancel("Z:", false) == WN_NOT_CONNECTED);
  CHECK(cancel("Z:", true) == WN_NOT_CONNECTED);
}

TEST_CASE("cancel a device with open files: WN_OPEN_FILES, nothing changed, holders named") {
  TempHome home;
  REQUIRE(add("Z:", "\\\\files\\public", CONNECT_UPDATE_PROFILE) == WN_SUCCESS);
  std::string file = home.share() + "/docs/readme.txt";
  struct Case {
    const char* mode;
    std::string path;
    const char* how;
  };
  for (const Case& c : {Case{"open", file, "holds"}, Case{"cwd", home.share() + "/docs", "has its cwd in"},
                        Case{"mmap", file, "maps"}}) {
    CAPTURE(c.mode);
    // Through the drive link, as a user would: /proc shows the real path.
    std::string via_drive = drive(home, "Z") + c.path.substr(home.share().size());
    Child holder({helper("npemu_holder"), c.mode, via_drive});
    REQUIRE(holder.read_line() == "ready");
    CHECK(cancel("Z:", false) == WN_OPEN_FILES);
    std::string detail = last_error_text();
    CHECK(detail.find("pid " + std::to_string(holder.pid()) + " (npemu_holder) " + c.how) != std::string::npos);
    CHECK(detail.find(std::filesystem::canonical(c.path).string()) != std::string::npos);
    CHECK(exists(drive(home, "Z")));
    CHECK(get("Z:") == WN_SUCCESS);
    CHECK(remembered(home).size() == 1);
    holder.finish();
  }
  CHECK(cancel("Z:", false) == WN_SUCCESS);  // the holders are gone
}

TEST_CASE("forced cancel of a device with open files succeeds and forgets the device") {
  TempHome home;
  REQUIRE(add("Z:", "\\\\files\\public", CONNECT_UPDATE_PROFILE) == WN_SUCCESS);
  Child holder({helper("npemu_holder"), "open", home.share() + "/docs/readme.txt"});
  REQUIRE(holder.read_line() == "ready");
  CHECK(cancel("Z:", true) == WN_SUCCESS);
  CHECK(!exists(drive(home, "Z")));
  CHECK(remembered(home).empty());
  CHECK(get("Z:") == WN_NOT_CONNECTED);
}

TEST_CASE("cancel a remote name: every deviceless connection, no device one, nothing remembered changes") {
  TempHome home;
  REQUIRE(add("", "\\\\files\\public") == WN_SUCCESS);
  REQUIRE(add("", "//FILES/Public") == WN_SUCCESS);
  REQUIRE(add("", "\\\\files\\other") == WN_SUCCESS);
  REQUIRE(add("Z:", "\\\\files\\public", CONNECT_UPDATE_PROFILE) == WN_SUCCESS);
  CHECK(cancel("smb://files/public", false) == WN_SUCCESS);
  CHECK(cancel("\\\\files\\public", false) == WN_NOT_CONNECTED);  // both went
  CHECK(get("Z:") == WN_SUCCESS);
  CHECK(remembered(home).size() == 1);
  CHECK(cancel("\\\\files\\other", false) == WN_SUCCESS);
  CHECK(cancel("\\\\files\\nothing", false) == WN_NOT_CONNECTED);
}

TEST_CASE("cancel a remote name with open files: nothing is torn down") {
  TempHome home;
  REQUIRE(add("", "\\\\files\\public") == WN_SUCCESS);
  REQUIRE(add("", "\\\\files\\public\\docs") == WN_SUCCESS);
  Child holder({helper("npemu_holder"), "open", home.share() + "/docs/readme.txt"});
  REQUIRE(holder.read_line() == "ready");
  CHECK(cancel("\\\\files\\public", false) == WN_OPEN_FILES);
  CHECK(cancel("\\\\files\\public\\docs", false) == WN_OPEN_FILES);
  CHECK(last_error_text().find("npemu_holder") != std::string::npos);
  CHECK(cancel("\\\\files\\public", true) == WN_SUCCESS);
  CHECK(cancel("\\\\files\\public", true) == WN_NOT_CONNECTED);
  CHECK(cancel("\\\\files\\public\\docs", true) == WN_SUCCESS);
}

TEST_CASE("NPCancelConnection2 touches the profile only with CONNECT_UPDATE_PROFILE") {
  TempHome home;
  REQUIRE(add("Z:", "\\\\files\\public", CONNECT_UPDATE_PROFILE) == WN_SUCCESS);
  std::wstring z = L"Z:";
  CHECK(NPCancelConnection2(z.data(), FALSE, 0) == WN_SUCCESS);
  CHECK(get("Z:") == WN_CONNECTION_CLOSED);  // gone, still remembered: unavailable
  CHECK(remembered(home) == std::vector<std::string>{"Z:=\\\\files\\public"});
  REQUIRE(add("Z:", "\\\\files\\other", CONNECT_UPDATE_PROFILE) == WN_SUCCESS);
  CHECK(remembered(home) == std::vector<std::string>{"Z:=\\\\files\\other"});
  CHECK(NPCancelConnection2(z.data(), FALSE, CONNECT_UPDATE_PROFILE) == WN_SUCCESS);
  CHECK(remembered(home).empty());
}

TEST_CASE("a drive link removed behind npemu's back is reported not connected, and cancel reconciles") {
  TempHome home;
  REQUIRE(add("Z:", "\\\\files\\public", CONNECT_UPDATE_PROFILE) == WN_SUCCESS);
  std::filesystem::remove(drive(home, "Z"));
  CHECK(get("Z:") == WN_NOT_CONNECTED);
  CHECK(cancel("Z:", false) == WN_SUCCESS);  // drops the stale and remembered entries
  CHECK(remembered(home).empty());
  CHECK(cancel("Z:", false) == WN_NOT_CONNECTED);
  // A stale entry does not block a new connection either.
  REQUIRE(add("Z:", "\\\\files\\public") == WN_SUCCESS);
  std::filesystem::remove(drive(home, "Z"));
  CHECK(add("Z:", "\\\\files\\other") == WN_SUCCESS);
  std::string remote;
  CHECK(get("Z:", &remote) == WN_SUCCESS);
  CHECK(remote == "\\\\files\\other");
}

TEST_CASE("add: every bad input is refused and leaves nothing behind") {
  TempHome home;
  CHECK(NPAddConnection3(nullptr, nullptr, nullptr, nullptr, 0) == WN_BAD_POINTER);
  NETRESOURCEW nr{};
  CHECK(NPAddConnection3(nullptr, &nr, nullptr, nullptr, 0) == WN_BAD_NETNAME);
  CHECK(add("Z:", "\\\\files\\nope") == WN_BAD_NETNAME);
  CHECK(add("Z:", "\\\\nobody\\public") == WN_BAD_NETNAME);
  CHECK(add("Z:", "\\\\files\\public\\missing") == WN_BAD_NETNAME);
  CHECK(add("ZZ:", "\\\\files\\public") == WN_BAD_LOCALNAME);
  CHECK(add("LPT1:", "\\\\files\\public") == WN_BAD_DEV_TYPE);
  CHECK(add("Z:", "\\\\files\\laser") == WN_BAD_DEV_TYPE);
  CHECK(add("Z:", "\\\\files\\public", 0, 7) == WN_BAD_VALUE);
  std::filesystem::create_directory_symlink("/etc", home.share() + "/escape");
  CHECK(add("Z:", "\\\\files\\public\\escape") == WN_BAD_NETNAME);  // never a path outside the share
  CHECK(!exists(drive(home, "Z")));
  CHECK(get("Z:") == WN_NOT_CONNECTED);
  REQUIRE(add("Z:", "\\\\files\\public\\docs") == WN_SUCCESS);
  CHECK(add("Z:", "\\\\files\\other") == WN_ALREADY_CONNECTED);
  std::string remote;
  CHECK(get("Z:", &remote) == WN_SUCCESS);
  CHECK(remote == "\\\\files\\public\\docs");
}

TEST_CASE("a malformed config is an error naming the file and line, and changes nothing") {
  TempHome home;
  REQUIRE(add("Z:", "\\\\files\\public") == WN_SUCCESS);
  home.write_config("[local.shares.'\\\\files\\public']\npath = 42\n");
  CHECK(add("Y:", "\\\\files\\public") == WN_BAD_PROFILE);
  CHECK(last_error_text().find("npemu.toml:2: 'path'") != std::string::npos);
  CHECK(cancel("Z:", true) == WN_BAD_PROFILE);
  CHECK(exists(home.root() + "/home/drives/Z"));
}

TEST_CASE("NPGetConnection: buffer sizes and bad arguments") {
  TempHome home;
  REQUIRE(add("Z:", "\\\\files\\public") == WN_SUCCESS);
  std::wstring z = L"Z:";
  DWORD len = 0;
  CHECK(NPGetConnection(z.data(), nullptr, &len) == WN_MORE_DATA);
  CHECK(len == 15);  // 14 characters and the NUL
  WCHAR buf[15];
  len = 14;
  CHECK(NPGetConnection(z.data(), buf, &len) == WN_MORE_DATA);
  CHECK(len == 15);
  len = 15;
  CHECK(NPGetConnection(z.data(), buf, &len) == WN_SUCCESS);
  CHECK(std::wstring(buf) == L"\\\\files\\public");
  CHECK(NPGetConnection(nullptr, buf, &len) == WN_BAD_POINTER);
  CHECK(NPGetConnection(z.data(), buf, nullptr) == WN_BAD_POINTER);
  std::wstring bad = L"Q9";
  CHECK(NPGetConnection(bad.data(), buf, &len) == WN_BAD_LOCALNAME);
}

TEST_CASE("NPGetCaps reports npemu as a provider") {
  CHECK(NPGetCaps(WNNC_SPEC_VERSION) == WNNC_SPEC_VERSION51);
  CHECK((NPGetCaps(WNNC_CONNECTION) & WNNC_CON_CANCELCONNECTION) != 0);
  CHECK((NPGetCaps(WNNC_CONNECTION) & WNNC_CON_ADDCONNECTION3) != 0);
  CHECK(NPGetCaps(WNNC_NET_TYPE) != 0);
  CHECK(NPGetCaps(0xFFFF) == 0);
}

TEST_CASE("the detail of the last failure is kept per thread") {
  TempHome home;
  REQUIRE(add("Z:", "\\\\files\\public") == WN_SUCCESS);
  CHECK(cancel("Y:", false) == WN_NOT_CONNECTED);
  std::string other;
  std::thread t([&] {
    CHECK(add("Z:", "\\\\files\\other") == WN_ALREADY_CONNECTED);
    other = last_error_text();
  });
  t.join();
  CHECK(other.find("Z: is already connected") != std::string::npos);
  CHECK(last_error_text() == "Y: is not connected");
}
