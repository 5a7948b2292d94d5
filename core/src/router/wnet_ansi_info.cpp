// The information calls' A forms: universal names, users, provider names,
// network information, connection performance and the last error. Each calls
// its W function and hands its answer out in UTF-8, sizes in bytes.
#include <npemu/npapi.h>

#include "../last_error.hpp"
#include "queries.hpp"
#include "wnet_ansi.hpp"

#include <boost/nowide/convert.hpp>

using namespace npemu;
using npemu::ansi::Arg;
using npemu::ansi::Resource;

namespace {

// The W structure in `wide` (strings packed after it) rewritten as the A one in
// the caller's buffer, with Windows' rule: WN_MORE_DATA and the bytes needed.
Status universal_name_a(DWORD level, const std::vector<unsigned char>& wide, LPVOID buf, LPDWORD size) {
  if (level == UNIVERSAL_NAME_INFO_LEVEL) {
    std::string uni = ansi::narrow(reinterpret_cast<const UNIVERSAL_NAME_INFOW*>(wide.data())->lpUniversalName);
    DWORD rc = check_room(buf, size, sizeof(UNIVERSAL_NAME_INFOA) + abytes(uni));
    if (rc != WN_SUCCESS) return buffer_status(rc);
    Packer packer(buf, sizeof(UNIVERSAL_NAME_INFOA));
    static_cast<UNIVERSAL_NAME_INFOA*>(buf)->lpUniversalName = packer.put(uni);
    return Status::success();
  }
  const auto* w = reinterpret_cast<const REMOTE_NAME_INFOW*>(wide.data());
  std::string uni = ansi::narrow(w->lpUniversalName), conn = ansi::narrow(w->lpConnectionName),
              rest = ansi::narrow(w->lpRemainingPath);
  DWORD rc = check_room(buf, size, sizeof(REMOTE_NAME_INFOA) + abytes(uni) + abytes(conn) + abytes(rest));
  if (rc != WN_SUCCESS) return buffer_status(rc);
  Packer packer(buf, sizeof(REMOTE_NAME_INFOA));
  auto* info = static_cast<REMOTE_NAME_INFOA*>(buf);
  info->lpUniversalName = packer.put(uni);
  info->lpConnectionName = packer.put(conn);
  info->lpRemainingPath = packer.put(rest);
  return Status::success();
}

}  // namespace

extern "C" {

DWORD WINAPI WNetGetUniversalNameA(LPCSTR lpLocalPath, DWORD dwInfoLevel, LPVOID lpBuffer, LPDWORD lpBufferSize) {
  return run_entry([&] {
    Arg path(lpLocalPath);
    if (!lpLocalPath || !lpBufferSize)
      return ansi::from_w(WNetGetUniversalNameW(path.get(), dwInfoLevel, nullptr, lpBufferSize));
    auto w_call = [&](LPVOID buf, LPDWORD len) { return WNetGetUniversalNameW(path.get(), dwInfoLevel, buf, len); };
    Status st = ansi::buffer_shape(w_call, lpBuffer, *lpBufferSize);
    std::vector<unsigned char> wide;
    if (st.ok()) st = ansi::call_for_bytes(w_call, &wide);
    return st.ok() ? universal_name_a(dwInfoLevel, wide, lpBuffer, lpBufferSize) : st;
  });
}

DWORD WINAPI WNetGetUserA(LPCSTR lpName, LPSTR lpUserName, LPDWORD lpnLength) {
  return run_entry([&] {
    Arg name(lpName);
    return ansi::string_answer([&](LPWSTR buf, LPDWORD len) { return WNetGetUserW(name.get(), buf, len); }, lpUserName,
                         lpnLength);
  });
}

DWORD WINAPI WNetGetProviderNameA(DWORD dwNetType, LPSTR lpProviderName, LPDWORD lpBufferSize) {
  return run_entry([&] {
    return ansi::string_answer([&](LPWSTR buf, LPDWORD len) { return WNetGetProviderNameW(dwNetType, buf, len); },
                         lpProviderName, lpBufferSize);
  });
}

DWORD WINAPI WNetGetNetworkInformationA(LPCSTR lpProvider, LPNETINFOSTRUCT lpNetInfoStruct) {
  return run_entry([&] {
    Arg provider(lpProvider);
    return ansi::from_w(WNetGetNetworkInformationW(provider.get(), lpNetInfoStruct));
  });
}

DWORD WINAPI MultinetGetConnectionPerformanceA(LPNETRESOURCEA lpNetResource,
                                               LPNETCONNECTINFOSTRUCT lpNetConnectInfoStruct) {
  return run_entry([&] {
    Resource nr(lpNetResource);
    return ansi::from_w(MultinetGetConnectionPerformanceW(nr.get(), lpNetConnectInfoStruct));
  });
}

// Reads the calling thread's last outcome through WNetGetLastErrorW, then cuts
// the UTF-8 text to the bytes given (never inside a character); it does not
// change that outcome.
DWORD WINAPI WNetGetLastErrorA(LPDWORD lpError, LPSTR lpErrorBuf, DWORD nErrorBufSize, LPSTR lpNameBuf,
                               DWORD nNameBufSize) {
  if (!lpError || (!lpErrorBuf && nErrorBufSize) || (!lpNameBuf && nNameBufSize)) return WN_BAD_POINTER;
  try {
    // UTF-8 has at least as many bytes as characters: these hold the whole text.
    std::vector<WCHAR> text(last_status().detail.size() + 1), name(MAX_PATH + 1);
    DWORD rc = WNetGetLastErrorW(lpError, text.data(), static_cast<DWORD>(text.size()), name.data(),
                                 static_cast<DWORD>(name.size()));
    if (rc != WN_SUCCESS) return rc;
    ansi::copy_truncated(ansi::narrow(text.data()), lpErrorBuf, nErrorBufSize);
    ansi::copy_truncated(ansi::narrow(name.data()), lpNameBuf, nNameBufSize);
  } catch (...) {
    return WN_OUT_OF_MEMORY;
  }
  return WN_SUCCESS;
}

// Text that is not UTF-8 is kept with U+FFFD in its place: it is only read by people.
VOID WINAPI WNetSetLastErrorA(DWORD err, LPSTR lpError, LPSTR lpProviders) {
  try {
    std::wstring text = lpError ? boost::nowide::widen(lpError) : std::wstring();
    std::wstring providers = lpProviders ? boost::nowide::widen(lpProviders) : std::wstring();
    WNetSetLastErrorW(err, text.data(), providers.data());
  } catch (...) {
  }
}

}  // extern "C"
