// The MPR's connection calls: add, use (with CONNECT_REDIRECT), cancel, query and
// restore. The engine routes each to the providers in `providers` order; what is
// MPR's own (the remembered profile's rules, drive picking) lives here.
#include <npemu/winnetwk.h>

#include "../engine.hpp"
#include "../last_error.hpp"
#include "../request.hpp"
#include "../wide.hpp"
#include "queries.hpp"

using namespace npemu;

namespace {

// MPR: a device remembered for another remote may not be redirected elsewhere
// until that entry is forgotten.
Status check_remembered(Engine& e, const AddRequest& req) {
  if (!req.device) return Status::success();
  for (const auto& p : e.profile())
    if (p.local == req.device->name) {
      auto r = parse_remote(p.remote);
      if (r && r->key() != req.remote.key())
        return Status::fail(WN_DEVICE_ALREADY_REMEMBERED,
                            req.device->name + " is remembered for " + p.remote + ": cancel it with CONNECT_UPDATE_PROFILE first");
    }
  return Status::success();
}

Status add(Engine& e, const AddRequest& req, const std::string& provider) {
  Status st = check_remembered(e, req);
  return st.ok() ? e.add(req, provider) : st;
}

// CONNECT_REDIRECT without a device: Windows' MPR (and Wine's) tries Z: first and
// walks down to C:, skipping letters in use (and letters remembered for others).
Status add_redirected(Engine& e, AddRequest req, const std::string& provider, std::string* picked) {
  for (char letter = 'Z'; letter >= 'C'; --letter) {
    req.device = parse_device(std::string(1, letter) + ":");
    Status st = add(e, req, provider);
    if (st.code == WN_ALREADY_CONNECTED || st.code == WN_DEVICE_ALREADY_REMEMBERED) continue;
    if (st.ok()) *picked = req.device->name;
    return st;
  }
  return Status::fail(WN_NO_MORE_DEVICES, "every drive letter from Z: down to C: is in use");
}

Status use_connection(LPNETRESOURCEW nr, LPCWSTR password, LPCWSTR user, DWORD flags, LPWSTR access,
                      LPDWORD access_len, LPDWORD result) {
  AddRequest req;
  std::string provider;
  Status st = read_add_request(nr, password, user, flags, &req, &provider);
  if (!st.ok()) return st;
  bool redirect = !req.device && (flags & CONNECT_REDIRECT);
  // The system picks a device only for a typed resource (Windows: ERROR_BAD_DEV_TYPE
  // for RESOURCETYPE_ANY, nothing connected); npemu picks drives only.
  if (redirect && req.type == RESOURCETYPE_PRINT)
    return Status::fail(WN_BAD_DEV_TYPE, "CONNECT_REDIRECT picks drives; name an LPT port for a printer");
  if (redirect && req.type != RESOURCETYPE_DISK)
    return Status::fail(WN_BAD_DEV_TYPE, "CONNECT_REDIRECT without lpLocalName needs dwType RESOURCETYPE_DISK: "
                                         "a device is picked only for a typed resource");
  // lpAccessName NULL means "not wanted": lpBufferSize is not read then.
  if (access && !access_len) return Status::fail(WN_BAD_POINTER, "lpAccessName is given without lpBufferSize");
  if (access && *access_len == 0)  // Windows: ERROR_INVALID_PARAMETER, the size untouched
    return Status::fail(WN_BAD_VALUE, "lpAccessName is given with *lpBufferSize 0");
  // The access name's room is checked before anything is connected (as Wine's MPR does).
  std::string would = redirect ? "Z:" : req.device ? req.device->name : req.remote.unc();
  if (access && *access_len < to_wide(would).size() + 1) {
    *access_len = static_cast<DWORD>(to_wide(would).size() + 1);
    return Status::fail(WN_MORE_DATA, "lpAccessName is too small: the size needed was returned");
  }
  return with_engine([&](Engine& e) {
    std::string device = req.device ? req.device->name : "";
    Status made = redirect ? add_redirected(e, req, provider, &device) : add(e, req, provider);
    if (!made.ok()) return made;
    if (access) copy_out(device.empty() ? req.remote.unc() : device, access, access_len);
    if (result) *result = device.empty() ? 0 : CONNECT_LOCALDRIVE;
    return Status::success();
  });
}

}  // namespace

