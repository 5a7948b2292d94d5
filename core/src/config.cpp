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

// [section."\\server\share"] tables whose one key is `field`.
std::map<std::string, ShareDir> read_shares(const std::string& file, const toml::node& n,
                                            const std::string& where, const std::string& field) {
  std::map<std::string, ShareDir> out;
  for (const auto& [k, v] : as_table(file, n, where)) {
    std::string name(k.str());
    auto r = parse_remote(name);
    std::string here = where + ".\"" + name + "\"";
    if (!r || !r->path.empty()) fail_at(file, v, "'" + name + "' is not a \\\\server\\share name");
    const auto& t = as_table(file, v, here);
    only_keys(file, t, {field}, here);
    out[r->share_key()] = ShareDir{r->share_unc(), get_string(file, t, field, here)};
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
    for (const auto& [k, v] : as_table(file, *s, "[servers]")) {
      std::string name(k.str());
      std::string here = "[servers." + name + "]";
      const auto& t = as_table(file, v, here);
      only_keys(file, t, {"address", "port"}, here);
      ServerEntry e{name, get_string(file, t, "address", here), 445};
      read_bounded(file, t, "port", here, 1, 65535, &e.port);
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
  if (!boost::filesystem::exists(file, ec)) return Config{};
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
