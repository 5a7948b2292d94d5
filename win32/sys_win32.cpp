// The core's platform interface (core/src/sys.hpp) on Windows, and under Wine.
//
// Open files: Windows offers no supported query for "which processes hold files
// under this directory" (the handle table is NtQuerySystemInformation territory,
// and the Restart Manager needs the file names up front and is a stub in Wine), so
// holders_under finds none: the files that count are the handles opened through
// npemu's own file API, which the engine counts in the store on every platform.
#include "../core/src/sys.hpp"

#include "../core/src/wn_codes.hpp"
#include "wine_drive.hpp"

#include <windows.h>

#include <boost/filesystem.hpp>
#include <boost/nowide/convert.hpp>
#include <boost/nowide/filesystem.hpp>
#include <boost/nowide/fstream.hpp>

namespace fs = boost::filesystem;

namespace npemu::sys {
namespace {

// Boost.Filesystem converts narrow paths with the ANSI code page on Windows; the
// core's strings are UTF-8, so every path conversion is made UTF-8 once, at load.
const bool utf8_paths = [] {
  boost::nowide::nowide_filesystem();
  return true;
}();

std::wstring drive_name(const Device& dev) { return boost::nowide::widen(dev.name); }

std::string win32_message(DWORD err) {
  wchar_t* text = nullptr;
  DWORD n = FormatMessageW(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM |
                               FORMAT_MESSAGE_IGNORE_INSERTS,
                           nullptr, err, 0, reinterpret_cast<LPWSTR>(&text), 0, nullptr);
  std::wstring w = n && text ? std::wstring(text, n) : L"";
  if (text) LocalFree(text);
  while (!w.empty() && (w.back() == L'\n' || w.back() == L'\r' || w.back() == L'.')) w.pop_back();
  return w.empty() ? "error " + std::to_string(err) : boost::nowide::narrow(w);
}

DWORD wn_from_win32(DWORD err) {
  switch (err) {
    case ERROR_ACCESS_DENIED: return WN_ACCESS_DENIED;
    case ERROR_ALREADY_EXISTS:
    case ERROR_FILE_EXISTS: return WN_ALREADY_CONNECTED;
    case ERROR_SHARING_VIOLATION:
    case ERROR_BUSY: return WN_OPEN_FILES;
    default: return WN_DEVICE_ERROR;
  }
}

// The record of a drive npemu made: $NPEMU_HOME/drives/Z holds the target (UTF-8),
// so drive_target can answer with the Windows path that was asked for.
std::optional<std::string> read_record(const Home& home, const Device& dev) {
  boost::nowide::ifstream in(home.drive_path(dev.bare()), std::ios::binary);
  std::string target;
  if (!in || !std::getline(in, target) || target.empty()) return std::nullopt;
  return target;
}

bool write_record(const Home& home, const Device& dev, const std::string& target) {
  boost::nowide::ofstream out(home.drive_path(dev.bare()), std::ios::binary | std::ios::trunc);
  out << target << '\n';
  return static_cast<bool>(out.flush());
}

// Where the system's drive leads now, in the form attach_drive compares.
std::optional<std::string> live_target(const Device& dev) {
  if (win32::running_under_wine()) return win32::wine_drive_unix_path(drive_name(dev)[0]);
  wchar_t buf[MAX_PATH * 2];
  if (!QueryDosDeviceW(drive_name(dev).c_str(), buf, MAX_PATH * 2)) return std::nullopt;
  std::wstring t(buf);
  if (t.rfind(L"\\??\\", 0) == 0) t.erase(0, 4);
  return boost::nowide::narrow(t);
}

// The form of a target that live_target reports for it.
std::optional<std::string> expected_live(const std::string& target) {
  if (!win32::running_under_wine()) return target;
  return win32::wine_unix_path(boost::nowide::widen(target));
}

bool drive_in_use(const Device& dev) {
  DWORD bit = 1u << (dev.name[0] - 'A');
  return (GetLogicalDrives() & bit) != 0 || live_target(dev).has_value();
}

}  // namespace

std::uint32_t self_pid() { return GetCurrentProcessId(); }

std::uint64_t start_time(std::uint32_t pid) {
  if (!pid) return 0;
  // An exited process stays openable while any handle to it is open (the zombie of
  // Windows): it is gone once its object is signalled. GetExitCodeProcess alone
  // would take one that exited with code 259 (STILL_ACTIVE) for a live one.
  HANDLE h = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION | SYNCHRONIZE, FALSE, pid);
  if (!h) return 0;
  FILETIME created{}, exited{}, kernel{}, user{};
  std::uint64_t out = 0;
  if (WaitForSingleObject(h, 0) == WAIT_TIMEOUT && GetProcessTimes(h, &created, &exited, &kernel, &user))
    out = (std::uint64_t{created.dwHighDateTime} << 32) | created.dwLowDateTime;
  CloseHandle(h);
  return out;
}

