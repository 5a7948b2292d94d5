#include "names.hpp"

#include <algorithm>
#include <cctype>

namespace npemu {
namespace {

bool is_sep(char c) { return c == '\\' || c == '/'; }

std::vector<std::string_view> split(std::string_view s) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || is_sep(s[i])) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

bool valid_component(std::string_view c) {
  if (c.empty() || c == "." || c == "..") return false;
  for (unsigned char ch : c) {
    if (ch < 0x20 || ch == 0x7f) return false;
    if (ch == '<' || ch == '>' || ch == '|' || ch == '?' || ch == '*' || ch == '"')
      return false;
  }
  return true;
}

std::string join(const std::vector<std::string>& parts, char sep) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

}  // namespace

// A drive is a letter and its colon ("Z" alone is no device, as on Windows: no
// add, query or cancel of "Z" may reach Z:); the colon is optional only for LPT.
std::optional<Device> parse_device(std::string_view s) {
  std::string u = ascii_lower(s);
  std::transform(u.begin(), u.end(), u.begin(), [](unsigned char c) { return std::toupper(c); });
  if (u.size() == 2 && u[1] == ':') {
    if (u[0] >= 'A' && u[0] <= 'Z') return Device{Device::Kind::Drive, std::string(1, u[0]) + ":"};
    return std::nullopt;
  }
  if (u.size() == 4 || (u.size() == 5 && u[4] == ':')) {
    if (u.compare(0, 3, "LPT") == 0 && u[3] >= '1' && u[3] <= '9')
      return Device{Device::Kind::Printer, u.substr(0, 4) + ":"};
  }
  return std::nullopt;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool looks_remote(std::string_view s) {
  return (s.size() >= 2 && is_sep(s[0]) && is_sep(s[1])) ||
         ascii_lower(s.substr(0, 6)) == "smb://";
}

std::string Remote::share_unc() const { return "\\\\" + server + "\\" + share; }
std::string Remote::unc() const {
  std::string out = share_unc();
  for (const auto& p : path) out += "\\" + p;
  return out;
}
std::string Remote::share_key() const { return ascii_lower(share_unc()); }
std::string Remote::key() const {
  std::string out = share_key();
  for (const auto& p : path) out += "\\" + p;
  return out;
}
std::string Remote::rel_path() const { return join(path, '/'); }

std::optional<Remote> parse_remote(std::string_view s) {
  std::string_view rest;
  if (ascii_lower(s.substr(0, 6)) == "smb://")
    rest = s.substr(6);
  else if (s.size() >= 2 && is_sep(s[0]) && is_sep(s[1]))
    rest = s.substr(2);
  else
    return std::nullopt;
  if (!rest.empty() && is_sep(rest.back())) rest.remove_suffix(1);  // one trailing separator
  auto parts = split(rest);
  if (parts.size() < 2) return std::nullopt;
  for (auto p : parts)
    if (!valid_component(p)) return std::nullopt;
  Remote r;
  r.server = std::string(parts[0]);
  r.share = std::string(parts[1]);
  for (std::size_t i = 2; i < parts.size(); ++i) r.path.emplace_back(parts[i]);
  return r;
}

std::optional<ConnectionPath> parse_connection_path(std::string_view s) {
  if (looks_remote(s)) {
    auto r = parse_remote(s);
    if (!r) return std::nullopt;
    return ConnectionPath{std::nullopt, std::move(r), {}};
  }
  std::size_t cut = s.find_first_of("\\/");
  auto dev = parse_device(s.substr(0, cut));
  if (!dev) return std::nullopt;
  ConnectionPath out{dev, std::nullopt, {}};
  if (cut == std::string_view::npos) return out;
  std::string_view rest = s.substr(cut + 1);
  if (rest.empty()) return out;
  if (is_sep(rest.back())) rest.remove_suffix(1);
  for (auto p : split(rest)) {
    if (!valid_component(p)) return std::nullopt;
    out.below.emplace_back(p);
  }
  return out;
}

}  // namespace npemu
