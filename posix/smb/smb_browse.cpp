// RESOURCE_GLOBALNET below a server: the shares the SMB server itself lists.
// The list is asked anonymously (a guest session on IPC$): enumeration has no
// credentials to give, and a password must not be kept around for it. A server
// that refuses guests answers WN_ACCESS_DENIED and the router keeps the config's list.
#include "smb_errors.hpp"
#include "smb_provider.hpp"
#include "smb_session.hpp"

#include "../../core/src/wn_codes.hpp"

#include <cerrno>
#include <cstring>

namespace npemu::smb {
namespace {

// Shares a user connects to: disk and print shares, not IPC$, comms, or the
// hidden administrative ones whose names end in '$' (Windows' Explorer hides them too).
bool listed(const smbc_dirent& e, DWORD* type) {
  std::string name = e.name;
  if (name.empty() || name.back() == '$') return false;
  if (e.smbc_type == SMBC_FILE_SHARE) *type = RESOURCETYPE_DISK;
  else if (e.smbc_type == SMBC_PRINTER_SHARE) *type = RESOURCETYPE_PRINT;
  else return false;
  return true;
}

}  // namespace

Status SmbProvider::browse(const std::string& server, std::vector<ShareInfo>* out) {
  auto srv = servers_.find(ascii_lower(server));
  if (srv == servers_.end()) return Status::fail(WN_BAD_NETNAME, server + " is not a server in [servers] of npemu.toml");
  const ServerEntry& entry = srv->second;
  std::string where = entry.address + ":" + std::to_string(entry.port);
  Session s(entry.address, entry.port, timeout_ms_, Credentials{});
  Status st = s.start();
  if (!st.ok()) return st;
  std::vector<ShareInfo> found;
  int err = 0;
  bool opened = false, cut = false;
  s.call([&](SMBCCTX* c) {
    SMBCFILE* d = smbc_getFunctionOpendir(c)(c, s.url("").c_str());
    if (!d) {
      err = errno ? errno : EIO;
      return;
    }
    opened = true;
    while (smbc_dirent* e = smbc_getFunctionReaddir(c)(c, d)) {
      DWORD type = RESOURCETYPE_DISK;
      if (listed(*e, &type)) found.push_back({"\\\\" + server + "\\" + e->name, type, e->comment ? e->comment : ""});
    }
    smbc_getFunctionClosedir(c)(c, d);
  }, timeout_ms_, &cut);
  s.end(!opened);  // a server that did not answer gets no polite logoff to wait for
  if (!opened) {
    if (cut || err == ETIMEDOUT)
      return Status::fail(WN_NO_NETWORK, "\\\\" + server + ": the server at " + where + " did not list its shares within " +
                                             std::to_string(timeout_ms_) + " ms");
    if (err == EACCES || err == EPERM)
      return Status::fail(WN_ACCESS_DENIED, "\\\\" + server + ": the server does not list its shares to a guest");
    if (err == ECONNREFUSED)
      return Status::fail(WN_NO_NETWORK, "\\\\" + server + ": nothing accepts SMB connections at " + where);
    return Status::fail(wn_from_errno(err), "\\\\" + server + ": cannot list the shares at " + where + ": " + std::strerror(err));
  }
  *out = std::move(found);
  return Status::success();
}

}  // namespace npemu::smb
