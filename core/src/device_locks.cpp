#include "device_locks.hpp"

#include <chrono>
#include <thread>

namespace npemu {

std::unique_ptr<DeviceLocks> DeviceLocks::open(const Home& home, Status* status) {
  *status = ensure_private_file(home.locks_file());  // npemu's own regular file, 0600, or an error naming it
  if (!status->ok()) return nullptr;
  std::string error;
  auto locks = std::unique_ptr<DeviceLocks>(new DeviceLocks());
  locks->ranges_ = sys::open_range_locks(home.locks_file(), &error);
  if (!locks->ranges_) {
    *status = Status::fail(WN_CANNOT_OPEN_PROFILE, error);
    return nullptr;
  }
  return locks;
}

DeviceLocks::Held::~Held() {
  if (!owner_) return;
  owner_->ranges_->unlock(slot_);
  owner_->threads_[slot_].unlock();
}

unsigned DeviceLocks::slot_of(const Device& dev) {
  char c = dev.name[0];
  if (dev.kind == Device::Kind::Drive) return static_cast<unsigned>(c - 'A');
  return 26 + static_cast<unsigned>(dev.name[3] - '1');  // "LPTn:"
}

Status DeviceLocks::hold(const Device& dev, int timeout_ms, Held* out) {
  unsigned slot = slot_of(dev);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  // Another thread's or process's hold is short (a link, a commit) unless that
  // process is stopped: poll finely, then more slowly. (A timed mutex would wait
  // without polling, but ThreadSanitizer cannot see pthread_mutex_clocklock.)
  auto pause = std::chrono::microseconds(20);
  auto wait = [&] {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::microseconds(5000));
    return true;
  };
  auto busy = [&] {
    return Status::fail(WN_FUNCTION_BUSY, dev.name + " is being connected or cancelled by another program, "
                                          "for over " + std::to_string(timeout_ms) + " ms");
  };
  while (!threads_[slot].try_lock())
    if (!wait()) return busy();
  while (!ranges_->try_lock(slot)) {
    if (!wait()) {
      threads_[slot].unlock();
      return busy();
    }
  }
  out->owner_ = this;
  out->slot_ = slot;
  return Status::success();
}

bool DeviceLocks::try_hold(const Device& dev, Held* out) {
  unsigned slot = slot_of(dev);
  if (!threads_[slot].try_lock()) return false;
  if (!ranges_->try_lock(slot)) {
    threads_[slot].unlock();
    return false;
  }
  out->owner_ = this;
  out->slot_ = slot;
  return true;
}

}  // namespace npemu
