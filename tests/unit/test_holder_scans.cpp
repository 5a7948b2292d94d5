// Plain cancels of one share share a holder scan, but never one that started
// before they asked (core/src/holder_scans.*).
#include <doctest/doctest.h>

#include "../../core/src/holder_scans.hpp"

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

TEST_CASE("holder scans: calls during a scan share the next one, which started after each of them") {
  npemu::HolderScans scans;
  std::atomic<int> started{0}, running{0}, most{0};
  auto scan = [&] {
    int n = ++started;
    most = std::max(most.load(), ++running);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    --running;
    return std::vector<npemu::Holder>{npemu::Holder{static_cast<std::uint32_t>(n), "scan", "x"}};
  };
  constexpr int kThreads = 16, kCalls = 20;
  std::atomic<int> stale{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < kCalls; ++i) {
        int before = started.load();  // scans started before this call
        auto h = scans.holders("local\n/srv/public", scan);
        if (h.size() != 1 || static_cast<int>(h[0].pid) <= before) ++stale;
      }
    });
  for (auto& t : threads) t.join();
  CHECK(stale == 0);                             // every answer came from a scan that began after the call
  CHECK(most == 1);                              // one scan of a share at a time
  CHECK(started.load() < kThreads * kCalls / 2);  // and shared: far fewer scans than calls
  // Another share is scanned on its own.
  auto other = scans.holders("local\n/srv/other", [] { return std::vector<npemu::Holder>{}; });
  CHECK(other.empty());
}
