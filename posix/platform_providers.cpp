// The providers POSIX adds beside `local`. Each backend registers here.
#include "../core/src/provider.hpp"
#include "../core/src/sys.hpp"
#include "smb/smb_provider.hpp"
#include "mount/mount_provider.hpp"

namespace npemu::sys {

std::vector<std::unique_ptr<Provider>> platform_providers(const Config& config, const Home& home) {
  std::vector<std::unique_ptr<Provider>> out;
  out.push_back(std::make_unique<posix::MountProvider>(config, home));
  out.push_back(std::make_unique<smb::SmbProvider>(config));
  return out;
}

}  // namespace npemu::sys
