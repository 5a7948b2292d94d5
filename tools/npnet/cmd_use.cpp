// npnet use: connect (with a device, `*` for the first free drive, or none) and
// disconnect (--delete, refused while files are open unless --force).
#include "commands.hpp"
#include "password.hpp"
#include "report.hpp"
#include "text.hpp"

#include <npemu/npemu.h>

#include <iostream>
#include <set>

namespace npnet {
namespace {

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// As the store spells it: upper case, with the colon ("lpt1" → "LPT1:").
std::string device_display(const std::string& device) {
  std::string d = upper(device);
  return !d.empty() && d.back() != ':' ? d + ":" : d;
}

bool is_printer_port(const std::string& device) { return upper(device).rfind("LPT", 0) == 0; }

// Drives taken now or remembered: `*` skips both, as net use does.
std::set<std::string> drives_in_use() {
  std::set<std::string> used;
  npemu_connection* list = nullptr;
  DWORD count = 0;
  if (npemu_list_connections(NPEMU_LIST_CONNECTED | NPEMU_LIST_REMEMBERED, &list, &count) == WN_SUCCESS)
    for (DWORD i = 0; i < count; ++i) used.insert(upper(narrow(list[i].local)));
  npemu_free_connections(list, count);
  return used;
}

DWORD add(const std::string& device, const std::string& remote, const UseOptions& o,
          std::wstring* password) {
  std::wstring wlocal = widen(device), wremote = widen(remote), wuser = widen(o.user);
  NETRESOURCEW nr{};
  nr.dwType = device.empty() ? RESOURCETYPE_ANY : is_printer_port(device) ? RESOURCETYPE_PRINT : RESOURCETYPE_DISK;
  nr.lpLocalName = device.empty() ? nullptr : wlocal.data();
  nr.lpRemoteName = wremote.data();
  DWORD flags = o.persistent ? CONNECT_UPDATE_PROFILE : 0;
  return NPAddConnection3(nullptr, &nr, password ? password->data() : nullptr,
                          o.user.empty() ? nullptr : wuser.data(), flags);
}

std::optional<std::string> ask_password(const UseOptions& o, const std::string& remote) {
  if (o.password_stdin) return password_from_stdin();
  if (!stdin_is_terminal()) return std::nullopt;
  std::string who = o.user.empty() ? "" : o.user + "@";
  return password_from_terminal("Password for " + who + remote + ": ");
}

int connect(const UseOptions& o) {
  std::string device = o.names.size() == 2 ? o.names[0] : "";
  const std::string& remote = o.names.back();
  if (!looks_remote(remote))
    return usage_error("'" + remote + "' is not a remote name (\\\\server\\share, //server/share or smb://server/share)");

  // A password is asked for up front when the user is named or --password-stdin is given.
  std::optional<std::wstring> password;
  if (o.password_stdin || (!o.user.empty() && stdin_is_terminal())) {
    auto typed = ask_password(o, remote);
    if (!typed && o.password_stdin) return usage_error("--password-stdin: stdin is empty");
    if (typed) {
      password = widen(*typed);
      wipe(*typed);
    }
  }

  DWORD rc = WN_SUCCESS;
  if (device == "*") {
    auto used = drives_in_use();
    rc = WN_NO_MORE_DEVICES;
    for (char letter = 'Z'; letter >= 'D' && rc != WN_SUCCESS; --letter) {
      std::string drive = std::string(1, letter) + ":";
      if (used.count(drive)) continue;
      rc = add(drive, remote, o, password ? &*password : nullptr);
      if (rc == WN_SUCCESS) device = drive;
      else if (rc != WN_ALREADY_CONNECTED) break;  // another process took it meanwhile: next
    }
  } else {
    rc = add(device, remote, o, password ? &*password : nullptr);
    // The server wants a password nobody gave: ask once at the terminal.
    if (rc == WN_BAD_PASSWORD && !password && !o.password_stdin && stdin_is_terminal()) {
      if (auto typed = ask_password(o, remote)) {
        password = widen(*typed);
        wipe(*typed);
        rc = add(device, remote, o, &*password);
      }
    }
  }
  if (password) wipe(*password);
  if (rc != WN_SUCCESS) {
    // Keep the engine's detail: report before any other API call.
    return report_failure(rc, device.empty() || device == "*" ? remote : device);
  }
  if (device.empty())
    std::cout << remote << " is now connected.\n";
  else
    std::cout << device_display(device) << " is now connected to " << remote << ".\n";
  if (o.persistent && !device.empty()) std::cout << "It will be remembered (npnet restore reconnects it).\n";
  return kExitOk;
}

int disconnect(const UseOptions& o) {
  const std::string& name = o.names.front();
  std::wstring wname = widen(name);
  // Like net use /delete, the device's remembered entry goes too.
  DWORD rc = NPCancelConnection2(wname.data(), o.force ? TRUE : FALSE, CONNECT_UPDATE_PROFILE);
  if (rc != WN_SUCCESS) return report_failure(rc, name);
  std::cout << (looks_remote(name) ? name : device_display(name)) << " was deleted successfully.\n";
  return kExitOk;
}

}  // namespace

int run_use(const UseOptions& o) {
  if (o.remove) {
    if (o.names.size() != 1) return usage_error("--delete takes one name: a DEVICE or a REMOTE");
    if (!o.user.empty() || o.password_stdin || o.persistent)
      return usage_error("--user, --password-stdin and --persistent do not go with --delete");
    return disconnect(o);
  }
  if (o.force) return usage_error("--force (/y) only goes with --delete");
  if (o.names.empty()) return run_list(ListOptions{});  // plain `net use` lists
  if (o.names.size() > 2)
    return usage_error("too many names; a password is never an argument: use the prompt or --password-stdin");
  return connect(o);
}

}  // namespace npnet
