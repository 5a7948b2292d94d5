#include "win_home.hpp"

#include <windows.h>

#include <boost/filesystem.hpp>
#include <boost/nowide/convert.hpp>
#include <boost/nowide/fstream.hpp>

#include <atomic>
#include <stdexcept>

namespace fs = boost::filesystem;

namespace npemu_wintest {

std::wstring W(const std::string& s) { return boost::nowide::widen(s); }

WinHome::WinHome(const std::string& tag) {
  static std::atomic<int> counter{0};
  wchar_t tmp[MAX_PATH + 1];
  GetTempPathW(MAX_PATH + 1, tmp);
  root_ = boost::nowide::narrow(tmp) + "npemu-unit-" + std::to_string(GetCurrentProcessId()) + "-" +
          std::to_string(counter++) + tag;
  fs::remove_all(fs::path(W(root_)));
  fs::create_directories(fs::path(W(share("public") + "\\docs")));
  fs::create_directories(fs::path(W(share("other"))));
  fs::create_directories(fs::path(W(root_ + "\\home")));
  boost::nowide::ofstream(share("public") + "\\docs\\readme.txt", std::ios::binary) << "hello from the share\n";
  // TOML literal strings: the backslashes of Windows paths stay as they are.
  boost::nowide::ofstream(root_ + "\\home\\npemu.toml", std::ios::binary)
      << "[local.shares.'\\\\files\\public']\npath = '" << share("public") << "'\n"
      << "[local.shares.'\\\\files\\other']\npath = '" << share("other") << "'\n";
  // _wputenv_s updates both the C runtime's copy (getenv) and the process environment.
  if (_wputenv_s(L"NPEMU_HOME", W(root_ + "\\home").c_str()) != 0) throw std::runtime_error("putenv");
  npemu_reload();
}

WinHome::~WinHome() {
  _wputenv_s(L"NPEMU_HOME", L"");
  npemu_reload();
  boost::system::error_code ec;
  fs::remove_all(fs::path(W(root_)), ec);
}

std::string free_drive() {
  DWORD used = GetLogicalDrives();
  for (char c = 'Y'; c > 'D'; --c)
    if (!(used & (1u << (c - 'A')))) return std::string(1, c) + ":";
  throw std::runtime_error("no free drive letter");
}

DWORD add(const std::string& local, const std::string& remote, DWORD flags) {
  std::wstring l = W(local), r = W(remote);
  NETRESOURCEW nr{};
  nr.dwType = RESOURCETYPE_DISK;
  nr.lpLocalName = local.empty() ? nullptr : l.data();
  nr.lpRemoteName = r.data();
  return NPAddConnection3(nullptr, &nr, nullptr, nullptr, flags);
}

DWORD cancel(const std::string& name, bool force) {
  std::wstring n = W(name);
  return NPCancelConnection(n.data(), force);
}

}  // namespace npemu_wintest
