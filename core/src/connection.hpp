// The connection model shared by the store, the engine and every provider.
#pragma once
#include <npemu/npapi.h>

#include <cstdint>
#include <string>

namespace npemu {

struct Connection {
  std::int64_t id = 0;
  std::string local;       // "Z:", "LPT1:", or "" for a deviceless connection
  std::string remote;      // \\server\share[\path] as connected
  std::string remote_key;  // remote with server and share lower-cased
  std::string provider;    // "local", "mount", "smb"
  DWORD type = RESOURCETYPE_DISK;
  std::string user;
  bool remembered = false;
  std::string handle;            // the backend's own: a link, a mount point, a session
  std::uint32_t owner_pid = 0;   // set when the backend lives in one process
  std::uint64_t owner_start = 0; // that process's start time, against pid reuse
};

// An entry of the remembered profile (Windows' HKCU\Network).
struct ProfileEntry {
  std::string local;
  std::string remote;
  std::string provider;
  DWORD type = RESOURCETYPE_DISK;
  std::string user;
};

// A handle opened through npemu's file API, counted against its connection.
struct HandleRow {
  std::int64_t id = 0;
  std::int64_t connection_id = 0;
  std::uint32_t pid = 0;
  std::uint64_t pid_start = 0;
  std::string path;
  std::string kind;  // "file" or "job"
};

}  // namespace npemu
