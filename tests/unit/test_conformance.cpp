// Conformance with Windows: the answers public reports pin down (Wine's
// dlls/mpr/tests/mpr.c, whose ok() lines pass on Windows; the Win32 reference
// pages), one table per kind of behaviour, every row run on the `local` provider
// from the same world (conformance_call.hpp: Z: connected, Y: remembered only).
//
// To add a case, add a row to the kind's table: the entry point, the case in words,
// the name it is about, the buffer (Buf::Some/Null/NoSize) and *size given, then
// what Windows answers: the code, *size afterwards (kSame: untouched), what the
// buffer holds (kUnwritten: nothing written) and the world afterwards (nullptr:
// unchanged). Where npemu knowingly differs from Windows the row says so, and
// docs/wnet.md ("Where npemu answers differently from Windows") says why.
#include <doctest/doctest.h>

#include "conformance_call.hpp"
#include "test_support.hpp"

#include <cwchar>
#include <set>
#include <vector>

using namespace conformance;
using npemu_test::U;

namespace {

const wchar_t* const kPublic = L"\\\\files\\public";
const wchar_t* const kOther = L"\\\\files\\other";
const wchar_t* const kLaser = L"\\\\files\\laser";
const wchar_t* const kDocs = L"\\\\files\\public\\docs";  // Z:\docs as a universal name

DWORD chars(const wchar_t* s) { return static_cast<DWORD>(std::wcslen(s) + 1); }
DWORD bytes(const wchar_t* s) { return chars(s) * sizeof(WCHAR); }
// A NETRESOURCEW with its four strings packed after it.
DWORD netresource(const wchar_t* local, const wchar_t* remote, const wchar_t* provider) {
  return sizeof(NETRESOURCEW) + bytes(local) + bytes(remote) + bytes(L"") + bytes(provider);
}

// The sizes Windows' buffer rules ask for, in the unit each function counts in.
const DWORD kUniversal = sizeof(UNIVERSAL_NAME_INFOW) + bytes(kDocs);
const DWORD kRemoteInfo = sizeof(REMOTE_NAME_INFOW) + bytes(kDocs) + bytes(kPublic) + bytes(L"\\docs");
const DWORD kResourceInfo = netresource(L"", kPublic, L"local") + bytes(L"\\docs");  // of \\files\public\docs
const DWORD kResourceParent = netresource(L"", L"\\\\files", L"local");          // of \\files\public
const DWORD kEntryZ = netresource(L"Z:", kPublic, L"local");                     // Z: enumerated
const DWORD kNpemuType = NPGetCaps(WNNC_NET_TYPE);

const char* const kPlusJ = "J: \\\\files\\public live; Y: \\\\files\\other remembered; Z: \\\\files\\public live";
const char* const kPlusX = "X: \\\\files\\public live; Y: \\\\files\\other remembered; Z: \\\\files\\public live";
const char* const kPlusDeviceless =
    "- \\\\files\\public live; Y: \\\\files\\other remembered; Z: \\\\files\\public live";
const char* const kPlusLpt1 = "LPT1: \\\\files\\laser live; Y: \\\\files\\other remembered; Z: \\\\files\\public live";

constexpr DWORD L1 = UNIVERSAL_NAME_INFO_LEVEL;
constexpr DWORD L2 = REMOTE_NAME_INFO_LEVEL;

void run(const std::vector<Row>& rows) {
  for (const Row& r : rows) {
    npemu_test::TempHome home;
    make_world();
    REQUIRE(world() == kWorld);
    Result got = call(r);
    const std::string what = std::string(fn_name(r.fn)) + ": " + r.why;
    INFO(what);
    CHECK(got.code == r.code);
    CHECK(got.size_after == r.size_after);
    if (r.out == kUnwritten)
      CHECK(got.unwritten);
    else if (r.out != kUnchecked)
      CHECK(U(got.out) == U(r.out));
    CHECK(world() == std::string(r.after ? r.after : kWorld));
  }
}

// Every entry point a kind applies to has at least one row in its table.
void check_covers(const std::vector<Row>& rows, std::initializer_list<Fn> applies) {
  std::set<Fn> seen;
  for (const Row& r : rows) seen.insert(r.fn);
  for (Fn fn : applies) {
    const std::string missing = std::string(fn_name(fn)) + " has no row";
    CHECK_MESSAGE(seen.count(fn) == 1, missing);
  }
}

// ---------------------------------------------------------------------------------
// 1. A caller's buffer with a size of 0 is ERROR_INVALID_PARAMETER (87) where Windows
//    says so (mpr.c: WNetUseConnection, WNetGetUniversalName at both levels), the size
//    untouched and nothing done; the byte-sized structure queries follow them. The
//    string and enumeration calls answer WN_MORE_DATA with the size, as their pages do.
const std::vector<Row> kZeroSize = {
    {Fn::WNetUseConnectionW, "J: with an access buffer of 0 (mpr.c)", L"J:", Buf::Some, 0, WN_BAD_VALUE, kSame, kUnwritten},
    {Fn::WNetUseConnectionW, "J: with an access buffer of 1: 3 needed (mpr.c)", L"J:", Buf::Some, 1, WN_MORE_DATA, 3, kUnwritten},
    {Fn::WNetUseConnectionW, "J: with an access buffer of 4: size untouched (mpr.c)", L"J:", Buf::Some, 4, WN_SUCCESS, kSame, L"J:", kPlusJ},
    {Fn::WNetUseConnectionW, "J: without an access buffer, size 0 (mpr.c)", L"J:", Buf::Null, 0, WN_SUCCESS, kSame, kUnwritten, kPlusJ},
    {Fn::WNetUseConnectionW, "deviceless, access buffer of 0", nullptr, Buf::Some, 0, WN_BAD_VALUE, kSame, kUnwritten},
    {Fn::WNetUseConnectionW, "CONNECT_REDIRECT, access buffer of 0", nullptr, Buf::Some, 0, WN_BAD_VALUE, kSame, kUnwritten, nullptr, RESOURCETYPE_DISK, CONNECT_REDIRECT},
    {Fn::WNetGetUniversalNameW, "level 1, buffer of 0 (mpr.c)", L"Z:\\docs", Buf::Some, 0, WN_BAD_VALUE, kSame, kUnwritten, nullptr, 0, L1},
    {Fn::WNetGetUniversalNameW, "level 2, buffer of 0 (mpr.c)", L"Z:\\docs", Buf::Some, 0, WN_BAD_VALUE, kSame, kUnwritten, nullptr, 0, L2},
    {Fn::NPGetUniversalName, "level 1, buffer of 0", L"Z:\\docs", Buf::Some, 0, WN_BAD_VALUE, kSame, kUnwritten, nullptr, 0, L1},
    {Fn::NPGetUniversalName, "level 2, buffer of 0", L"Z:\\docs", Buf::Some, 0, WN_BAD_VALUE, kSame, kUnwritten, nullptr, 0, L2},
    {Fn::WNetGetUniversalNameW, "a free drive, buffer of 0: the drive first (mpr.c)", L"X:\\docs", Buf::Some, 0, WN_NOT_CONNECTED, kSame, kUnwritten, nullptr, 0, L1},
    {Fn::WNetGetUniversalNameW, "NULL and 0 asks for the size", L"Z:\\docs", Buf::Null, 0, WN_MORE_DATA, kUniversal, kUnwritten, nullptr, 0, L1},
    {Fn::WNetGetUniversalNameW, "one byte short", L"Z:\\docs", Buf::Some, kUniversal - 1, WN_MORE_DATA, kUniversal, kUnwritten, nullptr, 0, L1},
    {Fn::WNetGetUniversalNameW, "exact: size untouched (mpr.c)", L"Z:\\docs", Buf::Some, kUniversal, WN_SUCCESS, kSame, kDocs, nullptr, 0, L1},
    {Fn::NPGetUniversalName, "level 2, NULL and 0 asks for the size", L"Z:\\docs", Buf::Null, 0, WN_MORE_DATA, kRemoteInfo, kUnwritten, nullptr, 0, L2},
    {Fn::WNetGetUniversalNameW, "level 2, exact", L"Z:\\docs", Buf::Some, kRemoteInfo, WN_SUCCESS, kSame, kDocs, nullptr, 0, L2},
    {Fn::WNetGetResourceInformationW, "buffer of 0", kDocs, Buf::Some, 0, WN_BAD_VALUE, kSame, kUnwritten},
    {Fn::NPGetResourceInformation, "buffer of 0", kDocs, Buf::Some, 0, WN_BAD_VALUE, kSame, kUnwritten},
    {Fn::NPGetResourceInformation, "NULL and 0 asks for the size", kDocs, Buf::Null, 0, WN_MORE_DATA, kResourceInfo, kUnwritten},
    {Fn::WNetGetResourceParentW, "buffer of 0", kPublic, Buf::Some, 0, WN_BAD_VALUE, kSame, kUnwritten},
    {Fn::NPGetResourceParent, "buffer of 0", kPublic, Buf::Some, 0, WN_BAD_VALUE, kSame, kUnwritten},
    {Fn::WNetGetResourceParentW, "NULL and 0 asks for the size", kPublic, Buf::Null, 0, WN_MORE_DATA, kResourceParent, kUnwritten},
    {Fn::WNetGetNetworkInformationW, "cbStructure 0", L"npemu", Buf::Some, 0, WN_BAD_VALUE, kSame, kUnchecked},
    // Strings and enumerations: WN_MORE_DATA with the size needed (their reference pages).
    {Fn::WNetGetConnectionW, "buffer of 0: the size needed", L"Z:", Buf::Some, 0, WN_MORE_DATA, chars(kPublic), kUnwritten},
    {Fn::NPGetConnection, "buffer of 0: the size needed", L"Z:", Buf::Some, 0, WN_MORE_DATA, chars(kPublic), kUnwritten},
    {Fn::WNetGetUserW, "buffer of 0: the size needed", L"Z:", Buf::Some, 0, WN_MORE_DATA, chars(L"alice"), kUnwritten},
    {Fn::NPGetUser, "buffer of 0: the size needed", L"Z:", Buf::Some, 0, WN_MORE_DATA, chars(L"alice"), kUnwritten},
    {Fn::WNetGetProviderNameW, "buffer of 0: the size needed", nullptr, Buf::Some, 0, WN_MORE_DATA, chars(L"npemu"), kUnwritten, nullptr, 0, kNpemuType},
    {Fn::WNetEnumResourceW, "buffer of 0: the next entry's size", nullptr, Buf::Some, 0, WN_MORE_DATA, kEntryZ, kUnwritten},
    {Fn::NPEnumResource, "buffer of 0: the next entry's size", nullptr, Buf::Some, 0, WN_MORE_DATA, kEntryZ, kUnwritten},
};

TEST_CASE("conformance 1: a buffer with a size of 0") {
  check_covers(kZeroSize, {Fn::WNetUseConnectionW, Fn::WNetGetUniversalNameW, Fn::NPGetUniversalName,
                           Fn::WNetGetResourceInformationW, Fn::NPGetResourceInformation, Fn::WNetGetResourceParentW,
                           Fn::NPGetResourceParent, Fn::WNetGetNetworkInformationW, Fn::WNetGetConnectionW,
                           Fn::NPGetConnection, Fn::WNetGetUserW, Fn::NPGetUser, Fn::WNetGetProviderNameW,
                           Fn::WNetEnumResourceW, Fn::NPEnumResource});
  run(kZeroSize);
}

// ---------------------------------------------------------------------------------
// 2. A NULL buffer with a size that claims room is WN_BAD_POINTER (487), the size
//    untouched; NULL with 0 asks for the size. lpAccessName alone may be NULL
//    whatever the size: it means "not wanted" (its reference page).
const std::vector<Row> kNullBuffer = {
    {Fn::WNetGetConnectionW, "NULL with 10 on a connected Z:", L"Z:", Buf::Null, 10, WN_BAD_POINTER, kSame, kUnwritten},
    {Fn::NPGetConnection, "NULL with 10 on a connected Z:", L"Z:", Buf::Null, 10, WN_BAD_POINTER, kSame, kUnwritten},
    {Fn::WNetGetConnectionW, "NULL with 0: the size needed", L"Z:", Buf::Null, 0, WN_MORE_DATA, chars(kPublic), kUnwritten},
    {Fn::WNetGetConnectionW, "no size pointer", L"Z:", Buf::NoSize, 0, WN_BAD_POINTER, kSame, kUnwritten},
    {Fn::NPGetConnection, "no size pointer", L"Z:", Buf::NoSize, 0, WN_BAD_POINTER, kSame, kUnwritten},
    {Fn::WNetGetUniversalNameW, "level 1, NULL with 1024", L"Z:\\docs", Buf::Null, 1024, WN_BAD_POINTER, kSame, kUnwritten, nullptr, 0, L1},
    {Fn::WNetGetUniversalNameW, "level 2, NULL with 1024 (mpr.c)", L"Z:\\docs", Buf::Null, 1024, WN_BAD_POINTER, kSame, kUnwritten, nullptr, 0, L2},
    {Fn::WNetGetUniversalNameW, "level 2, no size pointer (mpr.c)", L"Z:\\docs", Buf::NoSize, 0, WN_BAD_POINTER, kSame, kUnwritten, nullptr, 0, L2},
    {Fn::NPGetUniversalName, "level 1, NULL with 1024", L"Z:\\docs", Buf::Null, 1024, WN_BAD_POINTER, kSame, kUnwritten, nullptr, 0, L1},
    {Fn::NPGetUniversalName, "level 2, NULL with 1024", L"Z:\\docs", Buf::Null, 1024, WN_BAD_POINTER, kSame, kUnwritten, nullptr, 0, L2},
    {Fn::WNetGetUserW, "NULL with 10", L"Z:", Buf::Null, 10, WN_BAD_POINTER, kSame, kUnwritten},
    {Fn::WNetGetUserW, "the session's user, NULL with 10", nullptr, Buf::Null, 10, WN_BAD_POINTER, kSame, kUnwritten},
    {Fn::NPGetUser, "NULL with 10", L"Z:", Buf::Null, 10, WN_BAD_POINTER, kSame, kUnwritten},
    {Fn::NPGetUser, "NULL with 0: the size needed", L"Z:", Buf::Null, 0, WN_MORE_DATA, chars(L"alice"), kUnwritten},
    {Fn::WNetGetProviderNameW, "NULL with 10", nullptr, Buf::Null, 10, WN_BAD_POINTER, kSame, kUnwritten, nullptr, 0, kNpemuType},
    {Fn::WNetGetProviderNameW, "NULL with 0: the size needed", nullptr, Buf::Null, 0, WN_MORE_DATA, chars(L"npemu"), kUnwritten, nullptr, 0, kNpemuType},
    {Fn::WNetEnumResourceW, "NULL with 1024", nullptr, Buf::Null, 1024, WN_BAD_POINTER, kSame, kUnwritten},
    {Fn::NPEnumResource, "NULL with 1024", nullptr, Buf::Null, 1024, WN_BAD_POINTER, kSame, kUnwritten},
    {Fn::WNetEnumResourceW, "NULL with 0: the next entry's size", nullptr, Buf::Null, 0, WN_MORE_DATA, kEntryZ, kUnwritten},
    {Fn::WNetGetResourceInformationW, "NULL with 1024", kDocs, Buf::Null, 1024, WN_BAD_POINTER, kSame, kUnwritten},
    {Fn::NPGetResourceInformation, "NULL with 1024", kDocs, Buf::Null, 1024, WN_BAD_POINTER, kSame, kUnwritten},
    {Fn::WNetGetResourceInformationW, "no size pointer", kDocs, Buf::NoSize, 0, WN_BAD_POINTER, kSame, kUnwritten},
    {Fn::WNetGetResourceParentW, "NULL with 1024", kPublic, Buf::Null, 1024, WN_BAD_POINTER, kSame, kUnwritten},
    {Fn::NPGetResourceParent, "NULL with 1024", kPublic, Buf::Null, 1024, WN_BAD_POINTER, kSame, kUnwritten},
    {Fn::WNetGetNetworkInformationW, "no NETINFOSTRUCT", L"npemu", Buf::Null, 0, WN_BAD_POINTER, kSame, kUnwritten},
    {Fn::WNetUseConnectionW, "no access buffer, size 10: not wanted", L"J:", Buf::Null, 10, WN_SUCCESS, kSame, kUnwritten, kPlusJ},
    {Fn::WNetUseConnectionW, "an access buffer without a size pointer", L"J:", Buf::NoSize, 0, WN_BAD_POINTER, kSame, kUnwritten},
};

TEST_CASE("conformance 2: a NULL buffer with a size that claims room") {
  check_covers(kNullBuffer, {Fn::WNetGetConnectionW, Fn::NPGetConnection, Fn::WNetGetUniversalNameW,
                             Fn::NPGetUniversalName, Fn::WNetGetUserW, Fn::NPGetUser, Fn::WNetGetProviderNameW,
                             Fn::WNetEnumResourceW, Fn::NPEnumResource, Fn::WNetGetResourceInformationW,
                             Fn::NPGetResourceInformation, Fn::WNetGetResourceParentW, Fn::NPGetResourceParent,
                             Fn::WNetGetNetworkInformationW, Fn::WNetUseConnectionW});
  run(kNullBuffer);
}

// ---------------------------------------------------------------------------------
// 3. CONNECT_REDIRECT without a local name: the MPR picks a device only for a typed
//    resource; RESOURCETYPE_ANY is ERROR_BAD_DEV_TYPE (66) and nothing is connected.
//    WNetAddConnection2W/3W are WNetUseConnectionW without an access name. A provider
//    (NPAddConnection3) ignores the flag. Z: is taken and Y: remembered: X: is picked.
const std::vector<Row> kRedirect = {
    {Fn::WNetUseConnectionW, "RESOURCETYPE_ANY", nullptr, Buf::Some, 64, WN_BAD_DEV_TYPE, kSame, kUnwritten, nullptr, RESOURCETYPE_ANY, CONNECT_REDIRECT},
    {Fn::WNetUseConnectionW, "RESOURCETYPE_ANY, lpLocalName empty", L"", Buf::Some, 64, WN_BAD_DEV_TYPE, kSame, kUnwritten, nullptr, RESOURCETYPE_ANY, CONNECT_REDIRECT},
    {Fn::WNetUseConnectionW, "an unknown type", nullptr, Buf::Some, 64, WN_BAD_DEV_TYPE, kSame, kUnwritten, nullptr, 7, CONNECT_REDIRECT},
    {Fn::WNetUseConnectionW, "a printer: npemu picks drives only", nullptr, Buf::Some, 64, WN_BAD_DEV_TYPE, kSame, kUnwritten, nullptr, RESOURCETYPE_PRINT, CONNECT_REDIRECT, kLaser},
    {Fn::WNetAddConnection2W, "RESOURCETYPE_ANY", nullptr, Buf::Null, 0, WN_BAD_DEV_TYPE, kSame, kUnwritten, nullptr, RESOURCETYPE_ANY, CONNECT_REDIRECT},
    {Fn::WNetAddConnection3W, "RESOURCETYPE_ANY", nullptr, Buf::Null, 0, WN_BAD_DEV_TYPE, kSame, kUnwritten, nullptr, RESOURCETYPE_ANY, CONNECT_REDIRECT},
    {Fn::WNetUseConnectionW, "RESOURCETYPE_DISK: X: is picked", nullptr, Buf::Some, 64, WN_SUCCESS, kSame, L"X:", kPlusX, RESOURCETYPE_DISK, CONNECT_REDIRECT},
    {Fn::WNetAddConnection2W, "RESOURCETYPE_DISK: X: is picked", nullptr, Buf::Null, 0, WN_SUCCESS, kSame, kUnwritten, kPlusX, RESOURCETYPE_DISK, CONNECT_REDIRECT},
    {Fn::WNetAddConnection3W, "RESOURCETYPE_DISK: X: is picked", nullptr, Buf::Null, 0, WN_SUCCESS, kSame, kUnwritten, kPlusX, RESOURCETYPE_DISK, CONNECT_REDIRECT},
    {Fn::WNetUseConnectionW, "RESOURCETYPE_ANY without the flag: deviceless", nullptr, Buf::Some, 64, WN_SUCCESS, kSame, kPublic, kPlusDeviceless, RESOURCETYPE_ANY, 0},
    {Fn::NPAddConnection3, "RESOURCETYPE_ANY: the provider ignores the flag", nullptr, Buf::Null, 0, WN_SUCCESS, kSame, kUnwritten, kPlusDeviceless, RESOURCETYPE_ANY, CONNECT_REDIRECT},
};

TEST_CASE("conformance 3: CONNECT_REDIRECT picks a device only for a typed resource") {
  check_covers(kRedirect, {Fn::WNetUseConnectionW, Fn::WNetAddConnection2W, Fn::WNetAddConnection3W, Fn::NPAddConnection3});
  run(kRedirect);
}

// ---------------------------------------------------------------------------------
// 4. A drive is a letter and a colon: "Z" is WN_BAD_LOCALNAME (1200) to an add, a
//    query, a cancel and a restore, and none of them touches Z:. The colon is optional
//    for LPT only.
const std::vector<Row> kDriveColon = {
    {Fn::NPAddConnection, "\"X\"", L"X", Buf::Null, 0, WN_BAD_LOCALNAME, kSame, kUnwritten},
    {Fn::NPAddConnection3, "\"X\"", L"X", Buf::Null, 0, WN_BAD_LOCALNAME, kSame, kUnwritten},
    {Fn::WNetAddConnection2W, "\"X\"", L"X", Buf::Null, 0, WN_BAD_LOCALNAME, kSame, kUnwritten},
    {Fn::WNetAddConnection3W, "\"X\"", L"X", Buf::Null, 0, WN_BAD_LOCALNAME, kSame, kUnwritten},
    {Fn::WNetUseConnectionW, "\"X\"", L"X", Buf::Some, 64, WN_BAD_LOCALNAME, kSame, kUnwritten},
    {Fn::NPAddConnection3, "\"x:\": case does not matter", L"x:", Buf::Null, 0, WN_SUCCESS, kSame, kUnwritten, kPlusX},
    {Fn::NPAddConnection3, "\"lpt1\": the colon is optional for LPT", L"lpt1", Buf::Null, 0, WN_SUCCESS, kSame, kUnwritten, kPlusLpt1, RESOURCETYPE_PRINT, 0, kLaser},
    {Fn::NPGetConnection, "\"Z\"", L"Z", Buf::Some, 64, WN_BAD_LOCALNAME, kSame, kUnwritten},
    {Fn::WNetGetConnectionW, "\"Z\"", L"Z", Buf::Some, 64, WN_BAD_LOCALNAME, kSame, kUnwritten},
    {Fn::WNetGetConnectionW, "\"lpt1\": a device, not connected", L"lpt1", Buf::Some, 64, WN_NOT_CONNECTED, kSame, kUnwritten},
    {Fn::NPGetUser, "\"Z\"", L"Z", Buf::Some, 64, WN_BAD_LOCALNAME, kSame, kUnwritten},
    {Fn::WNetGetUserW, "\"Z\"", L"Z", Buf::Some, 64, WN_BAD_LOCALNAME, kSame, kUnwritten},
    {Fn::NPGetUniversalName, "\"Z\\docs\"", L"Z\\docs", Buf::Some, 1024, WN_BAD_LOCALNAME, kSame, kUnwritten, nullptr, 0, L1},
    {Fn::WNetGetUniversalNameW, "\"Z\"", L"Z", Buf::Some, 1024, WN_BAD_LOCALNAME, kSame, kUnwritten, nullptr, 0, L1},
    {Fn::NPCancelConnection, "\"Z\" leaves Z: connected", L"Z", Buf::Null, 0, WN_BAD_LOCALNAME, kSame, kUnwritten},
    {Fn::NPCancelConnection2, "\"Z\", CONNECT_UPDATE_PROFILE", L"Z", Buf::Null, 0, WN_BAD_LOCALNAME, kSame, kUnwritten, nullptr, 0, CONNECT_UPDATE_PROFILE},
    {Fn::WNetCancelConnection2W, "\"Z\" leaves Z: connected", L"Z", Buf::Null, 0, WN_BAD_LOCALNAME, kSame, kUnwritten},
    {Fn::WNetCancelConnection2W, "\"Y\", CONNECT_UPDATE_PROFILE: Y: stays remembered", L"Y", Buf::Null, 0, WN_BAD_LOCALNAME, kSame, kUnwritten, nullptr, 0, CONNECT_UPDATE_PROFILE},
    {Fn::WNetRestoreConnectionW, "\"Y\" restores nothing", L"Y", Buf::Null, 0, WN_BAD_LOCALNAME, kSame, kUnwritten},
};

TEST_CASE("conformance 4: a drive is a letter and a colon") {
  check_covers(kDriveColon, {Fn::NPAddConnection, Fn::NPAddConnection3, Fn::WNetAddConnection2W,
                             Fn::WNetAddConnection3W, Fn::WNetUseConnectionW, Fn::NPGetConnection,
                             Fn::WNetGetConnectionW, Fn::NPGetUser, Fn::WNetGetUserW, Fn::NPGetUniversalName,
                             Fn::WNetGetUniversalNameW, Fn::NPCancelConnection, Fn::NPCancelConnection2,
                             Fn::WNetCancelConnection2W, Fn::WNetRestoreConnectionW});
  run(kDriveColon);
}

// ---------------------------------------------------------------------------------
// 5. A remembered drive that is not connected (Y:) is WN_CONNECTION_CLOSED (1201,
//    ERROR_CONNECTION_UNAVAIL) to every query of a device; the connection queries
//    also return its remembered name. A free drive (X:) stays WN_NOT_CONNECTED.
//    The resource queries take remote names only, so no device reaches them.
const std::vector<Row> kRemembered = {
    {Fn::WNetGetConnectionW, "Y: with its remembered name", L"Y:", Buf::Some, 64, WN_CONNECTION_CLOSED, kSame, kOther},
    {Fn::NPGetConnection, "Y: with its remembered name", L"Y:", Buf::Some, 64, WN_CONNECTION_CLOSED, kSame, kOther},
    {Fn::WNetGetConnectionW, "Y: with a buffer one short", L"Y:", Buf::Some, chars(kOther) - 1, WN_MORE_DATA, chars(kOther), kUnwritten},
    {Fn::WNetGetUniversalNameW, "Y:\\ at level 1", L"Y:\\", Buf::Some, 1024, WN_CONNECTION_CLOSED, kSame, kUnwritten, nullptr, 0, L1},
    {Fn::WNetGetUniversalNameW, "Y:\\docs at level 2", L"Y:\\docs", Buf::Some, 1024, WN_CONNECTION_CLOSED, kSame, kUnwritten, nullptr, 0, L2},
    {Fn::NPGetUniversalName, "Y:\\docs at level 1", L"Y:\\docs", Buf::Some, 1024, WN_CONNECTION_CLOSED, kSame, kUnwritten, nullptr, 0, L1},
    {Fn::NPGetUniversalName, "Y:\\docs at level 2", L"Y:\\docs", Buf::Some, 1024, WN_CONNECTION_CLOSED, kSame, kUnwritten, nullptr, 0, L2},
    {Fn::WNetGetUserW, "Y:", L"Y:", Buf::Some, 64, WN_CONNECTION_CLOSED, kSame, kUnwritten},
    {Fn::NPGetUser, "Y:", L"Y:", Buf::Some, 64, WN_CONNECTION_CLOSED, kSame, kUnwritten},
    {Fn::WNetGetConnectionW, "X:, never connected", L"X:", Buf::Some, 64, WN_NOT_CONNECTED, kSame, kUnwritten},
    {Fn::WNetGetUniversalNameW, "X:\\docs, never connected", L"X:\\docs", Buf::Some, 1024, WN_NOT_CONNECTED, kSame, kUnwritten, nullptr, 0, L1},
    {Fn::NPGetUser, "X:, never connected", L"X:", Buf::Some, 64, WN_NOT_CONNECTED, kSame, kUnwritten},
    {Fn::WNetGetResourceInformationW, "Y:\\docs is no remote name", L"Y:\\docs", Buf::Some, 1024, WN_BAD_NETNAME, kSame, kUnwritten},
};

TEST_CASE("conformance 5: a remembered drive that is not connected is unavailable to every query") {
  check_covers(kRemembered, {Fn::WNetGetConnectionW, Fn::NPGetConnection, Fn::WNetGetUniversalNameW,
                             Fn::NPGetUniversalName, Fn::WNetGetUserW, Fn::NPGetUser});
  run(kRemembered);
}

// ---------------------------------------------------------------------------------
// 6. WNetGetResourceInformationW and WNetGetResourceParentW answer as the NP calls do.
const std::vector<Row> kResourceQueries = {
    {Fn::WNetGetResourceInformationW, "a path: its share and the rest", kDocs, Buf::Some, 1024, WN_SUCCESS, kSame, L"\\\\files\\public;\\docs"},
    {Fn::NPGetResourceInformation, "a path: its share and the rest", kDocs, Buf::Some, 1024, WN_SUCCESS, kSame, L"\\\\files\\public;\\docs"},
    {Fn::WNetGetResourceInformationW, "a share: no rest", L"\\\\FILES\\Public", Buf::Some, 1024, WN_SUCCESS, kSame, L"\\\\files\\public;(null)"},
    {Fn::NPGetResourceInformation, "a share: no rest", L"\\\\FILES\\Public", Buf::Some, 1024, WN_SUCCESS, kSame, L"\\\\files\\public;(null)"},
    {Fn::WNetGetResourceInformationW, "exact size", kDocs, Buf::Some, kResourceInfo, WN_SUCCESS, kSame, L"\\\\files\\public;\\docs"},
    {Fn::WNetGetResourceInformationW, "one byte short", kDocs, Buf::Some, kResourceInfo - 1, WN_MORE_DATA, kResourceInfo, kUnwritten},
    {Fn::NPGetResourceInformation, "one byte short", kDocs, Buf::Some, kResourceInfo - 1, WN_MORE_DATA, kResourceInfo, kUnwritten},
    {Fn::WNetGetResourceInformationW, "a share nobody serves", L"\\\\files\\nosuch", Buf::Some, 1024, WN_BAD_NETNAME, kSame, kUnwritten},
    {Fn::NPGetResourceInformation, "a share nobody serves", L"\\\\files\\nosuch", Buf::Some, 1024, WN_BAD_NETNAME, kSame, kUnwritten},
    {Fn::WNetGetResourceInformationW, "lpRemoteName NULL", nullptr, Buf::Some, 1024, WN_BAD_NETNAME, kSame, kUnwritten},
    {Fn::WNetGetResourceInformationW, "a printer asked as a disk", kLaser, Buf::Some, 1024, WN_BAD_DEV_TYPE, kSame, kUnwritten},
    {Fn::NPGetResourceInformation, "a printer asked as a disk", kLaser, Buf::Some, 1024, WN_BAD_DEV_TYPE, kSame, kUnwritten},
    {Fn::WNetGetResourceParentW, "a directory: its share", kDocs, Buf::Some, 1024, WN_SUCCESS, kSame, kPublic},
    {Fn::NPGetResourceParent, "a directory: its share", kDocs, Buf::Some, 1024, WN_SUCCESS, kSame, kPublic},
    {Fn::WNetGetResourceParentW, "a share: its server", kPublic, Buf::Some, 1024, WN_SUCCESS, kSame, L"\\\\files"},
    {Fn::NPGetResourceParent, "a share: its server", kPublic, Buf::Some, 1024, WN_SUCCESS, kSame, L"\\\\files"},
    {Fn::WNetGetResourceParentW, "a server: its provider's network", L"\\\\files", Buf::Some, 1024, WN_SUCCESS, kSame, L"local"},
    {Fn::NPGetResourceParent, "a server: its provider's network", L"\\\\files", Buf::Some, 1024, WN_SUCCESS, kSame, L"local"},
    {Fn::WNetGetResourceParentW, "one byte short", kPublic, Buf::Some, kResourceParent - 1, WN_MORE_DATA, kResourceParent, kUnwritten},
    {Fn::NPGetResourceParent, "one byte short", kPublic, Buf::Some, kResourceParent - 1, WN_MORE_DATA, kResourceParent, kUnwritten},
    {Fn::WNetGetResourceParentW, "a server nobody knows", L"\\\\nosuch", Buf::Some, 1024, WN_BAD_NETNAME, kSame, kUnwritten},
    {Fn::NPGetResourceParent, "a server nobody knows", L"\\\\nosuch", Buf::Some, 1024, WN_BAD_NETNAME, kSame, kUnwritten},
};

TEST_CASE("conformance 6: the WNet names of the resource queries") {
  check_covers(kResourceQueries, {Fn::WNetGetResourceInformationW, Fn::NPGetResourceInformation,
                                  Fn::WNetGetResourceParentW, Fn::NPGetResourceParent});
  run(kResourceQueries);
  // Twins: every WNet row has its NP row with the same arguments and answers.
  for (const Row& w : kResourceQueries) {
    if (w.fn != Fn::WNetGetResourceInformationW && w.fn != Fn::WNetGetResourceParentW) continue;
    Fn twin = w.fn == Fn::WNetGetResourceInformationW ? Fn::NPGetResourceInformation : Fn::NPGetResourceParent;
    npemu_test::TempHome home;
    make_world();
    Row np = w;
    np.fn = twin;
    Result a = call(w), b = call(np);
    const std::string what = std::string(fn_name(w.fn)) + " vs " + fn_name(twin) + ": " + w.why;
    INFO(what);
    CHECK(a.code == b.code);
    CHECK(a.size_after == b.size_after);
    CHECK(U(a.out) == U(b.out));
  }
}

}  // namespace
