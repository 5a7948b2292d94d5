#include "smb_watchdog.hpp"

#include "../../core/src/sys.hpp"

#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>
#include <unistd.h>

namespace npemu::smb {
namespace {

struct Watch {
  Watchdog::Clock::time_point due;
  std::function<void()> cut;
  bool fired = false;
};

// Never destroyed: a session may end (and disarm) from another static destructor at exit.
struct State {
  std::mutex mu;
  std::condition_variable cv;
  std::map<std::uint64_t, Watch> watches;
  std::uint64_t next = 1;
  pid_t thread_pid = 0;  // the process the thread runs in (a forked child has none)
  Watchdog::Clock::time_point wakes_at = Watchdog::Clock::time_point::min();  // the thread's next wake-up
};
State& g = *new State;

constexpr auto kRecut = std::chrono::milliseconds(20);

void run() {
  std::unique_lock<std::mutex> l(g.mu);
  for (;;) {
    if (g.watches.empty()) {
      // Keep the wake-up the last arm asked for even though its call has ended:
      // calls that follow have later deadlines, so they arm without waking this
      // thread (one wake per bound, not one per call).
      if (Watchdog::Clock::now() < g.wakes_at) {
        g.cv.wait_until(l, g.wakes_at);
      } else {
        g.wakes_at = Watchdog::Clock::time_point::max();
        g.cv.wait(l);
      }
      continue;
    }
    auto earliest = Watchdog::Clock::time_point::max();
    for (const auto& [id, w] : g.watches) earliest = std::min(earliest, w.due);
    auto now = Watchdog::Clock::now();
    if (now < earliest) {
      g.wakes_at = earliest;
      g.cv.wait_until(l, earliest);
      continue;
    }
    // Under the lock, so a disarm waits for a cut in progress.
    for (auto& [id, w] : g.watches) {
      if (w.due > now) continue;
      w.cut();
      w.fired = true;
      w.due = Watchdog::Clock::now() + kRecut;  // a reconnect may open new sockets: cut again
    }
  }
}

}  // namespace

std::uint64_t Watchdog::arm(Clock::time_point deadline, std::function<void()> cut) {
  std::lock_guard<std::mutex> l(g.mu);
  if (g.thread_pid != static_cast<pid_t>(sys::self_pid())) {
    g.watches.clear();  // a parent's watches are not this process's calls
    std::thread(run).detach();
    g.thread_pid = static_cast<pid_t>(sys::self_pid());
    g.wakes_at = Clock::time_point::min();
  }
  std::uint64_t id = g.next++;
  g.watches[id] = Watch{deadline, std::move(cut)};
  // Wake the thread only when it would sleep past this deadline (most calls end
  // long before theirs, so usually no wake-up at all).
  if (deadline < g.wakes_at) {
    g.wakes_at = deadline;
    g.cv.notify_all();
  }
  return id;
}

bool Watchdog::disarm(std::uint64_t ticket) {
  std::lock_guard<std::mutex> l(g.mu);
  auto it = g.watches.find(ticket);
  if (it == g.watches.end()) return false;
  bool fired = it->second.fired;
  g.watches.erase(it);
  return fired;
}

}  // namespace npemu::smb
