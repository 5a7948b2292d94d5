// Windows' buffer rules for structures with strings: the fixed structures first,
// their strings packed right after them inside the caller's buffer, nothing ever
// written past the size given, WN_MORE_DATA with the size needed otherwise.
#pragma once
#include <npemu/npapi.h>

#include <cstddef>
#include <string>
#include <vector>

namespace npemu {

// One NETRESOURCEW as the router hands it out; strings are never NULL when packed
// (Wine's MPR reads every one without a NULL check).
struct NetEntry {
  DWORD scope = 0;
  DWORD type = RESOURCETYPE_DISK;
  DWORD display = RESOURCEDISPLAYTYPE_SHARE;
  DWORD usage = RESOURCEUSAGE_CONNECTABLE;
  std::wstring local, remote, comment, provider;

  std::size_t packed_size() const;  // bytes: the structure and its four strings
};

// Lays strings out after a fixed area of `fixed` bytes in buf (which has room).
class Packer {
 public:
  Packer(void* buf, std::size_t fixed) : base_(static_cast<char*>(buf)), used_(fixed) {}
  LPWSTR put(const std::wstring& s);
  void fill(NETRESOURCEW* nr, const NetEntry& e);

 private:
  char* base_;
  std::size_t used_;
};

inline std::size_t wbytes(const std::wstring& s) { return (s.size() + 1) * sizeof(WCHAR); }

// How many of entries[from..] (at most max) fit in size bytes; *bytes gets what they use.
std::size_t entries_fitting(const std::vector<NetEntry>& entries, std::size_t from, std::size_t max,
                            std::size_t size, std::size_t* bytes);
// Writes entries[from, from+n) into buf as an array of NETRESOURCEW followed by strings.
void pack_entries(const std::vector<NetEntry>& entries, std::size_t from, std::size_t n, void* buf);

// The single-structure rule (sizes in bytes), as Windows' MPR answers
// WNetGetUniversalNameW: WN_BAD_POINTER without a size or for a NULL buf with a
// *size that claims room; WN_BAD_VALUE (ERROR_INVALID_PARAMETER) for a buf with
// *size 0, *size untouched; WN_MORE_DATA with *size = need when buf is NULL (and
// *size 0) or *size < need; else WN_SUCCESS (the caller then writes).
DWORD check_room(const void* buf, LPDWORD size, std::size_t need);

}  // namespace npemu
