#include "registration.hpp"

#include <windows.h>

#include <boost/nowide/convert.hpp>

#include <vector>

namespace npemu::win32 {
namespace {

// Class: WN_NETWORK_CLASS (npapi.h of the Windows SDK; mingw-w64 lacks it).
constexpr DWORD kNetworkClass = 1;
const std::wstring kServices = L"SYSTEM\\CurrentControlSet\\Services\\";
const std::wstring kOrderKey = L"SYSTEM\\CurrentControlSet\\Control\\NetworkProvider\\Order";

std::string narrow(const std::wstring& w) { return boost::nowide::narrow(w); }

RegistrationResult failure(LONG err, const std::string& what, const std::wstring& key) {
  std::string text = "cannot " + what + " HKLM\\" + narrow(key) + ": ";
  wchar_t* msg = nullptr;
  DWORD n = FormatMessageW(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM |
                               FORMAT_MESSAGE_IGNORE_INSERTS,
                           nullptr, static_cast<DWORD>(err), 0, reinterpret_cast<LPWSTR>(&msg), 0, nullptr);
  std::wstring m = n && msg ? std::wstring(msg, n) : L"";
  if (msg) LocalFree(msg);
  while (!m.empty() && (m.back() == L'\r' || m.back() == L'\n' || m.back() == L'.')) m.pop_back();
  text += (m.empty() ? "error" : narrow(m)) + " (" + std::to_string(err) + ")";
  if (err == ERROR_ACCESS_DENIED) text += "; run it as an administrator";
  return {static_cast<unsigned long>(err), false, text};
}

std::vector<std::wstring> split(const std::wstring& order) {
  std::vector<std::wstring> out;
  std::size_t start = 0;
  while (start <= order.size()) {
    std::size_t comma = order.find(L',', start);
    if (comma == std::wstring::npos) comma = order.size();
    out.push_back(order.substr(start, comma - start));
    start = comma + 1;
  }
  if (out.size() == 1 && out[0].empty()) out.clear();
  return out;
}

std::wstring trimmed(const std::wstring& s) {
  auto b = s.find_first_not_of(L" \t");
  if (b == std::wstring::npos) return L"";
  return s.substr(b, s.find_last_not_of(L" \t") - b + 1);
}

bool same_name(const std::wstring& a, const std::wstring& b) {
  return CompareStringOrdinal(trimmed(a).c_str(), -1, b.c_str(), -1, TRUE) == CSTR_EQUAL;
}

std::wstring join(const std::vector<std::wstring>& parts) {
  std::wstring out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? L"," : L"") + parts[i];
  return out;
}

// A REG_SZ value; nullopt-like (false) when missing. err set on other failures.
bool read_string(HKEY key, const wchar_t* value, std::wstring* out, LONG* err) {
  DWORD type = 0, size = 0;
  *err = RegQueryValueExW(key, value, nullptr, &type, nullptr, &size);
  if (*err == ERROR_FILE_NOT_FOUND) {
    *err = 0;
    return false;
  }
  if (*err) return false;
  std::vector<wchar_t> buf(size / sizeof(wchar_t) + 1, 0);
  *err = RegQueryValueExW(key, value, nullptr, &type, reinterpret_cast<BYTE*>(buf.data()), &size);
  if (*err) return false;
  *out = buf.data();
  return true;
}

LONG write_string(HKEY key, const wchar_t* value, const std::wstring& s) {
  return RegSetValueExW(key, value, 0, REG_SZ, reinterpret_cast<const BYTE*>(s.c_str()),
                        static_cast<DWORD>((s.size() + 1) * sizeof(wchar_t)));
}

}  // namespace

std::wstring order_with(const std::wstring& order, const std::wstring& name) {
  auto parts = split(order);
  for (const auto& p : parts)
    if (same_name(p, name)) return order;
  parts.push_back(name);
  return join(parts);
}

std::wstring order_without(const std::wstring& order, const std::wstring& name) {
  std::vector<std::wstring> kept;
  for (const auto& p : split(order))
    if (!same_name(p, name)) kept.push_back(p);
  return join(kept);
}

