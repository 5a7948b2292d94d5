// The connection calls' A forms: add, use, cancel, get, restore. Each converts
// its UTF-8 arguments and calls its W function, whose checks, codes and
// last-error text it passes on; only the A buffers' sizes (bytes) are its own.
#include <npemu/winnetwk.h>

#include "../last_error.hpp"
#include "../request.hpp"
#include "wnet_ansi.hpp"

#include <cstring>

using namespace npemu;
using npemu::ansi::Arg;
using npemu::ansi::Resource;

namespace {

// The access name WNetUseConnectionW would hand out, in UTF-8: a drive for
// CONNECT_REDIRECT (all as long as Z:), the device, else the remote name.
std::string would_receive(LPNETRESOURCEW nr, DWORD flags) {
  AddRequest req;
  std::string provider;
  if (!read_add_request(nr, nullptr, nullptr, flags, &req, &provider).ok()) return "";
  if (req.device) return req.device->name;
  return (flags & CONNECT_REDIRECT) ? std::string("Z:") : req.remote.unc();
}

Status use_connection(HWND owner, const NETRESOURCEA* nr, LPCSTR password, LPCSTR user, DWORD flags, LPSTR access,
                      LPDWORD access_len, LPDWORD result) {
  Resource wnr(nr);
  Arg wpass(password), wuser(user);
  std::vector<WCHAR> wide(4 * MAX_PATH);  // room for any name the W function hands out
  if (access && access_len) {
    // The W function's checks first, with room for no name (so nothing is
    // connected): its answer is WN_MORE_DATA unless it refuses the call.
    DWORD probe_len = *access_len == 0 ? 0 : 1;
    DWORD rc = WNetUseConnectionW(owner, wnr.get(), wpass.get(), wuser.get(), flags, wide.data(), &probe_len, nullptr);
    if (rc != WN_MORE_DATA) return ansi::from_w(rc);
    // Then the room in bytes, also before anything is connected.
    std::string would = would_receive(wnr.get(), flags);
    if (*access_len < would.size() + 1) {
      *access_len = static_cast<DWORD>(would.size() + 1);
      return Status::fail(WN_MORE_DATA, "lpAccessName is too small: the size needed (bytes) was returned");
    }
  }
  DWORD wide_len = static_cast<DWORD>(wide.size());
  DWORD rc = WNetUseConnectionW(owner, wnr.get(), wpass.get(), wuser.get(), flags, access ? wide.data() : nullptr,
                                access_len ? &wide_len : nullptr, result);
  Status st = ansi::from_w(rc);
  if (!st.ok() || !access) return st;
  // The room was checked above: what the W function wrote fits.
  std::string got = ansi::narrow(wide.data());
  std::memcpy(access, got.c_str(), got.size() + 1);
  return st;
}

}  // namespace

extern "C" {

DWORD WINAPI WNetAddConnectionA(LPCSTR lpRemoteName, LPCSTR lpPassword, LPCSTR lpLocalName) {
  return run_entry([&] {
    Arg remote(lpRemoteName), password(lpPassword), local(lpLocalName);
    return ansi::from_w(WNetAddConnectionW(remote.get(), password.get(), local.get()));
  });
}

DWORD WINAPI WNetAddConnection2A(LPNETRESOURCEA lpNetResource, LPCSTR lpPassword, LPCSTR lpUserName, DWORD dwFlags) {
  return run_entry([&] {
    Resource nr(lpNetResource);
    Arg password(lpPassword), user(lpUserName);
    return ansi::from_w(WNetAddConnection2W(nr.get(), password.get(), user.get(), dwFlags));
  });
}

DWORD WINAPI WNetAddConnection3A(HWND hwndOwner, LPNETRESOURCEA lpNetResource, LPCSTR lpPassword, LPCSTR lpUserName,
                                 DWORD dwFlags) {
  return run_entry([&] {
    Resource nr(lpNetResource);
    Arg password(lpPassword), user(lpUserName);
    return ansi::from_w(WNetAddConnection3W(hwndOwner, nr.get(), password.get(), user.get(), dwFlags));
  });
}

DWORD WINAPI WNetUseConnectionA(HWND hwndOwner, LPNETRESOURCEA lpNetResource, LPCSTR lpPassword, LPCSTR lpUserId,
                                DWORD dwFlags, LPSTR lpAccessName, LPDWORD lpBufferSize, LPDWORD lpResult) {
  return run_entry([&] {
    return use_connection(hwndOwner, lpNetResource, lpPassword, lpUserId, dwFlags, lpAccessName, lpBufferSize,
                          lpResult);
  });
}

DWORD WINAPI WNetCancelConnectionA(LPCSTR lpName, BOOL fForce) {
  return run_entry([&] {
    Arg name(lpName);
    return ansi::from_w(WNetCancelConnectionW(name.get(), fForce));
  });
}

DWORD WINAPI WNetCancelConnection2A(LPCSTR lpName, DWORD dwFlags, BOOL fForce) {
  return run_entry([&] {
    Arg name(lpName);
    return ansi::from_w(WNetCancelConnection2W(name.get(), dwFlags, fForce));
  });
}

// A device remembered but not connected answers WN_CONNECTION_CLOSED with its
// remote name filled in, as the W function does.
DWORD WINAPI WNetGetConnectionA(LPCSTR lpLocalName, LPSTR lpRemoteName, LPDWORD lpnLength) {
  return run_entry([&] {
    Arg local(lpLocalName);
    return ansi::string_answer([&](LPWSTR buf, LPDWORD len) { return WNetGetConnectionW(local.get(), buf, len); },
                               lpRemoteName, lpnLength, WN_CONNECTION_CLOSED);
  });
}

DWORD WINAPI WNetRestoreConnectionA(HWND hwndParent, LPCSTR lpDevice) {
  return run_entry([&] {
    Arg device(lpDevice);
    return ansi::from_w(WNetRestoreConnectionW(hwndParent, device.get()));
  });
}

}  // extern "C"
