// The core on Windows (under Wine in CI): the platform interface of sys_win32
// and the cancel rules over a real drive letter.
#include <doctest/doctest.h>

#include "../../../core/src/sys.hpp"
#include "win_home.hpp"

#include <windows.h>

#include <boost/filesystem.hpp>
#include <boost/nowide/fstream.hpp>

using namespace npemu_wintest;

TEST_CASE("win32: a process is named by its pid and creation time") {
  auto me = npemu::sys::self_pid();
  CHECK(me == GetCurrentProcessId());
  CHECK(npemu::sys::start_time(me) != 0);
  CHECK(npemu::sys::process_alive(me, npemu::sys::start_time(me)));
  CHECK_FALSE(npemu::sys::process_alive(me, npemu::sys::start_time(me) + 1));
  CHECK(npemu::sys::start_time(0) == 0);
  CHECK(npemu::sys::start_time(0x7ffffff0) == 0);
  CHECK(npemu::sys::program_of(me) == "npemu_unit");
}

TEST_CASE("win32: a process that has exited is gone while its object is still open") {
  // Exit code 259 is STILL_ACTIVE's value: only the signalled object tells it apart.
  for (const wchar_t* exit_code : {L"0", L"259"}) {
    CAPTURE(boost::nowide::narrow(exit_code));
    std::wstring cmd = std::wstring(L"cmd.exe /c exit ") + exit_code;
    STARTUPINFOW si{};
    si.cb = sizeof si;
    PROCESS_INFORMATION pi{};
    REQUIRE(CreateProcessW(nullptr, cmd.data(), nullptr, nullptr, FALSE, 0, nullptr, nullptr, &si, &pi));
    CloseHandle(pi.hThread);
    REQUIRE(WaitForSingleObject(pi.hProcess, 10000) == WAIT_OBJECT_0);
    CHECK(npemu::sys::start_time(pi.dwProcessId) == 0);  // pi.hProcess still keeps the object
    CloseHandle(pi.hProcess);
  }
}

TEST_CASE("win32: the default home is %LOCALAPPDATA%\\npemu") {
  wchar_t buf[MAX_PATH * 2];
  DWORD n = GetEnvironmentVariableW(L"LOCALAPPDATA", buf, MAX_PATH * 2);
  REQUIRE(n > 0);
  CHECK(npemu::sys::default_home() == boost::nowide::narrow(buf) + "\\npemu");
}

TEST_CASE("win32: a drive connection is a real drive letter, and cancel keeps its rules") {
  WinHome home;
  std::string drive = free_drive();
  REQUIRE(add(drive, "\\\\files\\public") == WN_SUCCESS);
  CHECK(add(drive, "\\\\files\\other") == WN_ALREADY_CONNECTED);

  // Every program sees the drive: a plain Windows file open through it.
  boost::nowide::ifstream in(drive + "\\docs\\readme.txt", std::ios::binary);
  std::string line;
  REQUIRE(std::getline(in, line));
  CHECK(line == "hello from the share");
  in.close();

  wchar_t remote[300];
  DWORD len = 300;
  std::wstring d = W(drive);
  REQUIRE(NPGetConnection(d.data(), remote, &len) == WN_SUCCESS);
  CHECK(std::wstring(remote) == L"\\\\files\\public");

  // A file held open through npemu's file API: the non-forced cancel is refused.
  npemu_file* f = nullptr;
  REQUIRE(npemu_open(W(drive + "\\docs\\readme.txt").c_str(), NPEMU_OPEN_READ, &f) == WN_SUCCESS);
  CHECK(cancel(drive, false) == WN_OPEN_FILES);
  CHECK((GetLogicalDrives() & (1u << (drive[0] - 'A'))) != 0);
  CHECK(cancel(drive, true) == WN_SUCCESS);
  CHECK((GetLogicalDrives() & (1u << (drive[0] - 'A'))) == 0);
  char buf[8];
  DWORD got = 0;
  CHECK(npemu_read(f, buf, sizeof buf, &got) == WN_NOT_CONNECTED);
  npemu_close(f);
  CHECK(cancel(drive, false) == WN_NOT_CONNECTED);
}

TEST_CASE("win32: deviceless connections and bad names") {
  WinHome home;
  REQUIRE(add("", "\\\\files\\public") == WN_SUCCESS);
  npemu_file* f = nullptr;
  REQUIRE(npemu_open(L"\\\\files\\public\\docs\\readme.txt", NPEMU_OPEN_READ, &f) == WN_SUCCESS);
  char buf[64];
  DWORD got = 0;
  REQUIRE(npemu_read(f, buf, sizeof buf, &got) == WN_SUCCESS);
  CHECK(std::string(buf, got) == "hello from the share\n");
  CHECK(cancel("\\\\files\\public", false) == WN_OPEN_FILES);
  CHECK(npemu_close(f) == WN_SUCCESS);
  CHECK(cancel("\\\\FILES\\Public", false) == WN_SUCCESS);
  // A directory below the share (canonical paths use '\\' on Windows).
  CHECK(add("", "\\\\files\\public\\docs") == WN_SUCCESS);
  CHECK(cancel("\\\\files\\public\\docs", false) == WN_SUCCESS);
  CHECK(add("", "\\\\files\\public\\nodir") == WN_BAD_NETNAME);
  CHECK(add("", "\\\\files\\nowhere") == WN_BAD_NETNAME);
  CHECK(add("", "\\\\files\\public\\..\\other") == WN_BAD_NETNAME);
  CHECK(NPCancelConnection(nullptr, FALSE) == WN_BAD_POINTER);
  CHECK(cancel("Q:", false) == WN_NOT_CONNECTED);
}

// Windows keeps paths and the environment in UTF-16: a home under a user named Zoë
// must not go through the ANSI code page (Wine's is 1252) anywhere.
TEST_CASE("win32: a home, a share and a file whose names are not ASCII") {
  WinHome home("-Zo\xc3\xab-\xce\xa9");  // "-Zoë-Ω"
  REQUIRE(add("", "\\\\files\\public") == WN_SUCCESS);
  CHECK(boost::filesystem::exists(boost::filesystem::path(W(home.root() + "\\home\\state.locks"))));
  npemu_file* f = nullptr;
  REQUIRE(npemu_open(L"\\\\files\\public\\caf\u00e9.txt", NPEMU_OPEN_WRITE | NPEMU_OPEN_CREATE, &f) == WN_SUCCESS);
  DWORD put = 0;
  CHECK(npemu_write(f, "x", 1, &put) == WN_SUCCESS);
  CHECK(cancel("\\\\files\\public", false) == WN_OPEN_FILES);
  CHECK(npemu_close(f) == WN_SUCCESS);
  CHECK(boost::filesystem::exists(boost::filesystem::path(W(home.share() + "\\caf\xc3\xa9.txt"))));
  std::string drive = free_drive();
  REQUIRE(add(drive, "\\\\files\\other") == WN_SUCCESS);
  WCHAR remote[64];
  DWORD len = 64;
  std::wstring d = W(drive);
  CHECK(NPGetConnection(d.data(), remote, &len) == WN_SUCCESS);
  CHECK(std::wstring(remote) == L"\\\\files\\other");
  CHECK(cancel(drive, false) == WN_SUCCESS);
  CHECK(cancel("\\\\files\\public", false) == WN_SUCCESS);
}
