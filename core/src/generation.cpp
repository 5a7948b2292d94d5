#include "generation.hpp"

#include "home.hpp"

#include <boost/filesystem.hpp>
#include <boost/interprocess/exceptions.hpp>

#include <atomic>

namespace npemu {

std::unique_ptr<Generation> Generation::open(const std::string& file, Status* status) {
  namespace bip = boost::interprocess;
  *status = ensure_private_file(file);
  if (!status->ok()) return nullptr;
  boost::system::error_code ec;
  if (boost::filesystem::file_size(file, ec) < sizeof(std::uint64_t)) {
    boost::filesystem::resize_file(file, sizeof(std::uint64_t), ec);
    if (ec) {
      *status = Status::fail(WN_CANNOT_OPEN_PROFILE, "cannot size " + file + ": " + ec.message());
      return nullptr;
    }
  }
  try {
    auto g = std::make_unique<Generation>();
    g->file_ = bip::file_mapping(file.c_str(), bip::read_write);
    g->region_ = bip::mapped_region(g->file_, bip::read_write, 0, sizeof(std::uint64_t));
    g->counter_ = static_cast<std::uint64_t*>(g->region_.get_address());
    return g;
  } catch (const bip::interprocess_exception& e) {
    *status = Status::fail(WN_CANNOT_OPEN_PROFILE, "cannot map " + file + ": " + e.what());
    return nullptr;
  }
}

std::uint64_t Generation::current() const {
  return std::atomic_ref<std::uint64_t>(*counter_).load(std::memory_order_acquire);
}

std::uint64_t Generation::bump() {
  return std::atomic_ref<std::uint64_t>(*counter_).fetch_add(1, std::memory_order_acq_rel);
}

}  // namespace npemu
