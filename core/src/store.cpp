#include "store.hpp"

#include <atomic>
#include <chrono>
#include <cstring>
#include <thread>

namespace npemu {
namespace {

// Version 2: AUTOINCREMENT ids (never given twice). A store made before is rebuilt
// once by migrate().
constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS connections(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  local TEXT NOT NULL DEFAULT '',
  remote TEXT NOT NULL,
  remote_key TEXT NOT NULL,
  provider TEXT NOT NULL,
  type INTEGER NOT NULL,
  user TEXT NOT NULL DEFAULT '',
  remembered INTEGER NOT NULL DEFAULT 0,
  handle TEXT NOT NULL DEFAULT '',
  owner_pid INTEGER NOT NULL DEFAULT 0,
  owner_start INTEGER NOT NULL DEFAULT 0);
CREATE UNIQUE INDEX IF NOT EXISTS connections_device ON connections(local) WHERE local <> '';
DROP INDEX IF EXISTS connections_remote;
DROP INDEX IF EXISTS connections_deviceless;
CREATE TABLE IF NOT EXISTS profile(
  local TEXT PRIMARY KEY,
  remote TEXT NOT NULL,
  provider TEXT NOT NULL,
  type INTEGER NOT NULL,
  user TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS handles(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  connection_id INTEGER NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
  pid INTEGER NOT NULL,
  pid_start INTEGER NOT NULL,
  path TEXT NOT NULL,
  kind TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS handles_connection ON handles(connection_id);
)sql";

// A store of version 1 (ids reused after a delete): the same rows, moved into the
// tables above (SQLite's documented way to change a table's definition).
constexpr const char* kMigrate = R"sql(
ALTER TABLE connections RENAME TO connections_v1;
ALTER TABLE handles RENAME TO handles_v1;
DROP INDEX IF EXISTS connections_device;
DROP INDEX IF EXISTS handles_connection;
)sql";
constexpr const char* kMigrateCopy = R"sql(
INSERT INTO connections SELECT * FROM connections_v1;
INSERT INTO handles SELECT * FROM handles_v1;
DROP TABLE handles_v1;
DROP TABLE connections_v1;
)sql";

#define CONNECTION_COLUMNS \
  "id, local, remote, remote_key, provider, type, user, remembered, handle, owner_pid, owner_start"

ProfileEntry read_profile(Statement& s) {
  return ProfileEntry{s.text(0), s.text(1), s.text(2), static_cast<DWORD>(s.integer(3)), s.text(4)};
}

}  // namespace

bool same(const Connection& a, const Connection& b) {
  return a.id == b.id && a.local == b.local && a.remote_key == b.remote_key && a.provider == b.provider &&
         a.type == b.type && a.handle == b.handle && a.owner_pid == b.owner_pid && a.owner_start == b.owner_start;
}

std::unique_ptr<Store> Store::open(const Home& home, int busy_timeout_ms, Status* status) {
  *status = ensure_private_dir(home.root);
  if (!status->ok()) return nullptr;
  *status = ensure_private_file(home.db_file());
  if (!status->ok()) return nullptr;
  auto store = std::unique_ptr<Store>(new Store());
  store->file_ = home.db_file();
  store->busy_timeout_ms_ = busy_timeout_ms;
  std::string error;
  // WAL lets readers go on while one process writes; NORMAL syncs at checkpoints,
  // so a crashed process never loses a committed change. A new store gets 1 KiB
  // pages: a change writes (and checksums) whole pages to the WAL, and rows are
  // small; a store made with another page size keeps it.
  if (!store->db_.open(home.db_file(), busy_timeout_ms, &error) ||
      !store->db_.exec("PRAGMA page_size=1024; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", &error)) {
    *status = Status::fail(WN_CANNOT_OPEN_PROFILE, "state store " + home.db_file() + ": " + error);
    return nullptr;
  }
  *status = store->migrate();
  if (!status->ok()) return nullptr;
  if (!store->db_.exec(kSchema, &error) || !store->db_.exec("PRAGMA foreign_keys=ON;", &error)) {
    *status = Status::fail(WN_CANNOT_OPEN_PROFILE, "state store " + home.db_file() + ": " + error);
    return nullptr;
  }
  return store;
}

