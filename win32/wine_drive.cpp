#include "wine_drive.hpp"

#include <windows.h>
#include <winioctl.h>

#include <cstring>
#include <vector>

namespace npemu::win32 {
namespace {

// Wine 8.0's layout of include/ddk/mountmgr.h (mingw-w64 ships an older, shorter
// one that Wine rejects as too small).
struct WineUnixDrive {
  ULONG size;
  ULONG type;
  ULONG fs_type;
  DWORD serial;
  ULONGLONG unix_dev;
  WCHAR letter;
  USHORT mount_point_offset;
  USHORT device_offset;
  USHORT label_offset;
};

constexpr DWORD kMountMgrType = 'm';
constexpr DWORD kDefineUnixDrive =
    CTL_CODE(kMountMgrType, 32, METHOD_BUFFERED, FILE_READ_ACCESS | FILE_WRITE_ACCESS);
constexpr DWORD kQueryUnixDrive = CTL_CODE(kMountMgrType, 33, METHOD_BUFFERED, FILE_READ_ACCESS);

HANDLE open_mount_manager() {
  return CreateFileW(L"\\\\.\\MountPointManager", GENERIC_READ | GENERIC_WRITE,
                     FILE_SHARE_READ | FILE_SHARE_WRITE, nullptr, OPEN_EXISTING, 0, nullptr);
}

DWORD define(WCHAR letter, DWORD type, const std::string& unix_path) {
  std::vector<char> buf(sizeof(WineUnixDrive) + (unix_path.empty() ? 0 : unix_path.size() + 1));
  auto* d = reinterpret_cast<WineUnixDrive*>(buf.data());
  d->size = static_cast<ULONG>(buf.size());
  d->type = type;
  d->letter = static_cast<WCHAR>(towlower(letter));
  if (!unix_path.empty()) {
    std::memcpy(buf.data() + sizeof(WineUnixDrive), unix_path.c_str(), unix_path.size() + 1);
    d->mount_point_offset = sizeof(WineUnixDrive);
  }
  HANDLE mgr = open_mount_manager();
  if (mgr == INVALID_HANDLE_VALUE) return GetLastError();
  DWORD got = 0;
  BOOL ok = DeviceIoControl(mgr, kDefineUnixDrive, buf.data(), static_cast<DWORD>(buf.size()),
                            nullptr, 0, &got, nullptr);
  DWORD err = ok ? 0 : GetLastError();
  CloseHandle(mgr);
  return err;
}

}  // namespace

bool running_under_wine() {
  HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
  return ntdll && GetProcAddress(ntdll, "wine_get_version") != nullptr;
}

std::optional<std::string> wine_unix_path(const std::wstring& windows_path) {
  using ToUnix = char*(CDECL*)(LPCWSTR);
  HMODULE k32 = GetModuleHandleW(L"kernel32.dll");
  auto fn = k32 ? reinterpret_cast<ToUnix>(reinterpret_cast<void*>(
                      GetProcAddress(k32, "wine_get_unix_file_name")))
                : nullptr;
  if (!fn) return std::nullopt;
  char* p = fn(windows_path.c_str());
  if (!p) return std::nullopt;
  std::string out(p);
  HeapFree(GetProcessHeap(), 0, p);
  return out;
}

unsigned long wine_define_drive(wchar_t letter, const std::string& unix_path) {
  return define(letter, DRIVE_REMOTE, unix_path);
}

unsigned long wine_remove_drive(wchar_t letter) { return define(letter, DRIVE_NO_ROOT_DIR, {}); }

std::optional<std::string> wine_drive_unix_path(wchar_t letter) {
  std::vector<char> buf(sizeof(WineUnixDrive) + 4096);
  auto* d = reinterpret_cast<WineUnixDrive*>(buf.data());
  d->letter = static_cast<WCHAR>(towlower(letter));
  HANDLE mgr = open_mount_manager();
  if (mgr == INVALID_HANDLE_VALUE) return std::nullopt;
  DWORD got = 0;
  BOOL ok = DeviceIoControl(mgr, kQueryUnixDrive, buf.data(), sizeof(WineUnixDrive), buf.data(),
                            static_cast<DWORD>(buf.size()), &got, nullptr);
  CloseHandle(mgr);
  if (!ok || d->type == DRIVE_NO_ROOT_DIR || !d->mount_point_offset ||
      d->mount_point_offset >= got)
    return std::nullopt;
  buf.back() = 0;
  return std::string(buf.data() + d->mount_point_offset);
}

}  // namespace npemu::win32
