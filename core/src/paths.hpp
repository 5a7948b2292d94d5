// Directory checks shared by every backend that serves a local directory.
#pragma once
#include <string>

namespace npemu {

// The canonical form of a directory, or "" when it is missing or not a directory.
std::string canonical_dir(const std::string& path);
// Is path (canonical) root itself or below it? Never a prefix match across names.
bool path_within(const std::string& path, const std::string& root);

}  // namespace npemu
