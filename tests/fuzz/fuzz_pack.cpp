// Fuzz target: the buffer rules of NPEnumResource / WNetEnumResourceW (router/pack).
// Random entries, a random start, count and buffer size: what is packed fits the
// size given (the buffer is exactly that big, so ASan sees any byte past it), every
// string points inside it and holds its entry's text, and no further entry would
// have fit.
#include "../../core/src/router/pack.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace {

void require(bool ok) {
  if (!ok) std::abort();
}

struct Reader {
  const std::uint8_t* p;
  std::size_t n;
  unsigned byte() { return n ? (--n, *p++) : 0; }
  std::wstring text() {
    std::wstring s(byte() % 40, L'a');
    for (auto& c : s) c = static_cast<wchar_t>(L' ' + byte() % 90);
    return s;
  }
};

bool same(LPCWSTR packed, const std::wstring& want) {
  return packed && std::wcslen(packed) == want.size() && std::wmemcmp(packed, want.data(), want.size()) == 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Reader in{data, size};
  std::vector<npemu::NetEntry> entries(1 + in.byte() % 12);
  for (auto& e : entries) {
    e.scope = in.byte();
    e.type = in.byte();
    e.local = in.text();
    e.remote = in.text();
    e.comment = in.text();
    e.provider = in.text();
  }
  std::size_t from = in.byte() % entries.size();
  std::size_t max = 1 + in.byte() % 16;
  std::size_t room = (in.byte() << 8 | in.byte()) % 6000;
  std::size_t used = 0;
  std::size_t n = npemu::entries_fitting(entries, from, max, room, &used);
  require(n <= max && from + n <= entries.size() && used <= room);
  if (from + n < entries.size() && n < max) require(used + entries[from + n].packed_size() > room);  // the next did not fit
  if (n == 0) return 0;
  std::vector<unsigned char> buf(room);  // exactly the size given
  npemu::pack_entries(entries, from, n, buf.data());
  const auto* lo = reinterpret_cast<const unsigned char*>(buf.data());
  auto inside = [&](LPCWSTR s) {
    const auto* b = reinterpret_cast<const unsigned char*>(s);
    return b >= lo + n * sizeof(NETRESOURCEW) && b < lo + used;
  };
  const auto* out = reinterpret_cast<const NETRESOURCEW*>(buf.data());
  for (std::size_t i = 0; i < n; ++i) {
    const npemu::NetEntry& e = entries[from + i];
    require(out[i].dwScope == e.scope && out[i].dwType == e.type);
    for (LPCWSTR s : {out[i].lpLocalName, out[i].lpRemoteName, out[i].lpComment, out[i].lpProvider}) require(inside(s));
    require(same(out[i].lpLocalName, e.local) && same(out[i].lpRemoteName, e.remote));
    require(same(out[i].lpComment, e.comment) && same(out[i].lpProvider, e.provider));
  }
  return 0;
}
