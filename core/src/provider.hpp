// The one narrow interface every backend implements. The engine offers an add to
// the providers in the configured order; cancel, query and file I/O reach the
// provider recorded for the connection.
#pragma once
#include "connection.hpp"
#include "names.hpp"
#include "status.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace npemu {

struct AddRequest {
  std::optional<Device> device;
  Remote remote;
  DWORD type = RESOURCETYPE_DISK;  // RESOURCETYPE_DISK, _PRINT or _ANY
  std::string user;
  std::string password;  // in memory only, never stored
  DWORD flags = 0;
};

// Open-mode bits of npemu's file API (same values as NPEMU_OPEN_* in npemu.h).
enum : unsigned { kOpenRead = 1, kOpenWrite = 2, kOpenCreate = 4, kOpenTruncate = 8 };

struct FileInfo {
  std::string name;
  std::uint64_t size = 0;
  bool directory = false;
  std::int64_t mtime = 0;  // seconds since the Unix epoch
};

// A file or print job opened through a provider.
class OpenFile {
 public:
  virtual ~OpenFile() = default;
  virtual Status read(void* buf, std::size_t n, std::size_t* got) = 0;
  virtual Status write(const void* buf, std::size_t n, std::size_t* put) = 0;
  virtual Status close() = 0;  // for a print job: submits it
};

// A share or printer a server offers, as a backend that can ask the server reports it.
struct ShareInfo {
  std::string unc;  // \\server\share
  DWORD type = RESOURCETYPE_DISK;
  std::string comment;
};

// The engine calls a provider from several threads at once (for different devices
// and names; never two changes of one device): providers keep their own state safe.
class Provider {
 public:
  virtual ~Provider() = default;
  virtual std::string name() const = 0;

  // Makes the connection and fills made.handle (and owner, for process-bound
  // backends). WN_BAD_NETNAME means "not mine": the engine tries the next provider.
  virtual Status connect(const AddRequest& req, Connection& made) = 0;
  // Does the backend still hold it (link in place, mount present, session owner alive)?
  virtual bool alive(const Connection& c) = 0;
  // Processes holding files or jobs on it (npemu's counted handles are added by the engine).
  virtual std::vector<Holder> holders(const Connection& c) = 0;
  // The holders of each of cs (same order), in one look when the backend can
  // (HolderScans batches the plain cancels of a process); by default one by one.
  virtual std::vector<std::vector<Holder>> holders_of(const std::vector<Connection>& cs);
  // The path on this machine of rel_path ("a/b.txt") on c, as holders() names files;
  // "" when the backend has none (a remote session).
  virtual std::string local_path(const Connection& c, const std::string& rel_path);
  // Tears it down. EBUSY-like refusals → WN_OPEN_FILES, EPERM/EACCES → WN_ACCESS_DENIED.
  virtual Status disconnect(const Connection& c, bool force) = 0;
  // dev's link or mount that no connection in the store owns, found while holding the
  // device's lock: a process died between making it and committing its row, or
  // between dropping the row and tearing it down. Removes it when it is this
  // provider's kind of object; anything else is left.
  virtual void clear_leftover(const Device& dev);

  virtual Status open(const Connection&, const std::string& rel_path, unsigned mode,
                      std::unique_ptr<OpenFile>* out);
  virtual Status print(const Connection&, const std::string& document,
                       std::unique_ptr<OpenFile>* out);
  virtual Status stat(const Connection&, const std::string& rel_path, FileInfo* out);
  virtual Status list(const Connection&, const std::string& rel_path, std::vector<FileInfo>* out);
  // RESOURCE_GLOBALNET: the shares `server` ("files") offers, asked of the server itself
  // (smb). Default WN_NOT_SUPPORTED: the router then lists the shares of the config only.
  virtual Status browse(const std::string& server, std::vector<ShareInfo>* out);
};

}  // namespace npemu
