#include <doctest/doctest.h>

#include "../../core/src/names.hpp"
#include "../../core/src/wide.hpp"

using namespace npemu;

TEST_CASE("devices: drives and printer ports, normalised") {
  CHECK(parse_device("z:")->name == "Z:");
  CHECK(parse_device("lpt1")->kind == Device::Kind::Printer);  // the colon is optional for LPT only
  CHECK(parse_device("lpt1")->name == "LPT1:");
  CHECK(parse_device("LPT9:")->kind == Device::Kind::Printer);
  CHECK(parse_device("A:")->bare() == "A");
  for (const char* bad : {"", ":", "1:", "ZZ:", "LPT0:", "LPT10:", "COM1:", "Z:\\", "Z::", "lpt", "Z", "z"})
    CHECK_MESSAGE(!parse_device(bad), bad);
}

TEST_CASE("remote names: UNC, // and smb:// spellings") {
  auto r = parse_remote("\\\\Files\\Public\\Docs");
  REQUIRE(r);
  CHECK(r->server == "Files");
  CHECK(r->share == "Public");
  CHECK(r->unc() == "\\\\Files\\Public\\Docs");
  CHECK(r->key() == "\\\\files\\public\\Docs");
  CHECK(r->share_key() == "\\\\files\\public");
  CHECK(r->rel_path() == "Docs");
  CHECK(parse_remote("//files/public")->unc() == "\\\\files\\public");
  CHECK(parse_remote("smb://files/public/a/b")->unc() == "\\\\files\\public\\a\\b");
  CHECK(parse_remote("SMB://files/public")->share == "public");
  CHECK(parse_remote("\\\\files\\public\\")->unc() == "\\\\files\\public");
}

TEST_CASE("remote names: everything malformed is refused") {
  for (const char* bad : {"", "\\\\", "\\\\server", "\\\\server\\", "\\\\\\share", "\\\\s\\\\x",
                          "\\\\s\\share\\..", "\\\\s\\..\\x", "\\\\s\\.\\x", "\\\\s\\sh\\a\\..\\..",
                          "server\\share", "smb:/s/x", "\\\\s\\sh*re", "\\\\s\\sh\x01re", "Z:"})
    CHECK_MESSAGE(!parse_remote(bad), bad);
  CHECK(!parse_remote(std::string("\\\\s\\a\0b", 7)));
}

TEST_CASE("connection paths: device form and UNC form") {
  auto p = parse_connection_path("z:\\docs\\readme.txt");
  REQUIRE(p);
  CHECK(p->device->name == "Z:");
  CHECK(p->below == std::vector<std::string>{"docs", "readme.txt"});
  auto u = parse_connection_path("\\\\files\\public\\docs\\a.txt");
  REQUIRE(u);
  CHECK(u->remote->path.size() == 2);
  CHECK(!parse_connection_path("Z:\\..\\etc"));
  CHECK(!parse_connection_path("Z"));  // a drive in a path needs its colon
}

TEST_CASE("wide strings: valid, invalid and over-long") {
  CHECK(*to_utf8(L"\\\\h\u00f4te\\p\u00e4rtage") == "\\\\h\xc3\xb4te\\p\xc3\xa4rtage");
  CHECK(!to_utf8(nullptr));
  const wchar_t lone_surrogate[] = {L'a', static_cast<wchar_t>(0xD800), 0};
  CHECK(!to_utf8(lone_surrogate));
  if constexpr (sizeof(wchar_t) == 4) {  // UTF-32 only: a 16-bit wchar_t cannot hold it
    const wchar_t too_big[] = {static_cast<wchar_t>(0x110000), 0};
    CHECK(!to_utf8(too_big));
  }
  std::wstring long_name(kMaxName + 1, L'a');
  CHECK(!to_utf8(long_name.c_str()));
  CHECK(to_utf8(long_name.substr(1).c_str()));
  CHECK(to_wide("\xc3\xa9") == L"\u00e9");
}

TEST_CASE("copy_out: WN_MORE_DATA with the size needed, never past the buffer") {
  DWORD len = 0;
  CHECK(copy_out("abc", nullptr, &len) == WN_MORE_DATA);
  CHECK(len == 4);
  wchar_t buf[4] = {L'x', L'x', L'x', L'x'};
  len = 3;
  CHECK(copy_out("abc", buf, &len) == WN_MORE_DATA);
  CHECK(buf[0] == L'x');
  len = 4;
  CHECK(copy_out("abc", buf, &len) == WN_SUCCESS);
  CHECK(std::wstring(buf) == L"abc");
  CHECK(copy_out("abc", buf, nullptr) == WN_BAD_POINTER);
}
