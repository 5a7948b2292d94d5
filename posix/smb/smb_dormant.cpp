#include "smb_dormant.hpp"

#include "../../core/src/names.hpp"
#include "../../core/src/sys.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <unistd.h>
#include <vector>

namespace npemu::smb {
namespace {

using Clock = std::chrono::steady_clock;

// Each dormant session is an idle smbd process on the server: a process that
// cancels many connections at once keeps this many, the most recent.
constexpr std::size_t kMaxDormant = 16;

struct Parked {
  std::shared_ptr<Session> session;
  std::string share;  // lower-cased
  Clock::time_point until;
};

// Never destroyed (static destructors at exit): at exit a parked session simply
// goes with the process, like a live one (the server drops the connection).
struct Pool {
  std::mutex mu;
  std::condition_variable cv;
  std::vector<Parked> parked;
  pid_t pid = 0;  // the process the sessions and the reaper belong to
  Clock::time_point reaper_wakes = Clock::time_point::min();  // when the reaper looks next
};
Pool& g = *new Pool;

// Under g.mu. A forked child shares its parent's sockets: it must neither use
// nor log off the parent's sessions, so it forgets them without ending them.
void adopt_pool() {
  if (g.pid == static_cast<pid_t>(sys::self_pid())) return;
  for (auto& p : g.parked) new std::shared_ptr<Session>(std::move(p.session));  // left as they are
  g.parked.clear();
  g.pid = 0;
}

// Under g.mu: takes out the sessions past their time.
std::vector<std::shared_ptr<Session>> take_expired(Clock::time_point now) {
  std::vector<std::shared_ptr<Session>> out;
  for (auto it = g.parked.begin(); it != g.parked.end();) {
    if (it->until <= now) {
      out.push_back(std::move(it->session));
      it = g.parked.erase(it);
    } else {
      ++it;
    }
  }
  return out;
}

// Without g.mu: a polite logoff, cut short past the session's timeout.
void log_off(std::vector<std::shared_ptr<Session>>& sessions) {
  for (auto& s : sessions) s->end(false, s->timeout_ms());
  sessions.clear();
}

void reap(pid_t pid) {
  std::unique_lock<std::mutex> l(g.mu);
  while (g.pid == pid) {
    if (g.parked.empty()) {
      g.reaper_wakes = Clock::time_point::max();
      g.cv.wait(l);
      continue;
    }
    auto earliest = Clock::time_point::max();
    for (const auto& p : g.parked) earliest = std::min(earliest, p.until);
    if (Clock::now() < earliest) {
      g.reaper_wakes = earliest;
      g.cv.wait_until(l, earliest);
      continue;
    }
    auto expired = take_expired(Clock::now());
    l.unlock();
    log_off(expired);
    l.lock();
  }
}

}  // namespace

void park(std::shared_ptr<Session> s, const std::string& share, int keep_seconds) {
  std::vector<std::shared_ptr<Session>> expired;
  {
    std::lock_guard<std::mutex> l(g.mu);
    adopt_pool();
    if (g.pid == 0) {
      g.pid = static_cast<pid_t>(sys::self_pid());
      g.reaper_wakes = Clock::time_point::min();
      std::thread(reap, g.pid).detach();
    }
    auto now = Clock::now();
    expired = take_expired(now);
    while (g.parked.size() >= kMaxDormant) {  // the oldest makes room
      auto oldest = std::min_element(g.parked.begin(), g.parked.end(),
                                     [](const Parked& a, const Parked& b) { return a.until < b.until; });
      expired.push_back(std::move(oldest->session));
      g.parked.erase(oldest);
    }
    auto until = now + std::chrono::seconds(keep_seconds);
    g.parked.push_back(Parked{std::move(s), ascii_lower(share), until});
    if (until < g.reaper_wakes) {  // else the reaper looks before this one expires anyway
      g.reaper_wakes = until;
      g.cv.notify_all();
    }
  }
  log_off(expired);
}

std::shared_ptr<Session> unpark(const std::string& address, int port, int timeout_ms, const Credentials& creds,
                                const std::string& share) {
  std::vector<std::shared_ptr<Session>> expired;
  std::shared_ptr<Session> found;
  {
    std::lock_guard<std::mutex> l(g.mu);
    adopt_pool();
    expired = take_expired(Clock::now());
    std::string key = ascii_lower(share);
    for (auto it = g.parked.begin(); it != g.parked.end(); ++it) {
      if (it->share == key && it->session->same_login(address, port, timeout_ms, creds)) {
        found = std::move(it->session);
        g.parked.erase(it);
        break;
      }
    }
  }
  log_off(expired);
  return found;
}

void end_dormant_sessions() {
  std::vector<std::shared_ptr<Session>> all;
  {
    std::lock_guard<std::mutex> l(g.mu);
    adopt_pool();
    for (auto& p : g.parked) all.push_back(std::move(p.session));
    g.parked.clear();
  }
  log_off(all);
}

std::size_t dormant_count() {
  std::lock_guard<std::mutex> l(g.mu);
  adopt_pool();
  return g.parked.size();
}

}  // namespace npemu::smb
