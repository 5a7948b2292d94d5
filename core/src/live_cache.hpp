// The live table as this process last read it, kept while the shared generation
// has not moved, so lookups need no read transaction. The process's own changes
// are applied in place when nothing else changed since the last read (the
// generation its write bumped from is the cached one): a connect + cancel pair
// then costs its two write transactions and nothing more. Anything else (another
// process's change, a write this cache does not follow) reloads on next use.
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
  void refresh(Store& store);  // reloads when the generation moved
  // Refreshes when that is cheap (the cache is current, or small enough to read
  // again) and says whether the cache is now current. A big table another process
  // changed is better asked for the one thing needed.
  bool refresh_if_cheap(Store& store);

  const std::vector<Connection>& all() const { return all_; }  // devices by name, then deviceless by id
  const Connection* device(const std::string& local) const;
  std::vector<Connection> deviceless(const std::string& remote_key) const;
  // False only when no counted handle exists anywhere: a cancel needs no handle query.
  bool any_handles() const { return handles_ != 0; }

  // After this process's own successful write, which bumped the generation from `before`.
  void inserted(const Connection& c, std::uint64_t before);
  void removed(const std::vector<std::int64_t>& ids, std::uint64_t before);
  void handles_changed(std::int64_t delta, std::uint64_t before);

 private:
  bool follows(std::uint64_t before);  // the write came right after the cached state

  std::vector<Connection> all_;
  std::unordered_map<std::string, Connection> by_device_;
  std::int64_t handles_ = 0;
  std::uint64_t generation_ = ~std::uint64_t{0};
};

}  // namespace npemu
