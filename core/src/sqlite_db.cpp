#include "sqlite_db.hpp"

namespace npemu {

SqliteDb::~SqliteDb() {
  for (auto& [sql, s] : cache_) sqlite3_finalize(s);
  if (db_) sqlite3_close(db_);
}

bool SqliteDb::open(const std::string& file, int busy_wait_ms, std::string* error) {
  int rc = sqlite3_open_v2(file.c_str(), &db_,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    if (error) *error = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    return false;
  }
  busy_wait_ms_ = busy_wait_ms;
  sqlite3_busy_handler(db_, &SqliteDb::on_busy, this);
  return true;
}

// Short sleeps (0.1 ms): SQLite's own busy_timeout backs off to 100 ms a try, so a
// reader could sleep far longer than the lock was held.
int SqliteDb::on_busy(void* self, int attempts) {
  auto* db = static_cast<SqliteDb*>(self);
  if (!db->waiting_ || attempts >= db->busy_wait_ms_ * 10) return 0;
  sqlite3_vfs* vfs = sqlite3_vfs_find(nullptr);  // sqlite3_sleep counts whole milliseconds
  if (vfs) vfs->xSleep(vfs, 100);
  return 1;
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
  int rc = sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr);
  // A damaged or foreign file fails here ("file is not a database"): the statement
  // then fails its first step with that error, which the caller reports.
  if (rc != SQLITE_OK) return Statement(nullptr, rc);
  cache_[sql] = s;
  return Statement(s);
}

const volatile unsigned char* SqliteDb::wal_index() {
  // The region SQLite's WAL code reads its header from: asked of the VFS through the
  // main database file's own methods, the way the WAL code asks for it.
#ifdef _WIN32
  // Under Wine, asking SQLite's win32 VFS for the region a second time made its
  // sqlite3_close free a mapped view (a crash at every engine's end). There every
  // look-up asks PRAGMA data_version instead: slower, as correct.
  return nullptr;
#endif
  sqlite3_file* file = nullptr;
  if (sqlite3_file_control(db_, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK || !file ||
      !file->pMethods || file->pMethods->iVersion < 2 || !file->pMethods->xShmMap)
    return nullptr;
  volatile void* region = nullptr;
  if (file->pMethods->xShmMap(file, 0, 32768, 0, &region) != SQLITE_OK) return nullptr;
  return static_cast<const volatile unsigned char*>(region);
}

std::string SqliteDb::last_error() const { return sqlite3_errmsg(db_); }

}  // namespace npemu
