// The engine: one per $NPEMU_HOME in a process. It owns the config, the store and
// the providers, and holds the rules of add, cancel and query that every entry
// point (NP*, WNet*, the file API, npnet) shares.
#pragma once
#include "config.hpp"
#include "connection.hpp"
#include "device_locks.hpp"
#include "holder_scans.hpp"
#include "home.hpp"
#include "live_cache.hpp"
#include "provider.hpp"
#include "status.hpp"
#include "store.hpp"

#include <chrono>
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
  // state.db or its WAL index (-shm) is no longer the file this engine opened
  // (deleted or replaced while in use): its changes would go to a store nobody else
  // sees, or it would miss theirs. current() makes a new one.
  bool store_replaced();

  // only_provider: "" for any, else the provider's name ("npemu" means any).
  Status add(const AddRequest& req, const std::string& only_provider, Connection* made = nullptr);
  // name: a device or a remote name. update_profile: also forget a device's remembered entry.
  Status cancel(const std::string& name, bool force, bool update_profile);
  Status get_connection(const std::string& local, Connection* out);
  Status connections(std::vector<LiveConnection>* out);
  std::vector<LiveConnection> connections();  // throws StatusError when the store cannot be read
  Status profile(std::vector<ProfileEntry>* out);
  std::vector<ProfileEntry> profile();        // throws StatusError when the store cannot be read
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

  // What File remembers of the store to tell cheaply that nothing changed since.
  struct Seen {
    std::uint64_t version = ~std::uint64_t{0};  // Store::version()
    std::uint64_t own = 0;                      // this engine's own commits
  };
  // For File: is the counted handle still there (not dropped by a forced cancel)?
  bool handle_valid(std::int64_t handle_id, Seen* seen);
  void release_handle(std::int64_t handle_id);

 private:
  Status init(const std::string& root);
  // Clears what crashed adds and cancels left in drives/ (links, mounts the store
  // does not know and nobody is changing).
  void recover();
  // dev's link or mount when the store has no row for it (known_free: the caller,
  // holding dev's lock, just found none): a dead process's leftover.
  void clear_leftover(const Device& dev, bool known_free);
  // drives/ is npemu's own directory, or not there yet. A link or a file in its place
  // would make npemu make and clear drive links outside $NPEMU_HOME.
  Status drives_dir_ok() const;
  Status cancel_device(const Device& dev, bool force, bool update_profile);
  Status cancel_remote(const Remote& r, bool force);
  Status teardown(const std::vector<Connection>& conns, bool force, const std::string* forget);
  // Puts back connections whose teardown a provider refused (and the profile entry).
  Status restore(const std::vector<Connection>& conns, const std::optional<ProfileEntry>& entry);
  Status put_back(const std::vector<Connection>& conns, const std::optional<ProfileEntry>& entry);  // one try
  // WN_OPEN_FILES naming every holder of the live ones among conns, else success.
  // Outside the store's transaction: the providers' own scans (once per share) and
  // the counted handles; dead handles are pruned.
  Status refuse_if_held(const std::vector<Connection>& conns);
  // Inside the drop's transaction: the counted handles alone.
  Status refuse_if_counted(const std::vector<Connection>& conns);
  // The live handles counted in the store against c (dead ones go to *dead when given).
  Status counted_holders(const Connection& c, std::vector<Holder>* out, std::vector<std::int64_t>* dead);
  // The file a handle counted by its API path (Z:\\a.txt) is, as a holder scan names it.
  std::string scanned_path(const Connection& c, const std::string& api_path);
  Status open_files_status(const std::vector<Connection>& conns, std::vector<Holder> all);
  Status resolve(const std::string& path, Connection* conn, std::string* rel);
  // Resolves a path on a connection and runs body with its live provider.
  using PathBody = std::function<Status(Provider&, const Connection&, const std::string& rel)>;
  Status with_path(const std::string& path, const PathBody& body);
  Status open_counted(const Connection& c, const std::string& what, const std::string& kind,
                      const std::function<Status(std::unique_ptr<OpenFile>*)>& open,
                      std::unique_ptr<File>* out);
  bool owner_gone(const Connection& c) const;
  bool live(const Connection& c);  // its provider is here, its owner alive, its backend holds it
  // The cache's entry when it is current or cheap to reload, else the store's (under db_mu_).
  Status device_connection(const std::string& local, std::optional<Connection>* out);
  Status deviceless_connections(const std::string& remote_key, std::vector<Connection>* out);
  // One change of the store (Store::change), then `after` with the version the
  // transaction saw, still under db_mu_, for the cache to follow it.
  Status write(const char* what, const std::function<bool(Status*)>& body,
               const std::function<void(std::uint64_t version)>& after = nullptr);
  // Drops rows that are still the connections they were (same()), and follows in the cache.
  Status drop_rows(const std::vector<Connection>& conns);
  Status drop_handles(const std::vector<std::int64_t>& ids);

  Home home_;
  Config config_;
  std::vector<std::unique_ptr<Provider>> providers_;  // in the configured order; fixed after init
  std::unique_ptr<DeviceLocks> devices_;
  HolderScans scans_;  // plain cancels of one share at once share a scan
  // The store's one SQLite connection and the cache: held for short reads and for
  // a change's transaction, never while waiting for another process (Store::change)
  // or for a provider's side effect.
  std::mutex db_mu_;
  std::unique_ptr<Store> store_;
  std::optional<std::pair<std::uint64_t, std::uint64_t>> shm_identity_;  // sys::file_identity of the -shm at open
  std::mutex shm_check_mu_;
  std::chrono::steady_clock::time_point next_shm_check_{};
  LiveCache cache_;
  std::uint64_t own_commits_ = 0;  // under db_mu_
};

// Runs body on the current engine, or returns why there is none (bad config, store).
Status with_engine(const std::function<Status(Engine&)>& body);

// A file or job opened through npemu's file API, counted in the store while open.
class File {
 public:
  File(std::shared_ptr<Engine> engine, std::unique_ptr<OpenFile> impl, std::int64_t handle_id,
       Engine::Seen seen);
  ~File();
  Status read(void* buf, std::size_t n, std::size_t* got);
  Status write(const void* buf, std::size_t n, std::size_t* put);
  Status close();

 private:
  Status check();
  std::shared_ptr<Engine> engine_;
  std::unique_ptr<OpenFile> impl_;
  std::int64_t handle_id_;
  Engine::Seen seen_;
  bool cancelled_ = false;  // a forced cancel dropped it: every later call says so
};

}  // namespace npemu
