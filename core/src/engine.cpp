#include "engine.hpp"

#include "local/local_provider.hpp"
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

bool path_under(const std::string& key, const std::string& prefix) {
  return key == prefix ||
         (key.size() > prefix.size() && key.compare(0, prefix.size(), prefix) == 0 &&
          key[prefix.size()] == '\\');
}

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
  if (cache_.worth_reloading(*store_)) cache_.refresh(*store_);  // current, so the insert below is followed
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
  Status last = Status::fail(WN_BAD_NETNAME, req.remote.unc() + " is not served by any provider");
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
      last = st;
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
  return last;
}

Status Engine::cancel(const std::string& name, bool force, bool update_profile) {
  if (auto dev = parse_device(name)) return cancel_device(*dev, force, update_profile);
  if (looks_remote(name)) {
    auto r = parse_remote(name);
    if (!r) return Status::fail(WN_BAD_NETNAME, "'" + name + "' is not a valid remote name");
    return cancel_remote(*r, force);
  }
  return Status::fail(WN_BAD_LOCALNAME, "'" + name + "' is neither a local device nor a remote name");
}

Status Engine::cancel_device(const Device& dev, bool force, bool update_profile) {
  std::lock_guard<std::mutex> lock(mu_);
  auto c = device_connection(dev.name);
  if (!c) return Status::fail(WN_NOT_CONNECTED, dev.name + " is not connected");
  std::string forget = dev.name;
  return teardown({*c}, force, update_profile ? &forget : nullptr);
}

Status Engine::cancel_remote(const Remote& r, bool force) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<Connection> conns;
  if (cache_.worth_reloading(*store_)) {
    cache_.refresh(*store_);
    conns = cache_.deviceless(r.key());
  } else {
    conns = store_->deviceless(r.key());
  }
  if (conns.empty()) return Status::fail(WN_NOT_CONNECTED, r.unc() + " has no deviceless connection");
  return teardown(conns, force, nullptr);
}

// A refusal (open files, a busy store, a provider that will not let go) changes
// nothing. The holder scan runs first, outside the store's lock (a /proc scan takes
// milliseconds); the rest runs in one write transaction, so between the last check
// and the teardown no other process can count a handle or drop the connection.
Status Engine::teardown(const std::vector<Connection>& conns, bool force, const std::string* forget) {
  if (!force) {
    Status st = refuse_if_held(conns, true);
    if (!st.ok()) return st;
  }
  std::vector<std::int64_t> done;
  bool committed = false;
  Status st = store_->change("drop connection", [&](Status* out) {
    std::vector<Connection> now;  // as the store has them now: another process may have dropped some
    for (const auto& c : conns)
      if (auto row = store_->by_id(c.id)) now.push_back(*row);
    if (now.empty()) {
      *out = Status::fail(WN_NOT_CONNECTED, (conns.front().local.empty() ? conns.front().remote : conns.front().local) +
                                                " was just cancelled by another process");
      return false;
    }
    std::vector<const Connection*> live;
    for (const auto& c : now) {
      Provider* p = provider(c.provider);
      if (p && !owner_gone(c) && p->alive(c)) live.push_back(&c);
      else done.push_back(c.id);
    }
    if (!force) {
      *out = refuse_if_held(now, false);
      if (!out->ok()) return false;
    }
    for (const Connection* c : live) {
      Status torn = provider(c->provider)->disconnect(*c, force);
      if (!torn.ok()) {
        *out = torn;
        return store_->remove(done, nullptr).ok();  // what was torn down is gone; the refused entry stays
      }
      done.push_back(c->id);
    }
    *out = store_->remove(done, forget);
    return out->ok();
  }, &committed);
  if (committed) cache_.removed(done, store_->bumped_from());
  return st;
}

