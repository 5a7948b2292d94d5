// The engine: one per $NPEMU_HOME in a process. It owns the config, the store and
// the providers, and holds the rules of add, cancel and query that every entry
// point (NP*, WNet*, the file API, npnet) shares.
#pragma once
#include "config.hpp"
#include "connection.hpp"
#include "home.hpp"
#include "live_cache.hpp"
#include "provider.hpp"
#include "status.hpp"
#include "store.hpp"

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace npemu {

class File;

struct LiveConnection {
  Connection connection;
  bool alive = true;  // false: the backend lost it (link or mount gone)
};

class Engine : public std::enable_shared_from_this<Engine> {
 public:
  // The engine for the current $NPEMU_HOME (made on first use, remade when it changes).
  static std::shared_ptr<Engine> current(Status* status);
  // Forget the engine, so the next call rereads the config.
  static void reset();

  // only_provider: "" for any, else the provider's name ("npemu" means any).
  Status add(const AddRequest& req, const std::string& only_provider, Connection* made = nullptr);
  // name: a device or a remote name. update_profile: also forget a device's remembered entry.
  Status cancel(const std::string& name, bool force, bool update_profile);
  Status get_connection(const std::string& local, Connection* out);
  std::vector<LiveConnection> connections();
  std::vector<ProfileEntry> profile();
  // Drops a device's remembered entry only (MPR's cancel of a remembered, unconnected
  // device). WN_NOT_CONNECTED when the device is not remembered.
  Status forget(const std::string& local);

  Status open_file(const std::string& path, unsigned mode, std::unique_ptr<File>* out);
  Status open_job(const std::string& printer, const std::string& document, std::unique_ptr<File>* out);
  Status stat(const std::string& path, FileInfo* out);
  Status list(const std::string& path, std::vector<FileInfo>* out);

  const Config& config() const { return config_; }
  const Home& home() const { return home_; }
  Provider* provider(const std::string& name);
  const std::vector<std::unique_ptr<Provider>>& providers() const { return providers_; }

  // For File: is the counted handle still there (not dropped by a forced cancel)?
  bool handle_valid(std::int64_t handle_id, std::uint64_t* seen_generation);
  void release_handle(std::int64_t handle_id);

 private:
  Status init(const std::string& root);
  Status cancel_device(const Device& dev, bool force, bool update_profile);
  Status cancel_remote(const Remote& r, bool force);
  Status teardown(const std::vector<Connection>& conns, bool force, const std::string* forget);
  // WN_OPEN_FILES naming every holder of the live ones among conns, else success.
  // scan: also the providers' own scans (once per share), and prune dead handles;
  // else only the handles counted in the store (inside a transaction).
  Status refuse_if_held(const std::vector<Connection>& conns, bool scan);
  // The live handles counted in the store against c (dead ones go to *dead when given).
  std::vector<Holder> counted_holders(const Connection& c, std::vector<std::int64_t>* dead);
  Status resolve(const std::string& path, Connection* conn, std::string* rel);
  // Resolves a path on a connection and runs body with its live provider.
  using PathBody = std::function<Status(Provider&, const Connection&, const std::string& rel)>;
  Status with_path(const std::string& path, const PathBody& body);
  Status open_counted(const Connection& c, const std::string& what, const std::string& kind,
                      const std::function<Status(std::unique_ptr<OpenFile>*)>& open,
                      std::unique_ptr<File>* out);
  bool owner_gone(const Connection& c) const;
  // The cache's entry when it is current or cheap to reload, else the store's.
  std::optional<Connection> device_connection(const std::string& local);
  std::vector<Connection> deviceless_connections(const std::string& remote_key);
  // The store's changes made by this engine, followed by the cache.
  Status store_remove(const std::vector<std::int64_t>& ids, const std::string* forget);
  Status store_remove_handles(const std::vector<std::int64_t>& ids);

  std::mutex mu_;
  Home home_;
  Config config_;
  std::unique_ptr<Store> store_;
  std::vector<std::unique_ptr<Provider>> providers_;  // in the configured order
  LiveCache cache_;
};

// Runs body on the current engine, or returns why there is none (bad config, store).
Status with_engine(const std::function<Status(Engine&)>& body);

// A file or job opened through npemu's file API, counted in the store while open.
class File {
 public:
  File(std::shared_ptr<Engine> engine, std::unique_ptr<OpenFile> impl, std::int64_t handle_id,
       std::uint64_t generation);
  ~File();
  Status read(void* buf, std::size_t n, std::size_t* got);
  Status write(const void* buf, std::size_t n, std::size_t* put);
  Status close();

 private:
  Status check();
  std::shared_ptr<Engine> engine_;
  std::unique_ptr<OpenFile> impl_;
  std::int64_t handle_id_;
  std::uint64_t seen_generation_;
  bool cancelled_ = false;  // a forced cancel dropped it: every later call says so
};

}  // namespace npemu
