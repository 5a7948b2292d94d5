#include "conformance_call.hpp"

#include "test_support.hpp"

#include <npemu/npemu.h>

#include <algorithm>
#include <stdexcept>
#include <vector>

using npemu_test::U;

namespace conformance {
namespace {

constexpr unsigned char kMark = 0xAB;

const char* const kNames[] = {
    "NPAddConnection", "NPAddConnection3", "NPCancelConnection", "NPCancelConnection2", "NPGetConnection",
    "NPGetUniversalName", "NPGetUser", "NPEnumResource", "NPGetResourceInformation", "NPGetResourceParent",
    "WNetAddConnection2W", "WNetAddConnection3W", "WNetUseConnectionW", "WNetCancelConnection2W",
    "WNetGetConnectionW", "WNetGetUniversalNameW", "WNetGetUserW", "WNetGetProviderNameW",
    "WNetGetNetworkInformationW", "WNetEnumResourceW", "WNetGetResourceInformationW",
    "WNetGetResourceParentW", "WNetRestoreConnectionW",
};
static_assert(sizeof(kNames) / sizeof(kNames[0]) == static_cast<int>(Fn::WNetRestoreConnectionW) + 1);

// The wide strings a call reads, kept alive and writable for the call's length.
struct Args {
  std::wstring name, remote;
  NETRESOURCEW nr{};
  explicit Args(const Row& r) : name(r.name ? r.name : L""), remote(r.remote ? r.remote : L"") {
    nr.dwType = r.type;
    nr.lpLocalName = r.name ? name.data() : nullptr;
    nr.lpRemoteName = r.remote ? remote.data() : nullptr;
  }
};

std::wstring netresource_remote(const std::vector<unsigned char>& buf) {
  auto* nr = reinterpret_cast<const NETRESOURCEW*>(buf.data());
  return nr->lpRemoteName ? nr->lpRemoteName : L"(null)";
}

}  // namespace

const char* fn_name(Fn fn) { return kNames[static_cast<int>(fn)]; }

void make_world() {
  std::wstring z = L"Z:", y = L"Y:", pub = L"\\\\files\\public", other = L"\\\\files\\other", alice = L"alice";
  NETRESOURCEW nr{};
  nr.dwType = RESOURCETYPE_DISK;
  nr.lpLocalName = z.data();
  nr.lpRemoteName = pub.data();
  if (NPAddConnection3(nullptr, &nr, nullptr, alice.data(), 0) != WN_SUCCESS) throw std::runtime_error("Z: not added");
  nr.lpLocalName = y.data();
  nr.lpRemoteName = other.data();
  if (NPAddConnection3(nullptr, &nr, nullptr, nullptr, CONNECT_UPDATE_PROFILE) != WN_SUCCESS ||
      NPCancelConnection2(y.data(), FALSE, 0) != WN_SUCCESS)
    throw std::runtime_error("Y: not remembered");
}

std::string world() {
  npemu_connection* list = nullptr;
  DWORD count = 0;
  if (npemu_list_connections(NPEMU_LIST_CONNECTED | NPEMU_LIST_REMEMBERED, &list, &count) != WN_SUCCESS)
    return "(cannot list)";
  std::vector<std::string> items;
  for (DWORD i = 0; i < count; ++i) {
    const npemu_connection& c = list[i];
    std::string state = c.status == WN_SUCCESS ? (c.remembered ? "live+remembered" : "live")
                        : c.status == WN_CONNECTION_CLOSED ? "remembered"
                                                           : "stale";
    std::string local = U(c.local);
    items.push_back((local.empty() ? "-" : local) + " " + U(c.remote) + " " + state);
  }
  npemu_free_connections(list, count);
  std::sort(items.begin(), items.end());
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : "; ") + s;
  return out;
}

