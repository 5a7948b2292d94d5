#include "not_mine.hpp"

#include "names.hpp"

#include <map>

namespace npemu {
namespace {

// "\\files\public" (a config key, lower case) → "files".
std::string server_of_key(const std::string& key) {
  auto end = key.find('\\', 2);
  return key.substr(2, end == std::string::npos ? std::string::npos : end - 2);
}

template <class Map>
std::vector<std::string> uncs_of(const Map& m, const std::string& server) {
  std::vector<std::string> out;
  for (const auto& [key, entry] : m)
    if (server.empty() || server_of_key(key) == server) out.push_back(entry.unc);
  return out;
}

// "a, b, c and 2 more"
std::string joined(const std::vector<std::string>& names) {
  constexpr std::size_t kShown = 5;
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < kShown; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > kShown) out += " and " + std::to_string(names.size() - kShown) + " more";
  return out;
}

bool is_drive(const AddRequest& req) { return req.device && req.device->kind == Device::Kind::Drive; }

// The configuration gives this provider the share itself (its answer is specific:
// a missing directory, no device, the server's own refusal).
bool declares_share(const std::string& provider, const Config& c, const AddRequest& req) {
  std::string key = req.remote.share_key();
  bool server = c.server(req.remote.server) != nullptr;
  if (provider == "local") return c.local_shares.count(key) || c.local_printers.count(key);
  if (provider == "mount") return c.mount_shares.count(key) || (server && is_drive(req));
  if (provider == "smb") return server && !is_drive(req);
  return false;
}

// Shares of the server declared as directories (local, mount), for "its shares: ...".
std::vector<std::string> declared_shares(const std::string& provider, const Config& c, const std::string& server) {
  std::vector<std::string> out;
  if (provider == "local") {
    out = uncs_of(c.local_shares, server);
    for (auto& p : uncs_of(c.local_printers, server)) out.push_back(p + " (printer)");
  } else if (provider == "mount") {
    out = uncs_of(c.mount_shares, server);
  }
  return out;
}

bool knows_server(const std::string& provider, const Config& c, const std::string& server) {
  if (!declared_shares(provider, c, server).empty()) return true;
  return (provider == "mount" || provider == "smb") && c.server(server) != nullptr;
}

std::vector<std::string> server_names(const Config& c) {
  std::vector<std::string> out;
  for (const auto& [key, s] : c.servers) out.push_back(s.name);
  return out;
}

// "local serves \\files\public, \\files\laser (printer)"
std::string what_it_serves(const std::string& provider, const Config& c) {
  auto shares = declared_shares(provider, c, "");
  auto servers = server_names(c);
  if (provider == "local")
    return "local serves " + (shares.empty() ? std::string("no share") : joined(shares));
  if (provider == "mount") {
    std::string s = "mount serves " + (shares.empty() ? std::string("no share of its own") : joined(shares));
    return s + (servers.empty() ? "" : " and drives on the servers " + joined(servers));
  }
  if (provider == "smb")
    return "smb serves " + (servers.empty() ? std::string("no server ([servers] is empty)") : "the servers " + joined(servers));
  return provider + " serves other names";
}

}  // namespace

Status pick_not_mine(const Config& config, const std::string& config_file, const AddRequest& req,
                     const std::vector<NotMine>& answers) {
  const std::string share = req.remote.share_unc();
  if (config.file.empty())
    return Status::fail(WN_BAD_NETNAME, "no configuration: " + config_file + " does not exist, so no provider serves " + share);
  for (const auto& a : answers)
    if (declares_share(a.provider, config, req)) return a.answer;
  const std::string server = ascii_lower(req.remote.server);
  for (const auto& a : answers) {
    if (!knows_server(a.provider, config, server)) continue;
    if (declared_shares(a.provider, config, server).empty()) return a.answer;  // known through [servers]
    std::vector<std::string> shares;  // the server's shares across the providers asked
    for (const auto& b : answers)
      for (auto& s : declared_shares(b.provider, config, server)) shares.push_back(s);
    return Status::fail(WN_BAD_NETNAME, "\\\\" + req.remote.server + " has no share " + req.remote.share +
                                            "; its shares: " + joined(shares));
  }
  std::string each;
  for (const auto& a : answers) each += (each.empty() ? "" : "; ") + what_it_serves(a.provider, config);
  if (each.empty()) return Status::fail(WN_BAD_NETNAME, share + " is not served by any provider");
  return Status::fail(WN_BAD_NETNAME, "no provider knows the server " + req.remote.server + ": " + each);
}

}  // namespace npemu
