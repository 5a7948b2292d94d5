// The state store: live connections, the remembered profile and counted
// handles, in one SQLite database shared by every process of the user.
// Every change is one transaction, followed by a bump of the shared generation.
#pragma once
#include "connection.hpp"
#include "generation.hpp"
#include "home.hpp"
#include "sqlite_db.hpp"
#include "status.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace npemu {

// The live table and the count of handles, read in one transaction.
struct LiveSnapshot {
  std::vector<Connection> connections;
  std::int64_t handles = 0;
};

class Store {
 public:
  // busy_timeout_ms: how long a change waits for another process's (then WN_FUNCTION_BUSY).
  static std::unique_ptr<Store> open(const Home& home, int busy_timeout_ms, Status* status);

  std::uint64_t generation() const { return gen_->current(); }
  // The generation this process's last successful change moved from.
  std::uint64_t bumped_from() const { return bumped_from_; }

  bool snapshot(LiveSnapshot* out);
  // One look-up, for when the snapshot is stale and big (LiveCache::refresh_if_cheap).
  std::optional<Connection> device(const std::string& local);
  std::vector<Connection> deviceless(const std::string& remote_key);  // a scan: no index
  std::optional<Connection> by_id(std::int64_t id);

  // One change made of several steps, some outside the store (a provider's
  // teardown): body runs inside BEGIN IMMEDIATE, so no other process changes the
  // store meanwhile, and returns whether to commit; the store's own changes it
  // makes (remove, remove_handles...) join this transaction. WN_FUNCTION_BUSY,
  // before body runs, when another process holds the store past the busy timeout.
  Status change(const char* what, const std::function<bool(Status*)>& body, bool* committed);

  // Adds the connection (setting its id) and, when remember is given, its profile entry.
  // WN_ALREADY_CONNECTED when another process took the device first.
  Status insert(Connection& c, const ProfileEntry* remember);
  // Drops the connections (and their handles) and, when forget is set, that device's
  // profile entry: one transaction.
  Status remove(const std::vector<std::int64_t>& ids, const std::string* forget);

  std::vector<ProfileEntry> profile();
  std::optional<ProfileEntry> remembered(const std::string& local);
  Status forget(const std::string& local);
  Status remember(const ProfileEntry& e);

  std::int64_t add_handle(const HandleRow& h, Status* status);
  // removed: how many of them were still there.
  Status remove_handles(const std::vector<std::int64_t>& ids, std::int64_t* removed = nullptr);
  std::vector<HandleRow> handles_of(std::int64_t connection_id);
  bool handle_exists(std::int64_t id);

 private:
  // single: body runs at most one statement (no BEGIN/COMMIT needed around it).
  Status write(const char* what, const std::function<bool()>& body, bool single = false);
  static Connection read_connection(Statement& s);

  SqliteDb db_;
  std::unique_ptr<Generation> gen_;
  std::uint64_t bumped_from_ = 0;
  bool in_change_ = false;  // inside change(): writes join its transaction
};

}  // namespace npemu
