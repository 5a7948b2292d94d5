// One libsmbclient context = one deviceless connection (or printer redirection),
// living in the process that made it. Every libsmbclient call of the process goes
// through one lock (libsmbclient contexts are not thread-safe and the socket
// bookkeeping below must see one call at a time); only the forced teardown's
// socket shutdown runs without it, so it can break a call that hangs.
#pragma once
#include "../../core/src/status.hpp"
#include "smb_sockets.hpp"

#include <libsmbclient.h>

#include <atomic>
#include <functional>
#include <mutex>
#include <set>
#include <string>

namespace npemu::smb {

struct Credentials {
  std::string workgroup;  // from DOMAIN\user, else libsmbclient's default
  std::string user;       // "" = anonymous (guest)
  std::string password;   // in memory only; wiped when the session ends
};

class Session {
 public:
  Session(std::string address, int port, int timeout_ms, Credentials creds);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Makes the context. On failure: errno-style status.
  Status start();
  // smb://address/<share>/<rel> with each component percent-encoded, the share
  // lower-cased ("" = the server).
  std::string url(const std::string& share, const std::string& rel = "") const;

  // Runs f(ctx) under the process lock, recording any socket it opens. Returns
  // false (and errno ENOTCONN) when the session has already been torn down.
  // bound_ms > 0: past that time the call's sockets are shut down, so it ends
  // (libsmbclient would otherwise wait once per request and once per reconnect);
  // *cut tells whether that happened.
  bool call(const std::function<void(SMBCCTX*)>& f, int bound_ms = 0, bool* cut = nullptr);
  // Frees the context. force: shuts its sockets down first, so a hung server
  // cannot delay it. Not forced with bound_ms > 0: a polite logoff, but past
  // bound_ms its sockets are shut down. Idempotent. Wipes the password.
  void end(bool force, int bound_ms = 0);
  // Would a connect with these exactly get this session's login? (the password
  // compared in memory, in full)
  bool same_login(const std::string& address, int port, int timeout_ms, const Credentials& c) const;
  bool ended() const { return ended_.load(); }
  int timeout_ms() const { return timeout_ms_; }

 private:
  static void auth(SMBCCTX* ctx, const char* server, const char* share, char* wg, int wglen,
                   char* user, int userlen, char* pw, int pwlen);
  static int server_added(SMBCCTX* ctx, SMBCSRV* srv, const char* server, const char* share,
                          const char* workgroup, const char* user);
  void wipe();
  void claim(const SocketId& sock);
  void cut_sockets(const std::set<SocketId>* before);
  void release_sockets();

  std::string address_;
  int port_;
  int timeout_ms_;
  Credentials creds_;
  SMBCCTX* ctx_ = nullptr;
  std::atomic<bool> ended_{false};
  bool connected_ = false;  // the current call connected a server (under the call lock)
  std::mutex sockets_mu_;
  std::set<SocketId> sockets_;
};

// Blocks SIGPIPE on this thread while alive and swallows one raised meanwhile
// (a write to a socket that was shut down must not kill the program).
class NoSigpipe {
 public:
  NoSigpipe();
  ~NoSigpipe();

 private:
  bool was_pending_ = false;
  bool was_blocked_ = false;
};

}  // namespace npemu::smb
