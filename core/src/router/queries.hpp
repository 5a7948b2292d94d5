// The operations both faces share (NP* as one provider, WNet* as the MPR):
// enumeration snapshots, universal names, users, resource information.
#pragma once
#include "../engine.hpp"
#include "pack.hpp"

namespace npemu {

// dwScope/dwType/dwUsage → a snapshot of entries and a handle in *out.
Status open_enum(DWORD scope, DWORD type, DWORD usage, const NETRESOURCEW* nr, bool mpr_level, LPHANDLE out);
// NPGetConnection and WNetGetConnectionW: the remote name of a device; for a
// remembered device that is not connected, WN_CONNECTION_CLOSED and its remembered name.
Status get_connection(LPCWSTR local, LPWSTR remote, LPDWORD len);
Status universal_name(LPCWSTR path, DWORD level, LPVOID buf, LPDWORD size);
Status get_user(LPCWSTR name, LPWSTR buf, LPDWORD len);
Status resource_information(const NETRESOURCEW* nr, LPVOID buf, LPDWORD size, LPWSTR* system);
Status resource_parent(const NETRESOURCEW* nr, LPVOID buf, LPDWORD size);

// The status for a buffer rule's outcome (WN_MORE_DATA / WN_BAD_POINTER /
// WN_BAD_VALUE / success).
Status buffer_status(DWORD rc);

// The live connection of a device, as every query sees it: WN_NOT_CONNECTED when
// nothing is there (or its entry is stale), WN_CONNECTION_CLOSED (Windows'
// ERROR_CONNECTION_UNAVAIL) when the device is only remembered; then *remembered
// gets the remembered remote name.
Status device_connection(Engine& e, const Device& dev, Connection* out, std::string* remembered = nullptr);

// A string out-parameter's pointers before anything is looked up (Windows'
// WNetGetConnectionW order): WN_BAD_POINTER without len, or for a NULL buf with a
// *len that claims room.
Status check_string_buffer(LPCWSTR buf, const DWORD* len, const char* what);

}  // namespace npemu