Status Engine::refuse_if_held(const std::vector<Connection>& conns, bool scan) {
  std::vector<Holder> all;
  std::vector<std::int64_t> dead;
  bool counted = true;
  if (scan) {  // outside a transaction: the cache may say no handle exists anywhere
    bool cached = cache_.worth_reloading(*store_);
    if (cached) cache_.refresh(*store_);
    counted = !cached || cache_.any_handles();
  }
  std::set<std::pair<std::string, std::string>> scanned;  // many connections, one share: one scan
  for (const auto& c : conns) {
    Provider* p = provider(c.provider);
    if (!p || owner_gone(c) || !p->alive(c)) continue;
    if (scan && scanned.insert({c.provider, c.handle}).second) {
      auto h = p->holders(c);
      all.insert(all.end(), h.begin(), h.end());
    }
    if (counted) {
      auto h = counted_holders(c, scan ? &dead : nullptr);
      all.insert(all.end(), h.begin(), h.end());
    }
  }
  if (!dead.empty()) store_remove_handles(dead);
  // npemu's own store files (a share may hold $NPEMU_HOME) are not the user's open files.
  std::string own = home_.root + "/state.";
  std::set<std::pair<std::uint32_t, std::string>> seen;
  all.erase(std::remove_if(all.begin(), all.end(),
                           [&](const Holder& h) {
                             return h.path.compare(0, own.size(), own) == 0 ||
                                    !seen.insert({h.pid, h.path}).second;
                           }),
            all.end());
  if (all.empty()) return Status::success();
  std::string what = conns.front().local.empty() ? conns.front().remote : conns.front().local;
  return Status{WN_OPEN_FILES, what + " has open files: " + describe_holders(all), all};
}

