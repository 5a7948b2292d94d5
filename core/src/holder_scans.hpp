// Holder scans shared by the plain cancels of one process, as a group commit
// shares one sync: the calls that want the holders of one share while a scan of
// it runs wait and share the next scan, which starts after they all arrived and so
// sees everything each of them must see. A /proc scan takes milliseconds of CPU;
// sixteen threads cancelling on one share ran sixteen at once (issue 13's storm).
#pragma once
#include "status.hpp"

#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace npemu {

class HolderScans {
 public:
  // The holders of `key` (a provider and its handle) as found by a run of `scan` that
  // started after this call did.
  std::vector<Holder> holders(const std::string& key, const std::function<std::vector<Holder>()>& scan);

 private:
  struct Batch {
    bool done = false;
    std::vector<Holder> result;
  };
  struct Key {
    std::shared_ptr<Batch> next;  // the calls waiting for the scan after the running one
    bool running = false;
  };
  std::mutex mu_;
  std::condition_variable changed_;
  std::map<std::string, Key> keys_;
};

}  // namespace npemu
