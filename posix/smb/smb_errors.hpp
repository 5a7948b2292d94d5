// libsmbclient's errno → WN_* (see docs/smb.md for the table and the reasons).
#pragma once
#include "../../core/src/status.hpp"

#include <string>

namespace npemu::smb {

// A failed file operation: the core's one errno mapping, with the path and cause.
Status file_error(int err, const std::string& what);
// A failed connect. credentials_refused: the same credentials were also refused on
// the server's share list (IPC$), so EACCES means a bad password, not a closed share.
Status connect_error(int err, const std::string& unc, const std::string& server, int port,
                     int timeout_ms, bool credentials_refused);

}  // namespace npemu::smb
