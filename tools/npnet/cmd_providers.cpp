// npnet providers: the configured providers in the order an add tries them.
#include "commands.hpp"
#include "report.hpp"
#include "text.hpp"

#include <npemu/npemu.h>

#include <iostream>
#include <vector>

namespace npnet {

int run_providers() {
  warn_if_no_config();
  for (DWORD i = 0;; ++i) {
    DWORD len = 0;
    DWORD rc = npemu_provider_name(i, nullptr, &len);
    if (rc == WN_NO_MORE_ENTRIES) return kExitOk;
    std::vector<WCHAR> name(len ? len : 1);
    if (rc == WN_MORE_DATA) rc = npemu_provider_name(i, name.data(), &len);
    if (rc != WN_SUCCESS) return report_failure(rc, "");
    std::cout << (i + 1) << ". " << narrow(name.data()) << "\n";
  }
}

}  // namespace npnet
