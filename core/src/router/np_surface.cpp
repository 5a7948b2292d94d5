// The rest of the NP surface: universal names, users, enumeration, resource
// information and parents, npemu seen as one network provider.
#include <npemu/npapi.h>

#include "../last_error.hpp"
#include "enum_handles.hpp"
#include "queries.hpp"

using namespace npemu;

extern "C" {

DWORD WINAPI NPGetUniversalName(LPWSTR lpLocalPath, DWORD dwInfoLevel, LPVOID lpBuffer, LPDWORD lpBufferSize) {
  return run_entry([&] { return universal_name(lpLocalPath, dwInfoLevel, lpBuffer, lpBufferSize); });
}

DWORD WINAPI NPGetUser(LPWSTR lpName, LPWSTR lpUserName, LPDWORD lpnBufferLen) {
  return run_entry([&] { return get_user(lpName, lpUserName, lpnBufferLen); });
}

DWORD WINAPI NPOpenEnum(DWORD dwScope, DWORD dwType, DWORD dwUsage, LPNETRESOURCEW lpNetResource, LPHANDLE lphEnum) {
  return run_entry([&] { return open_enum(dwScope, dwType, dwUsage, lpNetResource, false, lphEnum); });
}

DWORD WINAPI NPEnumResource(HANDLE hEnum, LPDWORD lpcCount, LPVOID lpBuffer, LPDWORD lpBufferSize) {
  return run_entry([&] { return enum_next(hEnum, lpcCount, lpBuffer, lpBufferSize); });
}

DWORD WINAPI NPCloseEnum(HANDLE hEnum) {
  return run_entry([&] { return close_enum_handle(hEnum); });
}

DWORD WINAPI NPGetResourceInformation(LPNETRESOURCEW lpNetResource, LPVOID lpBuffer, LPDWORD lpBufferSize,
                                      LPWSTR* lplpSystem) {
  return run_entry([&] { return resource_information(lpNetResource, lpBuffer, lpBufferSize, lplpSystem); });
}

DWORD WINAPI NPGetResourceParent(LPNETRESOURCEW lpNetResource, LPVOID lpBuffer, LPDWORD lpBufferSize) {
  return run_entry([&] { return resource_parent(lpNetResource, lpBuffer, lpBufferSize); });
}

}  // extern "C"
