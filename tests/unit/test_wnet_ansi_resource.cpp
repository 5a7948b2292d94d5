// WNetGetResourceInformationA and WNetGetResourceParentA over the W functions:
// the same answers as NETRESOURCEA with UTF-8 strings (Ü and 中 in the names),
// sizes in bytes, the W functions' codes for bad names and buffers.
#include <doctest/doctest.h>

#include "test_support.hpp"

#include <npemu/winnetwk.h>

#include <cstring>
#include <string>
#include <vector>

using namespace npemu_test;

namespace {

const char* const kUmlaut = "\\\\files\\\xC3\x9C" "bung";                         // \\files\Übung
const std::string kRest = "\\\xE7\x9B\xAE\xE5\xBD\x95\\a.txt";                    // \目录\a.txt

NETRESOURCEA resource(const char* remote) {
  NETRESOURCEA nr{};
  nr.dwType = RESOURCETYPE_ANY;
  nr.lpRemoteName = const_cast<LPSTR>(remote);
  return nr;
}

std::size_t bytes(LPCSTR s) { return std::strlen(s) + 1; }

}  // namespace

TEST_CASE("wnet A: WNetGetResourceInformationA answers in UTF-8, sizes in bytes") {
  TempHome home("");
  home.write_config(std::string("[local.shares.'") + kUmlaut + "']\npath = \"" + home.share("public") + "\"\n");
  const std::string path = kUmlaut + kRest;
  NETRESOURCEA nr = resource(path.c_str());
  LPSTR system = nullptr;
  DWORD size = 0;
  REQUIRE(WNetGetResourceInformationA(&nr, nullptr, &size, &system) == WN_MORE_DATA);
  std::vector<char> buf(size);
  DWORD one_short = size - 1;
  CHECK(WNetGetResourceInformationA(&nr, buf.data(), &one_short, &system) == WN_MORE_DATA);
  CHECK(one_short == size);
  REQUIRE(WNetGetResourceInformationA(&nr, buf.data(), &size, &system) == WN_SUCCESS);
  auto* got = reinterpret_cast<NETRESOURCEA*>(buf.data());
  CHECK(std::string(got->lpRemoteName) == kUmlaut);
  CHECK(std::string(got->lpProvider) == "local");
  REQUIRE(system != nullptr);
  CHECK(std::string(system) == kRest);
  // The size is the structure and its UTF-8 strings, to the byte.
  CHECK(size == sizeof(NETRESOURCEA) + bytes(got->lpLocalName) + bytes(got->lpRemoteName) + bytes(got->lpComment) +
                    bytes(got->lpProvider) + kRest.size() + 1);
  CHECK(system + kRest.size() < buf.data() + buf.size());
  // The W function's answer is the same resource.
  NETRESOURCEW wnr{};
  std::wstring wpath = W(path);
  wnr.lpRemoteName = wpath.data();
  std::vector<char> wbuf(4096);
  DWORD wsize = 4096;
  LPWSTR wsystem = nullptr;
  REQUIRE(WNetGetResourceInformationW(&wnr, wbuf.data(), &wsize, &wsystem) == WN_SUCCESS);
  auto* wgot = reinterpret_cast<NETRESOURCEW*>(wbuf.data());
  CHECK(U(wgot->lpRemoteName) == got->lpRemoteName);
  CHECK(U(wsystem) == system);
  CHECK(wgot->dwDisplayType == got->dwDisplayType);
  CHECK(wgot->dwUsage == got->dwUsage);
  // The share itself: no system part.
  nr = resource(kUmlaut);
  size = static_cast<DWORD>(buf.size());
  CHECK(WNetGetResourceInformationA(&nr, buf.data(), &size, &system) == WN_SUCCESS);
  CHECK(system == nullptr);
}

TEST_CASE("wnet A: WNetGetResourceParentA, and the W codes for bad names and buffers") {
  TempHome home("");
  home.write_config(std::string("[local.shares.'") + kUmlaut + "']\npath = \"" + home.share("public") + "\"\n");
  NETRESOURCEA nr = resource(kUmlaut);
  DWORD size = 0;
  REQUIRE(WNetGetResourceParentA(&nr, nullptr, &size) == WN_MORE_DATA);
  std::vector<char> buf(size);
  REQUIRE(WNetGetResourceParentA(&nr, buf.data(), &size) == WN_SUCCESS);
  auto* parent = reinterpret_cast<NETRESOURCEA*>(buf.data());
  CHECK(std::string(parent->lpRemoteName) == "\\\\files");
  CHECK(parent->dwDisplayType == RESOURCEDISPLAYTYPE_SERVER);
  const std::string path = kUmlaut + kRest;
  nr = resource(path.c_str());
  buf.assign(2048, 0);
  parent = reinterpret_cast<NETRESOURCEA*>(buf.data());
  size = static_cast<DWORD>(buf.size());
  REQUIRE(WNetGetResourceParentA(&nr, buf.data(), &size) == WN_SUCCESS);
  CHECK(std::string(parent->lpRemoteName) == std::string(kUmlaut) + "\\\xE7\x9B\xAE\xE5\xBD\x95");

  // Ill-formed UTF-8 and names nobody serves: WN_BAD_NETNAME, nothing written.
  for (const char* bad : {"\\\\files\\\xC3", "\\\\files\\\xFF\\x", "\\\\nobody\\share"}) {
    CAPTURE(bad);
    nr = resource(bad);
    std::memset(buf.data(), '#', buf.size());
    size = static_cast<DWORD>(buf.size());
    LPSTR system = nullptr;
    CHECK(WNetGetResourceInformationA(&nr, buf.data(), &size, &system) == WN_BAD_NETNAME);
    CHECK(WNetGetResourceParentA(&nr, buf.data(), &size) == WN_BAD_NETNAME);
    CHECK(buf[0] == '#');
  }
  // NULLs and buffer shapes: whatever the W function answers, the A one does.
  nr = resource(kUmlaut);
  NETRESOURCEW wnr{};
  std::wstring wname = W(kUmlaut);
  wnr.lpRemoteName = wname.data();
  LPSTR system = nullptr;
  LPWSTR wsystem = nullptr;
  CHECK(WNetGetResourceInformationA(nullptr, buf.data(), &size, &system) == WN_BAD_POINTER);
  CHECK(WNetGetResourceInformationA(&nr, buf.data(), nullptr, &system) == WN_BAD_POINTER);
  CHECK(WNetGetResourceInformationA(&nr, buf.data(), &size, nullptr) == WN_BAD_POINTER);
  CHECK(WNetGetResourceParentA(nullptr, buf.data(), &size) == WN_BAD_POINTER);
  for (DWORD shape : {0u, 1024u}) {
    CAPTURE(shape);
    DWORD a = shape, w = shape;
    char* abuf = shape ? nullptr : buf.data();  // NULL with a size, or a buffer with none
    char* wb = shape ? nullptr : buf.data();
    CHECK(WNetGetResourceInformationA(&nr, abuf, &a, &system) == WNetGetResourceInformationW(&wnr, wb, &w, &wsystem));
    a = w = shape;
    CHECK(WNetGetResourceParentA(&nr, abuf, &a) == WNetGetResourceParentW(&wnr, wb, &w));
  }
}
