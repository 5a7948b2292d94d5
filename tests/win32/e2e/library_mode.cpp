// Library mode: npemu_wnet.dll's NP entry points over the system's WNet API.
// Each result code must be the system's own; with npemu_np.dll registered, the
// connection made through them reaches npemu's provider through mpr.dll.
#include "e2e_common.hpp"

// npemu_wnet's exports (mingw-w64's npapi.h, with C linkage).
extern "C" {
DWORD WINAPI NPAddConnection3(HWND, LPNETRESOURCEW, LPWSTR, LPWSTR, DWORD);
DWORD WINAPI NPCancelConnection(LPWSTR, BOOL);
DWORD WINAPI NPCancelConnection2(LPWSTR, BOOL, DWORD);
DWORD WINAPI NPGetConnection(LPWSTR, LPWSTR, LPDWORD);
DWORD WINAPI NPOpenEnum(DWORD, DWORD, DWORD, LPNETRESOURCEW, LPHANDLE);
DWORD WINAPI NPEnumResource(HANDLE, LPDWORD, LPVOID, LPDWORD);
DWORD WINAPI NPCloseEnum(HANDLE);
}

using namespace e2e;

int main() {
  Home home;
  std::wstring drive = free_drive();
  std::wstring remote = L"\\\\files\\public";
  wchar_t buf[300];
  DWORD len = 300;

  // The same codes as the system's calls, failures included.
  DWORD np = NPGetConnection(drive.data(), buf, &len);
  len = 300;
  DWORD sys = WNetGetConnectionW(drive.c_str(), buf, &len);
  check(np == sys, "NPGetConnection on a free drive = WNetGetConnectionW", np);
  np = NPCancelConnection(drive.data(), FALSE);
  sys = WNetCancelConnection2W(drive.c_str(), CONNECT_UPDATE_PROFILE, FALSE);
  check(np == sys && np != WN_SUCCESS, "NPCancelConnection of a free drive = WNetCancelConnection2W", np);

  NETRESOURCEW nr{};
  nr.dwType = RESOURCETYPE_DISK;
  nr.lpLocalName = drive.data();
  nr.lpRemoteName = remote.data();
  np = NPAddConnection3(nullptr, &nr, nullptr, nullptr, CONNECT_UPDATE_PROFILE);
  check(np == WN_SUCCESS, "NPAddConnection3 connects through mpr.dll to npemu_np.dll", np);
  check(read_file(drive + L"\\docs\\readme.txt") == "hello from the share\n", "a file reads through the drive");

  HANDLE h = nullptr;
  bool seen = false;
  if (NPOpenEnum(RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, nullptr, &h) == WN_SUCCESS) {
    BYTE eb[16384];
    DWORD count = 0xFFFFFFFF, size = sizeof eb;
    DWORD rc = NPEnumResource(h, &count, eb, &size);
    auto* res = reinterpret_cast<NETRESOURCEW*>(eb);
    for (DWORD i = 0; (rc == WN_SUCCESS || rc == WN_NO_MORE_ENTRIES) && i < count; ++i)
      seen = seen || (res[i].lpLocalName && _wcsicmp(res[i].lpLocalName, drive.c_str()) == 0);
    NPCloseEnum(h);
  }
  check(seen, "NPOpenEnum/NPEnumResource list it");
  check(remembered(drive), "a device connection made with CONNECT_UPDATE_PROFILE is remembered");

  np = NPCancelConnection(drive.data(), FALSE);
  check(np == WN_SUCCESS, "NPCancelConnection(device) cancels", np);
  check(!remembered(drive), "... with CONNECT_UPDATE_PROFILE: no longer remembered");
  np = NPCancelConnection2(drive.data(), FALSE, 0);
  sys = WNetCancelConnection2W(drive.c_str(), 0, FALSE);
  check(np == sys && np != WN_SUCCESS, "NPCancelConnection2 again = WNetCancelConnection2W", np);

  // CONNECT_REDIRECT is the MPR's: through NPAddConnection3 no drive is picked (a
  // provider ignores the flag, as npemu's NP face does on Linux).
  DWORD drives = GetLogicalDrives();
  NETRESOURCEW dl{};
  dl.dwType = RESOURCETYPE_DISK;
  dl.lpRemoteName = remote.data();
  np = NPAddConnection3(nullptr, &dl, nullptr, nullptr, CONNECT_REDIRECT);
  check(np == WN_SUCCESS && GetLogicalDrives() == drives,
        "NPAddConnection3 with CONNECT_REDIRECT and no device connects without a drive", np);
  np = NPCancelConnection(remote.data(), FALSE);
  check(np == WN_SUCCESS, "... and that deviceless connection cancels", np);

  std::printf(failures ? "library mode: %d FAILED\n" : "library mode: all ok\n", failures);
  return failures ? 1 : 0;
}
