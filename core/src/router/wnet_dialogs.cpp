// The connection dialogs. npemu has no user interface, so each answers as an MPR
// without one: WN_NO_NETWORK (ERROR_NO_NETWORK, one of the codes Windows
// documents for them and what Wine's MPR returns), with nothing changed. Code
// that offers the dialog as one choice among others links and runs; it is told
// to connect or disconnect with WNetAddConnection2/WNetCancelConnection2 instead.
#include <npemu/winnetwk.h>

#include "../last_error.hpp"

using namespace npemu;

namespace {

DWORD no_dialog(const char* which) {
  return run_entry([&] {
    return Status::fail(WN_NO_NETWORK, std::string(which) +
                                           ": npemu has no dialogs; connect with WNetAddConnection2 or "
                                           "WNetUseConnection, disconnect with WNetCancelConnection2");
  });
}

}  // namespace

extern "C" {

DWORD WINAPI WNetConnectionDialog(HWND, DWORD) { return no_dialog("WNetConnectionDialog"); }
DWORD WINAPI WNetDisconnectDialog(HWND, DWORD) { return no_dialog("WNetDisconnectDialog"); }
DWORD WINAPI WNetConnectionDialog1A(LPCONNECTDLGSTRUCTA) { return no_dialog("WNetConnectionDialog1"); }
DWORD WINAPI WNetConnectionDialog1W(LPCONNECTDLGSTRUCTW) { return no_dialog("WNetConnectionDialog1"); }
DWORD WINAPI WNetDisconnectDialog1A(LPDISCDLGSTRUCTA) { return no_dialog("WNetDisconnectDialog1"); }
DWORD WINAPI WNetDisconnectDialog1W(LPDISCDLGSTRUCTW) { return no_dialog("WNetDisconnectDialog1"); }

}  // extern "C"
