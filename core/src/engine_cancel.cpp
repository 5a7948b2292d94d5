// The engine's cancel: NPCancelConnection's rules (devices, remote names, open
// files, forced teardown), over the store and the providers.
//
// Order (docs/decisions.md, "A change and its side effect"): the holder scan, then
// one transaction that finds the rows again (the same connections, not just the
// same ids), checks the counted handles and drops the rows; then, after the commit,
// the providers' teardown. A commit that fails has torn nothing down; a crash after
// it leaves a link or mount the store does not know, which the next add of that
// device or the next start clears; a teardown a provider refuses puts the rows back.
#include "engine.hpp"

#include "sys.hpp"
#include "test_point.hpp"

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
  DeviceLocks::Held held;
  Status st = devices_->hold(dev, config_.store.busy_timeout_ms, &held);
  if (!st.ok()) return st;
  std::optional<Connection> c;
  st = device_connection(dev.name, &c);
  if (!st.ok()) return st;
  if (!c) {
    clear_leftover(dev, true);  // what a crash left there is not a connection, and goes
    return Status::fail(WN_NOT_CONNECTED, dev.name + " is not connected");
  }
  std::string forget = dev.name;
  return teardown({*c}, force, update_profile ? &forget : nullptr);
}

Status Engine::cancel_remote(const Remote& r, bool force) {
  std::vector<Connection> conns;
  Status st = deviceless_connections(r.key(), &conns);
  if (!st.ok()) return st;
  if (conns.empty()) return Status::fail(WN_NOT_CONNECTED, r.unc() + " has no deviceless connection");
  return teardown(conns, force, nullptr);
}

Status Engine::teardown(const std::vector<Connection>& conns, bool force, const std::string* forget) {
  if (!force) {
    Status st = refuse_if_held(conns);
    if (!st.ok()) return st;
  }
  test_point("cancel.after_scan");
  // A connection its backend lost holds nothing (asked here, outside the store's lock:
  // a mount table read is not short).
  std::set<std::int64_t> lost;
  if (!force)
    for (const auto& c : conns)
      if (!live(c)) lost.insert(c.id);
  std::vector<Connection> now;  // as the store has them now: another process may have dropped some
  std::optional<ProfileEntry> entry;  // what forget drops, to put back if the teardown is refused
  std::vector<std::int64_t> ids;
  Status st = write("drop connection", [&](Status* out) {
    for (const auto& c : conns) {
      std::optional<Connection> row;
      *out = store_->find(c, &row);
      if (!out->ok()) return false;
      if (row) now.push_back(*row);
    }
    if (now.empty()) {
      const Connection& c = conns.front();
      *out = Status::fail(WN_NOT_CONNECTED, (c.local.empty() ? c.remote : c.local) +
                                                " was just cancelled by another program");
      return false;
    }
    if (!force) {
      std::vector<Connection> held;
      for (const auto& c : now)
        if (!lost.count(c.id)) held.push_back(c);
      *out = refuse_if_counted(held);
      if (!out->ok()) return false;
    }
    if (forget) {
      *out = store_->remembered(*forget, &entry);
      if (!out->ok()) return false;
    }
    for (const auto& c : now) ids.push_back(c.id);
    *out = store_->remove(ids, forget);
    test_point("cancel.before_commit");
    return out->ok();
  }, [&](std::uint64_t v) { cache_.removed(ids, v); });
  if (!st.ok()) return st;
  test_point("cancel.after_commit");
  std::vector<Connection> refused;
  Status why;
  for (const auto& c : now) {
    if (!c.local.empty()) {
      // The device lock keeps anyone else from connecting it again before this
      // teardown, unless state.locks was deleted meanwhile: then whoever did now
      // owns what is at drives/, and it is not this cancel's to remove.
      std::optional<Connection> again;
      if (device_connection(c.local, &again).ok() && again && again->id != c.id) continue;
    }
    Provider* p = provider(c.provider);
    Status torn = p ? p->disconnect(c, force) : Status::success();  // no provider: nothing to tear down
    if (torn.ok()) continue;
    refused.push_back(c);
    if (why.ok()) why = torn;
  }
  test_point("cancel.after_teardown");
  if (refused.empty()) return Status::success();
  // What was torn down is gone; the refused ones stay as they were.
  bool device_refused = forget && std::any_of(refused.begin(), refused.end(),
                                              [&](const Connection& c) { return c.local == *forget; });
  Status put = restore(refused, device_refused ? entry : std::nullopt);
  if (!put.ok()) why.detail += "; and it could not be recorded again: " + put.detail;
  return why;
}

