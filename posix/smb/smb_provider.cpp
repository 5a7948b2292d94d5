#include "smb_provider.hpp"

#include "../../core/src/sys.hpp"
#include "smb_dormant.hpp"
#include "smb_errors.hpp"
#include "smb_file.hpp"
#include "smb_session.hpp"

#include <atomic>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <mutex>
#include <string.h>
#include <unordered_map>

namespace npemu::smb {
namespace {

// The sessions of this process, by Connection::handle. Process-wide, so that an
// engine remade for another NPEMU_HOME or after npemu_reload finds them. Never
// destroyed: at exit the process's sessions simply go with it (the server drops them).
std::mutex& g_sessions_mu = *new std::mutex;
auto& g_sessions = *new std::unordered_map<std::string, std::shared_ptr<Session>>;
std::atomic<std::uint64_t> g_next_session{1};

std::shared_ptr<Session> find_session(const std::string& handle) {
  std::lock_guard<std::mutex> lock(g_sessions_mu);
  auto it = g_sessions.find(handle);
  return it == g_sessions.end() ? nullptr : it->second;
}

std::shared_ptr<Session> take_session(const std::string& handle) {
  std::lock_guard<std::mutex> lock(g_sessions_mu);
  auto it = g_sessions.find(handle);
  if (it == g_sessions.end()) return nullptr;
  auto s = it->second;
  g_sessions.erase(it);
  return s;
}

// sys::start_time keeps this process's own: no /proc read per call.
bool owned_here(const Connection& c) {
  return c.owner_pid == sys::self_pid() && c.owner_start == sys::start_time(c.owner_pid);
}

Credentials credentials_of(const AddRequest& req) {
  Credentials cr;
  std::size_t sep = req.user.find_first_of("\\/");
  if (sep != std::string::npos) {
    cr.workgroup = req.user.substr(0, sep);
    cr.user = req.user.substr(sep + 1);
  } else {
    cr.user = req.user;
  }
  cr.password = req.password;
  return cr;
}

// Is `share` a print share of the server (its share list, through IPC$)?
// *err: errno when the list itself could not be read.
bool is_print_share(Session& s, const std::string& share, bool* found, int* err) {
  *found = false;
  *err = 0;
  bool printer = false;
  std::string want = ascii_lower(share);
  s.call([&](SMBCCTX* c) {
    SMBCFILE* d = smbc_getFunctionOpendir(c)(c, s.url("").c_str());
    if (!d) {
      *err = errno;
      return;
    }
    while (smbc_dirent* e = smbc_getFunctionReaddir(c)(c, d)) {
      if (ascii_lower(e->name) != want) continue;
      *found = true;
      printer = e->smbc_type == SMBC_PRINTER_SHARE;
    }
    smbc_getFunctionClosedir(c)(c, d);
  });
  return printer;
}

// The same credentials on the server's share list: refused there too → bad password.
bool credentials_refused(Session& s) {
  bool refused = false;
  s.call([&](SMBCCTX* c) {
    SMBCFILE* d = smbc_getFunctionOpendir(c)(c, s.url("").c_str());
    if (d) {
      smbc_getFunctionClosedir(c)(c, d);
    } else {
      refused = errno == EACCES || errno == EPERM;
    }
  });
  return refused;
}

}  // namespace

SmbProvider::SmbProvider(const Config& config)
    : servers_(config.servers), timeout_ms_(config.smb.timeout_ms), keep_conn_seconds_(config.smb.keep_conn_seconds) {}

Status SmbProvider::connect(const AddRequest& req, Connection& made) {
  const std::string unc = req.remote.unc();
  bool to_printer = req.device && req.device->kind == Device::Kind::Printer;
  if (req.device && !to_printer)
    return Status::fail(WN_BAD_NETNAME, unc + ": the smb provider takes no drive letters (the mount provider does)");
  auto srv = servers_.find(ascii_lower(req.remote.server));
  if (srv == servers_.end())
    return Status::fail(WN_BAD_NETNAME, req.remote.server + " is not a server in [servers] of npemu.toml");
  const ServerEntry& server = srv->second;
  bool want_printer = to_printer || req.type == RESOURCETYPE_PRINT;
  if (want_printer && !req.remote.path.empty())
    return Status::fail(WN_BAD_NETNAME, unc + ": a printer has no paths below it");

  Credentials creds = credentials_of(req);
  std::shared_ptr<Session> session;
  Status st;
  if (want_printer) {
    st = connect_printer(req, server, creds, &session);
  } else {
    // A dormant session with exactly this login first; if its check fails (the
    // server restarted, the connection dropped) it ends and a fresh one is tried,
    // so a stale dormant session never shows up as an error.
    if (keep_conn_seconds_ > 0) session = unpark(server.address, server.port, timeout_ms_, creds, req.remote.share);
    if (session) {
      st = check_share(req, server, session);
      if (!st.ok()) session.reset();
    }
    if (!session) st = connect_disk(req, server, creds, &session);
  }
  explicit_bzero(creds.password.data(), creds.password.size());
  if (!st.ok()) return st;
  made.type = want_printer ? RESOURCETYPE_PRINT : RESOURCETYPE_DISK;
  made.owner_pid = sys::self_pid();
  made.owner_start = sys::start_time(made.owner_pid);
  made.handle = "smb-session:" + std::to_string(made.owner_pid) + ":" + std::to_string(g_next_session++);
  std::lock_guard<std::mutex> lock(g_sessions_mu);
  g_sessions[made.handle] = std::move(session);
  return Status::success();
}

Status SmbProvider::fresh_session(const ServerEntry& server, const Credentials& creds,
                                  std::shared_ptr<Session>* out) {
  *out = std::make_shared<Session>(server.address, server.port, timeout_ms_, creds);
  Status st = (*out)->start();
  if (!st.ok()) out->reset();
  return st;
}

// The share (and the directory below it) opens through the session; on failure
// the session is ended and the error is the connect's.
Status SmbProvider::check_share(const AddRequest& req, const ServerEntry& server,
                                const std::shared_ptr<Session>& session) {
  int err = 0;
  bool ok = false;
  session->call([&](SMBCCTX* c) {
    SMBCFILE* d = smbc_getFunctionOpendir(c)(c, session->url(req.remote.share, req.remote.rel_path()).c_str());
    if (d) {
      ok = true;
      smbc_getFunctionClosedir(c)(c, d);
    } else {
      err = errno ? errno : EIO;
    }
  });
  if (ok) return Status::success();
  Status st = connect_failed(err, req, server, *session);
  session->end(true);
  return st;
}

// A connect's errno as its WN error; EACCES is told apart (bad password or a
// share refusing the user) by asking the server's share list with the same login.
Status SmbProvider::connect_failed(int err, const AddRequest& req, const ServerEntry& server, Session& session) {
  bool refused = (err == EACCES || err == EPERM) && credentials_refused(session);
  return connect_error(err, req.remote.unc(), server.address, server.port, timeout_ms_, refused);
}

Status SmbProvider::connect_disk(const AddRequest& req, const ServerEntry& server, const Credentials& creds,
                                 std::shared_ptr<Session>* out) {
  Status st = fresh_session(server, creds, out);
  if (!st.ok()) return st;
  st = check_share(req, server, *out);
  if (!st.ok()) out->reset();
  return st;
}

Status SmbProvider::connect_printer(const AddRequest& req, const ServerEntry& server, const Credentials& creds,
                                    std::shared_ptr<Session>* out) {
  Status st = fresh_session(server, creds, out);
  if (!st.ok()) return st;
  Session& session = **out;
  bool found = false;
  int err = 0;
  bool printer = is_print_share(session, req.remote.share, &found, &err);
  if (!err && !found) err = ENOENT;
  if (!err && printer) return Status::success();
  st = err ? connect_failed(err, req, server, session)
           : Status::fail(WN_BAD_DEV_TYPE, req.remote.share_unc() + " is not a print share");
  session.end(true);
  out->reset();
  return st;
}

bool SmbProvider::alive(const Connection& c) {
  // Another process's session is alive while that process is (the engine checks
  // owner_pid/owner_start); ours is alive while we hold it.
  if (!owned_here(c)) return true;
  auto s = find_session(c.handle);
  return s && !s->ended();
}

std::vector<Holder> SmbProvider::holders(const Connection&) {
  return {};  // a session has no open files beside npemu's counted handles
}

Status SmbProvider::disconnect(const Connection& c, bool force) {
  // A session of another (live) process cannot be reached from here: the store
  // entry goes, and that process's next I/O on it fails (its handles are gone).
  if (!owned_here(c)) return Status::success();
  auto s = find_session(c.handle);
  if (!s) return Status::success();
  auto r = parse_remote(c.remote);
  bool answered = false;
  if (!force) {
    // A polite logoff waits on the server twice; ask once first, bounded by the
    // timeout, and keep everything when it does not answer.
    struct stat st {};
    int rc = -1, err = 0;
    bool cut = false;
    s->call([&](SMBCCTX* x) {
      rc = smbc_getFunctionStat(x)(x, s->url(r ? r->share : "", r ? r->rel_path() : "").c_str(), &st);
      err = errno;
    }, timeout_ms_, &cut);
    if (rc != 0 && (cut || err == ETIMEDOUT))
      return Status::fail(WN_NO_NETWORK, c.remote + ": the server did not answer within " +
                                             std::to_string(timeout_ms_) +
                                             " ms; nothing was changed (a forced cancel drops it)");
    answered = rc == 0;
  }
  take_session(c.handle);
  // The server answered the probe: a disk session goes dormant instead of
  // logging off, ready for the next connect with the same login (KeepConn).
  if (!force && answered && keep_conn_seconds_ > 0 && c.type != RESOURCETYPE_PRINT && r) {
    park(std::move(s), r->share, keep_conn_seconds_);
    return Status::success();
  }
  s->end(force);
  return Status::success();
}

Status SmbProvider::session_of(const Connection& c, std::shared_ptr<Session>* out) {
  if (!owned_here(c))
    return Status::fail(WN_NOT_CONNECTED, c.remote + ": its SMB session lives in process " +
                                              std::to_string(c.owner_pid) + ", not in this one");
  *out = find_session(c.handle);
  if (!*out || (*out)->ended()) return Status::fail(WN_NOT_CONNECTED, c.remote + ": the session is gone");
  return Status::success();
}

std::string SmbProvider::rel_of(const Connection& c, const std::string& rel) const {
  auto r = parse_remote(c.remote);
  std::string base = r ? r->rel_path() : "";
  if (base.empty()) return rel;
  return rel.empty() ? base : base + "/" + rel;
}

Status SmbProvider::open(const Connection& c, const std::string& rel_path, unsigned mode,
                         std::unique_ptr<OpenFile>* out) {
  if (c.type == RESOURCETYPE_PRINT) return Status::fail(WN_BAD_DEV_TYPE, c.remote + " is a printer: use a print job");
  std::shared_ptr<Session> s;
  Status st = session_of(c, &s);
  if (!st.ok()) return st;
  int flags = (mode & kOpenWrite) ? ((mode & kOpenRead) ? O_RDWR : O_WRONLY) : O_RDONLY;
  if (mode & kOpenCreate) flags |= O_CREAT;
  if (mode & kOpenTruncate) flags |= O_TRUNC;
  auto r = parse_remote(c.remote);
  std::string url = s->url(r ? r->share : "", rel_of(c, rel_path));
  SMBCFILE* fh = nullptr;
  int err = 0;
  s->call([&](SMBCCTX* x) {
    fh = smbc_getFunctionOpen(x)(x, url.c_str(), flags, 0644);
    err = errno;
  });
  std::string what = c.remote + "\\" + rel_path;
  if (!fh) return file_error(err ? err : ENOTCONN, what);
  *out = std::make_unique<SmbFile>(s, fh, what);
  return Status::success();
}

Status SmbProvider::print(const Connection& c, const std::string& document, std::unique_ptr<OpenFile>* out) {
  if (c.type != RESOURCETYPE_PRINT) return Status::fail(WN_BAD_DEV_TYPE, c.remote + " is not a printer");
  std::shared_ptr<Session> s;
  Status st = session_of(c, &s);
  if (!st.ok()) return st;
  auto r = parse_remote(c.remote);
  std::string doc = document.empty() ? "npemu job" : document;
  std::string url = s->url(r ? r->share : "", doc);
  SMBCFILE* fh = nullptr;
  int err = 0;
  s->call([&](SMBCCTX* x) {
    fh = smbc_getFunctionOpenPrintJob(x)(x, url.c_str());
    err = errno;
  });
  std::string what = c.remote + " (" + doc + ")";
  if (!fh) return file_error(err ? err : ENOTCONN, what);
  *out = std::make_unique<SmbFile>(s, fh, what);
  return Status::success();
}

Status SmbProvider::stat(const Connection& c, const std::string& rel_path, FileInfo* out) {
  std::shared_ptr<Session> s;
  Status st = session_of(c, &s);
  if (!st.ok()) return st;
  auto r = parse_remote(c.remote);
  std::string rel = rel_of(c, rel_path);
  struct stat sb {};
  int rc = -1, err = 0;
  s->call([&](SMBCCTX* x) {
    rc = smbc_getFunctionStat(x)(x, s->url(r ? r->share : "", rel).c_str(), &sb);
    err = errno;
  });
  if (rc != 0) return file_error(err ? err : ENOTCONN, c.remote + "\\" + rel_path);
  out->name = rel.substr(rel.find_last_of('/') == std::string::npos ? 0 : rel.find_last_of('/') + 1);
  out->size = static_cast<std::uint64_t>(sb.st_size);
  out->directory = S_ISDIR(sb.st_mode);
  out->mtime = sb.st_mtime;
  return Status::success();
}

Status SmbProvider::list(const Connection& c, const std::string& rel_path, std::vector<FileInfo>* out) {
  std::shared_ptr<Session> s;
  Status st = session_of(c, &s);
  if (!st.ok()) return st;
  auto r = parse_remote(c.remote);
  std::string url = s->url(r ? r->share : "", rel_of(c, rel_path));
  int err = 0;
  bool opened = false;
  out->clear();
  s->call([&](SMBCCTX* x) {
    SMBCFILE* d = smbc_getFunctionOpendir(x)(x, url.c_str());
    if (!d) {
      err = errno;
      return;
    }
    opened = true;
    struct stat sb {};
    while (const libsmb_file_info* e = smbc_getFunctionReaddirPlus2(x)(x, d, &sb)) {
      std::string n = e->name ? e->name : "";
      if (n == "." || n == "..") continue;
      out->push_back(FileInfo{n, e->size, S_ISDIR(sb.st_mode), static_cast<std::int64_t>(e->mtime_ts.tv_sec)});
    }
    smbc_getFunctionClosedir(x)(x, d);
  });
  if (!opened) return file_error(err ? err : ENOTCONN, c.remote + "\\" + rel_path);
  return Status::success();
}

}  // namespace npemu::smb
