#include "config.hpp"

#include "names.hpp"

#include <toml++/toml.h>

#include <boost/filesystem.hpp>

#include <algorithm>
#include <set>
#include <sstream>

namespace npemu {
namespace {

// An integer node's value; nullopt for anything else. (toml++'s value<int64_t>()
// would convert a float, with undefined behaviour past long's range.)
std::optional<std::int64_t> integer_of(const toml::node& n) {
  if (const auto* i = n.as_integer()) return i->get();
  return std::nullopt;
}

struct ConfigError {
  std::string message;
};

[[noreturn]] void fail_at(const std::string& file, const toml::node& node, const std::string& what) {
  std::ostringstream os;
  os << file << ":" << node.source().begin.line << ": " << what;
  throw ConfigError{os.str()};
}

void only_keys(const std::string& file, const toml::table& t, std::set<std::string> allowed,
               const std::string& where) {
  for (const auto& [k, v] : t) {
    if (!allowed.count(std::string(k.str())))
      fail_at(file, v, "unknown key '" + std::string(k.str()) + "' in " + where);
  }
}

const toml::table& as_table(const std::string& file, const toml::node& n, const std::string& what) {
  if (!n.is_table()) fail_at(file, n, what + " must be a table");
  return *n.as_table();
}

std::string get_string(const std::string& file, const toml::table& t, const std::string& key,
                       const std::string& where) {
  const toml::node* n = t.get(key);
  if (!n) fail_at(file, t, "missing '" + key + "' in " + where);
  if (!n->is_string() || n->as_string()->get().empty())
    fail_at(file, *n, "'" + key + "' in " + where + " must be a non-empty string");
  return n->as_string()->get();
}

// An optional integer key of a section, from lo to hi; `value` keeps its default when absent.
void read_bounded(const std::string& file, const toml::table& t, const std::string& key, const std::string& where,
                  std::int64_t lo, std::int64_t hi, int* value) {
  const toml::node* n = t.get(key);
  if (!n) return;
  auto v = integer_of(*n);
  if (!v || *v < lo || *v > hi)
    fail_at(file, *n, "'" + key + "' in " + where + " must be an integer from " + std::to_string(lo) + " to " +
                          std::to_string(hi));
  *value = static_cast<int>(*v);
}

// A table's entries in the order they are written (toml++ keeps them sorted by key),
// so that of two clashing names the error is at the second one written.
std::vector<std::pair<std::string, const toml::node*>> in_file_order(const toml::table& t) {
  std::vector<std::pair<std::string, const toml::node*>> out;
  for (const auto& [k, v] : t) out.emplace_back(std::string(k.str()), &v);
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    const auto &pa = a.second->source().begin, &pb = b.second->source().begin;
    return pa.line != pb.line ? pa.line < pb.line : pa.column < pb.column;
  });
  return out;
}

// A directory named in the file: a relative one is taken from the file's own
// directory, as a build file's paths are, never from a process's current directory
// (every process of the user reads the same file from wherever it runs).
std::string resolve_dir(const std::string& file, const std::string& dir) {
  boost::filesystem::path p(dir);
  // Only a wholly relative one: Windows' "\\dir" and "C:dir" keep their meaning.
  if (p.has_root_name() || p.has_root_directory()) return dir;
  boost::filesystem::path base = boost::filesystem::absolute(boost::filesystem::path(file).parent_path());
  return (base / p).lexically_normal().string();
}

// [section."\\server\share"] tables whose one key is `field`, a directory.
std::map<std::string, ShareDir> read_shares(const std::string& file, const toml::node& n,
                                            const std::string& where, const std::string& field) {
  std::map<std::string, ShareDir> out;
  for (const auto& [name, node] : in_file_order(as_table(file, n, where))) {
    const toml::node& v = *node;
    auto r = parse_remote(name);
    std::string here = where + ".\"" + name + "\"";
    if (!r || !r->path.empty()) fail_at(file, v, "'" + name + "' is not a \\\\server\\share name");
    const auto& t = as_table(file, v, here);
    only_keys(file, t, {field}, here);
    // TOML keys are case-sensitive, share names are not: a second spelling of one
    // name would silently replace the first.
    if (auto seen = out.find(r->share_key()); seen != out.end())
      fail_at(file, v, "'" + name + "' is the same name as '" + seen->second.unc + "' (names are case-insensitive)");
    out[r->share_key()] = ShareDir{r->share_unc(), resolve_dir(file, get_string(file, t, field, here))};
  }
  return out;
}