Result call(const Row& r) {
  Args a(r);
  std::vector<unsigned char> buf(8192, kMark);
  DWORD size = r.size;
  void* b = r.buf == Buf::Null ? nullptr : buf.data();
  LPDWORD sz = r.buf == Buf::NoSize ? nullptr : &size;
  auto* w = static_cast<LPWSTR>(b);
  LPWSTR name = r.name ? a.name.data() : nullptr;
  Result res;
  LPWSTR system = nullptr;
  switch (r.fn) {
    case Fn::NPAddConnection: res.code = NPAddConnection(&a.nr, nullptr, nullptr); break;
    case Fn::NPAddConnection3: res.code = NPAddConnection3(nullptr, &a.nr, nullptr, nullptr, r.flags); break;
    case Fn::WNetAddConnection2W: res.code = WNetAddConnection2W(&a.nr, nullptr, nullptr, r.flags); break;
    case Fn::WNetAddConnection3W: res.code = WNetAddConnection3W(nullptr, &a.nr, nullptr, nullptr, r.flags); break;
    case Fn::WNetUseConnectionW: {
      DWORD result = 0;
      res.code = WNetUseConnectionW(nullptr, &a.nr, nullptr, nullptr, r.flags, w, sz, &result);
      if (res.code == WN_SUCCESS && w) res.out = w;
      break;
    }
    case Fn::NPCancelConnection: res.code = NPCancelConnection(name, FALSE); break;
    case Fn::NPCancelConnection2: res.code = NPCancelConnection2(name, FALSE, r.flags); break;
    case Fn::WNetCancelConnection2W: res.code = WNetCancelConnection2W(name, r.flags, FALSE); break;
    case Fn::WNetRestoreConnectionW: res.code = WNetRestoreConnectionW(nullptr, name); break;
    case Fn::NPGetConnection: res.code = NPGetConnection(name, w, sz); break;
    case Fn::WNetGetConnectionW: res.code = WNetGetConnectionW(name, w, sz); break;
    case Fn::NPGetUser: res.code = NPGetUser(name, w, sz); break;
    case Fn::WNetGetUserW: res.code = WNetGetUserW(name, w, sz); break;
    case Fn::WNetGetProviderNameW: res.code = WNetGetProviderNameW(r.flags, w, sz); break;
    case Fn::NPGetUniversalName: res.code = NPGetUniversalName(name, r.flags, b, sz); break;
    case Fn::WNetGetUniversalNameW: res.code = WNetGetUniversalNameW(name, r.flags, b, sz); break;
    case Fn::NPGetResourceInformation:
    case Fn::WNetGetResourceInformationW: {
      a.nr.lpLocalName = nullptr;
      a.nr.lpRemoteName = name;
      res.code = r.fn == Fn::NPGetResourceInformation ? NPGetResourceInformation(&a.nr, b, sz, &system)
                                                      : WNetGetResourceInformationW(&a.nr, b, sz, &system);
      break;
    }
    case Fn::NPGetResourceParent:
    case Fn::WNetGetResourceParentW:
      a.nr.lpLocalName = nullptr;
      a.nr.lpRemoteName = name;
      res.code = r.fn == Fn::NPGetResourceParent ? NPGetResourceParent(&a.nr, b, sz) : WNetGetResourceParentW(&a.nr, b, sz);
      break;
    case Fn::WNetGetNetworkInformationW: {
      if (b) static_cast<NETINFOSTRUCT*>(b)->cbStructure = r.size;
      res.code = WNetGetNetworkInformationW(name, static_cast<LPNETINFOSTRUCT>(b));
      size = kSame;  // no size argument
      break;
    }
    case Fn::NPEnumResource:
    case Fn::WNetEnumResourceW: {
      HANDLE h = nullptr;
      bool np = r.fn == Fn::NPEnumResource;
      DWORD opened = np ? NPOpenEnum(RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, nullptr, &h)
                        : WNetOpenEnumW(RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, nullptr, &h);
      if (opened != WN_SUCCESS) throw std::runtime_error("cannot open an enumeration");
      DWORD count = 0xFFFFFFFF;
      res.code = np ? NPEnumResource(h, &count, b, sz) : WNetEnumResourceW(h, &count, b, sz);
      np ? NPCloseEnum(h) : WNetCloseEnum(h);
      break;
    }
  }
  res.size_after = size == r.size ? kSame : size;
  res.unwritten = std::all_of(buf.begin(), buf.end(), [](unsigned char c) { return c == kMark; });
  if (res.unwritten || !b || r.fn == Fn::WNetUseConnectionW) return res;
  switch (r.fn) {
    case Fn::NPGetUniversalName:
    case Fn::WNetGetUniversalNameW: res.out = static_cast<UNIVERSAL_NAME_INFOW*>(b)->lpUniversalName; break;
    case Fn::NPGetResourceInformation:
    case Fn::WNetGetResourceInformationW:
      res.out = netresource_remote(buf) + L";" + (system ? system : L"(null)");
      break;
    case Fn::NPGetResourceParent:
    case Fn::WNetGetResourceParentW:
    case Fn::NPEnumResource:
    case Fn::WNetEnumResourceW: res.out = netresource_remote(buf); break;
    case Fn::WNetGetNetworkInformationW: res.out = kUnchecked; break;
    default: res.out = w; break;
  }
  return res;
}

}  // namespace conformance
