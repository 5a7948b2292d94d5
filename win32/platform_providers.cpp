// The providers Windows adds beside `local`: none yet (the system's own
// providers are reached through the WNet library, npemu_wnet).
#include "../core/src/provider.hpp"
#include "../core/src/sys.hpp"

namespace npemu::sys {

std::vector<std::unique_ptr<Provider>> platform_providers(const Config&, const Home&) { return {}; }

}  // namespace npemu::sys
