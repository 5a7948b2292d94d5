#include "generation.hpp"

#include "home.hpp"

#include <atomic>

namespace npemu {

std::unique_ptr<Generation> Generation::open(const std::string& file, Status* status) {
  *status = ensure_private_file(file);
  if (!status->ok()) return nullptr;
  std::string error;
  auto g = std::make_unique<Generation>();
  g->word_ = sys::map_shared_word(file, &error);
  if (!g->word_) {
    *status = Status::fail(WN_CANNOT_OPEN_PROFILE, error);
    return nullptr;
  }
  g->counter_ = g->word_->get();
  return g;
}

std::uint64_t Generation::current() const {
  return std::atomic_ref<std::uint64_t>(*counter_).load(std::memory_order_acquire);
}

std::uint64_t Generation::bump() {
  return std::atomic_ref<std::uint64_t>(*counter_).fetch_add(1, std::memory_order_acq_rel);
}

}  // namespace npemu
