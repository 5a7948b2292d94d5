#include "holder_scans.hpp"

namespace npemu {

std::vector<Holder> HolderScans::holders(Provider& p, const Connection& c) {
  std::unique_lock<std::mutex> lock(mu_);
  Queue& q = queues_[p.name()];
  if (!q.next) q.next = std::make_shared<Batch>();
  std::shared_ptr<Batch> mine = q.next;
  std::size_t index = mine->conns.size();
  mine->conns.push_back(c);
  for (;;) {
    if (mine->done) return mine->found[index];
    if (!q.running) {  // this call runs the scan for its whole batch
      q.running = true;
      q.next.reset();  // who comes now waits for the scan after this one
      lock.unlock();
      std::vector<std::vector<Holder>> found;
      try {
        found = p.holders_of(mine->conns);  // no one adds to mine any more
      } catch (...) {
        lock.lock();
        q.running = false;
        changed_.notify_all();  // another of the batch runs it
        throw;
      }
      lock.lock();
      mine->found = std::move(found);
      mine->found.resize(mine->conns.size());
      mine->done = true;
      q.running = false;
      changed_.notify_all();
      return mine->found[index];
    }
    changed_.wait(lock);
  }
}

}  // namespace npemu
