// Another process holding the store's write lock:
//   store_locker DBFILE          takes the write lock (BEGIN IMMEDIATE), prints "locked",
//                                holds it until stdin closes, then rolls back
//   store_locker DBFILE handle   the same, but on the line "count" it counts a handle of
//                                its own against every connection, commits, prints
//                                "counted", and lives on (holding them) until stdin closes
#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <unistd.h>

namespace {

// Field 22 of /proc/self/stat (start time in clock ticks), as npemu records owners.
long long own_start_time() {
  std::ifstream f("/proc/self/stat");
  std::string stat((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  std::size_t at = stat.rfind(')');
  if (at == std::string::npos) return 0;
  const char* p = stat.c_str() + at;  // the spaces after ")" start fields 3, 4, ...
  for (int field = 2; field < 22 && p; ++field) {
    p = std::strchr(p + 1, ' ');
  }
  return p ? std::atoll(p + 1) : 0;
}

}  // namespace

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
    std::string sql = "INSERT INTO handles(connection_id, pid, pid_start, path, kind) SELECT id, " +
                      std::to_string(getpid()) + ", " + std::to_string(own_start_time()) +
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
