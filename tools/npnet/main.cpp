// npnet: `net use` for npemu. CLI11 parses; the `net use` slash spellings are
// translated first. Exit codes: 0 done, 1 the API refused (one WN_* line), 2 usage.
#include "commands.hpp"
#include "net_spellings.hpp"
#include "report.hpp"
#include "text.hpp"

#include <npemu/npemu.h>

#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>

#ifdef _WIN32
#include <windows.h>

#include <boost/nowide/args.hpp>
#endif

namespace npnet {
namespace {

CLI::App* g_usage_of = nullptr;  // the command whose usage a usage error prints

// Examples as typed in the shell npnet runs in: a POSIX shell needs the
// backslashes of a remote name and a bare * quoted; cmd.exe does not.
#ifdef _WIN32
#define Q(x) x
#else
#define Q(x) "'" x "'"
#endif

const char* kUseFooter = "Examples:\n"
  "  npnet use Z: " Q("\\\\files\\public") "              connect Z: to a share\n"
  "  npnet use " Q("*") " " Q("\\\\files\\public") "             connect the first free drive (from Z: down)\n"
  "  npnet use " Q("\\\\files\\public") "                 a deviceless connection\n"
  "  npnet use LPT1: " Q("\\\\files\\laser") "            redirect a printer port\n"
  "  npnet use Z: " Q("\\\\files\\data") " --persistent   remember it (npnet restore reconnects it)\n"
  "  echo \"$PW\" | npnet use Z: " Q("\\\\files\\secure") " --user alice --password-stdin\n"
  "  npnet use Z:                             show Z:'s connection\n"
  "  npnet use Z: --delete                    disconnect (refused while files are open)\n"
  "  npnet use Z: --delete --force            disconnect and drop the open files\n"
  "  npnet use " Q("*") " --delete                   disconnect everything, forget the remembered\n"
  "  npnet use /persistent:yes                remember later device connections by default\n"
  "net use spellings: /delete, /y (= --force), /persistent:yes|no, /user:NAME, /?\n"
  "  npnet use Z: " Q("\\\\files\\public") " /persistent:yes /user:alice\n"
  "  npnet use Z: /delete /y\n"
  "A password is never an argument: npnet prompts with echo off, or reads --password-stdin.\n"
  "See npnet(1) and npemu.toml(5).";

const char* kListFooter = R"(Examples:
  npnet list                  the connections and the remembered devices not connected
  npnet list --remembered     the remembered profile only
  npnet list --json           for scripts: {"schema":"npemu.list/1","connections":[...]}
Status: OK (connected), Disconnected (its backend lost it), Unavailable (remembered only).
See npnet(1).)";

const char* kRestoreFooter = R"(Example:
  npnet restore               reconnect every remembered device that is not connected
See npnet(1).)";

const char* kProvidersFooter = R"(Example:
  npnet providers             1. local  2. mount  3. smb  (from npemu.toml)
See npnet(1) and npemu.toml(5).)";

#ifdef _WIN32
const char* kProviderFooter = R"(Examples (from an administrator prompt):
  npnet provider install                                     npemu_np.dll beside npnet.exe
  npnet provider install "C:\Program Files\npemu\bin\npemu_np.dll"
  npnet provider uninstall                                   removes exactly what install added
Both are idempotent. Sign out and in again (or restart) after installing.)";

// Output in UTF-8 (what npnet prints), the console's code page restored at exit.
struct Utf8Console {
  UINT saved = GetConsoleOutputCP();
  Utf8Console() {
    if (saved) SetConsoleOutputCP(CP_UTF8);
  }
  ~Utf8Console() {
    if (saved) SetConsoleOutputCP(saved);
  }
};
#endif

// The commands a person types (npnet provider is Windows only).
std::vector<std::string> command_names(CLI::App& app) {
  std::vector<std::string> out;
  for (CLI::App* sub : app.get_subcommands({})) out.push_back(sub->get_name());
  return out;
}

