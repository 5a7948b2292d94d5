// npnet use: connect (with a device, `*` for the first free drive, or none),
// disconnect (--delete, refused while files are open unless --force), and a
// device alone shows its connection.
#include "commands.hpp"
#include "password.hpp"
#include "report.hpp"
#include "settings.hpp"
#include "text.hpp"

#include <npemu/npemu.h>

#include <filesystem>
#include <iostream>
#include <set>

namespace npnet {
namespace {

bool is_printer_port(const std::string& device) { return upper(device).rfind("LPT", 0) == 0; }

bool exists_here(const std::string& name) {
  std::error_code ec;
  return std::filesystem::exists(std::filesystem::path(std::u8string(name.begin(), name.end())), ec);
}

// `npnet use * \\files\public` unquoted in a directory with files: the shell
// replaced `*` by their names. True when every name before the remote is one.
bool shell_expanded_star(const std::vector<std::string>& names) {
  if (names.size() < 2) return false;
  for (std::size_t i = 0; i + 1 < names.size(); ++i)
    if (looks_device(names[i]) || !exists_here(names[i])) return false;
  return true;
}

// `npnet use * --delete` unquoted: every name is a file here, none a device or remote.
bool shell_expanded_delete(const std::vector<std::string>& names) {
  for (const auto& n : names)
    if (looks_device(n) || looks_remote(n) || !exists_here(n)) return false;
  return !names.empty();
}

// What device is remembered for, "" when it is not: net use refuses to redirect a
// device remembered for another share (1202) rather than quietly replace it.
std::wstring remembered_for(const std::string& device) {
  std::wstring out;
  npemu_connection* list = nullptr;
  DWORD count = 0;
  if (npemu_list_connections(NPEMU_LIST_REMEMBERED, &list, &count) == WN_SUCCESS)
    for (DWORD i = 0; i < count; ++i)
      if (upper(narrow(list[i].local)) == upper(device)) out = list[i].remote;
  npemu_free_connections(list, count);
  return out;
}

// The same share and path, whatever the separators and the case of server and share.
bool same_remote(std::string a, std::string b) {
  for (auto* s : {&a, &b}) {
    if (s->rfind("smb:", 0) == 0) s->erase(0, 4);
    for (char& c : *s)
      if (c == '/') c = '\\';
  }
  return upper(a) == upper(b);
}

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

DWORD add(const std::string& device, const std::string& remote, const UseOptions& o, bool remember,
          std::wstring* password) {
  std::wstring wlocal = widen(device), wremote = widen(remote), wuser = widen(o.user);
  NETRESOURCEW nr{};
  nr.dwType = device.empty() ? RESOURCETYPE_ANY : is_printer_port(device) ? RESOURCETYPE_PRINT : RESOURCETYPE_DISK;
  nr.lpLocalName = device.empty() ? nullptr : wlocal.data();
  nr.lpRemoteName = wremote.data();
  DWORD flags = remember && !device.empty() ? CONNECT_UPDATE_PROFILE : 0;
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
  if (device.empty() && o.persistent.value_or(false))
    return usage_error("--persistent remembers a device; a connection without one is never remembered");
  // Without --persistent or --no-persistent: the lasting default (npnet use /persistent:yes).
  bool remember = false;
  if (o.persistent) {
    remember = *o.persistent;
  } else if (!device.empty()) {
    std::string error;
    auto settings = load_settings(&error);
    if (!settings) return report_failure(WN_BAD_PROFILE, error, device);
    remember = settings->persistent;
  }

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
      rc = add(drive, remote, o, remember, password ? &*password : nullptr);
      if (rc == WN_SUCCESS) device = drive;
      else if (rc != WN_ALREADY_CONNECTED) break;  // another process took it meanwhile: next
    }
  } else if (std::wstring was = remembered_for(device); !was.empty() && !same_remote(narrow(was.c_str()), remote)) {
    if (password) wipe(*password);
    return report_failure(WN_DEVICE_ALREADY_REMEMBERED,
                          device_display(device) + " is remembered for " + narrow(was.c_str()) +
                              "; forget it first: npnet use " + device_display(device) + " /delete",
                          device);
  } else {
    rc = add(device, remote, o, remember, password ? &*password : nullptr);
    // The server wants a password nobody gave: ask once at the terminal.
    if (rc == WN_BAD_PASSWORD && !password && !o.password_stdin && stdin_is_terminal()) {
      if (auto typed = ask_password(o, remote)) {
        password = widen(*typed);
        wipe(*typed);
        rc = add(device, remote, o, remember, &*password);
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
  if (remember && !device.empty()) std::cout << "It will be remembered (npnet restore reconnects it).\n";
  return kExitOk;
}

// npnet use /persistent:yes|no alone: the default for later connections, kept.
int set_persistent_default(bool remember) {
  Settings s;
  s.persistent = remember;
  std::string error;
  if (!save_settings(s, &error)) {
    std::cerr << "npnet: " << error << "\n";
    return kExitFailed;
  }
  std::cout << (remember ? "New connections will be remembered.\n" : "New connections will not be remembered.\n");
  return kExitOk;
}

int disconnect(const UseOptions& o) {
  const std::string& name = o.names.front();
  std::wstring wname = widen(name);
  // Like net use /delete, the device's remembered entry goes too.
  DWORD rc = NPCancelConnection2(wname.data(), o.force ? TRUE : FALSE, CONNECT_UPDATE_PROFILE);
  if (rc == WN_NOT_CONNECTED && looks_device(name)) {
    // A remembered drive that is not connected ("Unavailable"): net use forgets it.
    std::string detail = last_detail(rc);
    DWORD forgot = npemu_forget(wname.c_str());
    if (forgot == WN_NOT_CONNECTED) return report_failure(rc, detail, name);
    rc = forgot;
  }
  if (rc != WN_SUCCESS) return report_failure(rc, name);
  std::cout << (looks_remote(name) ? name : device_display(name)) << " was deleted successfully.\n";
  return kExitOk;
}

}  // namespace

int run_use(const UseOptions& o) {
  if (o.remove) {
    if (shell_expanded_delete(o.names))
      return usage_error("the shell replaced * by the names of the files here; quote it: npnet use '*' --delete");
    if (o.names.size() != 1) return usage_error("--delete takes one name: a DEVICE, a REMOTE or *");
    if (!o.user.empty() || o.password_stdin || o.persistent)
      return usage_error("--user, --password-stdin and --persistent do not go with --delete");
    if (o.names[0] == "*") return run_delete_all(o.force);
    return disconnect(o);
  }
  if (o.force) return usage_error("--force (/y) only goes with --delete");
  if (o.names.empty()) {
    if (!o.user.empty() || o.password_stdin) return usage_error("a connection needs a REMOTE name");
    if (o.persistent) return set_persistent_default(*o.persistent);
    return run_list(ListOptions{});  // plain `net use` lists
  }
  for (const auto& n : o.names)  // unquoted \\files\public reaches npnet as \filespublic
    if (!n.empty() && n[0] == '\\' && !looks_remote(n))
      return usage_error("'" + n + "' is not a remote name: the shell took its backslashes; quote it: '\\\\server\\share'");
  if (shell_expanded_star(o.names))
    return usage_error("the shell replaced * by the names of the files here; quote it: npnet use '*' REMOTE");
  if (o.names.size() > 2)
    return usage_error("too many names; a password is never an argument: use the prompt or --password-stdin");
  if (o.names.size() == 1 && !looks_remote(o.names[0])) {
    if (o.names[0] == "*") return usage_error("* needs a REMOTE: npnet use '*' REMOTE");
    if (!o.user.empty() || o.password_stdin || o.persistent)
      return usage_error("'" + o.names[0] + "' needs a REMOTE to connect to");
    return run_show(o.names[0]);
  }
  return connect(o);
}

}  // namespace npnet
