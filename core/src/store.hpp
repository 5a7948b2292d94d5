// The state store: live connections, the remembered profile and counted
// handles, in one SQLite database shared by every process of the user.
//
// One Store is one SQLite connection: its caller serialises every call with one
// mutex (Engine::db_mu_), and change() releases that mutex while another process
// holds the store, so no thread waits behind a sleeping writer.
//
// Identities: connection and handle ids come from AUTOINCREMENT, so an id is never
// given twice in one store, and a row found again by id is checked field by field
// (same()) before anything acts on it.
#pragma once
#include "connection.hpp"
#include "home.hpp"
#include "sqlite_db.hpp"
#include "status.hpp"

#include <array>
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace npemu {

// The live table and the count of handles, read in one transaction.
struct LiveSnapshot {
  std::vector<Connection> connections;
  std::int64_t handles = 0;
  std::uint64_t version = 0;  // Store::version() of what was read
};

// Is b the connection a was (the same id and the same fields), not another one?
bool same(const Connection& a, const Connection& b);

class Store {
 public:
  // busy_timeout_ms: how long a change waits for another process's (then WN_FUNCTION_BUSY).
  static std::unique_ptr<Store> open(const Home& home, int busy_timeout_ms, Status* status);

  // Moves whenever another connection (any process, or another Store) commits; this
  // connection's own commits leave it. Read in its own transaction: a crash anywhere
  // in another process never leaves it behind (SQLite's PRAGMA data_version).
  // When surely nothing was committed since the last reading, by any connection, it
  // answers that reading without a transaction: the WAL index header (SQLite's own
  // record of the last commit, two copies in shared memory) is as it was then.
  Status version(std::uint64_t* out);
  // state.db is no longer the file this store opened (seen when a version is read
  // from SQLite, and before every change): what it answers is nobody's store.
  bool replaced() const { return replaced_.load(std::memory_order_relaxed); }
  Status snapshot(LiveSnapshot* out);
  // Single look-ups, for when the snapshot is stale and big (LiveCache::refresh_if_cheap).
  Status device(const std::string& local, std::optional<Connection>* out);
  Status deviceless(const std::string& remote_key, std::vector<Connection>* out);  // a scan: no index
  // c as the store has it now, when it is still the same connection (same()).
  Status find(const Connection& c, std::optional<Connection>* out);

  // One change: body runs inside BEGIN IMMEDIATE and returns whether to commit; the
  // writes below join it. While another process holds the store, lock (the caller's
  // lock of this Store) is released between tries, for at most the busy timeout:
  // then WN_FUNCTION_BUSY and body never runs. *version: version() inside the
  // transaction, before body (the commit leaves it, being this connection's own).
  Status change(std::unique_lock<std::mutex>& lock, const char* what,
                const std::function<bool(Status*)>& body, bool* committed, std::uint64_t* version);

  // Writes, inside change() only. Each fails with WN_CANNOT_OPEN_PROFILE naming the store.
  // Adds the connection and, when remember is given, its profile entry. c.id == 0
  // takes a new id (set in c); else c is put back under its own id (a refused
  // teardown undone). WN_ALREADY_CONNECTED when the device is taken.
  Status insert(Connection& c, const ProfileEntry* remember);
  // Drops the connections (and their handles) and, when forget is set, that device's profile entry.
  Status remove(const std::vector<std::int64_t>& ids, const std::string* forget);
  Status forget(const std::string& local);
  Status remember(const ProfileEntry& e);
  std::int64_t add_handle(const HandleRow& h, Status* status);  // WN_NOT_CONNECTED: the connection is gone
  Status remove_handles(const std::vector<std::int64_t>& ids, std::int64_t* removed = nullptr);

  // Reads, inside or outside change().
  Status profile(std::vector<ProfileEntry>* out);
  Status remembered(const std::string& local, std::optional<ProfileEntry>* out);
  Status handles_of(std::int64_t connection_id, std::vector<HandleRow>* out);
  Status handle_exists(std::int64_t id, bool* out);

 private:
  Status failed(const std::string& what);  // WN_CANNOT_OPEN_PROFILE: the store, what, SQLite's reason
  Status migrate();
  void note_header();  // keeps the WAL index header, before a version is read
  // WN_CANNOT_OPEN_PROFILE once state.db was deleted or replaced (always: look now).
  Status check_identity(bool always);
  static Connection read_connection(Statement& s);

  SqliteDb db_;
  const volatile unsigned char* wal_index_ = nullptr;  // mapped by SQLite while db_ is open
  std::array<unsigned char, 48> seen_header_{};        // the header before the last reading...
  bool header_seen_ = false;
  std::uint64_t seen_version_ = 0;                     // ...and that reading
  std::string file_;
  std::optional<std::pair<std::uint64_t, std::uint64_t>> identity_;  // sys::file_identity(file_) at open
  std::atomic<bool> replaced_{false};  // read by Engine::current without the store's lock
  std::chrono::steady_clock::time_point next_identity_check_{};
  int busy_timeout_ms_ = 0;
};

}  // namespace npemu
