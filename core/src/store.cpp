#include "store.hpp"

namespace npemu {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS connections(
  id INTEGER PRIMARY KEY,
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
  id INTEGER PRIMARY KEY,
  connection_id INTEGER NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
  pid INTEGER NOT NULL,
  pid_start INTEGER NOT NULL,
  path TEXT NOT NULL,
  kind TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS handles_connection ON handles(connection_id);
)sql";

#define CONNECTION_COLUMNS \
  "id, local, remote, remote_key, provider, type, user, remembered, handle, owner_pid, owner_start"

ProfileEntry read_profile(Statement& s) {
  return ProfileEntry{s.text(0), s.text(1), s.text(2), static_cast<DWORD>(s.integer(3)), s.text(4)};
}

}  // namespace

std::unique_ptr<Store> Store::open(const Home& home, int busy_timeout_ms, Status* status) {
  *status = ensure_private_dir(home.root);
  if (!status->ok()) return nullptr;
  *status = ensure_private_file(home.db_file());
  if (!status->ok()) return nullptr;
  auto store = std::unique_ptr<Store>(new Store());
  store->gen_ = Generation::open(home.generation_file(), status);
  if (!store->gen_) return nullptr;
  std::string error;
  // WAL lets readers go on while one process writes; NORMAL syncs at checkpoints,
  // so a crashed process never loses a committed change. A new store gets 1 KiB
  // pages: a change writes (and checksums) whole pages to the WAL, and rows are
  // small; a store made with another page size keeps it.
  if (!store->db_.open(home.db_file(), busy_timeout_ms, &error) ||
      !store->db_.exec("PRAGMA page_size=1024; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                       "PRAGMA foreign_keys=ON;",
                       &error) ||
      !store->db_.exec(kSchema, &error)) {
    *status = Status::fail(WN_CANNOT_OPEN_PROFILE, "state store " + home.db_file() + ": " + error);
    return nullptr;
  }
  return store;
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

std::optional<Connection> Store::device(const std::string& local) {
  auto s = db_.prepare("SELECT " CONNECTION_COLUMNS " FROM connections WHERE local = ?");
  s.bind(1, local);
  if (!s.row()) return std::nullopt;
  return read_connection(s);
}

std::vector<Connection> Store::deviceless(const std::string& remote_key) {
  auto s = db_.prepare("SELECT " CONNECTION_COLUMNS
                       " FROM connections WHERE remote_key = ? AND local = '' ORDER BY id");
  s.bind(1, remote_key);
  std::vector<Connection> out;
  while (s.row()) out.push_back(read_connection(s));
  return out;
}

std::optional<Connection> Store::by_id(std::int64_t id) {
  auto s = db_.prepare("SELECT " CONNECTION_COLUMNS " FROM connections WHERE id = ?");
  s.bind(1, id);
  if (!s.row()) return std::nullopt;
  return read_connection(s);
}

bool Store::snapshot(LiveSnapshot* out) {
  // Deviceless connections are looked up in this snapshot (LiveCache), not by an
  // index: an index on them would cost every connect and cancel a second page write.
  if (!db_.run("BEGIN")) return false;
  out->connections.clear();
  bool done = false;
  {
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
  if (done && db_.run("COMMIT")) return true;
  db_.run("ROLLBACK");
  return false;
}

Status Store::change(const char* what, const std::function<bool(Status*)>& body, bool* committed) {
  *committed = false;
  std::string error;
  if (!db_.run("BEGIN IMMEDIATE", &error))
    return Status::fail(WN_FUNCTION_BUSY, std::string(what) + ": state store busy: " + error);
  Status result;
  in_change_ = true;
  bool commit = false;
  try {
    commit = body(&result);
  } catch (...) {  // never leave the store locked, nor later writes joining a dead transaction
    in_change_ = false;
    db_.run("ROLLBACK");
    throw;
  }
  in_change_ = false;
  if (!commit) {
    db_.run("ROLLBACK");
    return result;
  }
  if (!db_.run("COMMIT", &error)) {
    db_.run("ROLLBACK");
    return Status::fail(WN_CANNOT_OPEN_PROFILE, std::string(what) + ": " + error);
  }
  bumped_from_ = gen_->bump();
  *committed = true;
  return result;
}

Status Store::write(const char* what, const std::function<bool()>& body, bool single) {
  // Read before any rollback, which would replace SQLite's message.
  auto failed = [&] { return Status::fail(WN_CANNOT_OPEN_PROFILE, std::string(what) + ": " + db_.last_error()); };
  if (in_change_)  // part of change()'s transaction, which commits and counts it
    return body() ? Status::success() : failed();
  if (single) {
    // One statement is a transaction of its own in SQLite (a cascade included);
    // BEGIN and COMMIT around it would cost two more statement runs a change.
    if (!body())
      return db_.busy() ? Status::fail(WN_FUNCTION_BUSY, std::string(what) + ": state store busy: " + db_.last_error())
                        : failed();
    bumped_from_ = gen_->bump();
    return Status::success();
  }
  bool committed = false;
  return change(what, [&](Status* out) {
    if (body()) return true;
    *out = failed();
    return false;
  }, &committed);
}

Status Store::insert(Connection& c, const ProfileEntry* remember) {
  bool taken = false;
  Status st = write("add connection", [&] {
    if (!c.local.empty()) {
      auto q = db_.prepare("SELECT 1 FROM connections WHERE local = ?");
      q.bind(1, c.local);
      if (q.row()) {
        taken = true;
        return false;
      }
    }
    auto s = db_.prepare("INSERT INTO connections(local, remote, remote_key, provider, type, user,"
                         " remembered, handle, owner_pid, owner_start)"
                         " VALUES(?,?,?,?,?,?,?,?,?,?)");
    s.bind(1, c.local).bind(2, c.remote).bind(3, c.remote_key).bind(4, c.provider);
    s.bind(5, static_cast<std::int64_t>(c.type)).bind(6, c.user);
    s.bind(7, static_cast<std::int64_t>(c.remembered)).bind(8, c.handle);
    s.bind(9, static_cast<std::int64_t>(c.owner_pid));
    s.bind(10, static_cast<std::int64_t>(c.owner_start));
    if (s.step() != SQLITE_DONE) return false;
    c.id = db_.last_insert_id();
    if (!remember) return true;
    auto p = db_.prepare("INSERT OR REPLACE INTO profile(local, remote, provider, type, user)"
                         " VALUES(?,?,?,?,?)");
    p.bind(1, remember->local).bind(2, remember->remote).bind(3, remember->provider);
    p.bind(4, static_cast<std::int64_t>(remember->type)).bind(5, remember->user);
    return p.step() == SQLITE_DONE;
  }, c.local.empty() && !remember);
  if (taken) return Status::fail(WN_ALREADY_CONNECTED, c.local + " is already connected");
  return st;
}

Status Store::remove(const std::vector<std::int64_t>& ids, const std::string* forget) {
  return write("drop connection", [&] {
    for (auto id : ids) {
      auto s = db_.prepare("DELETE FROM connections WHERE id = ?");
      s.bind(1, id);
      if (s.step() != SQLITE_DONE) return false;
    }
    if (!forget) return true;
    auto p = db_.prepare("DELETE FROM profile WHERE local = ?");
    p.bind(1, *forget);
    return p.step() == SQLITE_DONE;
  }, ids.size() <= 1 && !forget);
}

std::vector<ProfileEntry> Store::profile() {
  auto s = db_.prepare("SELECT local, remote, provider, type, user FROM profile ORDER BY local");
  std::vector<ProfileEntry> out;
  while (s.row()) out.push_back(read_profile(s));
  return out;
}

std::optional<ProfileEntry> Store::remembered(const std::string& local) {
  auto s = db_.prepare("SELECT local, remote, provider, type, user FROM profile WHERE local = ?");
  s.bind(1, local);
  if (!s.row()) return std::nullopt;
  return read_profile(s);
}

Status Store::forget(const std::string& local) {
  return write("forget device", [&] {
    auto p = db_.prepare("DELETE FROM profile WHERE local = ?");
    p.bind(1, local);
    return p.step() == SQLITE_DONE;
  });
}

Status Store::remember(const ProfileEntry& e) {
  return write("remember device", [&] {
    auto p = db_.prepare("INSERT OR REPLACE INTO profile(local, remote, provider, type, user)"
                         " VALUES(?,?,?,?,?)");
    p.bind(1, e.local).bind(2, e.remote).bind(3, e.provider);
    p.bind(4, static_cast<std::int64_t>(e.type)).bind(5, e.user);
    return p.step() == SQLITE_DONE;
  });
}

std::int64_t Store::add_handle(const HandleRow& h, Status* status) {
  std::int64_t id = 0;
  *status = write("count handle", [&] {
    auto s = db_.prepare("INSERT INTO handles(connection_id, pid, pid_start, path, kind)"
                         " SELECT id, ?, ?, ?, ? FROM connections WHERE id = ?");
    s.bind(1, static_cast<std::int64_t>(h.pid)).bind(2, static_cast<std::int64_t>(h.pid_start));
    s.bind(3, h.path).bind(4, h.kind).bind(5, h.connection_id);
    if (s.step() != SQLITE_DONE) return false;
    id = db_.changes() ? db_.last_insert_id() : 0;
    return true;
  });
  if (status->ok() && id == 0)
    *status = Status::fail(WN_NOT_CONNECTED, "the connection was cancelled");
  return id;
}

Status Store::remove_handles(const std::vector<std::int64_t>& ids, std::int64_t* removed) {
  std::int64_t n = 0;
  Status st = write("release handle", [&] {
    for (auto id : ids) {
      auto s = db_.prepare("DELETE FROM handles WHERE id = ?");
      s.bind(1, id);
      if (s.step() != SQLITE_DONE) return false;
      n += db_.changes();
    }
    return true;
  });
  if (removed) *removed = st.ok() ? n : 0;
  return st;
}

std::vector<HandleRow> Store::handles_of(std::int64_t connection_id) {
  auto s = db_.prepare("SELECT id, connection_id, pid, pid_start, path, kind FROM handles"
                       " WHERE connection_id = ? ORDER BY id");
  s.bind(1, connection_id);
  std::vector<HandleRow> out;
  while (s.row())
    out.push_back(HandleRow{s.integer(0), s.integer(1), static_cast<std::uint32_t>(s.integer(2)),
                            static_cast<std::uint64_t>(s.integer(3)), s.text(4), s.text(5)});
  return out;
}

bool Store::handle_exists(std::int64_t id) {
  auto s = db_.prepare("SELECT 1 FROM handles WHERE id = ?");
  s.bind(1, id);
  return s.row();
}

}  // namespace npemu
