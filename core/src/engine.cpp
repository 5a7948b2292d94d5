#include "engine.hpp"

#include "local/local_provider.hpp"
#include "not_mine.hpp"
#include "sys.hpp"
#include "test_point.hpp"

#include <boost/filesystem.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <tuple>

namespace npemu {
namespace {

std::mutex g_engine_mu;
std::shared_ptr<Engine> g_engine;
std::string g_engine_root;

}  // namespace

std::shared_ptr<Engine> Engine::current(Status* status) {
  std::string root = resolve_home_dir();
  std::lock_guard<std::mutex> lock(g_engine_mu);
  if (g_engine && g_engine_root == root && !g_engine->store_replaced()) return g_engine;
  // Let the old engine go first: SQLite shares one WAL index per database file in
  // a process, and a new connection must not join the old one's if it was deleted.
  g_engine.reset();
  auto e = std::make_shared<Engine>();
  *status = e->init(root);
  if (!status->ok()) return nullptr;
  g_engine = e;
  g_engine_root = root;
  return e;
}

Status with_engine(const std::function<Status(Engine&)>& body) {
  Status st;
  auto engine = Engine::current(&st);
  return engine ? body(*engine) : st;
}

void Engine::reset() {
  std::lock_guard<std::mutex> lock(g_engine_mu);
  g_engine.reset();
  g_engine_root.clear();
}

Status Engine::init(const std::string& root) {
  if (root.empty()) return Status::fail(WN_CANNOT_OPEN_PROFILE, "no NPEMU_HOME and no home directory");
  home_.root = root;
  std::string error;
  auto config = load_config(home_.config_file(), &error);
  if (!config) return Status::fail(WN_BAD_PROFILE, error);
  config_ = std::move(*config);
  Status st;
  store_ = Store::open(home_, config_.store.busy_timeout_ms, &st);
  if (!store_) return st;
  shm_identity_ = sys::file_identity(home_.db_file() + "-shm");
  devices_ = DeviceLocks::open(home_, &st);
  if (!devices_) return st;
  auto platform = sys::platform_providers(config_, home_);
  for (const auto& name : config_.providers) {
    if (name == "local") {
      providers_.push_back(std::make_unique<LocalProvider>(config_, home_));
      continue;
    }
    for (auto& p : platform)
      if (p && p->name() == name) providers_.push_back(std::move(p));
  }
  recover();
  return Status::success();
}

bool Engine::store_replaced() {
  // The WAL index at most every 5 ms (a stat costs as much as the look-up it
  // guards): when it goes, this process would go on reading its old copy and never
  // see another commit. state.db itself is checked by the store whenever the index
  // shows a commit, and before every change (Store::replaced).
  if (store_->replaced()) return true;
  auto now = std::chrono::steady_clock::now();
  std::lock_guard<std::mutex> lock(shm_check_mu_);
  if (now < next_shm_check_) return false;
  next_shm_check_ = now + std::chrono::milliseconds(5);
  return sys::file_identity(home_.db_file() + "-shm") != shm_identity_;
}

Status Engine::drives_dir_ok() const {
  boost::system::error_code ec;
  auto st = boost::filesystem::symlink_status(home_.drives_dir(), ec);
  if (st.type() == boost::filesystem::file_not_found || st.type() == boost::filesystem::directory_file)
    return Status::success();
  return Status::fail(WN_CANNOT_OPEN_PROFILE, home_.drives_dir() +
                                                  " is not npemu's own directory (a link or a file is in its place): "
                                                  "no drive is made or cleared there");
}

void Engine::recover() {
  if (!drives_dir_ok().ok()) return;
  boost::system::error_code ec;
  for (boost::filesystem::directory_iterator it(home_.drives_dir(), ec), end; !ec && it != end; it.increment(ec)) {
    auto dev = parse_device(it->path().filename().string() + ":");
    if (!dev || dev->bare() != it->path().filename().string()) continue;  // not a device's entry
    DeviceLocks::Held held;
    if (devices_->try_hold(*dev, &held)) clear_leftover(*dev, false);  // else someone is changing it now
  }
}

void Engine::clear_leftover(const Device& dev, bool known_free) {
  if (!drives_dir_ok().ok()) return;
  boost::system::error_code ec;
  if (!boost::filesystem::exists(boost::filesystem::symlink_status(home_.drive_path(dev.bare()), ec))) return;
  if (!known_free) {
    std::optional<Connection> row;
    std::lock_guard<std::mutex> lock(db_mu_);
    if (!store_->device(dev.name, &row).ok() || row) return;  // the store knows it (or cannot say)
  }
  for (auto& p : providers_) p->clear_leftover(dev);
}

Provider* Engine::provider(const std::string& name) {
  for (auto& p : providers_)
    if (p->name() == name) return p.get();
  return nullptr;
}

bool Engine::owner_gone(const Connection& c) const {
  return c.owner_pid != 0 && !sys::process_alive(c.owner_pid, c.owner_start);
}

bool Engine::live(const Connection& c) {
  Provider* p = provider(c.provider);
  return p && !owner_gone(c) && p->alive(c);
}

Status Engine::write(const char* what, const std::function<bool(Status*)>& body,
                     const std::function<void(std::uint64_t)>& after) {
  std::unique_lock<std::mutex> lock(db_mu_);
  bool committed = false;
  std::uint64_t version = 0;
  Status st = store_->change(lock, what, body, &committed, &version);
  if (committed) {
    ++own_commits_;
    if (after) after(version);  // else the change left the live table and the handles alone
  }
  return st;
}

Status Engine::drop_rows(const std::vector<Connection>& conns) {
  std::vector<std::int64_t> ids;
  return write("drop connection", [&](Status* out) {
    for (const auto& c : conns) {
      std::optional<Connection> now;
      *out = store_->find(c, &now);
      if (!out->ok()) return false;
      if (now) ids.push_back(c.id);
    }
    *out = store_->remove(ids, nullptr);
    return out->ok();
  }, [&](std::uint64_t v) { cache_.removed(ids, v); });
}

Status Engine::drop_handles(const std::vector<std::int64_t>& ids) {
  std::int64_t n = 0;
  return write("release handle", [&](Status* out) {
    *out = store_->remove_handles(ids, &n);
    return out->ok();
  }, [&](std::uint64_t v) { cache_.handles_changed(-n, v); });
}

Status Engine::add(const AddRequest& req, const std::string& only_provider, Connection* made_out) {
  if (req.type != RESOURCETYPE_ANY && req.type != RESOURCETYPE_DISK && req.type != RESOURCETYPE_PRINT)
    return Status::fail(WN_BAD_VALUE, "the resource type must be disk, print or any");
  bool any = only_provider.empty() || only_provider == "npemu";
  if (!any && !provider(only_provider))
    return Status::fail(WN_BAD_PROVIDER, "no provider named '" + only_provider + "' is configured");
  // The device's lock, held until the row is committed: nobody else links, mounts
  // or clears it meanwhile (device_locks.hpp).
  DeviceLocks::Held held;
  if (req.device) {
    Status st = drives_dir_ok();
    if (!st.ok()) return st;
    st = devices_->hold(*req.device, config_.store.busy_timeout_ms, &held);
    if (!st.ok()) return st;
    std::optional<Connection> found;
    st = device_connection(req.device->name, &found);
    if (!st.ok()) return st;
    if (found) {
      if (live(*found))
        return Status::fail(WN_ALREADY_CONNECTED, req.device->name + " is already connected to " + found->remote);
      st = drop_rows({*found});  // the backend lost it: reconcile
      if (!st.ok()) return st;
    }
    clear_leftover(*req.device, true);  // no row, and ours is the lock
  }
  std::vector<NotMine> not_mine;  // the answer kept is chosen in not_mine.cpp
  for (auto& p : providers_) {
    if (!any && p->name() != only_provider) continue;
    Connection made;
    made.local = req.device ? req.device->name : "";
    made.remote = req.remote.unc();
    made.remote_key = req.remote.key();
    made.provider = p->name();
    made.type = req.type == RESOURCETYPE_ANY ? RESOURCETYPE_DISK : req.type;
    made.user = req.user;
    made.remembered = req.device && (req.flags & CONNECT_UPDATE_PROFILE);
    Status st = p->connect(req, made);
    if (st.code == WN_BAD_NETNAME && any) {
      not_mine.push_back({p->name(), st});
      continue;
    }
    if (!st.ok()) return st;
    test_point("add.after_side_effect");
    ProfileEntry entry{made.local, made.remote, made.provider, made.type, made.user};
    st = write("add connection", [&](Status* out) {
      *out = store_->insert(made, made.remembered ? &entry : nullptr);
      test_point("add.before_commit");
      return out->ok();
    }, [&](std::uint64_t v) { cache_.inserted(made, v); });
    if (!st.ok()) {
      p->disconnect(made, true);  // never leave a backend connection the store does not know
      return st;
    }
    test_point("add.after_commit");
    if (req.device && !devices_->intact() && !p->alive(made)) {
      // state.locks was deleted meanwhile, so another process could take this side
      // effect for a crash's leftover and clear it: the connection is not there.
      drop_rows({made});
      return Status::fail(WN_FUNCTION_BUSY, made.local + " was changed by another program while it was being "
                                            "connected ($NPEMU_HOME/state.locks was deleted or replaced)");
    }
    if (made_out) *made_out = made;
    return Status::success();
  }
  return pick_not_mine(config_, home_.config_file(), req, not_mine);
}

Status Engine::device_connection(const std::string& local, std::optional<Connection>* out) {
  std::lock_guard<std::mutex> lock(db_mu_);
  if (!cache_.refresh_if_cheap(*store_)) return store_->device(local, out);
  const Connection* c = cache_.device(local);
  *out = c ? std::optional<Connection>(*c) : std::nullopt;
  return Status::success();
}

Status Engine::deviceless_connections(const std::string& remote_key, std::vector<Connection>* out) {
  std::lock_guard<std::mutex> lock(db_mu_);
  if (!cache_.refresh_if_cheap(*store_)) return store_->deviceless(remote_key, out);
  *out = cache_.deviceless(remote_key);
  return Status::success();
}

Status Engine::get_connection(const std::string& local, Connection* out) {
  std::optional<Connection> found;
  {
    std::lock_guard<std::mutex> lock(db_mu_);
    Status st = cache_.refresh(*store_);
    if (!st.ok()) return st;
    if (const Connection* c = cache_.device(local)) found = *c;
  }
  if (!found) return Status::fail(WN_NOT_CONNECTED, local + " is not connected");
  Provider* p = provider(found->provider);
  if (!p || owner_gone(*found) || !p->alive(*found))
    return Status::fail(WN_NOT_CONNECTED, local + " was connected to " + found->remote + " but " +
                                              (p ? "its backend lost it" : "its provider is not configured"));
  *out = *found;
  return Status::success();
}

Status Engine::connections(std::vector<LiveConnection>* out) {
  std::vector<Connection> all;
  {
    std::lock_guard<std::mutex> lock(db_mu_);
    Status st = cache_.refresh(*store_);
    if (!st.ok()) return st;
    all = cache_.all();
  }
  out->clear();
  std::vector<Connection> orphans;
  // Many connections share one backend object (10,000 records of one share, one
  // owner's sessions): each distinct one is checked once per call.
  std::map<std::pair<std::uint32_t, std::uint64_t>, bool> owner_dead;
  std::map<std::tuple<std::string, std::string, std::string>, bool> backend_alive;
  for (auto& c : all) {
    if (c.owner_pid) {
      auto [it, fresh] = owner_dead.try_emplace({c.owner_pid, c.owner_start}, false);
      if (fresh) it->second = owner_gone(c);
      if (it->second) {
        orphans.push_back(c);  // its process died with its session
        continue;
      }
    }
    auto [it, fresh] = backend_alive.try_emplace({c.provider, c.local, c.handle}, false);
    if (fresh) {
      Provider* p = provider(c.provider);
      it->second = p && p->alive(c);
    }
    bool alive = it->second;
    out->push_back(LiveConnection{std::move(c), alive});
  }
  if (!orphans.empty()) drop_rows(orphans);
  return Status::success();
}

std::vector<LiveConnection> Engine::connections() {
  std::vector<LiveConnection> out;
  Status st = connections(&out);
  if (!st.ok()) throw StatusError(st);
  return out;
}

Status Engine::profile(std::vector<ProfileEntry>* out) {
  std::lock_guard<std::mutex> lock(db_mu_);
  return store_->profile(out);
}

std::vector<ProfileEntry> Engine::profile() {
  std::vector<ProfileEntry> out;
  Status st = profile(&out);
  if (!st.ok()) throw StatusError(st);
  return out;
}

Status Engine::forget(const std::string& local) {
  return write("forget device", [&](Status* out) {
    std::optional<ProfileEntry> entry;
    *out = store_->remembered(local, &entry);
    if (out->ok() && !entry) *out = Status::fail(WN_NOT_CONNECTED, local + " is neither connected nor remembered");
    if (out->ok()) *out = store_->forget(local);
    return out->ok();
  });
}

}  // namespace npemu