RegistrationResult install_provider(const std::wstring& dll_path, const std::wstring& name) {
  if (name.empty() || name.find_first_of(L"\\,") != std::wstring::npos)
    return {ERROR_INVALID_PARAMETER, false, "bad provider name '" + narrow(name) + "'"};
  if (GetFileAttributesW(dll_path.c_str()) == INVALID_FILE_ATTRIBUTES)
    return {ERROR_FILE_NOT_FOUND, false, "no provider DLL at " + narrow(dll_path)};
  const std::wstring np_key = kServices + name + L"\\NetworkProvider";
  // Check rights on both keys before changing either: nothing half-done.
  HKEY np = nullptr, order = nullptr;
  LONG err = RegCreateKeyExW(HKEY_LOCAL_MACHINE, np_key.c_str(), 0, nullptr, 0, KEY_READ | KEY_WRITE,
                             nullptr, &np, nullptr);
  if (err) return failure(err, "write", np_key);
  err = RegCreateKeyExW(HKEY_LOCAL_MACHINE, kOrderKey.c_str(), 0, nullptr, 0, KEY_READ | KEY_WRITE,
                        nullptr, &order, nullptr);
  if (err) {
    RegCloseKey(np);
    return failure(err, "write", kOrderKey);
  }
  RegistrationResult res;
  std::wstring cur;
  LONG rerr = 0;
  auto set_if_differs = [&](const wchar_t* value, const std::wstring& want) {
    if (err) return;
    if (read_string(np, value, &cur, &rerr) && cur == want) return;
    err = write_string(np, value, want);
    res.changed = true;
  };
  set_if_differs(L"ProviderPath", dll_path);
  set_if_differs(L"Name", name);
  if (!err) {
    DWORD cls = 0, type = 0, size = sizeof cls;
    if (RegQueryValueExW(np, L"Class", nullptr, &type, reinterpret_cast<BYTE*>(&cls), &size) ||
        type != REG_DWORD || cls != kNetworkClass) {
      cls = kNetworkClass;
      err = RegSetValueExW(np, L"Class", 0, REG_DWORD, reinterpret_cast<const BYTE*>(&cls), sizeof cls);
      res.changed = true;
    }
  }
  if (err) {
    RegCloseKey(np);
    RegCloseKey(order);
    return failure(err, "write", np_key);
  }
  std::wstring old_order;
  read_string(order, L"ProviderOrder", &old_order, &rerr);
  std::wstring new_order = order_with(old_order, name);
  if (new_order != old_order) {
    err = write_string(order, L"ProviderOrder", new_order);
    res.changed = true;
  }
  RegCloseKey(np);
  RegCloseKey(order);
  if (err) return failure(err, "write", kOrderKey);
  res.message = res.changed ? "installed " + narrow(name) + " (" + narrow(dll_path) + "); ProviderOrder: " +
                                  narrow(new_order)
                            : narrow(name) + " is already installed";
  return res;
}

RegistrationResult uninstall_provider(const std::wstring& name) {
  if (name.empty() || name.find_first_of(L"\\,") != std::wstring::npos)
    return {ERROR_INVALID_PARAMETER, false, "bad provider name '" + narrow(name) + "'"};
  RegistrationResult res;
  HKEY order = nullptr;
  LONG err = RegOpenKeyExW(HKEY_LOCAL_MACHINE, kOrderKey.c_str(), 0, KEY_READ | KEY_WRITE, &order);
  if (err && err != ERROR_FILE_NOT_FOUND) return failure(err, "write", kOrderKey);
  if (!err) {
    std::wstring old_order;
    LONG rerr = 0;
    if (read_string(order, L"ProviderOrder", &old_order, &rerr)) {
      std::wstring new_order = order_without(old_order, name);
      if (new_order != old_order) {
        // An order that held only npemu goes as a whole, as it was before install.
        err = new_order.empty() ? RegDeleteValueW(order, L"ProviderOrder")
                                : write_string(order, L"ProviderOrder", new_order);
        res.changed = true;
      }
    }
    RegCloseKey(order);
    if (err) return failure(err, "write", kOrderKey);
  }
  const std::wstring service = kServices + name;
  const std::wstring np_key = service + L"\\NetworkProvider";
  err = RegDeleteKeyW(HKEY_LOCAL_MACHINE, np_key.c_str());
  if (err && err != ERROR_FILE_NOT_FOUND) return failure(err, "delete", np_key);
  if (!err) res.changed = true;
  // The service key goes only when install's subkey was all it held.
  HKEY svc = nullptr;
  if (RegOpenKeyExW(HKEY_LOCAL_MACHINE, service.c_str(), 0, KEY_READ, &svc) == ERROR_SUCCESS) {
    DWORD subkeys = 0, values = 0;
    bool empty = RegQueryInfoKeyW(svc, nullptr, nullptr, nullptr, &subkeys, nullptr, nullptr, &values,
                                  nullptr, nullptr, nullptr, nullptr) == ERROR_SUCCESS &&
                 subkeys == 0 && values == 0;
    RegCloseKey(svc);
    if (empty) RegDeleteKeyW(HKEY_LOCAL_MACHINE, service.c_str());
  }
  res.message = res.changed ? "uninstalled " + narrow(name) : narrow(name) + " is not installed";
  return res;
}

}  // namespace npemu::win32
