// Holder scans shared by the plain cancels of one process, as a group commit
// shares one sync: the calls that want holders from one provider while a scan of
// it runs wait and share the next scan, of all their connections at once
// (Provider::holders_of: for `local`, one pass over /proc for every directory),
// which starts after they all arrived and so sees everything each of them must
// see. A /proc scan takes milliseconds of CPU; sixteen threads cancelling on a few
// shares ran as many at once (issue 13's storm).
#pragma once
#include "connection.hpp"
#include "provider.hpp"
#include "status.hpp"

#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace npemu {

class HolderScans {
 public:
  // The holders of c, as found by a scan of p that started after this call did.
  std::vector<Holder> holders(Provider& p, const Connection& c);

 private:
  struct Batch {
    std::vector<Connection> conns;
    std::vector<std::vector<Holder>> found;  // by the index in conns
    bool done = false;
  };
  struct Queue {
    std::shared_ptr<Batch> next;  // the calls waiting for the scan after the running one
    bool running = false;
  };
  std::mutex mu_;
  std::condition_variable changed_;
  std::map<std::string, Queue> queues_;  // by provider
};

}  // namespace npemu
