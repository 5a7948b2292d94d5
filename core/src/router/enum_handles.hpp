// Enumeration handles: each WNetOpenEnumW/NPOpenEnum takes a snapshot of the
// entries and gets an opaque handle; WNetEnumResourceW hands them out in pieces.
// Handles are looked up in a table, never dereferenced, so a stale or forged one
// is WN_BAD_HANDLE, and each has its own lock so enumerations run in parallel.
#pragma once
#include "../status.hpp"
#include "pack.hpp"

#include <vector>

namespace npemu {

HANDLE open_enum_handle(std::vector<NetEntry> entries);
// The next entries that fit: the rules of WNetEnumResourceW (of WNetEnumResourceA
// with Charset::utf8: NETRESOURCEA entries, sizes in bytes of their UTF-8 strings).
Status enum_next(HANDLE h, LPDWORD count, LPVOID buf, LPDWORD size, Charset cs = Charset::wide);
Status close_enum_handle(HANDLE h);

}  // namespace npemu
