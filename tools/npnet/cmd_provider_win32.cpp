// npnet provider install [DLL] | uninstall (Windows): registers npemu_np.dll with
// the system's network provider router (multiple provider router, MPR), through
// npemu::win32::install_provider / uninstall_provider (win32/registration.hpp).
// Both are idempotent; without administrator rights they fail and change nothing.
#include "commands.hpp"
#include "report.hpp"
#include "text.hpp"

#include <registration.hpp>

#include <windows.h>

#include <iostream>

namespace npnet {
namespace {

std::wstring dir_of_this_program() {
  std::wstring buf(MAX_PATH, L'\0');
  for (;;) {
    DWORD n = GetModuleFileNameW(nullptr, buf.data(), static_cast<DWORD>(buf.size()));
    if (n == 0) return L"";
    if (n < buf.size()) {
      buf.resize(n);
      break;
    }
    buf.resize(buf.size() * 2);
  }
  auto slash = buf.find_last_of(L"\\/");
  return slash == std::wstring::npos ? L"" : buf.substr(0, slash + 1);
}

// The MPR loads ProviderPath in every process: it must be a full path.
std::wstring full_path(const std::wstring& p) {
  DWORD need = GetFullPathNameW(p.c_str(), 0, nullptr, nullptr);
  if (need == 0) return p;
  std::wstring out(need, L'\0');
  DWORD n = GetFullPathNameW(p.c_str(), need, out.data(), nullptr);
  if (n == 0 || n >= need) return p;
  out.resize(n);
  return out;
}

int finish(const npemu::win32::RegistrationResult& r) {
  if (!r.ok()) {
    std::cerr << "npnet: " << r.message << "\n";
    return kExitFailed;
  }
  std::cout << r.message << "\n";
  return kExitOk;
}

}  // namespace

int run_provider(const ProviderOptions& o) {
  if (o.uninstall) return finish(npemu::win32::uninstall_provider());
  // Default: npemu_np.dll beside npnet.exe (the installed layout, bin\).
  std::wstring dll = o.dll.empty() ? dir_of_this_program() + L"npemu_np.dll" : widen(o.dll);
  auto r = npemu::win32::install_provider(full_path(dll));
  int code = finish(r);
  if (r.ok() && r.changed)
    std::cout << "Sign out and in again (or restart) so that every program's router loads it.\n";
  return code;
}

}  // namespace npnet
