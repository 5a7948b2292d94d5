// Local device names (Z:, LPT1:) and remote names (\\server\share[\path]):
// parsing, validation and the one normal form the rest of the core sees.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace npemu {

struct Device {
  enum class Kind { Drive, Printer };
  Kind kind = Kind::Drive;
  std::string name;  // upper case with colon: "Z:", "LPT1:"
  // The drive letter or port, as used for paths such as $NPEMU_HOME/drives/Z.
  std::string bare() const { return name.substr(0, name.size() - 1); }
};

struct Remote {
  std::string server;
  std::string share;
  std::vector<std::string> path;  // components below the share

  std::string unc() const;        // \\server\share\a\b, as given (separators normalised)
  std::string share_unc() const;  // \\server\share
  std::string key() const;        // unc() with server and share lower-cased: for matching
  std::string share_key() const;  // share_unc() lower-cased
  std::string rel_path() const;   // "a/b" ("" for the share itself)
};

// "Z:", "z:", "lpt1", "LPT1:" → Device; anything else ("Z", "Z:\\", "COM1") → nullopt.
std::optional<Device> parse_device(std::string_view s);
// \\server\share[\path], //server/share[/path] and smb://server/share[/path].
// Empty, "." or ".." components, control characters and wildcards → nullopt.
std::optional<Remote> parse_remote(std::string_view s);
// A path below a connection: Z:\dir\file or \\server\share\dir\file.
struct ConnectionPath {
  std::optional<Device> device;
  std::optional<Remote> remote;   // set when the path is UNC
  std::vector<std::string> below;  // components after the device (device form only)
};
std::optional<ConnectionPath> parse_connection_path(std::string_view s);

std::string ascii_lower(std::string_view s);
bool looks_remote(std::string_view s);  // starts like a UNC/URL name

}  // namespace npemu
