// The MPR's information calls: universal names, users, enumeration, the last
// error, provider names and network information.
#include <npemu/npapi.h>

#include "../engine.hpp"
#include "../last_error.hpp"
#include "../wide.hpp"
#include "enum_handles.hpp"
#include "queries.hpp"

#include <algorithm>
#include <cstring>

using namespace npemu;

namespace {

constexpr DWORD kNpemuNetType = 0x00A00000;  // as NPGetCaps(WNNC_NET_TYPE) reports it
const char* const kProviderName = "npemu";

// Copies as much of s as fits (with its NUL): WNetGetLastErrorW truncates, it never fails.
void copy_truncated(const std::string& s, LPWSTR buf, DWORD len) {
  if (!buf || len == 0) return;
  std::wstring w = to_wide(s);
  std::size_t n = std::min<std::size_t>(w.size(), len - 1);
  std::memcpy(buf, w.data(), n * sizeof(WCHAR));
  buf[n] = L'\0';
}

}  // namespace

extern "C" {

DWORD WINAPI WNetGetUniversalNameW(LPCWSTR lpLocalPath, DWORD dwInfoLevel, LPVOID lpBuffer, LPDWORD lpBufferSize) {
  return run_entry([&] { return universal_name(lpLocalPath, dwInfoLevel, lpBuffer, lpBufferSize); });
}

DWORD WINAPI WNetGetUserW(LPCWSTR lpName, LPWSTR lpUserName, LPDWORD lpnLength) {
  return run_entry([&] { return get_user(lpName, lpUserName, lpnLength); });
}

DWORD WINAPI WNetOpenEnumW(DWORD dwScope, DWORD dwType, DWORD dwUsage, LPNETRESOURCEW lpNetResource, LPHANDLE lphEnum) {
  return run_entry([&] { return open_enum(dwScope, dwType, dwUsage, lpNetResource, true, lphEnum); });
}

DWORD WINAPI WNetEnumResourceW(HANDLE hEnum, LPDWORD lpcCount, LPVOID lpBuffer, LPDWORD lpBufferSize) {
  return run_entry([&] { return enum_next(hEnum, lpcCount, lpBuffer, lpBufferSize); });
}

DWORD WINAPI WNetCloseEnum(HANDLE hEnum) {
  return run_entry([&] { return close_enum_handle(hEnum); });
}

// Reads the calling thread's last outcome; it does not change it.
DWORD WINAPI WNetGetLastErrorW(LPDWORD lpError, LPWSTR lpErrorBuf, DWORD nErrorBufSize, LPWSTR lpNameBuf,
                               DWORD nNameBufSize) {
  if (!lpError || (!lpErrorBuf && nErrorBufSize) || (!lpNameBuf && nNameBufSize)) return WN_BAD_POINTER;
  try {
    const Status& st = last_status();
    *lpError = st.code;
    copy_truncated(st.detail, lpErrorBuf, nErrorBufSize);
    copy_truncated(st.ok() ? "" : kProviderName, lpNameBuf, nNameBufSize);
  } catch (...) {
    return WN_OUT_OF_MEMORY;
  }
  return WN_SUCCESS;
}

// The MPR's names of NPGetResourceInformation and NPGetResourceParent, with the
// same answers: npemu's providers are asked together (see docs/wnet.md).
DWORD WINAPI WNetGetResourceInformationW(LPNETRESOURCEW lpNetResource, LPVOID lpBuffer, LPDWORD lpcbBuffer,
                                         LPWSTR* lplpSystem) {
  return run_entry([&] { return resource_information(lpNetResource, lpBuffer, lpcbBuffer, lplpSystem); });
}

DWORD WINAPI WNetGetResourceParentW(LPNETRESOURCEW lpNetResource, LPVOID lpBuffer, LPDWORD lpcbBuffer) {
  return run_entry([&] { return resource_parent(lpNetResource, lpBuffer, lpcbBuffer); });
}

DWORD WINAPI WNetGetProviderNameW(DWORD dwNetType, LPWSTR lpProviderName, LPDWORD lpBufferSize) {
  return run_entry([&] {
    Status ptrs = check_string_buffer(lpProviderName, lpBufferSize, "lpProviderName");
    if (!ptrs.ok()) return ptrs;
    if ((dwNetType & 0xFFFF0000) != kNpemuNetType)
      return Status::fail(WN_NO_NETWORK, "no provider of that network type is installed");
    return buffer_status(copy_out(kProviderName, lpProviderName, lpBufferSize));
  });
}

DWORD WINAPI WNetGetNetworkInformationW(LPCWSTR lpProvider, LPNETINFOSTRUCT lpNetInfoStruct) {
  return run_entry([&] {
    if (!lpProvider || !lpNetInfoStruct) return Status::fail(WN_BAD_POINTER, "lpProvider and lpNetInfoStruct are required");
    if (lpNetInfoStruct->cbStructure < sizeof(NETINFOSTRUCT))
      return Status::fail(WN_BAD_VALUE, "cbStructure must be at least sizeof(NETINFOSTRUCT)");
    auto name = to_utf8(lpProvider);
    if (!name) return Status::fail(WN_BAD_PROVIDER, "lpProvider is not valid");
    return with_engine([&](Engine& e) {
      if (*name != kProviderName && !e.provider(*name))
        return Status::fail(WN_BAD_PROVIDER, "no provider named '" + *name + "' is configured");
      lpNetInfoStruct->cbStructure = sizeof(NETINFOSTRUCT);
      lpNetInfoStruct->dwProviderVersion = NPGetCaps(WNNC_DRIVER_VERSION);
      lpNetInfoStruct->dwStatus = WN_SUCCESS;  // started and running
      lpNetInfoStruct->dwCharacteristics = 0;
      lpNetInfoStruct->dwHandle = 0;
      lpNetInfoStruct->wNetType = static_cast<WORD>(kNpemuNetType >> 16);
      lpNetInfoStruct->dwPrinters = 0xFFFFFFFF;  // as Windows NT: not reported
      lpNetInfoStruct->dwDrives = 0xFFFFFFFF;
      return Status::success();
    });
  });
}

}  // extern "C"