std::optional<Connection> Engine::device_connection(const std::string& local) {
  if (!cache_.worth_reloading(*store_)) return store_->device(local);
  cache_.refresh(*store_);
  const Connection* c = cache_.device(local);
  return c ? std::optional<Connection>(*c) : std::nullopt;
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

std::vector<Holder> Engine::counted_holders(const Connection& c, std::vector<std::int64_t>* dead) {
  std::vector<Holder> out;
  for (const auto& h : store_->handles_of(c.id)) {
    if (!sys::process_alive(h.pid, h.pid_start)) {
      if (dead) dead->push_back(h.id);  // its process died: the handle died with it
      continue;
    }
    std::string path = h.kind == "job" ? "print job " + h.path : h.path;
    out.push_back(Holder{h.pid, sys::program_of(h.pid), path});
  }
  return out;
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

Status Engine::resolve(const std::string& path, Connection* conn, std::string* rel) {
  auto cp = parse_connection_path(path);
  if (!cp) return Status::fail(WN_BAD_NETNAME, "'" + path + "' is not a path on a connection");
  cache_.refresh(*store_);
  if (cp->device) {
    const Connection* c = cache_.device(cp->device->name);
    if (!c) return Status::fail(WN_NOT_CONNECTED, cp->device->name + " is not connected");
    *conn = *c;
    *rel = "";
    for (const auto& p : cp->below) *rel += (rel->empty() ? "" : "/") + p;
    return Status::success();
  }
  std::string key = cp->remote->key();
  const Connection* best = nullptr;
  for (const auto& c : cache_.all())
    if (path_under(key, c.remote_key) && (!best || c.remote_key.size() > best->remote_key.size() ||
                                          (best->local.size() && c.local.empty())))
      best = &c;
  if (!best) return Status::fail(WN_NOT_CONNECTED, "no connection leads to " + path);
  *conn = *best;
  std::string below = cp->remote->unc().substr(best->remote.size());
  std::replace(below.begin(), below.end(), '\\', '/');
  *rel = below.empty() ? "" : below.substr(1);
  return Status::success();
}

Status Engine::with_path(const std::string& path, const PathBody& body) {
  Connection c;
  std::string rel;
  Status st = resolve(path, &c, &rel);
  if (!st.ok()) return st;
  Provider* p = provider(c.provider);
  if (!p || owner_gone(c) || !p->alive(c)) return Status::fail(WN_NOT_CONNECTED, path + ": the connection is gone");
  return body(*p, c, rel);
}

Status Engine::open_counted(const Connection& c, const std::string& what, const std::string& kind,
                            const std::function<Status(std::unique_ptr<OpenFile>*)>& open,
                            std::unique_ptr<File>* out) {
  Status st;
  HandleRow row{0, c.id, sys::self_pid(), sys::start_time(sys::self_pid()), what, kind};
  std::int64_t id = store_->add_handle(row, &st);
  if (!st.ok()) return st;
  cache_.handles_changed(1, store_->bumped_from());
  std::unique_ptr<OpenFile> impl;
  st = open(&impl);
  if (!st.ok()) {
    store_remove_handles({id});
    return st;
  }
  *out = std::make_unique<File>(shared_from_this(), std::move(impl), id, store_->generation());
  return Status::success();
}

Status Engine::open_file(const std::string& path, unsigned mode, std::unique_ptr<File>* out) {
  std::lock_guard<std::mutex> lock(mu_);
  return with_path(path, [&](Provider& p, const Connection& c, const std::string& rel) {
    if (rel.empty()) return Status::fail(WN_BAD_NETNAME, path + " names a share, not a file");
    return open_counted(c, path, "file", [&](std::unique_ptr<OpenFile>* f) { return p.open(c, rel, mode, f); }, out);
  });
}

Status Engine::open_job(const std::string& printer, const std::string& document,
                        std::unique_ptr<File>* out) {
  std::lock_guard<std::mutex> lock(mu_);
  return with_path(printer, [&](Provider& p, const Connection& c, const std::string&) {
    return open_counted(c, printer + " (" + document + ")", "job",
                        [&](std::unique_ptr<OpenFile>* f) { return p.print(c, document, f); }, out);
  });
}

Status Engine::stat(const std::string& path, FileInfo* out) {
  std::lock_guard<std::mutex> lock(mu_);
  return with_path(path, [&](Provider& p, const Connection& c, const std::string& rel) { return p.stat(c, rel, out); });
}

Status Engine::list(const std::string& path, std::vector<FileInfo>* out) {
  std::lock_guard<std::mutex> lock(mu_);
  return with_path(path, [&](Provider& p, const Connection& c, const std::string& rel) { return p.list(c, rel, out); });
}

bool Engine::handle_valid(std::int64_t handle_id, std::uint64_t* seen_generation) {
  std::lock_guard<std::mutex> lock(mu_);
  std::uint64_t g = store_->generation();
  if (g == *seen_generation) return true;
  *seen_generation = g;
  return store_->handle_exists(handle_id);
}

void Engine::release_handle(std::int64_t handle_id) {
  std::lock_guard<std::mutex> lock(mu_);
  store_remove_handles({handle_id});
}

File::File(std::shared_ptr<Engine> engine, std::unique_ptr<OpenFile> impl, std::int64_t handle_id,
           std::uint64_t generation)
    : engine_(std::move(engine)), impl_(std::move(impl)), handle_id_(handle_id), seen_generation_(generation) {}

File::~File() {
  if (impl_) close();
}

Status File::check() {
  if (cancelled_) return Status::fail(WN_NOT_CONNECTED, "the connection of this file was cancelled");
  if (!impl_) return Status::fail(WN_BAD_HANDLE, "the file is closed");
  if (engine_->handle_valid(handle_id_, &seen_generation_)) return Status::success();
  impl_.reset();  // a forced cancel dropped the connection under it
  cancelled_ = true;
  return Status::fail(WN_NOT_CONNECTED, "the connection of this file was cancelled");
}

Status File::read(void* buf, std::size_t n, std::size_t* got) {
  *got = 0;
  Status st = check();
  return st.ok() ? impl_->read(buf, n, got) : st;
}

Status File::write(const void* buf, std::size_t n, std::size_t* put) {
  *put = 0;
  Status st = check();
  return st.ok() ? impl_->write(buf, n, put) : st;
}

Status File::close() {
  Status st = check();
  if (st.ok()) {
    st = impl_->close();
    impl_.reset();
    engine_->release_handle(handle_id_);
  }
  return st;
}

}  // namespace npemu
