// The RESOURCE_GLOBALNET tree, from the config: network (one per provider) →
// servers → shares and printers. A backend that can ask a server what it offers
// (Provider::browse, e.g. smb) adds those shares to the configured ones.
#pragma once
#include "../engine.hpp"
#include "pack.hpp"

#include <string>
#include <vector>

namespace npemu {

struct BrowseShare {
  std::string unc;       // \\server\share as written in the config
  std::string provider;  // the backend that serves it
  DWORD type = RESOURCETYPE_DISK;
  std::string comment;
};

// Every share and printer the configured providers serve, in provider order.
std::vector<BrowseShare> browse_shares(Engine& e);
// Servers (as written, "\\name") that the provider knows; provider "" = all, deduplicated.
std::vector<std::pair<std::string, std::string>> browse_servers(Engine& e, const std::string& provider);

NetEntry network_entry(const std::string& provider);
NetEntry server_entry(const std::string& server_unc, const std::string& provider);
NetEntry share_entry(const BrowseShare& s);

// The children of a container: lpRemoteName a provider's name (a network), a
// \\server, or NULL for the top (providers for the MPR, servers for the NP face).
Status browse_children(Engine& e, const NETRESOURCEW* container, bool mpr_level, std::vector<NetEntry>* out);

}  // namespace npemu
