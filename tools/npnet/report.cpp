#include "report.hpp"

#include "text.hpp"

#include <iostream>
#include <vector>

namespace npnet {

std::string last_detail(DWORD expected) {
  DWORD code = 0, len = 0;
  if (npemu_last_error(&code, nullptr, &len) != WN_MORE_DATA || code != expected) return "";
  std::vector<WCHAR> buf(len + 1);
  len = static_cast<DWORD>(buf.size());
  if (npemu_last_error(&code, buf.data(), &len) != WN_SUCCESS) return "";
  return narrow(buf.data());
}

std::string config_file(bool* exists) {
  DWORD len = 0, there = 0;
  if (exists) *exists = false;
  if (npemu_config_file(nullptr, &len, nullptr) != WN_MORE_DATA) return "";
  std::vector<WCHAR> buf(len + 1);
  len = static_cast<DWORD>(buf.size());
  if (npemu_config_file(buf.data(), &len, &there) != WN_SUCCESS) return "";
  if (exists) *exists = there != 0;
  return narrow(buf.data());
}

void warn_if_no_config() {
  bool exists = false;
  std::string file = config_file(&exists);
  if (!file.empty() && !exists)
    std::cerr << "npnet: no configuration: " << file << " does not exist, so no share is served (see npemu.toml(5))\n";
}

namespace {

// name as a POSIX shell takes it back: a hint's command can be pasted as it is
// (\\files\public unquoted would lose its backslashes).
std::string shell_word(const std::string& name) {
  bool plain = !name.empty() && name.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                                       "0123456789:._/-") == std::string::npos;
  if (plain) return name;
  std::string out = "'";
  for (char c : name) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// The configuration file a detail starts with ("FILE:LINE: ..."): npemu.toml, or
// npnet's own npnet.toml; "" when it names none.
std::string toml_of(const std::string& detail) {
  auto end = detail.find(".toml");
  if (end == std::string::npos || detail.compare(0, 1, "/") != 0) return "";
  return detail.substr(0, end + 5);
}

std::string hint(DWORD code, const std::string& name, const std::string& detail) {
  const std::string n = name.empty() ? "NAME" : shell_word(name);
  switch (code) {
    case WN_OPEN_FILES:
      return "close them, or drop them with: npnet use " + n + " --delete --force";
    case WN_BAD_NETNAME:
      return "check the name, and that " + config_file() + " declares it (npnet providers; npemu.toml(5))";
    case WN_BAD_LOCALNAME:
      return "a local device is a drive A: to Z: or a printer port LPT1: to LPT9:";
    case WN_ALREADY_CONNECTED:
      return "disconnect it first: npnet use " + n + " --delete";
    case WN_DEVICE_ALREADY_REMEMBERED:
      return "forget the remembered connection first: npnet use " + n + " --delete";
    case WN_NOT_CONNECTED:
      return "see what is connected: npnet list";
    case WN_CONNECTION_CLOSED:
      return "reconnect the remembered connections: npnet restore";
    case WN_BAD_PASSWORD:
    case WN_ACCESS_DENIED:
    case WN_BAD_USER:
      return "give --user NAME and the password at the prompt or with --password-stdin";
    case WN_NO_NETWORK:
    case WN_NO_NET_OR_BAD_PATH:
      return "is the server running, and are its address and port right in npemu.toml [servers]?";
    case WN_BAD_PROFILE:
    case WN_CANNOT_OPEN_PROFILE: {
      std::string file = toml_of(detail);
      if (!file.empty() && file != config_file()) return "fix " + file;
      return "fix " + config_file() + " (npemu.toml(5))";
    }
    case WN_BAD_PROVIDER:
      return "list the configured providers: npnet providers";
    case WN_NO_MORE_DEVICES:
      return "every drive letter is in use: name a device, or use a deviceless connection";
    case WN_BAD_DEV_TYPE:
      return "drives take disk shares, LPT ports take printers";
    default:
      return "";
  }
}

// What the code means here: a malformed npemu.toml (or npnet.toml) is not "the state store".
std::string meaning(DWORD code, const std::string& detail) {
  if (code == WN_BAD_PROFILE && !toml_of(detail).empty()) return "the configuration file is not valid";
  return npemu_error_text(code);
}

}  // namespace

std::string failure_line(DWORD code, const std::string& detail, const std::string& name) {
  std::string line = std::string("npnet: ") + npemu_error_name(code) + " (" + std::to_string(code) +
                     "): " + meaning(code, detail);
  if (!detail.empty()) line += ": " + detail;
  std::string h = hint(code, name, detail);
  if (!h.empty()) line += "; hint: " + h;
  for (auto& c : line)
    if (c == '\n' || c == '\r') c = ' ';  // one line, whatever the detail holds
  return line;
}

int report_failure(DWORD code, const std::string& name) { return report_failure(code, last_detail(code), name); }

int report_failure(DWORD code, const std::string& detail, const std::string& name) {
  std::cerr << failure_line(code, detail, name) << "\n";
  return kExitFailed;
}

}  // namespace npnet
