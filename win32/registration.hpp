// Network provider registration (what `npnet provider install|uninstall` does):
//   HKLM\SYSTEM\CurrentControlSet\Services\<name>\NetworkProvider
//       ProviderPath (REG_SZ), Name (REG_SZ), Class (REG_DWORD 1 = WN_NETWORK_CLASS)
//   HKLM\SYSTEM\CurrentControlSet\Control\NetworkProvider\Order
//       ProviderOrder (REG_SZ, comma-separated): <name> appended, the others kept in order.
// Both are idempotent; uninstall removes exactly what install added.
#pragma once
#include <string>

namespace npemu::win32 {

struct RegistrationResult {
  unsigned long code = 0;  // 0, or the Win32 error (ERROR_ACCESS_DENIED without rights)
  bool changed = false;    // false: it was already so
  std::string message;     // one line for people, naming the key on failure
  bool ok() const { return code == 0; }
};

inline constexpr const wchar_t* kProviderName = L"npemu";

RegistrationResult install_provider(const std::wstring& dll_path, const std::wstring& name = kProviderName);
RegistrationResult uninstall_provider(const std::wstring& name = kProviderName);

// The comma-separated order with name appended / removed (exact, case-insensitive
// entries; spaces around entries kept as they were). Pure: tested without a registry.
std::wstring order_with(const std::wstring& order, const std::wstring& name);
std::wstring order_without(const std::wstring& order, const std::wstring& name);

}  // namespace npemu::win32