Config parse(const std::string& file, const toml::table& root) {
  Config c;
  c.file = file;
  c.providers = known_providers();
  only_keys(file, root, {"providers", "servers", "local", "mount", "smb", "store"}, "the top level");

  if (const toml::node* p = root.get("providers")) {
    if (!p->is_array()) fail_at(file, *p, "'providers' must be an array of names");
    c.providers.clear();
    std::set<std::string> seen;
    for (const auto& item : *p->as_array()) {
      if (!item.is_string()) fail_at(file, item, "'providers' must hold strings");
      std::string name = item.as_string()->get();
      const auto& known = known_providers();
      if (std::find(known.begin(), known.end(), name) == known.end())
        fail_at(file, item, "unknown provider '" + name + "' (known: local, mount, smb)");
      if (!seen.insert(name).second) fail_at(file, item, "provider '" + name + "' listed twice");
      c.providers.push_back(name);
    }
    // An empty order would leave every name unserved, with no hint why.
    if (c.providers.empty()) fail_at(file, *p, "'providers' names no provider (known: local, mount, smb)");
  }

  if (const toml::node* s = root.get("servers")) {
    for (const auto& [name, node] : in_file_order(as_table(file, *s, "[servers]"))) {
      const toml::node& v = *node;
      std::string here = "[servers." + name + "]";
      const auto& t = as_table(file, v, here);
      only_keys(file, t, {"address", "port"}, here);
      ServerEntry e{name, get_string(file, t, "address", here), 445};
      read_bounded(file, t, "port", here, 1, 65535, &e.port);
      if (auto seen = c.servers.find(ascii_lower(name)); seen != c.servers.end())
        fail_at(file, v, "server '" + name + "' is the same name as '" + seen->second.name +
                             "' (names are case-insensitive)");
      c.servers[ascii_lower(name)] = e;
    }
  }

  if (const toml::node* l = root.get("local")) {
    const auto& t = as_table(file, *l, "[local]");
    only_keys(file, t, {"shares", "printers"}, "[local]");
    if (const toml::node* sh = t.get("shares"))
      c.local_shares = read_shares(file, *sh, "local.shares", "path");
    if (const toml::node* pr = t.get("printers"))
      for (auto& [key, dir] : read_shares(file, *pr, "local.printers", "spool"))
        c.local_printers[key] = PrinterSpool{dir.unc, dir.path};
  }

  if (const toml::node* m = root.get("mount")) {
    const auto& t = as_table(file, *m, "[mount]");
    only_keys(file, t, {"shares"}, "[mount]");
    if (const toml::node* sh = t.get("shares"))
      c.mount_shares = read_shares(file, *sh, "mount.shares", "path");
  }

  if (const toml::node* s = root.get("smb")) {
    const auto& t = as_table(file, *s, "[smb]");
    only_keys(file, t, {"timeout_ms", "keep_conn_seconds"}, "[smb]");
    read_bounded(file, t, "timeout_ms", "[smb]", 1, 600000, &c.smb.timeout_ms);
    read_bounded(file, t, "keep_conn_seconds", "[smb]", 0, 86400, &c.smb.keep_conn_seconds);
  }

  if (const toml::node* s = root.get("store")) {
    const auto& t = as_table(file, *s, "[store]");
    only_keys(file, t, {"busy_timeout_ms"}, "[store]");
    read_bounded(file, t, "busy_timeout_ms", "[store]", 0, 600000, &c.store.busy_timeout_ms);
  }
  return c;
}

}  // namespace

const std::vector<std::string>& known_providers() {
  static const std::vector<std::string> names{"local", "mount", "smb"};
  return names;
}

const ServerEntry* Config::server(const std::string& name) const {
  auto it = servers.find(ascii_lower(name));
  return it == servers.end() ? nullptr : &it->second;
}

std::optional<Config> load_config(const std::string& file, std::string* error) {
  boost::system::error_code ec;
  boost::filesystem::file_status st = boost::filesystem::status(file, ec);
  if (st.type() == boost::filesystem::file_not_found) {
    // No file is the default config; a symbolic link to nothing is a mistake to name.
    if (boost::filesystem::symlink_status(file, ec).type() != boost::filesystem::symlink_file) return Config{};
    if (error) *error = file + ": is a symbolic link to nothing";
    return std::nullopt;
  }
  // toml++ reads a directory as an empty file: a config that says nothing would
  // then stand in for the one the user meant to write.
  if (st.type() != boost::filesystem::regular_file) {
    if (error)
      *error = file + ": " +
               (st.type() == boost::filesystem::directory_file ? std::string("is a directory, not a file")
                : ec                                            ? "cannot be read: " + ec.message()
                                                                : std::string("is not a regular file"));
    return std::nullopt;
  }
  try {
    toml::table root = toml::parse_file(file);
    return parse(file, root);
  } catch (const toml::parse_error& e) {
    if (error) {
      std::ostringstream os;
      os << file << ":" << e.source().begin.line << ": " << e.description();
      *error = os.str();
    }
  } catch (const ConfigError& e) {
    if (error) *error = e.message;
  }
  return std::nullopt;
}

}  // namespace npemu
