// WNetSetLastErrorW: how a provider leaves an extended error (WN_EXTENDED_ERROR)
// for the program's next WNetGetLastError on the same thread.
#include <npemu/npapi.h>

#include "../last_error.hpp"
#include "../wide.hpp"

#include <boost/nowide/convert.hpp>

using namespace npemu;

extern "C" {

// lpProviders is not kept: WNetGetLastError names npemu, the one provider the
// program talks to. Text that is not valid UTF-16/32 is kept with U+FFFD in its place.
VOID WINAPI WNetSetLastErrorW(DWORD err, LPWSTR lpError, LPWSTR) {
  try {
    set_last_status(Status::fail(err, lpError ? boost::nowide::narrow(lpError) : std::string()));
  } catch (...) {
  }
}

}  // extern "C"
