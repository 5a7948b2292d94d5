// UNC file I/O through the session, counted handles, and cancel with files open.
#include "smb_env.hpp"

#include <doctest/doctest.h>

#include "../../../core/src/engine.hpp"

#include <npemu/npemu.hpp>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>

using namespace smbtest;

namespace {
DWORD open_file(const std::string& path, DWORD mode, npemu_file** f) {
  return npemu_open(W(path).c_str(), mode, f);
}
}  // namespace

TEST_CASE("files written through the session reach the share, and read back") {
  Server s = fixture_server();
  Home h(s);
  REQUIRE(add("", "\\\\files\\secure", "npemu", kPassword) == WN_SUCCESS);
  npemu_file* f = nullptr;
  REQUIRE(open_file("\\\\files\\secure\\hello.txt", NPEMU_OPEN_WRITE | NPEMU_OPEN_CREATE | NPEMU_OPEN_TRUNCATE, &f) ==
          WN_SUCCESS);
  DWORD put = 0;
  CHECK(npemu_write(f, "hello smb", 9, &put) == WN_SUCCESS);
  CHECK(put == 9);
  CHECK(npemu_close(f) == WN_SUCCESS);
  CHECK(slurp(s.dir + "/shares/secure/hello.txt") == "hello smb");

  npemu_file_info info{};
  CHECK(npemu_stat(L"\\\\files\\secure\\hello.txt", &info) == WN_SUCCESS);
  CHECK(info.size == 9);
  CHECK(info.is_directory == 0);
  REQUIRE(open_file("\\\\files\\secure\\hello.txt", NPEMU_OPEN_READ, &f) == WN_SUCCESS);
  char buf[32] = {};
  DWORD got = 0;
  CHECK(npemu_read(f, buf, sizeof buf, &got) == WN_SUCCESS);
  CHECK(std::string(buf, got) == "hello smb");
  CHECK(npemu_close(f) == WN_SUCCESS);
  CHECK(open_file("\\\\files\\secure\\missing.txt", NPEMU_OPEN_READ, &f) == WN_BAD_NETNAME);
  // The C++ face lists a directory through the same session.
  std::vector<npemu::FileInfo> entries;
  npemu::Status st = npemu::with_engine([&](npemu::Engine& e) { return e.list("\\\\files\\secure", &entries); });
  CHECK(st.ok());
  CHECK(std::any_of(entries.begin(), entries.end(),
                    [](const npemu::FileInfo& i) { return i.name == "hello.txt" && i.size == 9 && !i.directory; }));
  // ... and so do the public C call and its C++ face, with the file API's other calls.
  auto listed = npemu::list_dir(L"\\\\files\\secure");
  CHECK(std::any_of(listed.begin(), listed.end(),
                    [](const npemu::dir_entry& i) { return i.name == L"hello.txt" && i.size == 9 && !i.is_directory; }));
  {
    npemu::file f = npemu::file::open(L"\\\\files\\secure\\hello.txt", npemu::mode::read);
    CHECK(f.read_all() == "hello smb");
  }
  CHECK(npemu::file_stat(L"\\\\files\\secure\\hello.txt").size == 9);
  CHECK(cancel("\\\\files\\secure", false) == WN_SUCCESS);
}

TEST_CASE("an open handle makes a non-forced cancel WN_OPEN_FILES; forced frees it and its I/O fails cleanly") {
  Server s = fixture_server();
  Home h(s);
  REQUIRE(add("", "\\\\files\\public", nullptr, nullptr) == WN_SUCCESS);
  npemu_file* f = nullptr;
  REQUIRE(open_file("\\\\files\\public\\open.txt", NPEMU_OPEN_WRITE | NPEMU_OPEN_CREATE, &f) == WN_SUCCESS);
  CHECK(cancel("\\\\files\\public", false) == WN_OPEN_FILES);
  CHECK(last_error_text().find("open.txt") != std::string::npos);
  DWORD put = 0;
  CHECK(npemu_write(f, "still here", 10, &put) == WN_SUCCESS);  // untouched by the refusal
  CHECK(cancel("\\\\files\\public", true) == WN_SUCCESS);
  CHECK(npemu_write(f, "gone", 4, &put) == WN_NOT_CONNECTED);
  char b[4];
  DWORD got = 0;
  CHECK(npemu_read(f, b, 4, &got) != WN_SUCCESS);  // the handle stays dead
  npemu_close(f);
  CHECK(cancel("\\\\files\\public", false) == WN_NOT_CONNECTED);
}

TEST_CASE("another process's handle counts as an open file; a forced cancel drops its session from the store") {
  Server s = fixture_server();
  Home h(s);
  Child c({SMB_CHILD});
  std::string ready = c.read_line();
  REQUIRE(ready.rfind("ready ", 0) == 0);
  CHECK(cancel("\\\\files\\public", false) == WN_OPEN_FILES);
  CHECK(last_error_text().find("pid " + std::to_string(c.pid())) != std::string::npos);
  c.send("write");
  CHECK(c.read_line() == "0");
  CHECK(cancel("\\\\files\\public", true) == WN_SUCCESS);
  c.send("write");
  CHECK(c.read_line() == std::to_string(WN_NOT_CONNECTED));  // the owner's next I/O fails cleanly
  c.finish();
}

// Past 256 connections a process does not reload a table another process changed
// (core/src/live_cache.*): it asks the store for the connection and its handles.
TEST_CASE("another process's handle counts when this process holds hundreds of other connections") {
  Server s = fixture_server();
  Home h(s);
  std::string many = h.root + "/many";
  std::filesystem::create_directories(many);
  std::ofstream(h.root + "/npemu.toml", std::ios::app) << "[local.shares.\"\\\\\\\\local\\\\many\"]\npath = \"" << many << "\"\n";
  npemu_reload();
  for (int i = 0; i < 300; ++i) REQUIRE(add("", "\\\\local\\many", nullptr, nullptr) == WN_SUCCESS);
  Child c({SMB_CHILD});
  REQUIRE(c.read_line().rfind("ready ", 0) == 0);
  CHECK(cancel("\\\\files\\public", false) == WN_OPEN_FILES);
  CHECK(last_error_text().find("pid " + std::to_string(c.pid())) != std::string::npos);
  CHECK(cancel("\\\\files\\public", true) == WN_SUCCESS);
  c.finish();
  CHECK(cancel("\\\\local\\many", false) == WN_SUCCESS);
}
