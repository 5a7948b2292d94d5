// The store is shared by every process of the user: connections, handles and
// the profile seen and changed across processes, and reconciled when owners die.
#include <doctest/doctest.h>

#include "test_support.hpp"

#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

using namespace npemu_test;

TEST_CASE("a connection made by one process is seen, and cancelled, by another") {
  TempHome home;
  Child other({helper("np_client"), "add", "Z:", "\\\\files\\public", "remember"});
  CHECK(other.read_line() == "0");
  other.finish();
  std::string remote;
  CHECK(get("Z:", &remote) == WN_SUCCESS);
  CHECK(remote == "\\\\files\\public");
  CHECK(cancel("Z:", false) == WN_SUCCESS);
  Child again({helper("np_client"), "get", "Z:"});
  CHECK(again.read_line() == "2250 ");
  REQUIRE(add("Y:", "\\\\files\\other") == WN_SUCCESS);
  Child third({helper("np_client"), "cancel", "Y:", "0"});
  CHECK(third.read_line() == "0");
  third.finish();
  CHECK(get("Y:") == WN_NOT_CONNECTED);  // our cache saw the other process's change
}

TEST_CASE("a handle opened through npemu's file API by another process counts, until it dies") {
  TempHome home;
  REQUIRE(add("", "\\\\files\\public") == WN_SUCCESS);
  {
    Child holder({helper("np_client"), "hold", "\\\\files\\public\\docs\\readme.txt"});
    REQUIRE(holder.read_line() == "ready");
    CHECK(cancel("\\\\files\\public", false) == WN_OPEN_FILES);
    CHECK(last_error_text().find("(np_client)") != std::string::npos);
    kill(holder.pid(), SIGKILL);  // dies holding it: its counted handle is stale
    holder.finish();
  }
  CHECK(cancel("\\\\files\\public", false) == WN_SUCCESS);
}

