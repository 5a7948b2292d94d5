// Plain cancels of one provider share a holder scan, but never one that started
// before they asked (core/src/holder_scans.*).
#include <doctest/doctest.h>

#include "test_support.hpp"

#include "../../core/src/holder_scans.hpp"
#include "../../core/src/local/local_provider.hpp"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>
#include <vector>

namespace {

// A provider whose scan says which scan it was: each holder's pid is the scan's number.
class NumberedScans : public npemu::Provider {
 public:
  std::string name() const override { return "numbered"; }
  npemu::Status connect(const npemu::AddRequest&, npemu::Connection&) override { return npemu::Status::success(); }
  bool alive(const npemu::Connection&) override { return true; }
  npemu::Status disconnect(const npemu::Connection&, bool) override { return npemu::Status::success(); }
  std::vector<npemu::Holder> holders(const npemu::Connection& c) override { return holders_of({c}).front(); }
  std::vector<std::vector<npemu::Holder>> holders_of(const std::vector<npemu::Connection>& cs) override {
    int n = ++started;
    most = std::max(most.load(), ++running);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    --running;
    std::vector<std::vector<npemu::Holder>> out;
    for (const auto& c : cs) out.push_back({npemu::Holder{static_cast<std::uint32_t>(n), "scan", c.handle}});
    return out;
  }
  std::atomic<int> started{0}, running{0}, most{0};
};

}  // namespace

TEST_CASE("holder scans: calls during a scan share the next one, which started after each of them") {
  npemu::HolderScans scans;
  NumberedScans p;
  constexpr int kThreads = 16, kCalls = 20;
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      npemu::Connection c;
      c.handle = "/srv/share" + std::to_string(t % 4);  // four shares, one provider
      for (int i = 0; i < kCalls; ++i) {
        int before = p.started.load();  // scans started before this call
        auto h = scans.holders(p, c);
        if (h.size() != 1 || static_cast<int>(h[0].pid) <= before || h[0].path != c.handle) ++wrong;
      }
    });
  for (auto& t : threads) t.join();
  CHECK(wrong == 0);                                // each answer from a scan begun after the call, for its own share
  CHECK(p.most == 1);                               // one scan of a provider at a time
  CHECK(p.started.load() < kThreads * kCalls / 2);  // and shared: far fewer scans than calls
}

TEST_CASE("holder scans: one pass of the local provider answers each share with its own holders") {
  npemu_test::TempHome home;
  npemu_test::Child holder({npemu_test::helper("npemu_holder"), "open", home.share() + "/docs/readme.txt"});
  REQUIRE(holder.read_line() == "ready");
  npemu::Config config;
  npemu::LocalProvider local(config, npemu::Home{home.root() + "/home"});
  npemu::Connection pub, other;
  pub.handle = std::filesystem::canonical(home.share()).string();
  other.handle = std::filesystem::canonical(home.share("other")).string();
  auto found = local.holders_of({pub, other, pub});
  REQUIRE(found.size() == 3);
  CHECK(found[0].size() == 1);
  if (!found[0].empty()) CHECK(found[0][0].pid == static_cast<std::uint32_t>(holder.pid()));
  CHECK(found[1].empty());
  CHECK(found[2].size() == 1);
}
