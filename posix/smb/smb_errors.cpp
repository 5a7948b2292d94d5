#include "smb_errors.hpp"

#include "../../core/src/wn_codes.hpp"

#include <cerrno>
#include <cstring>

namespace npemu::smb {

Status file_error(int err, const std::string& what) {
  DWORD code = err == ENOTCONN ? WN_NOT_CONNECTED : wn_from_errno(err);
  return Status::fail(code, what + ": " + std::strerror(err));
}

Status connect_error(int err, const std::string& unc, const std::string& server, int port,
                     int timeout_ms, bool credentials_refused) {
  std::string where = server + ":" + std::to_string(port);
  switch (err) {
    case EACCES:
    case EPERM:
      if (credentials_refused)
        return Status::fail(WN_BAD_PASSWORD, unc + ": the server refused the user name or password");
      return Status::fail(WN_ACCESS_DENIED, unc + ": the server refused access to the share for this user");
    case ENOENT:
    case ENODEV:
    case ENOTDIR:
      return Status::fail(WN_BAD_NETNAME, unc + ": the server has no such share or directory");
    case ETIMEDOUT:
      return Status::fail(WN_NO_NETWORK, unc + ": the server at " + where + " did not answer within " +
                                             std::to_string(timeout_ms) + " ms");
    case ECONNREFUSED:
      return Status::fail(WN_NO_NETWORK, unc + ": nothing accepts SMB connections at " + where);
    default:
      return Status::fail(wn_from_errno(err), unc + ": cannot reach the share at " + where + ": " +
                                                  std::strerror(err));
  }
}

}  // namespace npemu::smb
