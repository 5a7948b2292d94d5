// Issue 13: a cancel drops exactly what it names or nothing; identities are never
// reused; a crash at any point of an add or a cancel leaves a state the next call
// recognises and repairs (core/src/test_point.hpp names the points).
#include <doctest/doctest.h>

#include "test_points.hpp"
#include "test_support.hpp"

#include "../../core/src/sqlite_db.hpp"

#include <npemu/winnetwk.h>

#include <sys/mount.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

using namespace npemu_test;

namespace {

const char* kPublic = "\\\\files\\public";
const char* kOther = "\\\\files\\other";

bool remembered(const std::string& local) {
  npemu_connection* list = nullptr;
  DWORD n = 0;
  if (npemu_list_connections(NPEMU_LIST_REMEMBERED, &list, &n) != WN_SUCCESS) return false;
  bool found = false;
  for (DWORD i = 0; i < n; ++i) found = found || U(list[i].local) == local;
  npemu_free_connections(list, n);
  return found;
}

// np_client stopped dead (_exit) at `point` while running args.
int crash_at(const std::string& point, std::vector<std::string> args) {
  args.insert(args.begin(), {helper("np_client"), "--point=" + point});
  Child c(args);
  return c.wait();
}

}  // namespace

TEST_CASE("identity: a plain cancel that waited never tears down a connection that came after") {
  TempHome home;
  std::filesystem::create_directories(home.share() + "/d1");
  REQUIRE(add("", "\\\\files\\public\\d1") == WN_SUCCESS);
  // A's plain cancel stops after its holder scan; meanwhile B drops the same name
  // and C connects Z: (which, with reused ids, took the dropped row's id).
  Child a({helper("np_client"), "--point=cancel.after_scan:pause", "--point-dir=" + home.root(), "cancel",
           "\\\\files\\public\\d1", "0"});
  REQUIRE(wait_paused(home.root(), "cancel.after_scan"));
  REQUIRE(cancel("\\\\files\\public\\d1", true) == WN_SUCCESS);
  REQUIRE(add("Z:", kPublic, CONNECT_UPDATE_PROFILE) == WN_SUCCESS);
  resume(home.root(), "cancel.after_scan");
  CHECK(a.read_line() == "2250");  // WN_NOT_CONNECTED: what it named is gone
  CHECK(a.wait() == 0);
  std::string remote;
  CHECK(get("Z:", &remote) == WN_SUCCESS);
  CHECK(remote == kPublic);
  CHECK(read_link(drive_link(home, "Z")) == home.share());
  CHECK(remembered("Z:"));
}

TEST_CASE("identity: a handle dropped by a forced cancel never comes back as another file's") {
  TempHome home;
  REQUIRE(add("Z:", kPublic) == WN_SUCCESS);
  REQUIRE(add("Y:", kOther) == WN_SUCCESS);
  npemu_file* a = nullptr;
  REQUIRE(npemu_open(L"Z:\\docs\\readme.txt", NPEMU_OPEN_READ, &a) == WN_SUCCESS);
  REQUIRE(cancel("Z:", true) == WN_SUCCESS);
  npemu_file* b = nullptr;
  REQUIRE(npemu_open(L"Y:\\b.txt", NPEMU_OPEN_WRITE | NPEMU_OPEN_CREATE, &b) == WN_SUCCESS);
  DWORD n = 0;
  char buf[8];
  CHECK(npemu_read(a, buf, sizeof buf, &n) == WN_NOT_CONNECTED);
  CHECK(npemu_close(a) == WN_NOT_CONNECTED);
  CHECK(npemu_write(b, "b", 1, &n) == WN_SUCCESS);  // b's own handle is still counted...
  CHECK(cancel("Y:", false) == WN_OPEN_FILES);      // ...and blocks a plain cancel
  CHECK(npemu_close(b) == WN_SUCCESS);
  CHECK(cancel("Y:", false) == WN_SUCCESS);
}

