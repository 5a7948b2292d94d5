// Provider registration in the (Wine) registry: idempotent, exact undo, clear errors.
#include <doctest/doctest.h>

#include "registration.hpp"

#include <windows.h>

#include <optional>
#include <string>

using namespace npemu::win32;

namespace {

const wchar_t* kOrder = L"SYSTEM\\CurrentControlSet\\Control\\NetworkProvider\\Order";
const wchar_t* kTestName = L"npemu_unit_test";
const std::wstring kKey = L"SYSTEM\\CurrentControlSet\\Services\\npemu_unit_test\\NetworkProvider";

std::optional<std::wstring> reg_string(const std::wstring& key, const wchar_t* value) {
  wchar_t buf[2048];
  DWORD size = sizeof buf;
  if (RegGetValueW(HKEY_LOCAL_MACHINE, key.c_str(), value, RRF_RT_REG_SZ, nullptr, buf, &size))
    return std::nullopt;
  return std::wstring(buf);
}

bool key_exists(const std::wstring& key) {
  HKEY k;
  if (RegOpenKeyExW(HKEY_LOCAL_MACHINE, key.c_str(), 0, KEY_READ, &k)) return false;
  RegCloseKey(k);
  return true;
}

std::wstring self_path() {
  wchar_t buf[MAX_PATH * 2];
  return std::wstring(buf, GetModuleFileNameW(nullptr, buf, MAX_PATH * 2));
}

}  // namespace

TEST_CASE("registration: ProviderOrder keeps the others and their order") {
  CHECK(order_with(L"", L"npemu") == L"npemu");
  CHECK(order_with(L"RDPNP,LanmanWorkstation", L"npemu") == L"RDPNP,LanmanWorkstation,npemu");
  CHECK(order_with(L"RDPNP,NPEMU,webclient", L"npemu") == L"RDPNP,NPEMU,webclient");
  CHECK(order_without(L"RDPNP,npemu,webclient", L"npemu") == L"RDPNP,webclient");
  CHECK(order_without(L"npemu", L"npemu") == L"");
  CHECK(order_without(L"RDPNP,npemux", L"npemu") == L"RDPNP,npemux");
}

TEST_CASE("registration: install and uninstall are idempotent and undo exactly") {
  auto before = reg_string(kOrder, L"ProviderOrder");
  std::wstring dll = self_path();

  auto r = install_provider(dll, kTestName);
  REQUIRE_MESSAGE(r.ok(), r.message);
  CHECK(r.changed);
  CHECK(reg_string(kKey, L"ProviderPath") == dll);
  CHECK(reg_string(kKey, L"Name") == std::wstring(kTestName));
  DWORD cls = 0, size = sizeof cls;
  CHECK(RegGetValueW(HKEY_LOCAL_MACHINE, kKey.c_str(), L"Class", RRF_RT_REG_DWORD, nullptr, &cls, &size) == 0);
  CHECK(cls == 1);
  CHECK(reg_string(kOrder, L"ProviderOrder") == order_with(before.value_or(L""), kTestName));

  auto again = install_provider(dll, kTestName);
  CHECK(again.ok());
  CHECK_FALSE(again.changed);
  CHECK(reg_string(kOrder, L"ProviderOrder") == order_with(before.value_or(L""), kTestName));

  auto u = uninstall_provider(kTestName);
  REQUIRE_MESSAGE(u.ok(), u.message);
  CHECK(u.changed);
  CHECK_FALSE(key_exists(L"SYSTEM\\CurrentControlSet\\Services\\npemu_unit_test"));
  CHECK(reg_string(kOrder, L"ProviderOrder") == before);

  auto u2 = uninstall_provider(kTestName);
  CHECK(u2.ok());
  CHECK_FALSE(u2.changed);
}

TEST_CASE("registration: bad input is a clear error and changes nothing") {
  auto before = reg_string(kOrder, L"ProviderOrder");
  auto r = install_provider(L"C:\\no\\such\\npemu_np.dll", kTestName);
  CHECK_FALSE(r.ok());
  CHECK(r.message.find("no provider DLL") != std::string::npos);
  CHECK_FALSE(key_exists(kKey));
  auto bad = install_provider(self_path(), L"a,b");
  CHECK_FALSE(bad.ok());
  CHECK(reg_string(kOrder, L"ProviderOrder") == before);
}

TEST_CASE("registration: other providers keep their places in the registry") {
  auto before = reg_string(kOrder, L"ProviderOrder");
  HKEY k;
  REQUIRE(RegCreateKeyExW(HKEY_LOCAL_MACHINE, kOrder, 0, nullptr, 0, KEY_WRITE, nullptr, &k, nullptr) == 0);
  const std::wstring others = L"RDPNP,LanmanWorkstation,webclient";
  RegSetValueExW(k, L"ProviderOrder", 0, REG_SZ, reinterpret_cast<const BYTE*>(others.c_str()),
                 static_cast<DWORD>((others.size() + 1) * sizeof(wchar_t)));
  REQUIRE(install_provider(self_path(), kTestName).ok());
  CHECK(reg_string(kOrder, L"ProviderOrder") == others + L"," + kTestName);
  REQUIRE(uninstall_provider(kTestName).ok());
  CHECK(reg_string(kOrder, L"ProviderOrder") == others);
  // Put back what the prefix had.
  if (before)
    RegSetValueExW(k, L"ProviderOrder", 0, REG_SZ, reinterpret_cast<const BYTE*>(before->c_str()),
                   static_cast<DWORD>((before->size() + 1) * sizeof(wchar_t)));
  else
    RegDeleteValueW(k, L"ProviderOrder");
  RegCloseKey(k);
  CHECK(reg_string(kOrder, L"ProviderOrder") == before);
}