// Levenshtein distance, for "did you mean".
std::size_t distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

int unknown_command(CLI::App& app, const std::string& word) {
  std::string best, all;
  std::size_t best_d = 3;  // at most two edits away
  for (const auto& name : command_names(app)) {
    all += (all.empty() ? "" : ", ") + name;
    std::size_t d = distance(lower(word), name);
    if (d < best_d) best_d = d, best = name;
  }
  if (!best.empty()) return usage_error("unknown command '" + word + "'; did you mean '" + best + "'?");
  return usage_error("unknown command '" + word + "' (commands: " + all + ")");
}

// The command parsed last, nested ones included (npnet provider install).
CLI::App* deepest_parsed(CLI::App& app) {
  CLI::App* at = &app;
  for (bool deeper = true; deeper;) {
    deeper = false;
    for (CLI::App* sub : at->get_subcommands()) at = sub, deeper = true;
  }
  return at;
}

// CLI11's messages in npnet's words; the command whose help is named is the one parsed last.
int parse_error(CLI::App& app, const CLI::ParseError& e) {
  if (dynamic_cast<const CLI::CallForHelp*>(&e) || dynamic_cast<const CLI::CallForAllHelp*>(&e) ||
      dynamic_cast<const CLI::CallForVersion*>(&e))
    return app.exit(e);  // prints to stdout, returns 0
  g_usage_of = deepest_parsed(app);
  std::string what = e.what();
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) {
    // "--user: 1 required TEXT missing"
    std::string option = what.substr(0, what.find(':'));
    return usage_error(option + " needs a value" + (option == "--user" || option == "-u" ? ": --user NAME" : ""));
  }
  return usage_error(what);
}

// "list", "provider install": the words after npnet that name a command ("" for npnet).
std::string command_path(CLI::App* app) {
  std::string path;
  for (CLI::App* a = app; a && a->get_parent(); a = a->get_parent())
    path = a->get_name() + (path.empty() ? "" : " " + path);
  return path;
}

// Words CLI11 left over (allow_extras): an unknown option, or a name a command does not take.
int leftover_error(const std::vector<std::string>& left) {
  const std::string& w = left.front();
  if (w.size() > 1 && w[0] == '-')  // never echo what follows '=': it may be a secret
    return usage_error("unknown option '" + w.substr(0, w.find('=')) + "'");
  std::string command = "npnet " + command_path(g_usage_of);
  bool takes_names = !g_usage_of->get_options([](const CLI::Option* o) { return o->get_positional(); }).empty();
  if (takes_names) return usage_error("unexpected '" + w + "': too many names for " + command);
  return usage_error("unexpected '" + w + "': " + command + " takes no names");
}

}  // namespace

int usage_error(const std::string& message) {
  std::cerr << "npnet: " << message << "\n";
  std::string command = command_path(g_usage_of);
  std::cerr << "see: npnet " << (command.empty() ? "" : command + " ") << "--help\n";
  return kExitUsage;
}

}  // namespace npnet

