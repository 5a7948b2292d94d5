// npnet's own lasting settings, as Windows' net.exe keeps its own (HKCU\Software\
// Microsoft\Windows NT\CurrentVersion\Network\Persistent Connections): the default
// of /persistent for later connections. A TOML file beside npemu.toml,
// $NPEMU_HOME/npnet.toml; npemu itself never reads it.
#pragma once
#include <optional>
#include <string>

namespace npnet {

struct Settings {
  bool persistent = false;  // `npnet use /persistent:yes` alone sets it
};

// The settings; the defaults when the file does not exist. nullopt and *error
// ("FILE:LINE: what") when it is malformed or holds an unknown key.
std::optional<Settings> load_settings(std::string* error);
// Writes them whole: a temporary file (0600) renamed over the old one, so a reader
// sees the old settings or the new, never half. false and *error when it cannot.
bool save_settings(const Settings& s, std::string* error);
// The file's path ("" when there is no home).
std::string settings_file();

}  // namespace npnet
