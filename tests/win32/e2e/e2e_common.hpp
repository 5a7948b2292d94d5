// What the Windows end-to-end programs share. They know nothing of npemu: they
// use the system's API (mpr, kernel32, advapi32) and the test's own files.
#pragma once
#include <windows.h>
#include <winnetwk.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace e2e {

inline int failures = 0;

inline void check(bool ok, const char* what, long long got = 0) {
  std::printf("%s: %s (%lld)\n", ok ? "ok" : "FAIL", what, got);
  std::fflush(stdout);
  if (!ok) ++failures;
}

inline std::wstring widen(const std::string& s) { return std::wstring(s.begin(), s.end()); }

inline std::wstring temp_dir(const wchar_t* tag) {
  wchar_t tmp[MAX_PATH + 1];
  GetTempPathW(MAX_PATH + 1, tmp);
  return std::wstring(tmp) + tag + L"-" + std::to_wstring(GetCurrentProcessId());
}

inline void write_file(const std::wstring& path, const std::string& text) {
  HANDLE h = CreateFileW(path.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_ALWAYS, 0, nullptr);
  DWORD put = 0;
  WriteFile(h, text.data(), static_cast<DWORD>(text.size()), &put, nullptr);
  CloseHandle(h);
}

inline std::string read_file(const std::wstring& path) {
  HANDLE h = CreateFileW(path.c_str(), GENERIC_READ, FILE_SHARE_READ, nullptr, OPEN_EXISTING, 0, nullptr);
  if (h == INVALID_HANDLE_VALUE) return "<error " + std::to_string(GetLastError()) + ">";
  char buf[256];
  DWORD got = 0;
  ReadFile(h, buf, sizeof buf, &got, nullptr);
  CloseHandle(h);
  return std::string(buf, got);
}

// A throw-away NPEMU_HOME whose npemu.toml serves \\files\public from a directory
// holding docs\readme.txt. The provider DLL reads NPEMU_HOME from this process's
// environment (one C runtime, msvcrt.dll); children inherit it.
struct Home {
  std::wstring root;
  Home() : root(temp_dir(L"npemu-e2e")) {
    CreateDirectoryW(root.c_str(), nullptr);
    CreateDirectoryW((root + L"\\home").c_str(), nullptr);
    CreateDirectoryW((root + L"\\public").c_str(), nullptr);
    CreateDirectoryW((root + L"\\public\\docs").c_str(), nullptr);
    write_file(root + L"\\public\\docs\\readme.txt", "hello from the share\n");
    std::string r(root.begin(), root.end());  // temp paths here are ASCII
    write_file(root + L"\\home\\npemu.toml",
               "[local.shares.'\\\\files\\public']\npath = '" + r + "\\public'\n");
    _wputenv_s(L"NPEMU_HOME", (root + L"\\home").c_str());
  }
};

inline std::wstring free_drive() {
  DWORD used = GetLogicalDrives();
  for (wchar_t c = L'Y'; c > L'D'; --c)
    if (!(used & (1u << (c - L'A')))) return std::wstring(1, c) + L":";
  return L"";
}

inline bool drive_exists(const std::wstring& d) { return (GetLogicalDrives() & (1u << (d[0] - L'A'))) != 0; }

struct Resource {
  std::wstring local, remote, provider;
};

// Every connected resource. Wine's WNetEnumResourceW can answer WN_NO_MORE_ENTRIES
// together with entries (*count > 0): the entries are read before stopping.
inline std::vector<Resource> connected(DWORD* status) {
  std::vector<Resource> out;
  HANDLE h = nullptr;
  *status = WNetOpenEnumW(RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, nullptr, &h);
  if (*status) return out;
  std::vector<BYTE> buf(16384);
  for (;;) {
    DWORD count = 0xFFFFFFFF, size = static_cast<DWORD>(buf.size());
    DWORD rc = WNetEnumResourceW(h, &count, buf.data(), &size);
    if (rc != WN_SUCCESS && rc != WN_NO_MORE_ENTRIES) {
      *status = rc;
      break;
    }
    auto* res = reinterpret_cast<NETRESOURCEW*>(buf.data());
    for (DWORD i = 0; i < count; ++i)
      out.push_back({res[i].lpLocalName ? res[i].lpLocalName : L"",
                     res[i].lpRemoteName ? res[i].lpRemoteName : L"",
                     res[i].lpProvider ? res[i].lpProvider : L""});
    if (rc == WN_NO_MORE_ENTRIES || count == 0) break;
  }
  WNetCloseEnum(h);
  return out;
}

inline bool listed(const std::wstring& local, const std::wstring& remote) {
  DWORD st = 0;
  for (const auto& r : connected(&st))
    if (_wcsicmp(r.local.c_str(), local.c_str()) == 0 && _wcsicmp(r.remote.c_str(), remote.c_str()) == 0)
      return true;
  return false;
}

// Wine's and Windows' MPR keep the remembered profile in HKCU\Network\<letter>.
inline bool remembered(const std::wstring& drive) {
  HKEY k;
  std::wstring key = L"Network\\" + drive.substr(0, 1);
  if (RegOpenKeyExW(HKEY_CURRENT_USER, key.c_str(), 0, KEY_READ, &k)) return false;
  RegCloseKey(k);
  return true;
}

}  // namespace e2e
