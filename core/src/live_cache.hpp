// The live table as this process last read it, kept while the store's version
// (Store::version: SQLite's data_version) stands still, so a look-up reads one
// pragma rather than the table. The process's own changes, which leave that
// version where it is, are applied here in place when the cache was current at
// the start of their transaction; any other write makes it stale. Every call runs
// under the engine's lock of the store (Engine::db_mu_).
#pragma once
#include "connection.hpp"
#include "store.hpp"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace npemu {

class LiveCache {
 public:
  Status refresh(Store& store);  // reloads when the version moved
  // Refreshes when that is cheap (the cache is current, or small enough to read
  // again) and says whether the cache is now current. A big table another process
  // changed is better asked for the one thing needed.
  bool refresh_if_cheap(Store& store);

  const std::vector<Connection>& all() const { return all_; }  // devices by name, then deviceless by id
  const Connection* device(const std::string& local) const;
  std::vector<Connection> deviceless(const std::string& remote_key) const;
  // False only when no counted handle exists anywhere: a cancel needs no handle query.
  bool any_handles() const { return handles_ != 0; }

  // After this process's own committed change, whose transaction saw `version`.
  void inserted(const Connection& c, std::uint64_t version);
  void removed(const std::vector<std::int64_t>& ids, std::uint64_t version);
  void handles_changed(std::int64_t delta, std::uint64_t version);

 private:
  bool follows(std::uint64_t version);  // current when the change began

  std::vector<Connection> all_;
  std::unordered_map<std::string, Connection> by_device_;
  std::int64_t handles_ = 0;
  std::uint64_t version_ = 0;
  bool current_ = false;
};

}  // namespace npemu
