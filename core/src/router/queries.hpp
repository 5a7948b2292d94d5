// The operations both faces share (NP* as one provider, WNet* as the MPR):
// enumeration snapshots, universal names, users, resource information.
#pragma once
#include "../engine.hpp"
#include "pack.hpp"

namespace npemu {

// dwScope/dwType/dwUsage → a snapshot of entries and a handle in *out.
Status open_enum(DWORD scope, DWORD type, DWORD usage, const NETRESOURCEW* nr, bool mpr_level, LPHANDLE out);
Status universal_name(LPCWSTR path, DWORD level, LPVOID buf, LPDWORD size);
Status get_user(LPCWSTR name, LPWSTR buf, LPDWORD len);
Status resource_information(const NETRESOURCEW* nr, LPVOID buf, LPDWORD size, LPWSTR* system);
Status resource_parent(const NETRESOURCEW* nr, LPVOID buf, LPDWORD size);

// The status for a buffer rule's outcome (WN_MORE_DATA / WN_BAD_POINTER / success).
Status buffer_status(DWORD rc);

}  // namespace npemu
