#include "status.hpp"

namespace npemu {

std::string describe_holders(const std::vector<Holder>& holders) {
  std::string out;
  for (const auto& h : holders) {
    if (!out.empty()) out += "; ";
    out += "pid " + std::to_string(h.pid) + " (" + h.program + ") " + h.how + " " + h.path;
  }
  return out;
}

}  // namespace npemu
