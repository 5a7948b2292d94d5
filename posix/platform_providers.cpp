// The providers POSIX adds beside `local`. Each backend registers here.
#include "../core/src/provider.hpp"
#include "../core/src/sys.hpp"

namespace npemu::sys {

std::vector<std::unique_ptr<Provider>> platform_providers(const Config&, const Home&) {
  std::vector<std::unique_ptr<Provider>> out;
  return out;
}

}  // namespace npemu::sys
