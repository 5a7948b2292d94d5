#include "pack.hpp"

#include <cstring>

namespace npemu {

std::size_t NetEntry::packed_size() const {
  return sizeof(NETRESOURCEW) + wbytes(local) + wbytes(remote) + wbytes(comment) + wbytes(provider);
}

LPWSTR Packer::put(const std::wstring& s) {
  auto* at = reinterpret_cast<LPWSTR>(base_ + used_);
  std::memcpy(at, s.c_str(), wbytes(s));
  used_ += wbytes(s);
  return at;
}

void Packer::fill(NETRESOURCEW* nr, const NetEntry& e) {
  nr->dwScope = e.scope;
  nr->dwType = e.type;
  nr->dwDisplayType = e.display;
  nr->dwUsage = e.usage;
  nr->lpLocalName = put(e.local);
  nr->lpRemoteName = put(e.remote);
  nr->lpComment = put(e.comment);
  nr->lpProvider = put(e.provider);
}

std::size_t entries_fitting(const std::vector<NetEntry>& entries, std::size_t from, std::size_t max,
                            std::size_t size, std::size_t* bytes) {
  std::size_t n = 0, used = 0;
  while (from + n < entries.size() && n < max) {
    std::size_t next = entries[from + n].packed_size();
    if (used + next > size) break;
    used += next;
    ++n;
  }
  *bytes = used;
  return n;
}

void pack_entries(const std::vector<NetEntry>& entries, std::size_t from, std::size_t n, void* buf) {
  auto* array = static_cast<NETRESOURCEW*>(buf);
  Packer packer(buf, n * sizeof(NETRESOURCEW));
  for (std::size_t i = 0; i < n; ++i) packer.fill(&array[i], entries[from + i]);
}

DWORD check_room(const void* buf, LPDWORD size, std::size_t need) {
  if (!size || (!buf && *size != 0)) return WN_BAD_POINTER;
  if (buf && *size == 0) return WN_BAD_VALUE;  // *size untouched
  if (!buf || *size < need) {
    *size = static_cast<DWORD>(need);
    return WN_MORE_DATA;
  }
  return WN_SUCCESS;
}

}  // namespace npemu
