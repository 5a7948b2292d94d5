// The one internal interface between the core and a platform (posix/, win32/),
// as libuv's src/unix and src/win implement uv-common.h. The core calls only this.
#pragma once
#include "config.hpp"
#include "home.hpp"
#include "names.hpp"
#include "status.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace npemu {
class Provider;
}

namespace npemu::sys {

std::uint32_t self_pid();
// A process's start time (clock ticks since boot on Linux): with the pid, it names
// one process for good. 0 when the process is gone, which includes one that has
// exited and is not yet reaped (a zombie; on Windows, an exited process whose
// object is still open).
std::uint64_t start_time(std::uint32_t pid);
inline bool process_alive(std::uint32_t pid, std::uint64_t start) {
  return pid != 0 && start != 0 && start_time(pid) == start;
}

// Processes whose open files, cwd, root, executable or memory maps lie under one
// of the canonical directories. Processes that cannot be read are skipped.
std::vector<Holder> holders_under(const std::vector<std::string>& dirs);
// The short program name of a process ("tail"), "?" when unknown.
std::string program_of(std::uint32_t pid);

std::string default_home();
// An environment variable as UTF-8 ("" when unset). Windows keeps the environment in
// UTF-16; getenv would hand back the ANSI code page's bytes.
std::string env(const char* name);

// Byte-range locks in one file, shared by every process of one $NPEMU_HOME
// (POSIX: open file description locks; Windows: LockFileEx). A process's locks go
// when it dies, however it dies. Threads of one process do not exclude each other
// through them: the core's DeviceLocks adds a mutex per range.
class RangeLocks {
 public:
  virtual ~RangeLocks() = default;
  // Takes range `slot` (one byte at that offset) without waiting; false when another
  // process holds it, or the lock could not be asked for.
  virtual bool try_lock(unsigned slot) = 0;
  virtual void unlock(unsigned slot) = 0;
};
std::unique_ptr<RangeLocks> open_range_locks(const std::string& file, std::string* error);

// Makes a drive letter lead to target for every program of the user
// (POSIX: the symlink $NPEMU_HOME/drives/Z; Windows: a DOS device).
Status attach_drive(const Home& home, const Device& dev, const std::string& target);
Status detach_drive(const Home& home, const Device& dev);
// Where the drive leads now; nullopt when it leads nowhere.
std::optional<std::string> drive_target(const Home& home, const Device& dev);

// The providers this platform adds beside the core's own `local`.
std::vector<std::unique_ptr<Provider>> platform_providers(const Config& config, const Home& home);

}  // namespace npemu::sys
