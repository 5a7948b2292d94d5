#include "browse.hpp"

#include "../names.hpp"
#include "../wide.hpp"

#include <set>

namespace npemu {
namespace {

std::string server_of(const std::string& unc) {
  auto r = parse_remote(unc);
  return r ? "\\\\" + r->server : std::string();
}

}  // namespace

std::vector<BrowseShare> browse_shares(Engine& e) {
  std::vector<BrowseShare> out;
  const Config& c = e.config();
  for (const auto& p : e.providers()) {
    std::string name = p->name();
    if (name == "local") {
      for (const auto& [key, s] : c.local_shares) out.push_back({s.unc, name, RESOURCETYPE_DISK, ""});
      for (const auto& [key, s] : c.local_printers) out.push_back({s.unc, name, RESOURCETYPE_PRINT, ""});
    } else if (name == "mount") {
      for (const auto& [key, s] : c.mount_shares) out.push_back({s.unc, name, RESOURCETYPE_DISK, ""});
    }
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> browse_servers(Engine& e, const std::string& provider) {
  std::vector<std::pair<std::string, std::string>> out;  // (\\server, provider)
  std::set<std::string> seen;
  auto add = [&](const std::string& unc, const std::string& prov) {
    if (unc.empty() || (!provider.empty() && prov != provider)) return;
    if (seen.insert(ascii_lower(provider.empty() ? unc : unc + "|" + prov)).second) out.emplace_back(unc, prov);
  };
  for (const auto& s : browse_shares(e)) add(server_of(s.unc), s.provider);
  for (const auto& p : e.providers())
    if (p->name() == "mount" || p->name() == "smb")
      for (const auto& [key, srv] : e.config().servers) add("\\\\" + srv.name, p->name());
  return out;
}

NetEntry network_entry(const std::string& provider) {
  NetEntry n;
  n.scope = RESOURCE_GLOBALNET;
  n.type = RESOURCETYPE_ANY;
  n.display = RESOURCEDISPLAYTYPE_NETWORK;
  n.usage = RESOURCEUSAGE_CONTAINER;
  n.remote = to_wide(provider);
  n.provider = n.remote;
  return n;
}

NetEntry server_entry(const std::string& server_unc, const std::string& provider) {
  NetEntry n;
  n.scope = RESOURCE_GLOBALNET;
  n.type = RESOURCETYPE_ANY;
  n.display = RESOURCEDISPLAYTYPE_SERVER;
  n.usage = RESOURCEUSAGE_CONTAINER;
  n.remote = to_wide(server_unc);
  n.provider = to_wide(provider);
  return n;
}

NetEntry share_entry(const BrowseShare& s) {
  NetEntry n;
  n.scope = RESOURCE_GLOBALNET;
  n.type = s.type;
  n.display = RESOURCEDISPLAYTYPE_SHARE;
  n.usage = RESOURCEUSAGE_CONNECTABLE;
  n.remote = to_wide(s.unc);
  n.comment = to_wide(s.comment);
  n.provider = to_wide(s.provider);
  return n;
}

Status browse_children(Engine& e, const NETRESOURCEW* container, bool mpr_level, std::vector<NetEntry>* out) {
  std::string name, only;
  if (container && container->lpRemoteName) {
    auto n = to_utf8(container->lpRemoteName);
    if (!n) return Status::fail(WN_BAD_NETNAME, "lpRemoteName is not a valid name");
    name = *n;
  }
  if (container && container->lpProvider && container->lpProvider[0]) {
    auto p = to_utf8(container->lpProvider);
    if (!p) return Status::fail(WN_BAD_PROVIDER, "lpProvider is not valid");
    only = *p == "npemu" ? "" : *p;
    if (!only.empty() && !e.provider(only)) return Status::fail(WN_BAD_PROVIDER, "no provider named '" + only + "' is configured");
  }
  if (name.empty()) {  // the top of the tree
    if (mpr_level && only.empty()) {
      for (const auto& p : e.providers()) out->push_back(network_entry(p->name()));
    } else {
      for (const auto& [srv, prov] : browse_servers(e, only)) out->push_back(server_entry(srv, prov));
    }
    return Status::success();
  }
  if (!looks_remote(name)) {  // a network: the provider's name
    if (name != "npemu" && !e.provider(name))
      return Status::fail(WN_BAD_NETNAME, "'" + name + "' is neither a provider nor a server");
    for (const auto& [srv, prov] : browse_servers(e, name == "npemu" ? "" : name))
      out->push_back(server_entry(srv, prov));
    return Status::success();
  }
  auto r = parse_remote(name + "\\x");  // "\\server" alone: give it a share to parse
  if (!r || r->server.empty()) return Status::fail(WN_BAD_NETNAME, "'" + name + "' is not a valid name");
  if (parse_remote(name)) return Status::fail(WN_NOT_CONTAINER, name + " is a share: it holds no resources to browse");
  std::string server = ascii_lower(r->server);
  bool known = false;
  for (const auto& [srv, prov] : browse_servers(e, only)) known = known || ascii_lower(srv.substr(2)) == server;
  if (!known) return Status::fail(WN_BAD_NETNAME, "no provider knows the server " + name);
  std::vector<BrowseShare> shares = browse_shares(e);
  for (const auto& [srv, prov] : browse_servers(e, only)) {  // what the servers themselves offer
    std::vector<ShareInfo> offered;
    Provider* p = ascii_lower(srv.substr(2)) == server ? e.provider(prov) : nullptr;
    if (!p || !p->browse(srv.substr(2), &offered).ok()) continue;  // unreachable: the config's list stands
    for (auto& o : offered) shares.push_back({o.unc, prov, o.type, o.comment});
  }
  std::set<std::string> seen;
  for (const auto& s : shares) {
    auto sr = parse_remote(s.unc);
    if (!sr || ascii_lower(sr->server) != server || (!only.empty() && s.provider != only)) continue;
    if (seen.insert(sr->share_key()).second) out->push_back(share_entry(s));  // first provider wins
  }
  return Status::success();
}

}  // namespace npemu
