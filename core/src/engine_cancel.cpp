// The engine's cancel: NPCancelConnection's rules (devices, remote names, open
// files, forced teardown), over the store and the providers.
#include "engine.hpp"

#include "sys.hpp"

#include <algorithm>
#include <set>

namespace npemu {

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
  auto conns = deviceless_connections(r.key());
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
    counted = !cache_.refresh_if_cheap(*store_) || cache_.any_handles();
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

}  // namespace npemu