int main(int argc, char** argv) {
  using namespace npnet;
#ifdef _WIN32
  boost::nowide::args utf8_args(argc, argv);  // argv in UTF-8, as on POSIX
  Utf8Console console;
#endif
  CLI::App app{"npnet: connect and disconnect network shares through npemu, like `net use`.", "npnet"};
  // The `net use` slash spellings are translated first; nothing else is a /option.
  app.allow_windows_style_options(false);
  app.ignore_case();  // npnet USE, as net USE; the subcommands made below inherit it
  app.allow_extras();
  app.set_version_flag("--version", std::string("npnet ") + NPEMU_VERSION);
  app.require_subcommand(0, 1);
  app.footer("Run `npnet COMMAND --help` (or `npnet help COMMAND`) for a command's options and examples.\n"
             "Without a command npnet lists the connections, as `net use` does. See npnet(1), npemu.toml(5).");

  UseOptions uo;
  auto* use = app.add_subcommand("use", "Connect a device or a deviceless connection, show one, or disconnect");
  use->add_option("names", uo.names, "[DEVICE|*] REMOTE; DEVICE alone shows it; DEVICE|REMOTE|* with --delete");
  use->add_option("--user,-u", uo.user, "User name for the connection");
  use->add_flag("--password-stdin", uo.password_stdin, "Read the password from the first line of stdin");
  bool persistent_flag = false;
  auto* persistent = use->add_flag("--persistent,-p,!--no-persistent", persistent_flag,
                                   "Remember the device connection (npnet restore), or not; alone: the lasting default");
  use->add_flag("--delete,-d", uo.remove, "Disconnect DEVICE or REMOTE (* for every connection)");
  use->add_flag("--force,-f", uo.force, "With --delete: disconnect even while files are open");
  use->footer(kUseFooter);

  ListOptions lo;
  auto* list = app.add_subcommand("list", "List the connections and the remembered profile");
  list->add_flag("--remembered,-r", lo.remembered, "Only the remembered profile");
  list->add_flag("--json", lo.json, "One JSON object (schema npemu.list/1, npnet(1))");
  list->footer(kListFooter);

  auto* restore = app.add_subcommand("restore", "Reconnect the remembered devices");
  restore->footer(kRestoreFooter);
  auto* providers = app.add_subcommand("providers", "List the configured providers in their order");
  providers->footer(kProvidersFooter);

#ifdef _WIN32
  ProviderOptions po;
  auto* provider = app.add_subcommand("provider", "Register npemu_np.dll with Windows' network provider router");
  provider->require_subcommand(1, 1);
  auto* install = provider->add_subcommand("install", "Register the provider DLL (administrator; idempotent)");
  install->add_option("dll", po.dll, "Path of npemu_np.dll (default: beside npnet.exe)");
  auto* uninstall = provider->add_subcommand("uninstall", "Remove exactly what install added (administrator; idempotent)");
  provider->footer(kProviderFooter);
#endif

  g_usage_of = &app;
  std::vector<std::string> args(argv + 1, argv + argc);
  // The command word: `help [COMMAND]` prints help, a mistyped one is named.
  if (!args.empty() && !args[0].empty() && args[0][0] != '-' && args[0][0] != '/') {
    CLI::App* sub = nullptr;
    for (CLI::App* s : app.get_subcommands({}))
      if (s->check_name(args[0])) sub = s;
    if (lower(args[0]) == "help") {
      if (args.size() > 2) return usage_error("help takes one COMMAND");
      CLI::App* of = &app;
      if (args.size() == 2) {
        of = nullptr;
        for (CLI::App* s : app.get_subcommands({}))
          if (s->check_name(args[1])) of = s;
        if (!of) return unknown_command(app, args[1]);
      }
      std::cout << of->help(of->get_parent() ? "npnet" : "");
      return kExitOk;
    }
    if (!sub) return unknown_command(app, args[0]);
    g_usage_of = sub;
  }
  std::string slash_error;
  if (!translate_net_spellings(args, &slash_error)) return usage_error(slash_error);
  std::reverse(args.begin(), args.end());  // CLI11 takes the vector last-first
  try {
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    return parse_error(app, e);
  }
  g_usage_of = deepest_parsed(app);
  if (!app.remaining(true).empty()) return leftover_error(app.remaining(true));

  if (persistent->count()) uo.persistent = persistent_flag;

  try {
    if (use->parsed()) return run_use(uo);
    if (list->parsed()) return run_list(lo);
    if (restore->parsed()) return run_restore();
    if (providers->parsed()) return run_providers();
#ifdef _WIN32
    if (provider->parsed()) {
      po.uninstall = uninstall->parsed();
      return run_provider(po);
    }
#endif
    return run_list(lo);  // npnet alone lists, as net use does
  } catch (const std::exception& e) {
    std::cerr << "npnet: " << e.what() << "\n";
    return kExitFailed;
  }
}
