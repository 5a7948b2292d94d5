// A thin RAII face over the SQLite C API: one database, cached statements.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <string>

namespace npemu {

class Statement {
 public:
  explicit Statement(sqlite3_stmt* s) : s_(s) {}
  ~Statement() { sqlite3_reset(s_); sqlite3_clear_bindings(s_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int i, const std::string& v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& bind(int i, std::int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  int step() { return sqlite3_step(s_); }
  bool row() { return step() == SQLITE_ROW; }
  std::string text(int col) const {
    auto p = reinterpret_cast<const char*>(sqlite3_column_text(s_, col));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(s_, col))) : std::string();
  }
  std::int64_t integer(int col) const { return sqlite3_column_int64(s_, col); }

 private:
  sqlite3_stmt* s_;
};

class SqliteDb {
 public:
  SqliteDb() = default;
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  // Opens (creating) the file; false with *error set on failure.
  bool open(const std::string& file, int busy_timeout_ms, std::string* error);
  bool exec(const char* sql, std::string* error = nullptr);
  // One statement without rows (BEGIN, COMMIT...), prepared once and kept: the
  // store runs them on every change, and parsing them each time costs more.
  bool run(const char* sql, std::string* error = nullptr);
  Statement prepare(const char* sql);  // cached by its text; sql must be a literal
  std::string last_error() const;
  bool busy() const { return (sqlite3_errcode(db_) & 0xff) == SQLITE_BUSY; }
  std::int64_t last_insert_id() const { return sqlite3_last_insert_rowid(db_); }
  int changes() const { return sqlite3_changes(db_); }

 private:
  sqlite3* db_ = nullptr;
  std::map<const char*, sqlite3_stmt*> cache_;
};

}  // namespace npemu
