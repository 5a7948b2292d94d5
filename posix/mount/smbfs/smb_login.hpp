// The daemon's one SMB session: a libsmbclient context bound to one share, and the
// login check made before anything is mounted.
#pragma once
#include <libsmbclient.h>

#include <string>

namespace smbfs {

struct LoginSpec {
  std::string address;   // "127.0.0.1"
  int port = 445;
  std::string share;     // "secure"
  std::string rel_path;  // "sub/dir" below the share, or ""
  std::string user;      // "" = guest
  std::string workgroup = "WORKGROUP";
  std::string password;  // from stdin, never argv/env/disk
  int timeout_ms = 5000;
};

// What the login check tells the provider: a WN_* code (0 = ok) and why (the
// provider puts the UNC as the user wrote it in front).
struct LoginResult {
  long code = 0;
  std::string detail;
};

// A context whose every call is bounded by timeout_ms; nullptr on failure.
SMBCCTX* make_context(LoginSpec* spec);
// smb://ADDRESS/SHARE[/REL]: the root of the mounted tree.
std::string share_url(const LoginSpec& spec);
// Connects and opens the share's root directory; maps a refusal as docs/smb.md does.
LoginResult check_login(SMBCCTX* ctx, const LoginSpec& spec);

}  // namespace smbfs
