#include "paths.hpp"

#include <boost/filesystem.hpp>

namespace fs = boost::filesystem;

namespace npemu {

std::string canonical_dir(const std::string& path) {
  boost::system::error_code ec;
  fs::path c = fs::canonical(path, ec);
  if (ec || !fs::is_directory(c, ec)) return {};
  return c.string();
}

bool path_within(const std::string& path, const std::string& root) {
  // canonical() writes the platform's separator ('\\' on Windows), '/' on POSIX.
  const char sep = static_cast<char>(fs::path::preferred_separator);
  return path == root || (path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
                          (path[root.size()] == '/' || path[root.size()] == sep));
}

}  // namespace npemu
