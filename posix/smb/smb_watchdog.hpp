// One long-lived thread per process that bounds libsmbclient calls: a call arms
// a deadline with a cut action (shut the session's sockets down); past the
// deadline the action runs, and again every 20 ms, until the call disarms it.
// One thread instead of one per call: arming and disarming is a lock and a
// notify, not a thread start and join.
#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <utility>

namespace npemu::smb {

class Watchdog {
 public:
  using Clock = std::chrono::steady_clock;
  // `cut` runs on the watchdog thread, with no libsmbclient lock held.
  static std::uint64_t arm(Clock::time_point deadline, std::function<void()> cut);
  // After disarm returns, `cut` is not running and never runs again. Returns
  // whether it ran at least once.
  static bool disarm(std::uint64_t ticket);

  // One bounded stretch of work: armed for bound_ms from now (not at all when
  // bound_ms <= 0), disarmed by end() or at the latest when it goes out of scope.
  class Bound {
   public:
    Bound(int bound_ms, std::function<void()> cut)
        : ticket_(bound_ms > 0 ? arm(Clock::now() + std::chrono::milliseconds(bound_ms), std::move(cut)) : 0) {}
    ~Bound() { end(); }
    Bound(const Bound&) = delete;
    Bound& operator=(const Bound&) = delete;
    // Disarms; whether `cut` ran.
    bool end() {
      bool fired = ticket_ && disarm(ticket_);
      ticket_ = 0;
      return fired;
    }

   private:
    std::uint64_t ticket_;
  };
};

}  // namespace npemu::smb