TEST_CASE("identity: a store of the first version keeps its rows and never reuses their ids") {
  TempHome home;
  {
    npemu::SqliteDb db;
    std::string error;
    REQUIRE(db.open(home.root() + "/home/state.db", 1000, &error));
    REQUIRE(db.exec("CREATE TABLE connections(id INTEGER PRIMARY KEY, local TEXT NOT NULL DEFAULT '',"
                    " remote TEXT NOT NULL, remote_key TEXT NOT NULL, provider TEXT NOT NULL, type INTEGER NOT NULL,"
                    " user TEXT NOT NULL DEFAULT '', remembered INTEGER NOT NULL DEFAULT 0, handle TEXT NOT NULL"
                    " DEFAULT '', owner_pid INTEGER NOT NULL DEFAULT 0, owner_start INTEGER NOT NULL DEFAULT 0);"
                    "CREATE TABLE handles(id INTEGER PRIMARY KEY, connection_id INTEGER NOT NULL REFERENCES"
                    " connections(id) ON DELETE CASCADE, pid INTEGER NOT NULL, pid_start INTEGER NOT NULL,"
                    " path TEXT NOT NULL, kind TEXT NOT NULL);"
                    "INSERT INTO connections(id, remote, remote_key, provider, type)"
                    " VALUES(7, '\\\\files\\public', '\\\\files\\public', 'local', 1);",
                    &error));
  }
  npemu_reload();
  REQUIRE(add("", kOther) == WN_SUCCESS);
  REQUIRE(cancel(kOther, true) == WN_SUCCESS);  // frees the highest id
  REQUIRE(add("", kOther) == WN_SUCCESS);
  npemu::SqliteDb db;
  std::string error;
  REQUIRE(db.open(home.root() + "/home/state.db", 1000, &error));
  auto s = db.prepare("SELECT group_concat(id) FROM (SELECT id FROM connections ORDER BY id)");
  REQUIRE(s.row());
  CHECK(s.text(0) == "7,9");  // the old row kept, 8 never given again
}

TEST_CASE("crash points of an add: a fresh process and a running one see a consistent state and can use the device") {
  for (std::string point : {"add.after_side_effect", "add.before_commit", "add.after_commit"}) {
    for (bool running : {false, true}) {
      CAPTURE(point);
      CAPTURE(running);
      TempHome home;
      if (running) REQUIRE(get("Z:") == WN_NOT_CONNECTED);  // this process's engine and cache exist before
      CHECK(crash_at(point, {"add", "Z:", kPublic, "remember"}) == 86);
      bool committed = point == "add.after_commit";
      CHECK(get("Z:") == (committed ? WN_SUCCESS : WN_NOT_CONNECTED));
      CHECK(remembered("Z:") == committed);
      if (!running) CHECK(exists(drive_link(home, "Z")) == committed);  // a fresh start clears the leftover
      if (committed) {
        CHECK(add("Z:", kOther) == WN_ALREADY_CONNECTED);
        REQUIRE(cancel("Z:", false) == WN_SUCCESS);
      }
      CHECK(add("Z:", kOther) == WN_SUCCESS);  // never wedged by what the crash left
      CHECK(read_link(drive_link(home, "Z")) == home.share("other"));
      CHECK(cancel("Z:", false) == WN_SUCCESS);
      CHECK_FALSE(exists(drive_link(home, "Z")));
    }
  }
}

TEST_CASE("crash points of a cancel: the connection is either whole or gone, and the device can be used again") {
  for (std::string point : {"cancel.after_scan", "cancel.before_commit", "cancel.after_commit", "cancel.after_teardown"}) {
    for (bool running : {false, true}) {
      CAPTURE(point);
      CAPTURE(running);
      TempHome home;
      REQUIRE(add("Z:", kPublic, CONNECT_UPDATE_PROFILE) == WN_SUCCESS);
      if (!running) npemu_reload();
      CHECK(crash_at(point, {"cancel", "Z:", "0", "forget"}) == 86);
      bool dropped = point == "cancel.after_commit" || point == "cancel.after_teardown";
      CHECK(get("Z:") == (dropped ? WN_NOT_CONNECTED : WN_SUCCESS));
      CHECK(remembered("Z:") == !dropped);
      if (!dropped) CHECK(read_link(drive_link(home, "Z")) == home.share());
      if (!running) CHECK(exists(drive_link(home, "Z")) == !dropped);
      if (!dropped) REQUIRE(cancel("Z:", false) == WN_SUCCESS);
      CHECK(add("Z:", kOther) == WN_SUCCESS);
      CHECK(read_link(drive_link(home, "Z")) == home.share("other"));
      CHECK(cancel("Z:", false) == WN_SUCCESS);
      CHECK_FALSE(exists(drive_link(home, "Z")));
    }
  }
}

