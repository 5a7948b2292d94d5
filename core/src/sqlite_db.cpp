#include "sqlite_db.hpp"

#include <stdexcept>

namespace npemu {

SqliteDb::~SqliteDb() {
  for (auto& [sql, s] : cache_) sqlite3_finalize(s);
  if (db_) sqlite3_close(db_);
}

bool SqliteDb::open(const std::string& file, int busy_timeout_ms, std::string* error) {
  int rc = sqlite3_open_v2(file.c_str(), &db_,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    if (error) *error = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    return false;
  }
  sqlite3_busy_timeout(db_, busy_timeout_ms);
  return true;
}

bool SqliteDb::exec(const char* sql, std::string* error) {
  char* msg = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &msg) == SQLITE_OK) return true;
  if (error) *error = msg ? msg : "unknown SQLite error";
  sqlite3_free(msg);
  return false;
}

bool SqliteDb::run(const char* sql, std::string* error) {
  Statement s = prepare(sql);
  if (s.step() == SQLITE_DONE) return true;
  if (error) *error = sqlite3_errmsg(db_);
  return false;
}

Statement SqliteDb::prepare(const char* sql) {
  auto it = cache_.find(sql);
  if (it != cache_.end()) return Statement(it->second);
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr) != SQLITE_OK)
    throw std::logic_error(std::string("bad SQL: ") + sqlite3_errmsg(db_));
  cache_[sql] = s;
  return Statement(s);
}

std::string SqliteDb::last_error() const { return sqlite3_errmsg(db_); }

}  // namespace npemu
