#include "text.hpp"

#include <boost/nowide/convert.hpp>

namespace npnet {

// Invalid UTF-8 becomes U+FFFD, which the API then refuses as a bad name.
std::wstring widen(const std::string& utf8) { return boost::nowide::widen(utf8); }

std::string narrow(const wchar_t* wide) { return wide ? boost::nowide::narrow(wide) : std::string(); }

bool looks_remote(const std::string& s) {
  auto sep = [](char c) { return c == '\\' || c == '/'; };
  if (s.size() >= 2 && sep(s[0]) && sep(s[1])) return true;
  std::string head = s.substr(0, 6);
  for (auto& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return head == "smb://";
}

}  // namespace npnet
