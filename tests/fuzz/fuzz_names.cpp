// Fuzz target: the name parsers, with the properties every accepted name must keep.
// libFuzzer drives it in the `fuzz` build (scripts/fuzz); replay_main.cpp replays the
// corpus in every other build.
#include "../../core/src/names.hpp"
#include "../../core/src/wide.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

void require(bool ok) {
  if (!ok) std::abort();  // a broken property is a finding, like a crash
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view s(reinterpret_cast<const char*>(data), size);
  if (auto d = npemu::parse_device(s)) {
    // The normal form parses to itself.
    auto again = npemu::parse_device(d->name);
    require(again && again->name == d->name && again->kind == d->kind);
    require(d->name.size() >= 2 && d->name.back() == ':');
  }
  if (auto r = npemu::parse_remote(s)) {
    require(npemu::looks_remote(s));
    require(!r->server.empty() && !r->share.empty());
    for (const auto& c : r->path) require(!c.empty() && c != "." && c != "..");
    // The UNC form parses back to the same name, and the key ignores case only.
    auto again = npemu::parse_remote(r->unc());
    require(again && again->unc() == r->unc() && again->key() == r->key());
    require(r->key() == npemu::ascii_lower(r->share_unc()) + r->unc().substr(r->share_unc().size()));
    require(r->unc().compare(0, r->share_unc().size(), r->share_unc()) == 0);
  }
  if (auto p = npemu::parse_connection_path(s)) require(p->device.has_value() != p->remote.has_value());
  // UTF-8 → UTF-16 → UTF-8 → UTF-16 ends where it began: the two conversions agree
  // (to_utf8 reads a C string: up to the first NUL).
  std::wstring w = npemu::to_wide(s);
  w.resize(std::min(w.size(), w.find(L'\0')));
  if (auto back = npemu::to_utf8(w.c_str(), w.size() + 1)) require(npemu::to_wide(*back) == w);
  return 0;
}
