// The W functions that Windows keeps beside the main ones: the 16-bit era's
// WNetAddConnectionW and WNetCancelConnectionW, Vista's
// WNetRestoreSingleConnectionW, and MultinetGetConnectionPerformanceW. Each is
// one of the main functions with the arguments Windows documents for it.
#include <npemu/winnetwk.h>

#include "../last_error.hpp"
#include "wnet_ansi.hpp"

using namespace npemu;

extern "C" {

// Windows: "a successful connection is persistent" — remembered, of any type.
DWORD WINAPI WNetAddConnectionW(LPCWSTR lpRemoteName, LPCWSTR lpPassword, LPCWSTR lpLocalName) {
  return run_entry([&] {
    NETRESOURCEW nr{};
    nr.dwType = RESOURCETYPE_ANY;
    nr.lpRemoteName = const_cast<LPWSTR>(lpRemoteName);
    nr.lpLocalName = const_cast<LPWSTR>(lpLocalName);
    return ansi::from_w(WNetAddConnection2W(&nr, lpPassword, nullptr, CONNECT_UPDATE_PROFILE));
  });
}

// Windows: the cancel also forgets a remembered device (CONNECT_UPDATE_PROFILE).
DWORD WINAPI WNetCancelConnectionW(LPCWSTR lpName, BOOL fForce) {
  return run_entry([&] { return ansi::from_w(WNetCancelConnection2W(lpName, CONNECT_UPDATE_PROFILE, fForce)); });
}

// fUseUI asks for dialogs on failure; npemu has none, so it is WNetRestoreConnectionW.
DWORD WINAPI WNetRestoreSingleConnectionW(HWND hwndParent, LPCWSTR lpDevice, BOOL) {
  return run_entry([&] { return ansi::from_w(WNetRestoreConnectionW(hwndParent, lpDevice)); });
}

// No provider of npemu measures its link: a connected resource is
// WN_NOT_SUPPORTED (Windows' answer for a provider without
// NPGetConnectionPerformance); a device or remote name not connected gets the
// error WNetGetConnectionW / WNetGetUserW gives it.
DWORD WINAPI MultinetGetConnectionPerformanceW(LPNETRESOURCEW lpNetResource,
                                               LPNETCONNECTINFOSTRUCT lpNetConnectInfoStruct) {
  return run_entry([&] {
    if (!lpNetResource || !lpNetConnectInfoStruct)
      return Status::fail(WN_BAD_POINTER, "lpNetResource and lpNetConnectInfoStruct are required");
    if (lpNetConnectInfoStruct->cbStructure < sizeof(NETCONNECTINFOSTRUCT))
      return Status::fail(WN_BAD_VALUE, "cbStructure must be at least sizeof(NETCONNECTINFOSTRUCT)");
    WCHAR name[MAX_PATH + 1];
    DWORD len = MAX_PATH + 1, rc;
    if (lpNetResource->lpLocalName && lpNetResource->lpLocalName[0])
      rc = WNetGetConnectionW(lpNetResource->lpLocalName, name, &len);
    else if (lpNetResource->lpRemoteName)
      rc = WNetGetUserW(lpNetResource->lpRemoteName, name, &len);
    else
      return Status::fail(WN_BAD_NETNAME, "lpLocalName or lpRemoteName is required");
    if (rc != WN_SUCCESS && rc != WN_MORE_DATA) return ansi::from_w(rc);
    return Status::fail(WN_NOT_SUPPORTED, "npemu's providers do not measure a connection's speed or delay");
  });
}

}  // extern "C"