Status Store::migrate() {
  std::string error;
  auto fail = [&] { return Status::fail(WN_CANNOT_OPEN_PROFILE, "state store " + file_ + ": " + error); };
  auto needs = [&](bool* out) {
    auto s = db_.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'connections'"
                         " AND sql NOT LIKE '%AUTOINCREMENT%'");
    if (!s.row()) {
      error = db_.last_error();
      return false;
    }
    *out = s.integer(0) != 0;
    return true;
  };
  bool old = false;
  if (!needs(&old)) return fail();
  if (!old) return Status::success();
  // foreign_keys is off on a new connection (and cannot change inside a transaction).
  if (!db_.exec("BEGIN IMMEDIATE", &error)) return fail();
  bool ok = needs(&old) && (!old || (db_.exec(kMigrate, &error) && db_.exec(kSchema, &error) &&
                                     db_.exec(kMigrateCopy, &error)));
  if (ok && db_.exec("COMMIT", &error)) return Status::success();
  db_.exec("ROLLBACK");
  return fail();
}

Status Store::failed(const std::string& what) {
  if (db_.busy())
    return Status::fail(WN_FUNCTION_BUSY, "state store " + file_ + " busy: " + what + ": " + db_.last_error());
  return Status::fail(WN_CANNOT_OPEN_PROFILE, "state store " + file_ + ": " + what + ": " + db_.last_error());
}

Connection Store::read_connection(Statement& s) {
  Connection c;
  c.id = s.integer(0);
  c.local = s.text(1);
  c.remote = s.text(2);
  c.remote_key = s.text(3);
  c.provider = s.text(4);
  c.type = static_cast<DWORD>(s.integer(5));
  c.user = s.text(6);
  c.remembered = s.integer(7) != 0;
  c.handle = s.text(8);
  c.owner_pid = static_cast<std::uint32_t>(s.integer(9));
  c.owner_start = static_cast<std::uint64_t>(s.integer(10));
  return c;
}

namespace {

// The WAL index header (sqlite.org/walformat.html, "The WAL-Index Header"): 48 bytes,
// written twice, the second copy first. Any commit rewrites it (its frame count,
// salts and checksums move); a reader that finds the two copies unequal is in the
// middle of a write and knows nothing.
constexpr std::size_t kHeader = 48;
bool read_header(const volatile unsigned char* index, std::array<unsigned char, kHeader>* out) {
  std::array<unsigned char, kHeader> second;
  std::atomic_thread_fence(std::memory_order_acquire);
  for (std::size_t i = 0; i < kHeader; ++i) (*out)[i] = index[i];
  std::atomic_thread_fence(std::memory_order_acquire);
  for (std::size_t i = 0; i < kHeader; ++i) second[i] = index[kHeader + i];
  // Version 3007000 in the first word, in this machine's byte order: a format this code knows.
  std::uint32_t format = 0;
  std::memcpy(&format, out->data(), sizeof format);
  return *out == second && format == 3007000;
}

}  // namespace

void Store::note_header() {
  // Read before the version it goes with: a commit landing in between is then seen
  // as a change next time, never missed.
  if (!wal_index_) wal_index_ = db_.wal_index();
  header_seen_ = wal_index_ && read_header(wal_index_, &seen_header_);
}

Status Store::version(std::uint64_t* out) {
  std::array<unsigned char, kHeader> now;
  if (header_seen_ && read_header(wal_index_, &now) && now == seen_header_) {
    *out = seen_version_;
    return Status::success();
  }
  note_header();
  auto s = db_.prepare("PRAGMA data_version");
  if (!s.row()) {
    header_seen_ = false;
    return failed("read");
  }
  *out = seen_version_ = static_cast<std::uint64_t>(s.integer(0));
  return Status::success();
}

Status Store::device(const std::string& local, std::optional<Connection>* out) {
  auto s = db_.prepare("SELECT " CONNECTION_COLUMNS " FROM connections WHERE local = ?");
  s.bind(1, local);
  int rc = s.step();
  if (rc == SQLITE_ROW) *out = read_connection(s);
  else if (rc == SQLITE_DONE) out->reset();
  else return failed("read");
  return Status::success();
}

Status Store::deviceless(const std::string& remote_key, std::vector<Connection>* out) {
  auto s = db_.prepare("SELECT " CONNECTION_COLUMNS
                       " FROM connections WHERE remote_key = ? AND local = '' ORDER BY id");
  s.bind(1, remote_key);
  out->clear();
  int rc;
  while ((rc = s.step()) == SQLITE_ROW) out->push_back(read_connection(s));
  return rc == SQLITE_DONE ? Status::success() : failed("read");
}

