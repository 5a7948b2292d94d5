// The NP* entry points: npemu as one network provider. Each is short and
// uniform: read the arguments, ask the engine, record the outcome.
#include <npemu/npapi.h>

#include "engine.hpp"
#include "last_error.hpp"
#include "request.hpp"
#include "router/queries.hpp"

using namespace npemu;

namespace {

// npemu's own network type (high word), outside the range Windows assigns.
constexpr DWORD kNpemuNetType = 0x00A00000;


Status cancel(LPWSTR lpName, BOOL fForce, bool update_profile) {
  std::string name;
  Status st = read_cancel_name(lpName, &name);
  if (!st.ok()) return st;
  return with_engine([&](Engine& e) { return e.cancel(name, fForce != FALSE, update_profile); });
}

}  // namespace

extern "C" {

DWORD WINAPI NPGetCaps(DWORD nIndex) {
  switch (nIndex) {
    case WNNC_SPEC_VERSION: return WNNC_SPEC_VERSION51;
    case WNNC_NET_TYPE: return kNpemuNetType;
    case WNNC_DRIVER_VERSION: return 1;
    case WNNC_USER: return WNNC_USR_GETUSER;
    case WNNC_CONNECTION:
      return WNNC_CON_ADDCONNECTION | WNNC_CON_ADDCONNECTION3 | WNNC_CON_CANCELCONNECTION |
             WNNC_CON_GETCONNECTIONS;
    case WNNC_ENUMERATION: return WNNC_ENUM_LOCAL | WNNC_ENUM_GLOBAL;
    case WNNC_DIALOG: return WNNC_DLG_GETRESOURCEINFORMATION | WNNC_DLG_GETRESOURCEPARENT;
    case WNNC_START: return WNNC_WAIT_FOR_START;
    default: return 0;
  }
}

DWORD WINAPI NPAddConnection3(HWND, LPNETRESOURCEW lpNetResource, LPWSTR lpPassword, LPWSTR lpUserName,
                              DWORD dwFlags) {
  return run_entry([&] {
    AddRequest req;
    std::string provider;
    Status st = read_add_request(lpNetResource, lpPassword, lpUserName, dwFlags, &req, &provider);
    if (!st.ok()) return st;
    return with_engine([&](Engine& e) { return e.add(req, provider); });
  });
}

DWORD WINAPI NPAddConnection(LPNETRESOURCEW lpNetResource, LPWSTR lpPassword, LPWSTR lpUserName) {
  return NPAddConnection3(nullptr, lpNetResource, lpPassword, lpUserName, 0);
}

DWORD WINAPI NPCancelConnection(LPWSTR lpName, BOOL fForce) {
  // A device's cancellation is remembered: its profile entry goes too.
  return run_entry([&] { return cancel(lpName, fForce, true); });
}

DWORD WINAPI NPCancelConnection2(LPWSTR lpName, BOOL fForce, DWORD dwFlags) {
  return run_entry([&] { return cancel(lpName, fForce, (dwFlags & CONNECT_UPDATE_PROFILE) != 0); });
}

// As WNetGetConnectionW answers it (library mode on Windows is that call), so a
// remembered device that is not connected is WN_CONNECTION_CLOSED here too.
DWORD WINAPI NPGetConnection(LPWSTR lpLocalName, LPWSTR lpRemoteName, LPDWORD lpnBufferLen) {
  return run_entry([&] { return get_connection(lpLocalName, lpRemoteName, lpnBufferLen); });
}

}  // extern "C"