TEST_CASE("a link in drives/ that the store does not know is a leftover, not an obstacle") {
  TempHome home;
  REQUIRE(get("Z:") == WN_NOT_CONNECTED);  // drives/ exists after the first add; make it by hand
  std::filesystem::create_directories(home.root() + "/home/drives");
  std::filesystem::create_directory_symlink("/nowhere", drive_link(home, "Q"));
  CHECK(get("Q:") == WN_NOT_CONNECTED);
  CHECK(cancel("Q:", true) == WN_NOT_CONNECTED);
  CHECK(add("Q:", kPublic) == WN_SUCCESS);
  CHECK(read_link(drive_link(home, "Q")) == home.share());
  CHECK(cancel("Q:", false) == WN_SUCCESS);
}

TEST_CASE("a damaged store read under a running process is a store error, not 'not connected'") {
  TempHome home;
  REQUIRE(add("Z:", kPublic) == WN_SUCCESS);
  Child a({helper("np_client"), "--point=cancel.after_scan:pause", "--point-dir=" + home.root(), "cancel", "Z:", "0"});
  REQUIRE(wait_paused(home.root(), "cancel.after_scan"));
  {
    npemu::SqliteDb db;
    std::string error;
    REQUIRE(db.open(home.root() + "/home/state.db", 1000, &error));
    REQUIRE(db.exec("PRAGMA foreign_keys=OFF; DROP TABLE handles; DROP TABLE connections;", &error));
  }
  resume(home.root(), "cancel.after_scan");
  CHECK(a.read_line() == std::to_string(WN_CANNOT_OPEN_PROFILE));
  a.wait();
  CHECK(get("Z:") == WN_CANNOT_OPEN_PROFILE);
  std::string why = last_error_text();
  CHECK(why.find(home.root() + "/home/state.db") != std::string::npos);
  CHECK(why.find("no such table") != std::string::npos);
  CHECK(exists(drive_link(home, "Z")));  // nothing torn down
}

TEST_CASE("a forced cancel on a full disk tears nothing down when its commit fails (root: a 1 MiB tmpfs)") {
  if (geteuid() != 0) {
    MESSAGE("skipped: mounting a tmpfs needs root");
    return;
  }
  TempHome home;
  std::string full = home.root() + "/full";
  std::filesystem::create_directories(full);
  REQUIRE(mount("npemu-full", full.c_str(), "tmpfs", 0, "size=1m") == 0);
  setenv("NPEMU_HOME", full.c_str(), 1);
  std::ofstream(full + "/npemu.toml") << "[local.shares.'\\\\files\\public']\npath = \"" << home.share() << "\"\n";
  npemu_reload();
  REQUIRE(add("Z:", kPublic, CONNECT_UPDATE_PROFILE) == WN_SUCCESS);
  {
    std::ofstream fill(full + "/fill", std::ios::binary);
    std::string block(4096, 'x');
    while (fill.write(block.data(), static_cast<std::streamsize>(block.size())) && fill.flush()) {
    }
  }
  DWORD rc = cancel("Z:", true);
  CHECK(rc != WN_SUCCESS);  // the disk is full: the drop cannot be written
  CHECK(get("Z:") == WN_SUCCESS);  // and so nothing was torn down
  CHECK(exists(full + "/drives/Z"));
  CHECK(remembered("Z:"));
  std::filesystem::remove(full + "/fill");
  CHECK(cancel("Z:", true) == WN_SUCCESS);
  CHECK_FALSE(exists(full + "/drives/Z"));
  CHECK_FALSE(remembered("Z:"));
  npemu_reload();
  umount2(full.c_str(), MNT_DETACH);
}

