// $NPEMU_HOME/npemu.toml: provider order, servers, and each provider's shares.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace npemu {

struct ServerEntry {
  std::string name;     // as written
  std::string address;  // "127.0.0.1"
  int port = 445;
};

struct ShareDir {  // a share served from a directory (local, mount bind)
  std::string unc;   // \\server\share as written in the file
  std::string path;  // the directory
};

struct PrinterSpool {
  std::string unc;
  std::string spool;  // jobs become files here
};

struct SmbOptions {
  int timeout_ms = 5000;  // bound on every libsmbclient call
  int keep_conn_seconds = 60;  // a politely cancelled session stays dormant this long (0: logs off at once)
};

struct StoreOptions {
  // How long a change waits for another process's change to finish before it
  // fails with WN_FUNCTION_BUSY.
  int busy_timeout_ms = 10000;
};

struct Config {
  std::string file;  // the file read, "" when there was none
  std::vector<std::string> providers{"local"};
  std::map<std::string, ServerEntry> servers;      // key: lower-cased server name
  std::map<std::string, ShareDir> local_shares;     // key: lower-cased \\server\share
  std::map<std::string, PrinterSpool> local_printers;
  std::map<std::string, ShareDir> mount_shares;
  SmbOptions smb;
  StoreOptions store;

  const ServerEntry* server(const std::string& name) const;
};

// The known providers, in their default order.
const std::vector<std::string>& known_providers();

// Reads the file (a missing file gives the default config). On a malformed file,
// an unknown key, a bad value or two names that differ only in case: nullopt and
// *error = "FILE:LINE: what is wrong"; when the file is a directory, a dangling link
// or cannot be read: nullopt and *error = "FILE: what is wrong". A relative share
// `path` or printer `spool` is resolved against the file's own directory.
std::optional<Config> load_config(const std::string& file, std::string* error);

}  // namespace npemu
