// `net use` spellings (/delete, /y, /persistent:yes, /user:NAME) → npnet's own
// options, before CLI11 parses: CLI11 does not know slash options.
#pragma once
#include <string>
#include <vector>

namespace npnet {

// args: argv without the program name. Returns false and *error when a slash
// word is not one npnet knows (a usage error).
bool translate_net_spellings(std::vector<std::string>& args, std::string* error);

}  // namespace npnet
