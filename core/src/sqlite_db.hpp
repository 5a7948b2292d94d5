// A thin RAII face over the SQLite C API: one database, cached statements.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <string>

namespace npemu {

class Statement {
 public:
  explicit Statement(sqlite3_stmt* s, int prepare_error = SQLITE_OK) : s_(s), error_(prepare_error) {}
  ~Statement() {
    if (s_) {
      sqlite3_reset(s_);
      sqlite3_clear_bindings(s_);
    }
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int i, const std::string& v) {
    if (s_) sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& bind(int i, std::int64_t v) {
    if (s_) sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  // SQLITE_ROW, SQLITE_DONE, or an error (the statement's own, or why it could not be prepared).
  int step() { return s_ ? sqlite3_step(s_) : error_; }
  bool row() { return step() == SQLITE_ROW; }
  std::string text(int col) const {
    auto p = reinterpret_cast<const char*>(sqlite3_column_text(s_, col));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(s_, col))) : std::string();
  }
  std::int64_t integer(int col) const { return sqlite3_column_int64(s_, col); }

 private:
  sqlite3_stmt* s_;
  int error_;
};

class SqliteDb {
 public:
  SqliteDb() = default;
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  // Opens (creating) the file; false with *error set on failure. busy_wait_ms: how
  // long a read waits for a lock SQLite cannot take at once (rare in WAL mode: a
  // recovery or a checkpoint by another process); a write never waits in SQLite (see
  // Store::change, which waits without holding the engine's lock).
  bool open(const std::string& file, int busy_wait_ms, std::string* error);
  bool exec(const char* sql, std::string* error = nullptr);
  // One statement without rows (BEGIN, COMMIT...), prepared once and kept: the
  // store runs them on every change, and parsing them each time costs more.
  bool run(const char* sql, std::string* error = nullptr);
  Statement prepare(const char* sql);  // cached by its text; sql must be a literal
  std::string last_error() const;
  int last_code() const { return sqlite3_errcode(db_) & 0xff; }
  bool busy() const { return last_code() == SQLITE_BUSY || last_code() == SQLITE_LOCKED; }
  std::int64_t last_insert_id() const { return sqlite3_last_insert_rowid(db_); }
  int changes() const { return sqlite3_changes(db_); }
  // While false, a lock SQLite cannot take at once fails at once with SQLITE_BUSY.
  void set_waiting(bool wait) { waiting_ = wait; }
  // The start of the WAL index this connection shares with every other one (the
  // -shm file, mapped by SQLite itself), or nullptr when there is none to read.
  const volatile unsigned char* wal_index();

 private:
  static int on_busy(void* self, int attempts);

  sqlite3* db_ = nullptr;
  std::map<const char*, sqlite3_stmt*> cache_;
  int busy_wait_ms_ = 0;
  bool waiting_ = true;
};

}  // namespace npemu
