// The machinery behind tests/unit/test_conformance.cpp: one row of the table (an
// entry point, its arguments, what Windows answers), a fresh `local` world for
// it, and one adapter that calls any NP or WNet entry point from a row.
#pragma once
#include <npemu/npapi.h>
#include <npemu/winnetwk.h>

#include <string>

namespace conformance {

// Every NP and WNet entry point a row can name.
enum class Fn {
  NPAddConnection, NPAddConnection3, NPCancelConnection, NPCancelConnection2, NPGetConnection,
  NPGetUniversalName, NPGetUser, NPEnumResource, NPGetResourceInformation, NPGetResourceParent,
  WNetAddConnection2W, WNetAddConnection3W, WNetUseConnectionW, WNetCancelConnection2W,
  WNetGetConnectionW, WNetGetUniversalNameW, WNetGetUserW, WNetGetProviderNameW,
  WNetGetNetworkInformationW, WNetEnumResourceW, WNetGetResourceInformationW,
  WNetGetResourceParentW, WNetRestoreConnectionW,
};
const char* fn_name(Fn fn);

// The buffer argument: a real one (marked, so that writes show), NULL, or a real
// one with the size pointer NULL.
enum class Buf { Some, Null, NoSize };

inline constexpr DWORD kSame = 0xFFFFFFF0;            // size_after: *size left as given
inline constexpr const wchar_t* kUnwritten = nullptr;  // out: the buffer must be untouched
inline const wchar_t* const kUnchecked = L"<unchecked>";

// The world every row starts from (see make_world):
//   Z: connected to \\files\public as user alice, not remembered;
//   Y: remembered for \\files\other, not connected;
//   X: and every other drive free.
inline const char* const kWorld = "Y: \\\\files\\other remembered; Z: \\\\files\\public live";

struct Row {
  Fn fn;
  const char* why;               // the case in words, printed when the row fails
  const wchar_t* name;           // the device, path, lpName or lpRemoteName the call is about
  Buf buf;                       // lpAccessName / lpRemoteName / lpUserName / lpBuffer / lpNetInfoStruct
  DWORD size;                    // *size on entry: characters or bytes, as the function counts
  DWORD code;                    // what Windows answers (or npemu's documented choice)
  DWORD size_after;              // *size afterwards; kSame when untouched
  const wchar_t* out;            // what the buffer holds afterwards (see Result::out); kUnwritten
  const char* after = nullptr;   // the world afterwards as world() spells it; nullptr: unchanged
  DWORD type = RESOURCETYPE_DISK;  // dwType of an add or a resource query
  DWORD flags = 0;               // dwFlags, dwInfoLevel or dwNetType
  const wchar_t* remote = L"\\\\files\\public";  // lpRemoteName of an add
};

struct Result {
  DWORD code = 0;
  DWORD size_after = 0;
  bool unwritten = true;  // every byte of the buffer still carries the mark
  // The call's answer as one string: the string written; for a NETRESOURCEW its
  // lpRemoteName (resource information: "remote;system", system "(null)" when NULL);
  // for universal names lpUniversalName.
  std::wstring out;
};

// Builds the world above in the current $NPEMU_HOME (a fresh TempHome).
void make_world();
// The connections and the remembered profile, sorted: "Y: \\files\other remembered; ...".
std::string world();
// Runs the row's entry point on a marked buffer.
Result call(const Row& row);

}  // namespace conformance
