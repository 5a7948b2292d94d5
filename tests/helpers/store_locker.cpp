// Another process holding the store's write lock:
//   store_locker DBFILE          takes the write lock (BEGIN IMMEDIATE), prints "locked",
//                                holds it until stdin closes, then rolls back
//   store_locker DBFILE handle   the same, but on the line "count" it counts a handle of
//                                its own (with npemu's owner record: pid and start
//                                time) against every connection, commits, prints
//                                "counted", and lives on (holding them) until stdin closes
#include "../../core/src/sys.hpp"

#include <sqlite3.h>

#include <cstdio>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  bool handle = argc > 2 && std::string(argv[2]) == "handle";
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) return 1;
  if (sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) return 1;
  std::puts("locked");
  std::fflush(stdout);
  std::string line;
  if (handle && std::getline(std::cin, line) && line == "count") {
    std::uint32_t pid = npemu::sys::self_pid();
    std::string sql = "INSERT INTO handles(connection_id, pid, pid_start, path, kind) SELECT id, " +
                      std::to_string(pid) + ", " + std::to_string(npemu::sys::start_time(pid)) +
                      ", 'held by store_locker', 'file' FROM connections; COMMIT;";
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) return 1;
    std::puts("counted");
    std::fflush(stdout);
  }
  while (std::getline(std::cin, line)) {
  }
  sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  return 0;
}
