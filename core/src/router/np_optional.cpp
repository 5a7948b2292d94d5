// The provider entry points that Windows' npapi.h declares beyond those npemu
// announces in NPGetCaps. An MPR asks NPGetCaps first and never calls these; a
// program that calls them directly gets an answer, never a missing symbol:
// NPGetConnection3 and NPGetConnectionPerformance answer for real, the dialog,
// directory and permission-editor calls are WN_NOT_SUPPORTED (npemu has no UI).
#include <npemu/npapi.h>

#include "../engine.hpp"
#include "../last_error.hpp"
#include "../names.hpp"
#include "../request.hpp"
#include "../wide.hpp"
#include "pack.hpp"
#include "queries.hpp"

using namespace npemu;

namespace {

DWORD not_supported(const char* which) {
  return run_entry([&] {
    return Status::fail(WN_NOT_SUPPORTED, std::string(which) + " is not supported: npemu has no user interface");
  });
}

}  // namespace

extern "C" {

// Level 1 (WNGETCON_...): whether a device's connection is up (WNGETCON_CONNECTED)
// or recorded but lost by its backend, or only remembered (WNGETCON_DISCONNECTED), in a DWORD.
DWORD WINAPI NPGetConnection3(LPCWSTR lpLocalName, DWORD dwLevel, LPVOID lpBuffer, LPDWORD lpBufferSize) {
  return run_entry([&] {
    Device dev;
    Status st = read_device(lpLocalName, &dev);
    if (!st.ok()) return st;
    if (dwLevel != 1) return Status::fail(WN_BAD_LEVEL, "dwLevel must be 1 (WNGETCON_CONNECTED/_DISCONNECTED)");
    if (!lpBufferSize) return Status::fail(WN_BAD_POINTER, "lpBufferSize is NULL");
    return with_engine([&](Engine& e) {
      for (const auto& lc : e.connections()) {
        if (lc.connection.local != dev.name) continue;
        DWORD rc = check_room(lpBuffer, lpBufferSize, sizeof(DWORD));
        if (rc != WN_SUCCESS) return buffer_status(rc);
        *static_cast<DWORD*>(lpBuffer) = lc.alive ? WNGETCON_CONNECTED : WNGETCON_DISCONNECTED;
        return Status::success();
      }
      // A remembered drive that is not connected is what "disconnected" means to Windows.
      for (const auto& p : e.profile()) {
        if (p.local != dev.name) continue;
        DWORD rc = check_room(lpBuffer, lpBufferSize, sizeof(DWORD));
        if (rc != WN_SUCCESS) return buffer_status(rc);
        *static_cast<DWORD*>(lpBuffer) = WNGETCON_DISCONNECTED;
        return Status::success();
      }
      return Status::fail(WN_NOT_CONNECTED, dev.name + " is neither connected nor remembered");
    });
  });
}

// lpRemoteName: a device or a remote name. Connected: WN_NOT_SUPPORTED (no
// provider of npemu measures its link); else WN_NOT_CONNECTED.
DWORD WINAPI NPGetConnectionPerformance(LPCWSTR lpRemoteName, LPNETCONNECTINFOSTRUCT lpNetConnectInfo) {
  return run_entry([&] {
    if (!lpRemoteName || !lpNetConnectInfo)
      return Status::fail(WN_BAD_POINTER, "lpRemoteName and lpNetConnectInfo are required");
    auto name = to_utf8(lpRemoteName);
    auto dev = name ? parse_device(*name) : std::nullopt;
    auto remote = name && !dev ? parse_remote(*name) : std::nullopt;
    if (!dev && !remote)
      return Status::fail(name && !looks_remote(*name) ? WN_BAD_LOCALNAME : WN_BAD_NETNAME,
                          "lpRemoteName is neither a device nor a remote name");
    return with_engine([&](Engine& e) {
      for (const auto& lc : e.connections())
        if (lc.alive && (dev ? lc.connection.local == dev->name : lc.connection.remote_key == remote->key()))
          return Status::fail(WN_NOT_SUPPORTED, "npemu's providers do not measure a connection's speed or delay");
      return Status::fail(WN_NOT_CONNECTED, *name + " is not connected");
    });
  });
}

DWORD WINAPI NPDeviceMode(HWND) { return not_supported("NPDeviceMode"); }
DWORD WINAPI NPSearchDialog(HWND, LPNETRESOURCEW, LPVOID, DWORD, LPDWORD) { return not_supported("NPSearchDialog"); }
DWORD WINAPI NPFormatNetworkName(LPWSTR, LPWSTR, LPDWORD, DWORD, DWORD) { return not_supported("NPFormatNetworkName"); }
DWORD WINAPI NPGetPropertyText(DWORD, DWORD, LPWSTR, LPWSTR, DWORD, DWORD) { return not_supported("NPGetPropertyText"); }
DWORD WINAPI NPPropertyDialog(HWND, DWORD, DWORD, LPWSTR, DWORD) { return not_supported("NPPropertyDialog"); }
DWORD WINAPI NPGetDirectoryType(LPWSTR, LPINT, BOOL) { return not_supported("NPGetDirectoryType"); }
DWORD WINAPI NPDirectoryNotify(HWND, LPWSTR, DWORD) { return not_supported("NPDirectoryNotify"); }
DWORD WINAPI NPFMXGetPermCaps(LPWSTR) { return not_supported("NPFMXGetPermCaps"); }
DWORD WINAPI NPFMXEditPerm(LPWSTR, HWND, DWORD) { return not_supported("NPFMXEditPerm"); }
DWORD WINAPI NPFMXGetPermHelp(LPWSTR, DWORD, BOOL, LPVOID, LPDWORD, LPDWORD) { return not_supported("NPFMXGetPermHelp"); }

}  // extern "C"
