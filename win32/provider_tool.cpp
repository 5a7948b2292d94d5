// npemu_provider install [DLL] | uninstall — registers npemu_np.dll with the
// system's MPR (what `npnet provider install|uninstall` does, for machines and
// tests without the CLI). Default DLL: npemu_np.dll next to this program.
#include "registration.hpp"

#include <windows.h>

#include <boost/nowide/args.hpp>
#include <boost/nowide/convert.hpp>
#include <boost/nowide/iostream.hpp>

#include <string>

namespace {

std::wstring dll_beside_me() {
  wchar_t buf[MAX_PATH * 2];
  DWORD n = GetModuleFileNameW(nullptr, buf, MAX_PATH * 2);
  std::wstring p(buf, n);
  auto slash = p.find_last_of(L"\\/");
  return (slash == std::wstring::npos ? L"" : p.substr(0, slash + 1)) + L"npemu_np.dll";
}

std::wstring full_path(const std::wstring& p) {
  wchar_t buf[MAX_PATH * 2];
  DWORD n = GetFullPathNameW(p.c_str(), MAX_PATH * 2, buf, nullptr);
  return n && n < MAX_PATH * 2 ? std::wstring(buf, n) : p;
}

}  // namespace

int main(int argc, char** argv) {
  boost::nowide::args utf8_args(argc, argv);
  std::string cmd = argc > 1 ? argv[1] : "";
  npemu::win32::RegistrationResult r;
  if (cmd == "install" && argc <= 3) {
    r = npemu::win32::install_provider(full_path(argc == 3 ? boost::nowide::widen(argv[2]) : dll_beside_me()));
  } else if (cmd == "uninstall" && argc == 2) {
    r = npemu::win32::uninstall_provider();
  } else {
    boost::nowide::cerr << "usage: npemu_provider install [PATH\\npemu_np.dll] | uninstall\n";
    return 2;
  }
  (r.ok() ? boost::nowide::cout : boost::nowide::cerr) << (r.ok() ? "" : "npemu_provider: ") << r.message << "\n";
  return r.ok() ? 0 : 1;
}