Status Store::find(const Connection& c, std::optional<Connection>* out) {
  auto s = db_.prepare("SELECT " CONNECTION_COLUMNS " FROM connections WHERE id = ?");
  s.bind(1, c.id);
  int rc = s.step();
  out->reset();
  if (rc == SQLITE_ROW) {
    Connection now = read_connection(s);
    if (same(c, now)) *out = std::move(now);
  } else if (rc != SQLITE_DONE) {
    return failed("read");
  }
  return Status::success();
}

Status Store::snapshot(LiveSnapshot* out) {
  // Deviceless connections are looked up in this snapshot (LiveCache), not by an
  // index: an index on them would cost every connect and cancel a second page write.
  note_header();
  if (!db_.run("BEGIN")) {
    header_seen_ = false;
    return failed("read");
  }
  out->connections.clear();
  bool done = false;
  {
    auto v = db_.prepare("PRAGMA data_version");
    done = v.row();
    out->version = seen_version_ = done ? static_cast<std::uint64_t>(v.integer(0)) : 0;
  }
  if (!done) header_seen_ = false;
  if (done) {
    auto s = db_.prepare("SELECT " CONNECTION_COLUMNS " FROM connections ORDER BY local = '', local, id");
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) out->connections.push_back(read_connection(s));
    done = rc == SQLITE_DONE;
  }
  if (done) {
    auto h = db_.prepare("SELECT count(*) FROM handles");
    done = h.row();
    out->handles = done ? h.integer(0) : 0;
  }
  Status st = done ? Status::success() : failed("read");
  if (done && db_.run("COMMIT")) return st;
  if (done) st = failed("read");
  db_.run("ROLLBACK");
  return st;
}

Status Store::change(std::unique_lock<std::mutex>& lock, const char* what,
                     const std::function<bool(Status*)>& body, bool* committed, std::uint64_t* seen) {
  *committed = false;
  // BEGIN IMMEDIATE without SQLite's own wait, which would sleep holding the caller's
  // lock: between tries the lock is let go, so this process's readers go on.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms_);
  auto pause = std::chrono::microseconds(50);
  for (;;) {
    db_.set_waiting(false);
    bool began = db_.run("BEGIN IMMEDIATE");
    db_.set_waiting(true);
    if (began) break;
    if (!db_.busy()) return failed(what);
    if (std::chrono::steady_clock::now() >= deadline)
      return Status::fail(WN_FUNCTION_BUSY, std::string(what) + ": state store " + file_ +
                                                " busy: another process has held it for over " +
                                                std::to_string(busy_timeout_ms_) + " ms");
    lock.unlock();
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::microseconds(2000));
    lock.lock();
  }
  Status result = version(seen);
  bool commit = false;
  try {
    commit = result.ok() && body(&result);
  } catch (...) {  // never leave the store locked
    db_.run("ROLLBACK");
    throw;
  }
  if (!commit) {
    db_.run("ROLLBACK");
    return result;
  }
  if (!db_.run("COMMIT")) {
    Status st = failed(what);  // read before the rollback replaces SQLite's message
    db_.run("ROLLBACK");
    return st;
  }
  *committed = true;
  return result;
}

Status Store::insert(Connection& c, const ProfileEntry* remember) {
  if (!c.local.empty()) {
    auto q = db_.prepare("SELECT 1 FROM connections WHERE local = ?");
    q.bind(1, c.local);
    int rc = q.step();
    if (rc == SQLITE_ROW) return Status::fail(WN_ALREADY_CONNECTED, c.local + " is already connected");
    if (rc != SQLITE_DONE) return failed("add connection");
  }
  auto s = db_.prepare("INSERT INTO connections(id, local, remote, remote_key, provider, type, user,"
                       " remembered, handle, owner_pid, owner_start)"
                       " VALUES(nullif(?, 0),?,?,?,?,?,?,?,?,?,?)");
  s.bind(1, c.id).bind(2, c.local).bind(3, c.remote).bind(4, c.remote_key).bind(5, c.provider);
  s.bind(6, static_cast<std::int64_t>(c.type)).bind(7, c.user);
  s.bind(8, static_cast<std::int64_t>(c.remembered)).bind(9, c.handle);
  s.bind(10, static_cast<std::int64_t>(c.owner_pid));
  s.bind(11, static_cast<std::int64_t>(c.owner_start));
  if (s.step() != SQLITE_DONE) return failed("add connection");
  c.id = db_.last_insert_id();
  return remember ? this->remember(*remember) : Status::success();
}