TEST_CASE("the store: private files, WAL, and never a password") {
  TempHome home;
  std::wstring remote = L"\\\\files\\public", local = L"Z:", password = L"s3cret-pa55word", user = L"alice";
  NETRESOURCEW nr{};
  nr.dwType = RESOURCETYPE_DISK;
  nr.lpLocalName = local.data();
  nr.lpRemoteName = remote.data();
  REQUIRE(NPAddConnection3(nullptr, &nr, password.data(), user.data(), CONNECT_UPDATE_PROFILE) == WN_SUCCESS);
  struct stat st;
  REQUIRE(stat((home.root() + "/home/state.db").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  REQUIRE(stat((home.root() + "/home").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);
  REQUIRE(stat((home.root() + "/home/drives").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);
  CHECK(exists(home.root() + "/home/state.db-wal"));
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2((home.root() + "/home/state.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* q = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, "PRAGMA page_size", -1, &q, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(q) == SQLITE_ROW);
  CHECK(sqlite3_column_int(q, 0) == 1024);  // small pages: a change writes less to the WAL
  sqlite3_finalize(q);
  sqlite3_close(db);
  std::string bytes;
  for (const char* f : {"/home/state.db", "/home/state.db-wal"}) {
    std::ifstream in(home.root() + f, std::ios::binary);
    bytes.append(std::istreambuf_iterator<char>(in), {});
  }
  CHECK(bytes.find("s3cret-pa55word") == std::string::npos);
  CHECK(bytes.find("alice") != std::string::npos);  // the user name is kept
}

TEST_CASE("file API: read through a drive and a UNC path, and a forced cancel fails later I/O") {
  TempHome home;
  REQUIRE(add("Z:", "\\\\files\\public") == WN_SUCCESS);
  npemu_file* f = nullptr;
  REQUIRE(npemu_open(L"Z:\\docs\\readme.txt", NPEMU_OPEN_READ, &f) == WN_SUCCESS);
  char buf[64] = {};
  DWORD got = 0;
  CHECK(npemu_read(f, buf, 5, &got) == WN_SUCCESS);
  CHECK(std::string(buf, got) == "hello");
  CHECK(cancel("Z:", false) == WN_OPEN_FILES);  // our own handle counts
  CHECK(last_error_text().find("Z:\\docs\\readme.txt") != std::string::npos);
  CHECK(cancel("Z:", true) == WN_SUCCESS);
  CHECK(npemu_read(f, buf, 5, &got) == WN_NOT_CONNECTED);
  CHECK(got == 0);
  CHECK(npemu_close(f) == WN_NOT_CONNECTED);

  REQUIRE(add("", "\\\\files\\public") == WN_SUCCESS);
  REQUIRE(npemu_open(L"\\\\files\\public\\new.txt", NPEMU_OPEN_WRITE | NPEMU_OPEN_CREATE, &f) == WN_SUCCESS);
  DWORD put = 0;
  CHECK(npemu_write(f, "data", 4, &put) == WN_SUCCESS);
  CHECK(put == 4);
  CHECK(npemu_close(f) == WN_SUCCESS);
  npemu_file_info info{};
  CHECK(npemu_stat(L"\\\\files\\public\\new.txt", &info) == WN_SUCCESS);
  CHECK(info.size == 4);
  CHECK(cancel("\\\\files\\public", false) == WN_SUCCESS);  // closed handles do not count

  CHECK(npemu_open(L"\\\\files\\public\\new.txt", NPEMU_OPEN_READ, &f) == WN_NOT_CONNECTED);
  CHECK(f == nullptr);
  CHECK(npemu_open(nullptr, NPEMU_OPEN_READ, &f) == WN_BAD_POINTER);
  CHECK(npemu_open(L"Z:\\..\\x", NPEMU_OPEN_READ, &f) == WN_BAD_NETNAME);
  CHECK(npemu_read(nullptr, buf, 1, &got) == WN_BAD_HANDLE);
}

TEST_CASE("print jobs: an unfinished job blocks the cancel of LPT1:, a finished one is in the spool") {
  TempHome home;
  REQUIRE(add("LPT1", "\\\\files\\laser", CONNECT_UPDATE_PROFILE, RESOURCETYPE_PRINT) == WN_SUCCESS);
  npemu_file* job = nullptr;
  REQUIRE(npemu_print_open(L"LPT1:", L"report", &job) == WN_SUCCESS);
  DWORD put = 0;
  CHECK(npemu_write(job, "page 1\n", 7, &put) == WN_SUCCESS);
  CHECK(cancel("LPT1:", false) == WN_OPEN_FILES);
  CHECK(last_error_text().find("print job") != std::string::npos);
  CHECK(npemu_close(job) == WN_SUCCESS);
  std::vector<std::string> spooled;
  for (auto& e : std::filesystem::directory_iterator(home.spool())) spooled.push_back(e.path().filename().string());
  REQUIRE(spooled.size() == 1);
  CHECK(spooled[0].find("report") != std::string::npos);
  CHECK(spooled[0].find(".part") == std::string::npos);
  CHECK(cancel("LPT1:", false) == WN_SUCCESS);
}

TEST_CASE("the store: a change that waits past [store] busy_timeout_ms is WN_FUNCTION_BUSY and changes nothing") {
  TempHome home;
  std::ofstream(home.root() + "/home/npemu.toml", std::ios::app) << "[store]\nbusy_timeout_ms = 200\n";
  npemu_reload();
  REQUIRE(add("Y:", "\\\\files\\other") == WN_SUCCESS);  // makes the store
  {
    Child locker({helper("npemu_store_locker"), home.root() + "/home/state.db"});
    REQUIRE(locker.read_line() == "locked");
    auto t0 = std::chrono::steady_clock::now();
    CHECK(add("", "\\\\files\\public") == WN_FUNCTION_BUSY);  // one statement
    CHECK(last_error_text().find("busy") != std::string::npos);
    CHECK(add("Z:", "\\\\files\\public") == WN_FUNCTION_BUSY);  // a transaction
    CHECK_FALSE(exists(home.root() + "/home/drives/Z"));        // its drive link undone
    CHECK(cancel("Y:", true) == WN_FUNCTION_BUSY);
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(5));
    CHECK(get("Y:") == WN_SUCCESS);  // reading goes on while another process writes
    locker.finish();
  }
  CHECK(get("Z:") == WN_NOT_CONNECTED);
  CHECK(add("Z:", "\\\\files\\public") == WN_SUCCESS);
  CHECK(cancel("Y:", false) == WN_SUCCESS);
  CHECK(cancel("Z:", false) == WN_SUCCESS);
}

// The last check for counted handles and the teardown share one write transaction:
// a handle another process counts while this cancel waits for the store is seen.
TEST_CASE("the store: a handle counted while a plain cancel waits for the store blocks it") {
  TempHome home;
  REQUIRE(add("", "\\\\files\\public") == WN_SUCCESS);
  Child locker({helper("npemu_store_locker"), home.root() + "/home/state.db", "handle"});
  REQUIRE(locker.read_line() == "locked");
  DWORD rc = 0;
  std::string why;  // the last error is per thread
  std::thread canceller([&] {
    rc = cancel("\\\\files\\public", false);
    why = last_error_text();
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // past its first look, waiting for the lock
  locker.send("count");
  CHECK(locker.read_line() == "counted");
  canceller.join();
  CHECK(rc == WN_OPEN_FILES);
  CHECK(why.find("held by store_locker") != std::string::npos);
  locker.finish();  // its process is gone, so is its handle
  CHECK(cancel("\\\\files\\public", false) == WN_SUCCESS);
}
