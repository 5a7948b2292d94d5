// Which answer an add gets when every provider said "not mine" (WN_BAD_NETNAME).
// Windows' MPR returns the most relevant provider's error, not the last one's: here
// that is the provider the configuration gives the share, else the one that knows
// the server; when none knows it, one sentence says what each provider serves.
#pragma once
#include "config.hpp"
#include "provider.hpp"
#include "status.hpp"

#include <string>
#include <vector>

namespace npemu {

struct NotMine {
  std::string provider;  // "local", "mount", "smb"
  Status answer;         // its WN_BAD_NETNAME and sentence
};

// config_file: the path the configuration was read from (named when it is missing,
// config.file == ""). answers: in the order the providers were asked.
// Always WN_BAD_NETNAME.
Status pick_not_mine(const Config& config, const std::string& config_file, const AddRequest& req,
                     const std::vector<NotMine>& answers);

}  // namespace npemu