std::string program_of(std::uint32_t pid) {
  HANDLE h = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, pid);
  if (!h) return "?";
  wchar_t buf[MAX_PATH * 2];
  DWORD n = MAX_PATH * 2;
  std::string name = "?";
  if (QueryFullProcessImageNameW(h, 0, buf, &n))
    name = boost::nowide::narrow(fs::path(std::wstring(buf, n)).stem().wstring());
  CloseHandle(h);
  return name;
}

std::vector<Holder> holders_under(const std::vector<std::string>&) { return {}; }

std::string env(const char* name) {
  std::wstring wname = boost::nowide::widen(name);
  DWORD n = GetEnvironmentVariableW(wname.c_str(), nullptr, 0);
  if (n == 0) return "";
  std::wstring value(n, L'\0');
  n = GetEnvironmentVariableW(wname.c_str(), value.data(), n);
  value.resize(n);
  return boost::nowide::narrow(value);
}

std::string default_home() {
  wchar_t buf[MAX_PATH * 2];
  DWORD n = GetEnvironmentVariableW(L"LOCALAPPDATA", buf, MAX_PATH * 2);
  if (n && n < MAX_PATH * 2) return boost::nowide::narrow(buf) + "\\npemu";
  n = GetEnvironmentVariableW(L"USERPROFILE", buf, MAX_PATH * 2);
  if (n && n < MAX_PATH * 2) return boost::nowide::narrow(buf) + "\\AppData\\Local\\npemu";
  return "";
}

Status attach_drive(const Home& home, const Device& dev, const std::string& target) {
  if (dev.kind != Device::Kind::Drive)
    return Status::fail(WN_BAD_DEV_TYPE, dev.name + " is not a drive");
  Status st = ensure_private_dir(home.drives_dir());
  if (!st.ok()) return st;
  if (drive_in_use(dev)) return Status::fail(WN_ALREADY_CONNECTED, dev.name + " is already in use");
  DWORD err = 0;
  if (win32::running_under_wine()) {
    auto unix_path = win32::wine_unix_path(boost::nowide::widen(target));
    if (!unix_path) return Status::fail(WN_BAD_NETNAME, "no Unix path for " + target);
    err = win32::wine_define_drive(drive_name(dev)[0], *unix_path);
  } else if (!DefineDosDeviceW(0, drive_name(dev).c_str(), boost::nowide::widen(target).c_str())) {
    err = GetLastError();
  }
  if (err) return Status::fail(wn_from_win32(err), "cannot define " + dev.name + ": " + win32_message(err));
  if (!write_record(home, dev, target)) {
    detach_drive(home, dev);  // no half-done change
    return Status::fail(WN_CANNOT_OPEN_PROFILE, "cannot record " + home.drive_path(dev.bare()));
  }
  return Status::success();
}

Status detach_drive(const Home& home, const Device& dev) {
  auto target = read_record(home, dev);
  DWORD err = 0;
  if (live_target(dev)) {
    if (win32::running_under_wine()) {
      err = win32::wine_remove_drive(drive_name(dev)[0]);
    } else if (target) {
      DWORD flags = DDD_REMOVE_DEFINITION | DDD_EXACT_MATCH_ON_REMOVE;
      if (!DefineDosDeviceW(flags, drive_name(dev).c_str(), boost::nowide::widen(*target).c_str()))
        err = GetLastError();
    }
  }
  if (err) return Status::fail(wn_from_win32(err), "cannot remove " + dev.name + ": " + win32_message(err));
  boost::system::error_code ec;
  fs::remove(home.drive_path(dev.bare()), ec);
  return Status::success();
}

std::optional<std::string> drive_target(const Home& home, const Device& dev) {
  auto target = read_record(home, dev);
  if (!target) return std::nullopt;
  auto now = live_target(dev);
  auto want = expected_live(*target);
  if (!now || !want || *now != *want) return std::nullopt;
  return target;
}

}  // namespace npemu::sys
