#include "engine.hpp"

#include "local/local_provider.hpp"
#include "not_mine.hpp"
#include "sys.hpp"

#include <algorithm>
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
  if (g_engine && g_engine_root == root) return g_engine;
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
  auto platform = sys::platform_providers(config_, home_);
  for (const auto& name : config_.providers) {
    if (name == "local") {
      providers_.push_back(std::make_unique<LocalProvider>(config_, home_));
      continue;
    }
    for (auto& p : platform)
      if (p && p->name() == name) providers_.push_back(std::move(p));
  }
  return Status::success();
}

Provider* Engine::provider(const std::string& name) {
  for (auto& p : providers_)
    if (p->name() == name) return p.get();
  return nullptr;
}

bool Engine::owner_gone(const Connection& c) const {
  return c.owner_pid != 0 && !sys::process_alive(c.owner_pid, c.owner_start);
}

Status Engine::add(const AddRequest& req, const std::string& only_provider, Connection* made_out) {
  if (req.type != RESOURCETYPE_ANY && req.type != RESOURCETYPE_DISK && req.type != RESOURCETYPE_PRINT)
    return Status::fail(WN_BAD_VALUE, "the resource type must be disk, print or any");
  bool any = only_provider.empty() || only_provider == "npemu";
  if (!any && !provider(only_provider))
    return Status::fail(WN_BAD_PROVIDER, "no provider named '" + only_provider + "' is configured");
  std::lock_guard<std::mutex> lock(mu_);
  cache_.refresh_if_cheap(*store_);  // current, so the insert below is followed
  if (req.device) {
    if (auto found = device_connection(req.device->name)) {
      Connection old = *found;
      Provider* p = provider(old.provider);
      if (p && !owner_gone(old) && p->alive(old))
        return Status::fail(WN_ALREADY_CONNECTED, req.device->name + " is already connected to " + old.remote);
      Status st = store_remove({old.id}, nullptr);  // the backend lost it: reconcile
      if (!st.ok()) return st;
    }
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
    ProfileEntry entry{made.local, made.remote, made.provider, made.type, made.user};
    st = store_->insert(made, made.remembered ? &entry : nullptr);
    if (!st.ok()) {
      p->disconnect(made, true);  // never leave a backend connection the store does not know
      return st;
    }
    cache_.inserted(made, store_->bumped_from());
    if (made_out) *made_out = made;
    return Status::success();
  }
  return pick_not_mine(config_, home_.config_file(), req, not_mine);
}

std::optional<Connection> Engine::device_connection(const std::string& local) {
  if (!cache_.refresh_if_cheap(*store_)) return store_->device(local);
  const Connection* c = cache_.device(local);
  return c ? std::optional<Connection>(*c) : std::nullopt;
}

std::vector<Connection> Engine::deviceless_connections(const std::string& remote_key) {
  if (!cache_.refresh_if_cheap(*store_)) return store_->deviceless(remote_key);
  return cache_.deviceless(remote_key);
}

Status Engine::store_remove(const std::vector<std::int64_t>& ids, const std::string* forget) {
  Status st = store_->remove(ids, forget);
  if (st.ok()) cache_.removed(ids, store_->bumped_from());
  return st;
}

Status Engine::store_remove_handles(const std::vector<std::int64_t>& ids) {
  std::int64_t n = 0;
  Status st = store_->remove_handles(ids, &n);
  if (st.ok()) cache_.handles_changed(-n, store_->bumped_from());
  return st;
}

Status Engine::get_connection(const std::string& local, Connection* out) {
  std::lock_guard<std::mutex> lock(mu_);
  cache_.refresh(*store_);
  const Connection* found = cache_.device(local);
  if (!found) return Status::fail(WN_NOT_CONNECTED, local + " is not connected");
  const Connection& c = *found;
  Provider* p = provider(c.provider);
  if (!p || owner_gone(c) || !p->alive(c))
    return Status::fail(WN_NOT_CONNECTED, local + " was connected to " + c.remote + " but " +
                                              (p ? "its backend lost it" : "its provider is not configured"));
  *out = c;
  return Status::success();
}

std::vector<LiveConnection> Engine::connections() {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<LiveConnection> out;
  std::vector<std::int64_t> orphans;
  // Many connections share one backend object (10,000 records of one share, one
  // owner's sessions): each distinct one is checked once per call.
  std::map<std::pair<std::uint32_t, std::uint64_t>, bool> owner_dead;
  std::map<std::tuple<std::string, std::string, std::string>, bool> backend_alive;
  cache_.refresh(*store_);
  for (const auto& c : cache_.all()) {
    if (c.owner_pid) {
      auto [it, fresh] = owner_dead.try_emplace({c.owner_pid, c.owner_start}, false);
      if (fresh) it->second = owner_gone(c);
      if (it->second) {
        orphans.push_back(c.id);  // its process died with its session
        continue;
      }
    }
    auto [it, fresh] = backend_alive.try_emplace({c.provider, c.local, c.handle}, false);
    if (fresh) {
      Provider* p = provider(c.provider);
      it->second = p && p->alive(c);
    }
    bool alive = it->second;
    out.push_back(LiveConnection{c, alive});
  }
  if (!orphans.empty()) store_remove(orphans, nullptr);
  return out;
}

std::vector<ProfileEntry> Engine::profile() {
  std::lock_guard<std::mutex> lock(mu_);
  return store_->profile();
}

Status Engine::forget(const std::string& local) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!store_->remembered(local)) return Status::fail(WN_NOT_CONNECTED, local + " is neither connected nor remembered");
  return store_->forget(local);
}

}  // namespace npemu
