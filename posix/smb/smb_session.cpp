#include "smb_session.hpp"

#include "smb_watchdog.hpp"

#include "../../core/src/names.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <ctime>
#include <pthread.h>
#include <string.h>

namespace npemu::smb {
namespace {

// Process-wide state, never destroyed: sessions still open at exit may end from
// other static destructors, after these would be gone.
std::mutex& g_smbc_mu = *new std::mutex;  // one libsmbclient call at a time in this process
std::mutex& g_claimed_mu = *new std::mutex;
std::set<SocketId>& g_claimed = *new std::set<SocketId>;  // sockets of live sessions
smbc_add_cached_srv_fn g_add_server = nullptr;  // libsmbclient's cache insert, under g_smbc_mu

std::set<SocketId> claimed_sockets() {
  std::lock_guard<std::mutex> l(g_claimed_mu);
  return g_claimed;
}

void copy_to(char* dst, int len, const std::string& s) {
  if (len <= 0) return;
  std::size_t n = std::min(s.size(), static_cast<std::size_t>(len - 1));
  std::memcpy(dst, s.data(), n);
  dst[n] = '\0';
}

std::string encode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char ch : s) {
    if (std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.' || ch == '~') {
      out += static_cast<char>(ch);
    } else {
      out += '%';
      out += hex[ch >> 4];
      out += hex[ch & 15];
    }
  }
  return out;
}

}  // namespace

NoSigpipe::NoSigpipe() {
  sigset_t pipe, old;
  sigemptyset(&pipe);
  sigaddset(&pipe, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe, &old);
  was_blocked_ = sigismember(&old, SIGPIPE);
  // Unblocked, nothing could be pending for this thread; blocked, one may be the caller's.
  if (was_blocked_) {
    sigset_t pending;
    sigpending(&pending);
    was_pending_ = sigismember(&pending, SIGPIPE);
  }
}

NoSigpipe::~NoSigpipe() {
  sigset_t pipe, pending;
  sigemptyset(&pipe);
  sigaddset(&pipe, SIGPIPE);
  sigpending(&pending);
  if (!was_pending_ && sigismember(&pending, SIGPIPE)) {
    timespec zero{0, 0};
    sigtimedwait(&pipe, nullptr, &zero);
  }
  if (!was_blocked_) pthread_sigmask(SIG_UNBLOCK, &pipe, nullptr);
}

Session::Session(std::string address, int port, int timeout_ms, Credentials creds)
    : address_(std::move(address)), port_(port), timeout_ms_(timeout_ms), creds_(std::move(creds)) {}

Session::~Session() { end(true); }

void Session::auth(SMBCCTX* ctx, const char*, const char*, char* wg, int wglen, char* user,
                   int userlen, char* pw, int pwlen) {
  auto* self = static_cast<Session*>(smbc_getOptionUserData(ctx));
  if (!self) return;
  if (!self->creds_.workgroup.empty()) copy_to(wg, wglen, self->creds_.workgroup);
  copy_to(user, userlen, self->creds_.user);
  copy_to(pw, pwlen, self->creds_.password);
}

// Every new server connection of a context goes into its server cache; the
// hook tells call() that this call connected, so its new socket must be found.
int Session::server_added(SMBCCTX* ctx, SMBCSRV* srv, const char* server, const char* share, const char* workgroup,
                          const char* user) {
  if (auto* self = static_cast<Session*>(smbc_getOptionUserData(ctx))) self->connected_ = true;
  return g_add_server ? g_add_server(ctx, srv, server, share, workgroup, user) : 1;
}

Status Session::start() {
  std::lock_guard<std::mutex> lock(g_smbc_mu);
  ctx_ = smbc_new_context();
  if (!ctx_) return Status::fail(WN_OUT_OF_MEMORY, "libsmbclient could not make a context");
  smbc_setPort(ctx_, port_);
  smbc_setTimeout(ctx_, timeout_ms_);
  smbc_setOptionUseKerberos(ctx_, 0);
  smbc_setOptionFallbackAfterKerberos(ctx_, 1);
  // A named user must log in as that user: no silent fallback to guest.
  smbc_setOptionNoAutoAnonymousLogin(ctx_, creds_.user.empty() ? 0 : 1);
  smbc_setOptionUserData(ctx_, this);
  smbc_setFunctionAuthDataWithContext(ctx_, &Session::auth);
  if (!g_add_server) g_add_server = smbc_getFunctionAddCachedServer(ctx_);  // libsmbclient's own
  smbc_setFunctionAddCachedServer(ctx_, &Session::server_added);
  if (!smbc_init_context(ctx_)) {
    int err = errno;
    smbc_free_context(ctx_, 1);
    ctx_ = nullptr;
    return Status::fail(WN_NO_NETWORK, std::string("libsmbclient could not start: ") + std::strerror(err));
  }
  return Status::success();
}

