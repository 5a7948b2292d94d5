#include "text.hpp"

#include <boost/nowide/convert.hpp>

#include <cctype>

namespace npnet {

// Invalid UTF-8 becomes U+FFFD, which the API then refuses as a bad name.
std::wstring widen(const std::string& utf8) { return boost::nowide::widen(utf8); }

std::string narrow(const wchar_t* wide) { return wide ? boost::nowide::narrow(wide) : std::string(); }

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool looks_remote(const std::string& s) {
  auto sep = [](char c) { return c == '\\' || c == '/'; };
  if (s.size() >= 2 && sep(s[0]) && sep(s[1])) return true;
  return lower(s.substr(0, 6)) == "smb://";
}

bool looks_device(const std::string& name) {
  std::string d = upper(name);
  if (d.size() == 2 && d[1] == ':') return d[0] >= 'A' && d[0] <= 'Z';  // a drive needs its colon
  if (!d.empty() && d.back() == ':') d.pop_back();
  return d.size() == 4 && d.compare(0, 3, "LPT") == 0 && d[3] >= '1' && d[3] <= '9';
}

std::string device_display(const std::string& device) {
  std::string d = upper(device);
  return !d.empty() && d.back() != ':' ? d + ":" : d;
}

}  // namespace npnet
