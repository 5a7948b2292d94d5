// End to end through the system's router: this program calls only mpr.dll's
// WNet* (and kernel32/advapi32); Wine's mpr.dll routes to npemu_np.dll, which
// `npnet provider install` registered. A second process holds a file open
// through npemu's file API (npemu_win_holder).
#include "e2e_common.hpp"

using namespace e2e;

namespace {

// The holder: started with pipes, prints "ready" once its file is open, and exits
// when its stdin closes.
struct Holder {
  PROCESS_INFORMATION pi{};
  HANDLE to_child = nullptr, from_child = nullptr;
  explicit Holder(const std::wstring& file) {
    SECURITY_ATTRIBUTES sa{sizeof sa, nullptr, TRUE};
    HANDLE child_in, child_out;
    CreatePipe(&child_in, &to_child, &sa, 0);
    CreatePipe(&from_child, &child_out, &sa, 0);
    SetHandleInformation(to_child, HANDLE_FLAG_INHERIT, 0);
    SetHandleInformation(from_child, HANDLE_FLAG_INHERIT, 0);
    wchar_t me[MAX_PATH * 2];
    std::wstring exe(me, GetModuleFileNameW(nullptr, me, MAX_PATH * 2));
    exe = exe.substr(0, exe.find_last_of(L"\\/") + 1) + L"npemu_win_holder.exe";
    std::wstring cmd = L"\"" + exe + L"\" \"" + file + L"\"";
    STARTUPINFOW si{};
    si.cb = sizeof si;
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = child_in;
    si.hStdOutput = child_out;
    si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    if (!CreateProcessW(exe.c_str(), cmd.data(), nullptr, nullptr, TRUE, 0, nullptr, nullptr, &si, &pi))
      pi.hProcess = nullptr;
    CloseHandle(child_in);
    CloseHandle(child_out);
  }
  std::string line() {
    std::string s;
    char c;
    DWORD got;
    while (ReadFile(from_child, &c, 1, &got, nullptr) && got == 1 && c != '\n')
      if (c != '\r') s += c;
    return s;
  }
  DWORD finish() {
    CloseHandle(to_child);
    DWORD code = 1;
    if (pi.hProcess) {
      WaitForSingleObject(pi.hProcess, 60000);
      GetExitCodeProcess(pi.hProcess, &code);
      CloseHandle(pi.hProcess);
      CloseHandle(pi.hThread);
    }
    CloseHandle(from_child);
    return code;
  }
};

}  // namespace

int main() {
  Home home;
  std::wstring drive = free_drive();
  std::wstring remote = L"\\\\files\\public";
  NETRESOURCEW nr{};
  nr.dwType = RESOURCETYPE_DISK;
  nr.lpLocalName = drive.data();
  nr.lpRemoteName = remote.data();

  DWORD rc = WNetAddConnection2W(&nr, nullptr, nullptr, CONNECT_UPDATE_PROFILE);
  check(rc == WN_SUCCESS, "WNetAddConnection2W connects a free drive to the local share", rc);
  check(listed(drive, remote), "WNetOpenEnumW/WNetEnumResourceW list the connection");
  check(read_file(drive + L"\\docs\\readme.txt") == "hello from the share\n", "a file reads through the drive");
  check(remembered(drive), "the connection is remembered (HKCU\\Network)");
  rc = WNetAddConnection2W(&nr, nullptr, nullptr, 0);
  check(rc == WN_ALREADY_CONNECTED, "connecting the drive again is WN_ALREADY_CONNECTED", rc);

  Holder holder(drive + L"\\docs\\readme.txt");
  std::string said = holder.line();
  if (said != "ready") std::printf("holder said: %s\n", said.c_str());
  check(said == "ready", "a second process holds the file open through npemu's file API");
  rc = WNetCancelConnection2W(drive.c_str(), CONNECT_UPDATE_PROFILE, FALSE);
  check(rc == WN_OPEN_FILES, "the non-forced cancel fails with WN_OPEN_FILES", rc);
  check(drive_exists(drive) && listed(drive, remote), "... and changes nothing: the drive stays");
  check(remembered(drive), "... and stays remembered");
  rc = WNetCancelConnection2W(drive.c_str(), CONNECT_UPDATE_PROFILE, TRUE);
  check(rc == WN_SUCCESS, "the forced cancel succeeds", rc);
  check(!drive_exists(drive) && !listed(drive, remote), "the drive is gone");
  check(!remembered(drive), "the device is no longer remembered (CONNECT_UPDATE_PROFILE)");
  DWORD held = holder.finish();
  check(held == 0, "the holder saw its handle fail after the forced cancel", held);

  rc = WNetCancelConnection2W(drive.c_str(), CONNECT_UPDATE_PROFILE, FALSE);
  check(rc == WN_NOT_CONNECTED, "cancelling it again is WN_NOT_CONNECTED", rc);
  std::wstring nowhere = L"\\\\files\\nowhere";
  nr.lpRemoteName = nowhere.data();
  rc = WNetAddConnection2W(&nr, nullptr, nullptr, 0);
  check(rc == WN_BAD_NETNAME, "a share no provider knows is WN_BAD_NETNAME", rc);

  // A drive npemu did not make: the provider says WN_NOT_CONNECTED (the MPR moves on)
  // and leaves it alone, even forced.
  std::wstring foreign = free_drive();
  std::wstring target = home.root + L"\\public";
  check(DefineDosDeviceW(0, foreign.c_str(), target.c_str()) != 0, "another program defines a drive");
  rc = WNetCancelConnection2W(foreign.c_str(), 0, TRUE);
  check(rc == WN_NOT_CONNECTED, "npemu does not claim a drive it did not make", rc);
  wchar_t link[MAX_PATH * 2];
  check(QueryDosDeviceW(foreign.c_str(), link, MAX_PATH * 2) != 0, "... and leaves it in place");
  DefineDosDeviceW(DDD_REMOVE_DEFINITION | DDD_EXACT_MATCH_ON_REMOVE, foreign.c_str(), target.c_str());

  std::printf(failures ? "e2e: %d FAILED\n" : "e2e: all ok\n", failures);
  return failures ? 1 : 0;
}