std::string Session::url(const std::string& share, const std::string& rel) const {
  std::string host = address_.find(':') != std::string::npos ? "[" + address_ + "]" : address_;
  std::string u = "smb://" + host;
  if (share.empty()) return u;
  // Share names are case-insensitive; libsmbclient's cache of tree connects is
  // not: one spelling, so \\files\Public reuses the tree connect of \\files\public.
  u += "/" + encode(ascii_lower(share));
  std::size_t i = 0;
  while (i < rel.size()) {
    std::size_t j = rel.find('/', i);
    if (j == std::string::npos) j = rel.size();
    if (j > i) u += "/" + encode(rel.substr(i, j - i));
    i = j + 1;
  }
  return u;
}

bool Session::call(const std::function<void(SMBCCTX*)>& f, int bound_ms, bool* cut) {
  if (cut) *cut = false;
  std::lock_guard<std::mutex> lock(g_smbc_mu);
  if (ended_ || !ctx_) {
    errno = ENOTCONN;
    return false;
  }
  // Calls are serialized, so a socket to the server's port that no session has
  // claimed yet was opened by this call.
  std::set<SocketId> before = claimed_sockets();
  connected_ = false;
  NoSigpipe guard;
  Watchdog::Bound bound(bound_ms, [this, &before] { cut_sockets(&before); });
  f(ctx_);
  int err = errno;
  if (bound.end() && cut) *cut = true;
  // A call that connected a server went through the server cache (the hook set
  // connected_): only then look for its new socket. A connection outside the
  // cache (a DFS referral's, to this port) stays unclaimed; the watchdog still
  // cuts it, as it looks for every socket opened since the call began.
  if (connected_)
    for (const auto& sock : sockets_to_port(port_))
      if (!before.count(sock)) claim(sock);
  errno = err;
  return true;
}

// Past a call's bound: this session's sockets and any the call opened since
// (a reconnect). before = the claimed sockets when the call began (nullptr: none).
void Session::cut_sockets(const std::set<SocketId>* before) {
  std::set<SocketId> mine;
  {
    std::lock_guard<std::mutex> s(sockets_mu_);
    mine = sockets_;
  }
  if (before)
    for (const auto& sock : sockets_to_port(port_))
      if (!before->count(sock)) mine.insert(sock);
  shutdown_sockets(mine);
}

bool Session::same_login(const std::string& address, int port, int timeout_ms, const Credentials& c) const {
  if (ended_ || address != address_ || port != port_ || timeout_ms != timeout_ms_ ||
      c.workgroup != creds_.workgroup || c.user != creds_.user)
    return false;
  // The password: every byte compared, whatever differs first.
  const std::string& a = c.password;
  const std::string& b = creds_.password;
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ (i < b.size() ? b[i] : 0));
  return diff == 0;
}

void Session::claim(const SocketId& sock) {
  std::lock_guard<std::mutex> g(g_claimed_mu);
  std::lock_guard<std::mutex> l(sockets_mu_);
  g_claimed.insert(sock);
  sockets_.insert(sock);
}

void Session::release_sockets() {
  std::lock_guard<std::mutex> g(g_claimed_mu);
  std::lock_guard<std::mutex> l(sockets_mu_);
  for (const auto& sock : sockets_) g_claimed.erase(sock);
  sockets_.clear();
}

void Session::end(bool force, int bound_ms) {
  if (ended_.exchange(true)) return;
  if (force) {
    std::lock_guard<std::mutex> s(sockets_mu_);
    shutdown_sockets(sockets_);  // breaks a call hanging on a frozen server, without the lock
  }
  std::lock_guard<std::mutex> lock(g_smbc_mu);
  if (ctx_) {
    NoSigpipe guard;
    Watchdog::Bound bound(force ? 0 : bound_ms, [this] { cut_sockets(nullptr); });
    smbc_setOptionUserData(ctx_, nullptr);
    smbc_free_context(ctx_, 1);  // closes its files, tree-disconnects and logs off
    ctx_ = nullptr;
  }
  release_sockets();
  wipe();
}

void Session::wipe() {
  if (!creds_.password.empty()) explicit_bzero(creds_.password.data(), creds_.password.size());
  creds_.password.clear();
}

}  // namespace npemu::smb
