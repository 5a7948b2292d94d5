// examples/netuse (a C program written against the Windows API only) run as a
// real process against a throw-away NPEMU_HOME, its output checked line by line.
#include <doctest/doctest.h>

#include "test_support.hpp"

#include <string>
#include <vector>

using namespace npemu_test;

namespace {

std::vector<std::string> run_netuse(const std::vector<std::string>& args) {
  std::vector<std::string> argv{helper("../examples/netuse")};
  argv.insert(argv.end(), args.begin(), args.end());
  Child c(argv);
  std::vector<std::string> lines;
  for (std::string line = c.read_line(); !line.empty(); line = c.read_line()) lines.push_back(line);
  c.finish();
  return lines;
}

}  // namespace

TEST_CASE("example netuse: add, list, browse, remembered, delete") {
  TempHome home;
  CHECK(run_netuse({"add", "*", "\\\\files\\public", "persist"}) ==
        std::vector<std::string>{"Z: is now connected to \\\\files\\public"});
  CHECK(run_netuse({"add", "LPT1:", "\\\\files\\laser"}) ==
        std::vector<std::string>{"LPT1: is now connected to \\\\files\\laser"});
  auto list = run_netuse({"list"});
  REQUIRE(list.size() == 3);
  CHECK(list[2] == "2 entries");
  CHECK((list[0] + list[1]).find("Z:     \\\\files\\public") != std::string::npos);
  CHECK((list[0] + list[1]).find("LPT1:  \\\\files\\laser" + std::string(16, ' ') + "print local") != std::string::npos);
  auto top = run_netuse({"browse"});  // one network per configured provider, `local` first
  REQUIRE(top.size() >= 2);
  CHECK(top[0] == "-      local" + std::string(24, ' ') + "-     local");
  auto shares = run_netuse({"browse", "\\\\files"});
  REQUIRE(shares.size() == 4);
  CHECK(shares[3] == "3 entries");
  auto bad = run_netuse({"add", "Y:", "\\\\files\\nosuch"});
  REQUIRE(bad.size() == 1);
  CHECK(bad[0].find("WNetUseConnectionW failed: error 67") == 0);
  CHECK(run_netuse({"del", "Z:"}) == std::vector<std::string>{"Z: was deleted successfully."});
  CHECK(run_netuse({"remembered"}) == std::vector<std::string>{"0 entries"});
  CHECK(run_netuse({"del", "Z:"})[0].find("error 2250") != std::string::npos);
}
