// One lock per device (A: to Z:, LPT1: to LPT9:) of one $NPEMU_HOME, shared by its
// threads and its processes. An add holds its device's lock from before the side
// effect (a drive link, a mount) until the row is committed; a cancel from before
// the rows are dropped until the teardown is done. So a link or mount in drives/
// that the store does not know, while nobody holds the lock, is a dead process's
// leftover, safe to clear. A killed holder's lock goes with it.
#pragma once
#include "home.hpp"
#include "names.hpp"
#include "status.hpp"
#include "sys.hpp"

#include <array>
#include <memory>
#include <mutex>

namespace npemu {

class DeviceLocks {
 public:
  static std::unique_ptr<DeviceLocks> open(const Home& home, Status* status);

  // A held lock, released when it goes.
  class Held {
   public:
    Held() = default;
    Held(Held&& o) noexcept : owner_(o.owner_), slot_(o.slot_) { o.owner_ = nullptr; }
    Held& operator=(Held&&) = delete;
    ~Held();

   private:
    friend class DeviceLocks;
    DeviceLocks* owner_ = nullptr;
    unsigned slot_ = 0;
  };

  // Waits at most timeout_ms for dev's lock: WN_FUNCTION_BUSY after that.
  Status hold(const Device& dev, int timeout_ms, Held* out);
  // Takes dev's lock only when nobody holds it.
  bool try_hold(const Device& dev, Held* out);

 private:
  static unsigned slot_of(const Device& dev);

  std::unique_ptr<sys::RangeLocks> ranges_;
  std::array<std::mutex, 35> threads_;  // 26 drives, 9 printer ports
};

}  // namespace npemu
