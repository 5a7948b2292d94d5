// Enumeration's A forms. WNetOpenEnumA opens the same enumeration as
// WNetOpenEnumW (one handle for both); WNetEnumResourceA hands the entries out
// as NETRESOURCEA with the rules of WNetEnumResourceW, sizes in bytes of the
// UTF-8 strings. WNetCloseEnum has no A form.
#include <npemu/winnetwk.h>

#include "../last_error.hpp"
#include "enum_handles.hpp"
#include "wnet_ansi.hpp"

using namespace npemu;

extern "C" {

DWORD WINAPI WNetOpenEnumA(DWORD dwScope, DWORD dwType, DWORD dwUsage, LPNETRESOURCEA lpNetResource, LPHANDLE lphEnum) {
  return run_entry([&] {
    ansi::Resource nr(lpNetResource);
    return ansi::from_w(WNetOpenEnumW(dwScope, dwType, dwUsage, nr.get(), lphEnum));
  });
}

DWORD WINAPI WNetEnumResourceA(HANDLE hEnum, LPDWORD lpcCount, LPVOID lpBuffer, LPDWORD lpBufferSize) {
  return run_entry([&] { return enum_next(hEnum, lpcCount, lpBuffer, lpBufferSize, Charset::utf8); });
}

}  // extern "C"
