// One long-lived thread per process that bounds libsmbclient calls: a call arms
// a deadline with a cut action (shut the session's sockets down); past the
// deadline the action runs, and again every 20 ms, until the call disarms it.
// One thread instead of one per call: arming and disarming is a lock and a
// notify, not a thread start and join.
#pragma once
#include <chrono>
#include <cstdint>
#include <functional>

namespace npemu::smb {

class Watchdog {
 public:
  using Clock = std::chrono::steady_clock;
  // `cut` runs on the watchdog thread, with no libsmbclient lock held.
  static std::uint64_t arm(Clock::time_point deadline, std::function<void()> cut);
  // After disarm returns, `cut` is not running and never runs again. Returns
  // whether it ran at least once.
  static bool disarm(std::uint64_t ticket);
};

}  // namespace npemu::smb
