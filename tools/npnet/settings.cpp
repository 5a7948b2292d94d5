#include "settings.hpp"

#include "report.hpp"

#include <toml++/toml.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace npnet {
namespace {

namespace fs = std::filesystem;

fs::path utf8_path(const std::string& s) { return fs::path(std::u8string(s.begin(), s.end())); }

}  // namespace

std::string settings_file() {
  std::string config = config_file();
  auto slash = config.find_last_of("/\\");
  return slash == std::string::npos ? "" : config.substr(0, slash + 1) + "npnet.toml";
}

std::optional<Settings> load_settings(std::string* error) {
  Settings s;
  std::string file = settings_file();
  std::error_code ec;
  if (file.empty() || !fs::exists(utf8_path(file), ec)) return s;
  try {
    toml::table t = toml::parse_file(file);
    for (const auto& [key, node] : t) {
      std::ostringstream where;
      where << file << ":" << node.source().begin.line << ": ";
      if (key.str() != "persistent") {
        *error = where.str() + "unknown key '" + std::string(key.str()) + "' (known: persistent)";
        return std::nullopt;
      }
      if (!node.is_boolean()) {
        *error = where.str() + "'persistent' must be true or false";
        return std::nullopt;
      }
      s.persistent = node.as_boolean()->get();
    }
  } catch (const toml::parse_error& e) {
    std::ostringstream os;
    os << file << ":" << e.source().begin.line << ": " << e.description();
    *error = os.str();
    return std::nullopt;
  }
  return s;
}

bool save_settings(const Settings& s, std::string* error) {
  std::string file = settings_file();
  if (file.empty()) {
    *error = "no NPEMU_HOME and no home directory";
    return false;
  }
  fs::path target = utf8_path(file), temp = utf8_path(file + ".new");
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  {
    std::ofstream out(temp, std::ios::trunc);
    out << "# npnet's settings (`npnet use /persistent:yes|no` alone writes it)\n"
        << "persistent = " << (s.persistent ? "true" : "false") << "\n";
    if (!out.flush()) {
      *error = "cannot write " + file + ".new";
      return false;
    }
  }
  fs::permissions(temp, fs::perms::owner_read | fs::perms::owner_write, ec);
  fs::rename(temp, target, ec);
  if (ec) {
    fs::remove(temp, ec);
    *error = "cannot replace " + file + ": " + ec.message();
    return false;
  }
  return true;
}

}  // namespace npnet
