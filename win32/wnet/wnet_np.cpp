// Library mode on Windows: npemu's NP entry points over the system's MPR.
// Each call maps onto its WNet* counterpart and returns the system's code
// unchanged, so a cross-platform program sees the same codes on both systems.
// npemu/npapi.h: the SDK headers, with the C linkage mingw-w64's npapi.h lacks.
#include <npemu/npapi.h>

namespace {

// A device ("Z:", "LPT1") rather than a remote name (\\server\share).
bool is_device(LPCWSTR name) {
  return !(name[0] == L'\\' || name[0] == L'/') || !(name[1] == L'\\' || name[1] == L'/');
}

}  // namespace

extern "C" {

DWORD WINAPI NPGetCaps(DWORD nIndex) {
  // What this library forwards to the system's router.
  switch (nIndex) {
    case WNNC_SPEC_VERSION: return WNNC_SPEC_VERSION51;
    case WNNC_CONNECTION:
      return WNNC_CON_ADDCONNECTION | WNNC_CON_ADDCONNECTION3 | WNNC_CON_CANCELCONNECTION |
             WNNC_CON_GETCONNECTIONS;
    case WNNC_ENUMERATION: return WNNC_ENUM_LOCAL | WNNC_ENUM_GLOBAL | WNNC_ENUM_CONTEXT;
    case WNNC_USER: return WNNC_USR_GETUSER;
    case WNNC_DIALOG: return WNNC_DLG_GETRESOURCEINFORMATION | WNNC_DLG_GETRESOURCEPARENT;
    default: return 0;
  }
}

DWORD WINAPI NPAddConnection(LPNETRESOURCEW lpNetResource, LPWSTR lpPassword, LPWSTR lpUserName) {
  return WNetAddConnection2W(lpNetResource, lpPassword, lpUserName, 0);
}

// CONNECT_REDIRECT is the MPR's (it picks a drive); a provider ignores it, as
// npemu's NPAddConnection3 does on every system.
DWORD WINAPI NPAddConnection3(HWND hwndOwner, LPNETRESOURCEW lpNetResource, LPWSTR lpPassword,
                              LPWSTR lpUserName, DWORD dwFlags) {
  return WNetAddConnection3W(hwndOwner, lpNetResource, lpPassword, lpUserName, dwFlags & ~CONNECT_REDIRECT);
}

// A device's cancel is remembered (the profile forgets it); a remote name's is not.
DWORD WINAPI NPCancelConnection(LPWSTR lpName, BOOL fForce) {
  if (!lpName) return WN_BAD_POINTER;
  return WNetCancelConnection2W(lpName, is_device(lpName) ? CONNECT_UPDATE_PROFILE : 0, fForce);
}

DWORD WINAPI NPCancelConnection2(LPWSTR lpName, BOOL fForce, DWORD dwFlags) {
  return WNetCancelConnection2W(lpName, dwFlags, fForce);
}

DWORD WINAPI NPGetConnection(LPWSTR lpLocalName, LPWSTR lpRemoteName, LPDWORD lpnBufferLen) {
  return WNetGetConnectionW(lpLocalName, lpRemoteName, lpnBufferLen);
}

DWORD WINAPI NPGetUniversalName(LPWSTR lpLocalPath, DWORD dwInfoLevel, LPVOID lpBuffer,
                                LPDWORD lpBufferSize) {
  return WNetGetUniversalNameW(lpLocalPath, dwInfoLevel, lpBuffer, lpBufferSize);
}

DWORD WINAPI NPGetUser(LPWSTR lpName, LPWSTR lpUserName, LPDWORD lpnBufferLen) {
  return WNetGetUserW(lpName, lpUserName, lpnBufferLen);
}

DWORD WINAPI NPOpenEnum(DWORD dwScope, DWORD dwType, DWORD dwUsage, LPNETRESOURCEW lpNetResource,
                        LPHANDLE lphEnum) {
  return WNetOpenEnumW(dwScope, dwType, dwUsage, lpNetResource, lphEnum);
}

DWORD WINAPI NPEnumResource(HANDLE hEnum, LPDWORD lpcCount, LPVOID lpBuffer, LPDWORD lpBufferSize) {
  return WNetEnumResourceW(hEnum, lpcCount, lpBuffer, lpBufferSize);
}

DWORD WINAPI NPCloseEnum(HANDLE hEnum) { return WNetCloseEnum(hEnum); }

DWORD WINAPI NPGetResourceInformation(LPNETRESOURCEW lpNetResource, LPVOID lpBuffer,
                                      LPDWORD lpBufferSize, LPWSTR* lplpSystem) {
  return WNetGetResourceInformationW(lpNetResource, lpBuffer, lpBufferSize, lplpSystem);
}

DWORD WINAPI NPGetResourceParent(LPNETRESOURCEW lpNetResource, LPVOID lpBuffer, LPDWORD lpBufferSize) {
  return WNetGetResourceParentW(lpNetResource, lpBuffer, lpBufferSize);
}

}  // extern "C"
