#include "net_spellings.hpp"

#include <algorithm>
#include <cctype>

namespace npnet {
namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// "/persistent:yes" → key "persistent", value "yes"; "/delete" → value "".
void split(const std::string& word, std::string* key, std::string* value) {
  auto colon = word.find(':');
  *key = lower(word.substr(1, colon == std::string::npos ? std::string::npos : colon - 1));
  *value = colon == std::string::npos ? "" : word.substr(colon + 1);
}

bool is_one_of(const std::string& key, std::initializer_list<const char*> names) {
  return std::any_of(names.begin(), names.end(), [&](const char* n) { return key == n; });
}

}  // namespace

bool translate_net_spellings(std::vector<std::string>& args, std::string* error) {
  std::vector<std::string> out;
  bool options_ended = false;
  for (const auto& a : args) {
    // A slash word is "/x...", never "//server/share"; after "--" nothing is translated.
    if (options_ended || a.size() < 2 || a[0] != '/' || a[1] == '/') {
      if (a == "--") options_ended = true;
      out.push_back(a);
      continue;
    }
    if (a == "/?") {  // net use /?
      out.push_back("--help");
      continue;
    }
    std::string key, value;
    split(a, &key, &value);
    std::string lv = lower(value);
    if (is_one_of(key, {"delete", "d"}) && value.empty()) {
      out.push_back("--delete");
    } else if (is_one_of(key, {"y", "yes"}) && value.empty()) {
      out.push_back("--force");  // net use /y: answer yes to "close the open files?"
    } else if (is_one_of(key, {"n", "no"}) && value.empty()) {
      // net use /n: answer no; npnet never asks, and refuses by default.
    } else if (is_one_of(key, {"persistent", "p"}) && (lv == "yes" || lv == "no")) {
      out.push_back(lv == "yes" ? "--persistent" : "--no-persistent");
    } else if (is_one_of(key, {"user", "u"}) && !value.empty()) {
      out.push_back("--user");
      out.push_back(value);
    } else {
      *error = "unknown option '" + a + "' (known: /delete, /y, /persistent:yes|no, /user:NAME, /?)";
      return false;
    }
  }
  args = std::move(out);
  return true;
}

}  // namespace npnet
