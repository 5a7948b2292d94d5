// A change counter shared by every process using one $NPEMU_HOME: a mapped
// 8-byte file. Caches compare it instead of querying the store on every call.
#pragma once
#include "status.hpp"
#include "sys.hpp"

#include <cstdint>
#include <memory>
#include <string>

namespace npemu {

class Generation {
 public:
  static std::unique_ptr<Generation> open(const std::string& file, Status* status);
  std::uint64_t current() const;
  std::uint64_t bump();  // returns the value it moved from

 private:
  std::unique_ptr<sys::SharedWord> word_;
  std::uint64_t* counter_ = nullptr;
};

}  // namespace npemu