TEST_CASE("the device locks' file deleted or replaced: the next change locks the file that is there now") {
  TempHome home;
  std::string locks = home.root() + "/home/state.locks";
  REQUIRE(add("Z:", kPublic) == WN_SUCCESS);
  REQUIRE(exists(locks));
  std::filesystem::remove(locks);
  std::this_thread::sleep_for(std::chrono::milliseconds(10));  // the file is looked at every 5 ms at most
  CHECK(add("Y:", kOther) == WN_SUCCESS);
  CHECK(exists(locks));  // made again, and locked there
  std::ofstream(locks + ".new") << "not npemu's";
  std::filesystem::rename(locks + ".new", locks);
  std::this_thread::sleep_for(std::chrono::milliseconds(10));
  CHECK(cancel("Z:", false) == WN_SUCCESS);
  CHECK(cancel("Y:", false) == WN_SUCCESS);
  CHECK(add("Z:", kOther) == WN_SUCCESS);
  CHECK(cancel("Z:", true) == WN_SUCCESS);
}

TEST_CASE("a state.gen left by an earlier npemu, truncated or not, changes nothing") {
  TempHome home;
  std::ofstream(home.root() + "/home/state.gen", std::ios::binary) << std::string(8, '\0');
  REQUIRE(add("Z:", kPublic) == WN_SUCCESS);
  std::filesystem::resize_file(home.root() + "/home/state.gen", 0);
  CHECK(first_line_of({helper("np_client"), "add", "Y:", kOther}) == "0");
  std::string remote;
  CHECK(get("Y:", &remote) == WN_SUCCESS);  // another process's change, seen at once
  CHECK(remote == kOther);
  CHECK(cancel("Y:", false) == WN_SUCCESS);
  CHECK(cancel("Z:", false) == WN_SUCCESS);
}

TEST_CASE("a store that cannot be read is WN_CANNOT_OPEN_PROFILE to every query and list, naming the file") {
  TempHome home;
  REQUIRE(add("Z:", kPublic, CONNECT_UPDATE_PROFILE) == WN_SUCCESS);
  {
    npemu::SqliteDb db;
    std::string error;
    REQUIRE(db.open(home.root() + "/home/state.db", 1000, &error));
    REQUIRE(db.exec("PRAGMA foreign_keys=OFF; DROP TABLE handles; DROP TABLE connections; DROP TABLE profile;", &error));
  }
  npemu_connection* list = nullptr;
  DWORD n = 0;
  CHECK(npemu_list_connections(NPEMU_LIST_CONNECTED, &list, &n) == WN_CANNOT_OPEN_PROFILE);
  CHECK(last_error_text().find(home.root() + "/home/state.db") != std::string::npos);
  CHECK(npemu_list_connections(NPEMU_LIST_REMEMBERED, &list, &n) == WN_CANNOT_OPEN_PROFILE);
  HANDLE h = nullptr;
  DWORD rc = WNetOpenEnumW(RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, nullptr, &h);
  if (rc == WN_SUCCESS) {  // a lazy enumeration reads on the first call
    DWORD count = 0xFFFFFFFF, size = 4096;
    std::vector<char> buf(size);
    rc = WNetEnumResourceW(h, &count, buf.data(), &size);
    WNetCloseEnum(h);
  }
  CHECK(rc == WN_CANNOT_OPEN_PROFILE);
  WCHAR remote[300];
  DWORD len = 300;
  CHECK(WNetGetConnectionW(L"Z:", remote, &len) == WN_CANNOT_OPEN_PROFILE);
  CHECK(cancel("Z:", true) == WN_CANNOT_OPEN_PROFILE);
  CHECK(exists(drive_link(home, "Z")));  // nothing torn down
}

TEST_CASE("a file opened through the file API is one holder in a refused cancel's detail, not two") {
  TempHome home;
  REQUIRE(add("Z:", kPublic) == WN_SUCCESS);
  for (std::string path : {"Z:\\docs\\readme.txt", "\\\\files\\public\\docs\\readme.txt"}) {
    CAPTURE(path);
    Child holder({helper("np_client"), "hold", path});
    REQUIRE(holder.read_line() == "ready");
    CHECK(cancel("Z:", false) == WN_OPEN_FILES);
    std::string why = last_error_text();
    std::string pid = "pid " + std::to_string(holder.pid()) + " ";
    std::size_t first = why.find(pid);
    CHECK(first != std::string::npos);
    CHECK(why.find(pid, first + 1) == std::string::npos);  // named once
    holder.finish();
  }
  CHECK(cancel("Z:", false) == WN_SUCCESS);
}