extern "C" {

// WNetAddConnection2W/3W are WNetUseConnectionW without an access name (as in
// Windows' and Wine's MPR): CONNECT_REDIRECT picks a drive for them too.
DWORD WINAPI WNetAddConnection2W(LPNETRESOURCEW lpNetResource, LPCWSTR lpPassword, LPCWSTR lpUserName, DWORD dwFlags) {
  return run_entry([&] {
    return use_connection(lpNetResource, lpPassword, lpUserName, dwFlags, nullptr, nullptr, nullptr);
  });
}

DWORD WINAPI WNetAddConnection3W(HWND, LPNETRESOURCEW lpNetResource, LPCWSTR lpPassword, LPCWSTR lpUserName,
                                 DWORD dwFlags) {
  return run_entry([&] {
    return use_connection(lpNetResource, lpPassword, lpUserName, dwFlags, nullptr, nullptr, nullptr);
  });
}

DWORD WINAPI WNetUseConnectionW(HWND, LPNETRESOURCEW lpNetResource, LPCWSTR lpPassword, LPCWSTR lpUserId,
                                DWORD dwFlags, LPWSTR lpAccessName, LPDWORD lpBufferSize, LPDWORD lpResult) {
  return run_entry([&] {
    return use_connection(lpNetResource, lpPassword, lpUserId, dwFlags, lpAccessName, lpBufferSize, lpResult);
  });
}

DWORD WINAPI WNetCancelConnection2W(LPCWSTR lpName, DWORD dwFlags, BOOL fForce) {
  return run_entry([&] {
    std::string name;
    Status st = read_cancel_name(lpName, &name);
    if (!st.ok()) return st;
    bool update = (dwFlags & CONNECT_UPDATE_PROFILE) != 0;
    return with_engine([&](Engine& e) {
      Status done = e.cancel(name, fForce != FALSE, update);
      // MPR: a remembered device that is not connected is forgotten with CONNECT_UPDATE_PROFILE.
      if (done.code == WN_NOT_CONNECTED && update)
        if (auto dev = parse_device(name)) {
          Status forgot = e.forget(dev->name);
          if (forgot.code != WN_NOT_CONNECTED) return forgot;
        }
      return done;
    });
  });
}

DWORD WINAPI WNetGetConnectionW(LPCWSTR lpLocalName, LPWSTR lpRemoteName, LPDWORD lpnLength) {
  return run_entry([&] { return get_connection(lpLocalName, lpRemoteName, lpnLength); });
}

DWORD WINAPI WNetRestoreConnectionW(HWND, LPCWSTR lpDevice) {
  return run_entry([&] {
    std::optional<Device> only;
    if (lpDevice && lpDevice[0]) {
      Device d;
      Status st = read_device(lpDevice, &d);
      if (!st.ok()) return st;
      only = d;
    }
    return with_engine([&](Engine& e) {
      Status first;
      std::string failures;
      bool matched = false;
      for (const auto& p : e.profile()) {
        if (only && p.local != only->name) continue;
        matched = true;
        Connection c;
        if (e.get_connection(p.local, &c).ok()) continue;  // already there
        AddRequest req;
        auto dev = parse_device(p.local);
        auto remote = parse_remote(p.remote);
        Status st = !dev || !remote ? Status::fail(WN_BAD_PROFILE, "the remembered entry is malformed") : Status{};
        if (st.ok()) {
          req.device = dev, req.remote = *remote, req.type = p.type, req.user = p.user;
          st = e.add(req, p.provider);
        }
        if (!st.ok()) {  // report it and go on with the others
          if (first.ok()) first = st;
          failures += (failures.empty() ? "" : "; ") + p.local + " " + p.remote + ": " + st.detail;
        }
      }
      if (only && !matched) return Status::fail(WN_NOT_CONNECTED, only->name + " is not remembered");
      if (!first.ok()) first.detail = "could not restore " + failures;
      return first;
    });
  });
}

}  // extern "C"
