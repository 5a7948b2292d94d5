// npnet: `net use` for npemu. CLI11 parses; the `net use` slash spellings are
// translated first. Exit codes: 0 done, 1 the API refused (one WN_* line), 2 usage.
#include "commands.hpp"
#include "net_spellings.hpp"
#include "report.hpp"

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

const char* kUseFooter = R"(Examples:
  npnet use Z: \\files\public              connect Z: to a share
  npnet use * \\files\public               connect the first free drive (from Z: down)
  npnet use \\files\public                 a deviceless connection
  npnet use LPT1: \\files\laser            redirect a printer port
  npnet use Z: \\files\data --persistent   remember it (npnet restore reconnects it)
  echo "$PW" | npnet use Z: \\files\secure --user alice --password-stdin
  npnet use Z: --delete                    disconnect (refused while files are open)
  npnet use Z: --delete --force            disconnect and drop the open files
net use spellings: /delete, /y (= --force), /persistent:yes|no, /user:NAME
  npnet use Z: \\files\public /persistent:yes /user:alice
  npnet use Z: /delete /y
A password is never an argument: npnet prompts with echo off, or reads --password-stdin.)";

const char* kListFooter = R"(Examples:
  npnet list                  the connections and the remembered devices not connected
  npnet list --remembered     the remembered profile only
  npnet list --json           for scripts: {"schema":"npemu.list/1","connections":[...]}
Status: OK (connected), Disconnected (its backend lost it), Unavailable (remembered only).)";

const char* kRestoreFooter = R"(Example:
  npnet restore               reconnect every remembered device that is not connected)";

const char* kProvidersFooter = R"(Example:
  npnet providers             1. local  2. mount  3. smb  (from $NPEMU_HOME/npemu.toml))";

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

int parse_error(CLI::App& app, const CLI::ParseError& e) {
  if (dynamic_cast<const CLI::CallForHelp*>(&e) || dynamic_cast<const CLI::CallForAllHelp*>(&e) ||
      dynamic_cast<const CLI::CallForVersion*>(&e))
    return app.exit(e);  // prints to stdout, returns 0
  CLI::App* where = &app;
  for (CLI::App* sub : app.get_subcommands()) where = sub;
  g_usage_of = where;
  return usage_error(e.what());
}

}  // namespace

int usage_error(const std::string& message) {
  std::cerr << "npnet: " << message << "\n\n";
  // A command's usage reads "npnet use ...", not "use ...".
  if (g_usage_of) std::cerr << g_usage_of->help(g_usage_of->get_parent() ? "npnet" : "");
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
  app.set_version_flag("--version", std::string("npnet ") + NPEMU_VERSION);
  app.require_subcommand(1, 1);
  app.footer("Run `npnet COMMAND --help` for a command's options and examples (docs/cli.md).");

  UseOptions uo;
  auto* use = app.add_subcommand("use", "Connect a device or a deviceless connection, or disconnect one");
  use->add_option("names", uo.names, "[DEVICE|*] REMOTE, or DEVICE|REMOTE with --delete");
  use->add_option("--user,-u", uo.user, "User name for the connection");
  use->add_flag("--password-stdin", uo.password_stdin, "Read the password from the first line of stdin");
  use->add_flag("--persistent,-p", uo.persistent, "Remember the device connection (npnet restore)");
  use->add_flag("--delete,-d", uo.remove, "Disconnect DEVICE or REMOTE");
  use->add_flag("--force,-f", uo.force, "With --delete: disconnect even while files are open");
  use->footer(kUseFooter);

  ListOptions lo;
  auto* list = app.add_subcommand("list", "List the connections and the remembered profile");
  list->add_flag("--remembered,-r", lo.remembered, "Only the remembered profile");
  list->add_flag("--json", lo.json, "One JSON object (schema npemu.list/1, docs/cli.md)");
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
  std::string slash_error;
  if (!translate_net_spellings(args, &slash_error)) {
    if (!args.empty() && args[0] == "use") g_usage_of = use;
    return usage_error(slash_error);
  }
  std::reverse(args.begin(), args.end());  // CLI11 takes the vector last-first
  try {
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    return parse_error(app, e);
  }

  try {
    if (use->parsed()) {
      g_usage_of = use;
      return run_use(uo);
    }
    if (list->parsed()) return run_list(lo);
    if (restore->parsed()) return run_restore();
    if (providers->parsed()) return run_providers();
#ifdef _WIN32
    if (provider->parsed()) {
      g_usage_of = provider;
      po.uninstall = uninstall->parsed();
      return run_provider(po);
    }
#endif
  } catch (const std::exception& e) {
    std::cerr << "npnet: " << e.what() << "\n";
    return kExitFailed;
  }
  return usage_error("no command");
}