Status Engine::restore(const std::vector<Connection>& conns, const std::optional<ProfileEntry>& entry) {
  // The rows were dropped a moment ago, so the store was free then; a put-back that
  // finds it held waits several busy timeouts (the device stays locked meanwhile)
  // before it gives up, as a refused cancel must change nothing.
  Status st;
  for (int tries = 0; tries < 6; ++tries) {
    st = put_back(conns, entry);
    if (st.code != WN_FUNCTION_BUSY) break;
  }
  return st;
}

Status Engine::put_back(const std::vector<Connection>& conns, const std::optional<ProfileEntry>& entry) {
  std::vector<Connection> back = conns;
  return write("put back connection", [&](Status* out) {
    for (auto& c : back) {
      *out = store_->insert(c, nullptr);  // under its own id: handles and files still name it
      if (!out->ok()) return false;
    }
    if (entry) *out = store_->remember(*entry);
    return out->ok();
  }, [&](std::uint64_t v) {
    for (const auto& c : back) cache_.inserted(c, v);
  });
}

Status Engine::open_files_status(const std::vector<Connection>& conns, std::vector<Holder> all) {
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

Status Engine::refuse_if_held(const std::vector<Connection>& conns) {
  std::vector<Holder> scanned_holders, counted_holders_all;
  std::vector<std::int64_t> dead;
  bool counted = true;
  {
    std::lock_guard<std::mutex> lock(db_mu_);  // the cache may say no handle exists anywhere
    counted = !cache_.refresh_if_cheap(*store_) || cache_.any_handles();
  }
  std::set<std::pair<std::string, std::string>> scanned;  // many connections, one share: one scan
  for (const auto& c : conns) {
    if (!live(c)) continue;
    if (scanned.insert({c.provider, c.handle}).second) {
      auto h = scans_.holders(*provider(c.provider), c);
      scanned_holders.insert(scanned_holders.end(), h.begin(), h.end());
    }
    if (counted) {
      std::vector<Holder> h;
      Status st;
      {
        std::lock_guard<std::mutex> lock(db_mu_);
        st = counted_holders(c, &h, &dead);
      }
      if (!st.ok()) return st;
      // A file opened through the file API is also an open file the scan finds:
      // one holder, one entry, by the name the program opened it with (Z:\\a.txt).
      std::set<std::pair<std::uint32_t, std::string>> opened;
      for (const auto& one : h) opened.insert({one.pid, scanned_path(c, one.path)});
      scanned_holders.erase(std::remove_if(scanned_holders.begin(), scanned_holders.end(),
                                           [&](const Holder& s) { return opened.count({s.pid, s.path}) != 0; }),
                            scanned_holders.end());
      counted_holders_all.insert(counted_holders_all.end(), h.begin(), h.end());
    }
  }
  if (!dead.empty()) drop_handles(dead);
  scanned_holders.insert(scanned_holders.end(), counted_holders_all.begin(), counted_holders_all.end());
  return open_files_status(conns, std::move(scanned_holders));
}

std::string Engine::scanned_path(const Connection& c, const std::string& api_path) {
  auto cp = parse_connection_path(api_path);
  Provider* p = provider(c.provider);
  if (!cp || !p) return "";
  std::string rel;
  if (cp->device) {
    for (const auto& part : cp->below) rel += (rel.empty() ? "" : "/") + part;
  } else {
    std::string unc = cp->remote->unc();
    if (unc.size() < c.remote.size()) return "";
    rel = unc.substr(c.remote.size());
    std::replace(rel.begin(), rel.end(), '\\', '/');
    if (!rel.empty() && rel.front() == '/') rel.erase(0, 1);
  }
  return p->local_path(c, rel);
}

Status Engine::refuse_if_counted(const std::vector<Connection>& conns) {
  if (conns.empty()) return Status::success();
  std::vector<Holder> all;
  for (const auto& c : conns) {
    std::vector<Holder> h;
    Status st = counted_holders(c, &h, nullptr);
    if (!st.ok()) return st;
    all.insert(all.end(), h.begin(), h.end());
  }
  return open_files_status(conns, std::move(all));
}

Status Engine::counted_holders(const Connection& c, std::vector<Holder>* out, std::vector<std::int64_t>* dead) {
  std::vector<HandleRow> rows;
  Status st = store_->handles_of(c.id, &rows);
  if (!st.ok()) return st;
  for (const auto& h : rows) {
    if (!sys::process_alive(h.pid, h.pid_start)) {
      if (dead) dead->push_back(h.id);  // its process died: the handle died with it
      continue;
    }
    std::string path = h.kind == "job" ? "print job " + h.path : h.path;
    out->push_back(Holder{h.pid, sys::program_of(h.pid), path});
  }
  return Status::success();
}

}  // namespace npemu
