// Deviceless sessions against the real smbd: connect, errors, cancel by remote name.
#include "smb_env.hpp"

#include <doctest/doctest.h>

#include <signal.h>

#include <filesystem>

using namespace smbtest;

TEST_CASE("a deviceless session with user and password connects; every spelling is accepted") {
  Server s = fixture_server();
  Home h(s);
  CHECK(add("", "\\\\files\\secure", "npemu", kPassword) == WN_SUCCESS);
  CHECK(add("", "//files/public", nullptr, nullptr) == WN_SUCCESS);
  CHECK(add("", "smb://files/public", nullptr, nullptr) == WN_SUCCESS);
  // One remote-name cancel drops both deviceless connections to \\files\public.
  CHECK(cancel("\\\\FILES\\Public", false) == WN_SUCCESS);
  CHECK(cancel("\\\\files\\public", false) == WN_NOT_CONNECTED);
  CHECK(cancel("\\\\files\\secure", false) == WN_SUCCESS);
}

TEST_CASE("wrong password is WN_BAD_PASSWORD, a refused share WN_ACCESS_DENIED, unknown share WN_BAD_NETNAME") {
  Server s = fixture_server();
  Home h(s);
  CHECK(add("", "\\\\files\\secure", "npemu", "not-the-password") == WN_BAD_PASSWORD);
  CHECK(last_error_text().find("user name or password") != std::string::npos);
  CHECK(add("", "\\\\files\\secure", nullptr, nullptr) == WN_ACCESS_DENIED);  // guest on a user-only share
  CHECK(add("", "\\\\files\\nosuch", nullptr, nullptr) == WN_BAD_NETNAME);
  CHECK(add("", "\\\\files\\public\\no\\such\\dir", nullptr, nullptr) == WN_BAD_NETNAME);
  CHECK(add("", "\\\\elsewhere\\public", nullptr, nullptr) == WN_BAD_NETNAME);  // not in [servers]
  CHECK(cancel("\\\\files\\secure", true) == WN_NOT_CONNECTED);  // nothing half-made
}

TEST_CASE("a server that is down is WN_NO_NETWORK, at once") {
  Server s = fixture_server();
  Server down = s;
  down.port = 1;  // nothing listens on tcpmux
  Home h(down);
  double t0 = now_s();
  CHECK(add("", "\\\\files\\public", nullptr, nullptr) == WN_NO_NETWORK);
  CHECK(now_s() - t0 < 3.0);
  CHECK(last_error_text().find("nothing accepts") != std::string::npos);
}

TEST_CASE("the session belongs to its process: a killed owner's handle no longer counts") {
  Server s = fixture_server();
  Home h(s);
  {
    Child c({SMB_CHILD});
    REQUIRE(c.read_line().rfind("ready ", 0) == 0);
    CHECK(cancel("\\\\files\\public", false) == WN_OPEN_FILES);
    kill(c.pid(), SIGKILL);  // dies holding its session and its handle
    c.finish();
  }
  CHECK(cancel("\\\\files\\public", false) == WN_SUCCESS);  // reconciled, not refused
  CHECK(cancel("\\\\files\\public", false) == WN_NOT_CONNECTED);
}

TEST_CASE("the password never reaches NPEMU_HOME (store, WAL, config)") {
  Server s = fixture_server();
  Home h(s);
  REQUIRE(add("", "\\\\files\\secure", "npemu", kPassword) == WN_SUCCESS);
  int files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(h.root)) {
    if (!e.is_regular_file()) continue;
    ++files;
    CHECK_MESSAGE(slurp(e.path().string()).find(kPassword) == std::string::npos, e.path().string());
  }
  CHECK(files > 0);
  CHECK(cancel("\\\\files\\secure", false) == WN_SUCCESS);
}
