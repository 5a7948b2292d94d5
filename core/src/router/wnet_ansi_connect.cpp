// The connection calls' A forms: add, use, cancel, get, restore. Each converts
// its UTF-8 arguments and calls its W function, whose checks, codes and
// last-error text it passes on; only the A buffers' sizes (bytes) are its own.
#include <npemu/winnetwk.h>

#include "../last_error.hpp"
#include "../request.hpp"
#include "wnet_ansi.hpp"

using namespace npemu;
using npemu::ansi::Arg;
using npemu::ansi::Resource;

namespace {

// WNetUseConnectionA's room for the access name, checked before anything is
// connected as WNetUseConnectionW checks its own: the UTF-8 bytes of the name
// it would receive (a drive for CONNECT_REDIRECT, the device, else the remote).
// nullopt when the W function will refuse the call before it looks at the room.
std::optional<std::string> would_receive(LPNETRESOURCEW nr, LPCWSTR password, LPCWSTR user, DWORD flags,
                                         bool has_size) {
  AddRequest req;
  std::string provider;
  if (!read_add_request(nr, password, user, flags, &req, &provider).ok() || !has_size) return std::nullopt;
  bool redirect = !req.device && (flags & CONNECT_REDIRECT);
  if (redirect && req.type == RESOURCETYPE_PRINT) return std::nullopt;
  return redirect ? std::string("Z:") : req.device ? req.device->name : req.remote.unc();
}

Status use_connection(HWND owner, const NETRESOURCEA* nr, LPCSTR password, LPCSTR user, DWORD flags, LPSTR access,
                      LPDWORD access_len, LPDWORD result) {
  Resource wnr(nr);
  Arg wpass(password), wuser(user);
  if (access) {
    auto would = would_receive(wnr.get(), wpass.get(), wuser.get(), flags, access_len != nullptr);
    if (would && *access_len < would->size() + 1) {
      *access_len = static_cast<DWORD>(would->size() + 1);
      return Status::fail(WN_MORE_DATA, "lpAccessName is too small: the size needed (bytes) was returned");
    }
  }
  // The W function gets a buffer that holds any name, or the caller's NULLs for its own checks.
  std::vector<WCHAR> wide(access ? 4 * MAX_PATH : 0);
  DWORD wide_len = static_cast<DWORD>(wide.size());
  DWORD rc = WNetUseConnectionW(owner, wnr.get(), wpass.get(), wuser.get(), flags, access ? wide.data() : nullptr,
                                access_len ? &wide_len : nullptr, result);
  Status st = ansi::from_w(rc);
  if (!st.ok() || !access) return st;
  // The room was checked above: what the W function wrote fits (a picked drive is as long as Z:).
  ansi::copy_out(ansi::narrow(wide.data()), access, access_len);
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
    if (!lpnLength) return ansi::from_w(WNetGetConnectionW(local.get(), nullptr, nullptr));
    std::string remote;
    Status st = ansi::call_for_string(
        [&](LPWSTR buf, LPDWORD len) { return WNetGetConnectionW(local.get(), buf, len); }, &remote,
        WN_CONNECTION_CLOSED);
    if (!st.ok() && st.code != WN_CONNECTION_CLOSED) return st;
    Status copied = ansi::copy_out(remote, lpRemoteName, lpnLength);
    return copied.ok() ? st : copied;
  });
}

DWORD WINAPI WNetRestoreConnectionA(HWND hwndParent, LPCSTR lpDevice) {
  return run_entry([&] {
    Arg device(lpDevice);
    return ansi::from_w(WNetRestoreConnectionW(hwndParent, device.get()));
  });
}

}  // extern "C"