Status Store::remove(const std::vector<std::int64_t>& ids, const std::string* forget) {
  for (auto id : ids) {
    auto s = db_.prepare("DELETE FROM connections WHERE id = ?");
    s.bind(1, id);
    if (s.step() != SQLITE_DONE) return failed("drop connection");
  }
  return forget ? this->forget(*forget) : Status::success();
}

Status Store::forget(const std::string& local) {
  auto p = db_.prepare("DELETE FROM profile WHERE local = ?");
  p.bind(1, local);
  return p.step() == SQLITE_DONE ? Status::success() : failed("forget device");
}

Status Store::remember(const ProfileEntry& e) {
  auto p = db_.prepare("INSERT OR REPLACE INTO profile(local, remote, provider, type, user)"
                       " VALUES(?,?,?,?,?)");
  p.bind(1, e.local).bind(2, e.remote).bind(3, e.provider);
  p.bind(4, static_cast<std::int64_t>(e.type)).bind(5, e.user);
  return p.step() == SQLITE_DONE ? Status::success() : failed("remember device");
}

Status Store::profile(std::vector<ProfileEntry>* out) {
  auto s = db_.prepare("SELECT local, remote, provider, type, user FROM profile ORDER BY local");
  out->clear();
  int rc;
  while ((rc = s.step()) == SQLITE_ROW) out->push_back(read_profile(s));
  return rc == SQLITE_DONE ? Status::success() : failed("read the profile");
}

Status Store::remembered(const std::string& local, std::optional<ProfileEntry>* out) {
  auto s = db_.prepare("SELECT local, remote, provider, type, user FROM profile WHERE local = ?");
  s.bind(1, local);
  int rc = s.step();
  if (rc == SQLITE_ROW) *out = read_profile(s);
  else if (rc == SQLITE_DONE) out->reset();
  else return failed("read the profile");
  return Status::success();
}

std::int64_t Store::add_handle(const HandleRow& h, Status* status) {
  auto s = db_.prepare("INSERT INTO handles(connection_id, pid, pid_start, path, kind)"
                       " SELECT id, ?, ?, ?, ? FROM connections WHERE id = ?");
  s.bind(1, static_cast<std::int64_t>(h.pid)).bind(2, static_cast<std::int64_t>(h.pid_start));
  s.bind(3, h.path).bind(4, h.kind).bind(5, h.connection_id);
  if (s.step() != SQLITE_DONE) {
    *status = failed("count handle");
    return 0;
  }
  if (db_.changes() == 0) {
    *status = Status::fail(WN_NOT_CONNECTED, "the connection was cancelled");
    return 0;
  }
  *status = Status::success();
  return db_.last_insert_id();
}

Status Store::remove_handles(const std::vector<std::int64_t>& ids, std::int64_t* removed) {
  std::int64_t n = 0;
  for (auto id : ids) {
    auto s = db_.prepare("DELETE FROM handles WHERE id = ?");
    s.bind(1, id);
    if (s.step() != SQLITE_DONE) return failed("release handle");
    n += db_.changes();
  }
  if (removed) *removed = n;
  return Status::success();
}

Status Store::handles_of(std::int64_t connection_id, std::vector<HandleRow>* out) {
  auto s = db_.prepare("SELECT id, connection_id, pid, pid_start, path, kind FROM handles"
                       " WHERE connection_id = ? ORDER BY id");
  s.bind(1, connection_id);
  out->clear();
  int rc;
  while ((rc = s.step()) == SQLITE_ROW)
    out->push_back(HandleRow{s.integer(0), s.integer(1), static_cast<std::uint32_t>(s.integer(2)),
                             static_cast<std::uint64_t>(s.integer(3)), s.text(4), s.text(5)});
  return rc == SQLITE_DONE ? Status::success() : failed("read handles");
}

Status Store::handle_exists(std::int64_t id, bool* out) {
  auto s = db_.prepare("SELECT 1 FROM handles WHERE id = ?");
  s.bind(1, id);
  int rc = s.step();
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return failed("read handles");
  *out = rc == SQLITE_ROW;
  return Status::success();
}

}  // namespace npemu
