#include "holder_scans.hpp"

namespace npemu {

std::vector<Holder> HolderScans::holders(const std::string& key,
                                         const std::function<std::vector<Holder>()>& scan) {
  std::unique_lock<std::mutex> lock(mu_);
  Key& k = keys_[key];
  if (!k.next) k.next = std::make_shared<Batch>();
  std::shared_ptr<Batch> mine = k.next;
  for (;;) {
    if (mine->done) return mine->result;
    if (!k.running) {  // this call runs the scan for its whole batch
      k.running = true;
      k.next.reset();  // who comes now waits for the scan after this one
      lock.unlock();
      std::vector<Holder> found;
      try {
        found = scan();
      } catch (...) {
        lock.lock();
        k.running = false;
        changed_.notify_all();  // another of the batch runs it
        throw;
      }
      lock.lock();
      mine->result = std::move(found);
      mine->done = true;
      k.running = false;
      changed_.notify_all();
      return mine->result;
    }
    changed_.wait(lock);
  }
}

}  // namespace npemu
