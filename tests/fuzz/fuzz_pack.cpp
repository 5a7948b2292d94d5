// Fuzz target: the buffer rules of NPEnumResource / WNetEnumResourceW and of
// WNetEnumResourceA (router/pack, NETRESOURCEA with UTF-8 strings). Random entries
// (some characters beyond ASCII), a random start, count, buffer size and charset:
// what is packed fits the size given (the buffer is exactly that big, so ASan sees
// any byte past it), every string points inside it and holds its entry's text, and
// no further entry would have fit.
#include "../../core/src/router/pack.hpp"

#include <boost/nowide/convert.hpp>

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
    static const wchar_t kWide[] = {0xDC, 0x4E2D, 0x1F600};  // Ü (2 bytes in UTF-8), 中 (3), an emoji (4)
    for (auto& c : s) {
      unsigned b = byte();
      c = b >= 240 ? kWide[b % 3] : static_cast<wchar_t>(L' ' + b % 90);
    }
    return s;
  }
};

bool same(LPCWSTR packed, const std::wstring& want) {
  return packed && std::wcslen(packed) == want.size() && std::wmemcmp(packed, want.data(), want.size()) == 0;
}
bool same(LPCSTR packed, const std::wstring& want) { return packed && packed == boost::nowide::narrow(want); }

// The packed array of NETRESOURCEW or NETRESOURCEA: each entry's values, its strings inside.
template <typename Resource>
void check_packed(const std::vector<npemu::NetEntry>& entries, std::size_t from, std::size_t n, std::size_t used,
                  const std::vector<unsigned char>& buf) {
  const auto* lo = buf.data();
  auto inside = [&](const void* s) {
    const auto* b = static_cast<const unsigned char*>(s);
    return b >= lo + n * sizeof(Resource) && b < lo + used;
  };
  const auto* out = reinterpret_cast<const Resource*>(buf.data());
  for (std::size_t i = 0; i < n; ++i) {
    const npemu::NetEntry& e = entries[from + i];
    require(out[i].dwScope == e.scope && out[i].dwType == e.type);
    for (const void* s : {out[i].lpLocalName, out[i].lpRemoteName, out[i].lpComment, out[i].lpProvider})
      require(inside(s));
    require(same(out[i].lpLocalName, e.local) && same(out[i].lpRemoteName, e.remote));
    require(same(out[i].lpComment, e.comment) && same(out[i].lpProvider, e.provider));
  }
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
  auto cs = in.byte() % 2 ? npemu::Charset::utf8 : npemu::Charset::wide;
  std::size_t used = 0;
  std::size_t n = npemu::entries_fitting(entries, from, max, room, &used, cs);
  require(n <= max && from + n <= entries.size() && used <= room);
  if (from + n < entries.size() && n < max) require(used + entries[from + n].packed_size(cs) > room);  // the next did not fit
  if (n == 0) return 0;
  std::vector<unsigned char> buf(room);  // exactly the size given
  npemu::pack_entries(entries, from, n, buf.data(), cs);
  if (cs == npemu::Charset::utf8)
    check_packed<NETRESOURCEA>(entries, from, n, used, buf);
  else
    check_packed<NETRESOURCEW>(entries, from, n, used, buf);
  return 0;
}
