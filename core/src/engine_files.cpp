// The engine's file API: paths on connections, and the handles counted in the
// store while a file or print job is open.
#include "engine.hpp"

#include "sys.hpp"

#include <algorithm>

namespace npemu {
namespace {

bool path_under(const std::string& key, const std::string& prefix) {
  return key == prefix ||
         (key.size() > prefix.size() && key.compare(0, prefix.size(), prefix) == 0 &&
          key[prefix.size()] == '\\');
}

}  // namespace

Status Engine::resolve(const std::string& path, Connection* conn, std::string* rel) {
  auto cp = parse_connection_path(path);
  if (!cp) return Status::fail(WN_BAD_NETNAME, "'" + path + "' is not a path on a connection");
  std::lock_guard<std::mutex> lock(db_mu_);
  Status st = cache_.refresh(*store_);
  if (!st.ok()) return st;
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
  HandleRow row{0, c.id, sys::self_pid(), sys::start_time(sys::self_pid()), what, kind};
  std::int64_t id = 0;
  Seen seen;
  Status st = write("count handle", [&](Status* out) {
    std::optional<Connection> now;  // still the connection resolved, not one that took its place
    *out = store_->find(c, &now);
    if (out->ok() && !now) *out = Status::fail(WN_NOT_CONNECTED, what + ": the connection was just cancelled");
    if (out->ok()) row.id = id = store_->add_handle(row, out);
    return out->ok();
  }, [&](std::uint64_t v) {
    cache_.handles_changed(1, v);
    seen = Seen{v, own_commits_};
  });
  if (!st.ok()) return st;
  std::unique_ptr<OpenFile> impl;
  st = open(&impl);
  if (!st.ok()) {
    drop_handles({id});
    return st;
  }
  *out = std::make_unique<File>(shared_from_this(), std::move(impl), id, seen);
  return Status::success();
}

Status Engine::open_file(const std::string& path, unsigned mode, std::unique_ptr<File>* out) {
  return with_path(path, [&](Provider& p, const Connection& c, const std::string& rel) {
    if (rel.empty()) return Status::fail(WN_BAD_NETNAME, path + " names a share, not a file");
    return open_counted(c, path, "file", [&](std::unique_ptr<OpenFile>* f) { return p.open(c, rel, mode, f); }, out);
  });
}

Status Engine::open_job(const std::string& printer, const std::string& document,
                        std::unique_ptr<File>* out) {
  return with_path(printer, [&](Provider& p, const Connection& c, const std::string&) {
    return open_counted(c, printer + " (" + document + ")", "job",
                        [&](std::unique_ptr<OpenFile>* f) { return p.print(c, document, f); }, out);
  });
}

Status Engine::stat(const std::string& path, FileInfo* out) {
  return with_path(path, [&](Provider& p, const Connection& c, const std::string& rel) { return p.stat(c, rel, out); });
}

Status Engine::list(const std::string& path, std::vector<FileInfo>* out) {
  return with_path(path, [&](Provider& p, const Connection& c, const std::string& rel) { return p.list(c, rel, out); });
}

bool Engine::handle_valid(std::int64_t handle_id, Seen* seen) {
  std::lock_guard<std::mutex> lock(db_mu_);
  // Nothing committed anywhere since the last look: the handle is still counted.
  // A store that cannot be read says nothing about the file: it stays open.
  Seen now{0, own_commits_};
  if (!store_->version(&now.version).ok()) return true;
  if (now.version == seen->version && now.own == seen->own) return true;
  bool exists = false;
  if (!store_->handle_exists(handle_id, &exists).ok()) return true;
  if (exists) *seen = now;
  return exists;
}

void Engine::release_handle(std::int64_t handle_id) { drop_handles({handle_id}); }

File::File(std::shared_ptr<Engine> engine, std::unique_ptr<OpenFile> impl, std::int64_t handle_id,
           Engine::Seen seen)
    : engine_(std::move(engine)), impl_(std::move(impl)), handle_id_(handle_id), seen_(seen) {}

File::~File() {
  if (impl_) close();
}

Status File::check() {
  if (cancelled_) return Status::fail(WN_NOT_CONNECTED, "the connection of this file was cancelled");
  if (!impl_) return Status::fail(WN_BAD_HANDLE, "the file is closed");
  if (engine_->handle_valid(handle_id_, &seen_)) return Status::success();
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
