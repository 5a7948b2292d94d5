// smbd killed or frozen mid-session, on a private server of its own.
#include "smb_env.hpp"

#include <doctest/doctest.h>

#include <signal.h>
#include <unistd.h>

using namespace smbtest;

namespace {
std::string private_dir(const char* what) {
  return fixture_server().dir + "-" + what + "-" + std::to_string(getpid());
}
}  // namespace

TEST_CASE("smbd SIGSTOPped: non-forced cancel fails within the timeout, forced returns within 5 s") {
  PrivateServer priv(private_dir("stop"));
  Server& s = priv.s;
  {
    Home h(s, 2000);
    REQUIRE(add("", "\\\\files\\public", nullptr, nullptr) == WN_SUCCESS);
    npemu_file* f = nullptr;
    REQUIRE(npemu_open(L"\\\\files\\public\\frozen.txt", NPEMU_OPEN_WRITE | NPEMU_OPEN_CREATE, &f) == WN_SUCCESS);
    REQUIRE(add("", "\\\\files\\secure", "npemu", kPassword) == WN_SUCCESS);
    kill(-s.pid, SIGSTOP);
    CHECK(cancel("\\\\files\\public", false) == WN_OPEN_FILES);  // the handle, without asking the server
    double t0 = now_s();
    CHECK(cancel("\\\\files\\secure", false) == WN_NO_NETWORK);
    CHECK(now_s() - t0 < 4.0);
    t0 = now_s();
    CHECK(cancel("\\\\files\\public", true) == WN_SUCCESS);
    CHECK(cancel("\\\\files\\secure", true) == WN_SUCCESS);
    CHECK(now_s() - t0 < 5.0);
    DWORD put = 0;
    CHECK(npemu_write(f, "x", 1, &put) == WN_NOT_CONNECTED);
    npemu_close(f);
    CHECK(cancel("\\\\files\\public", true) == WN_NOT_CONNECTED);  // nothing left behind
  }
}

TEST_CASE("smbd SIGKILLed: forced cancel returns within 5 s and the store is consistent") {
  PrivateServer priv(private_dir("kill"));
  Server& s = priv.s;
  {
    Home h(s, 2000);
    REQUIRE(add("", "\\\\files\\public", nullptr, nullptr) == WN_SUCCESS);
    npemu_file* f = nullptr;
    REQUIRE(npemu_open(L"\\\\files\\public\\killed.txt", NPEMU_OPEN_WRITE | NPEMU_OPEN_CREATE, &f) == WN_SUCCESS);
    kill(-s.pid, SIGKILL);
    usleep(100 * 1000);
    CHECK(cancel("\\\\files\\public", false) == WN_OPEN_FILES);
    double t0 = now_s();
    CHECK(cancel("\\\\files\\public", true) == WN_SUCCESS);
    CHECK(now_s() - t0 < 5.0);
    DWORD put = 0;
    CHECK(npemu_write(f, "x", 1, &put) == WN_NOT_CONNECTED);
    npemu_close(f);
    CHECK(cancel("\\\\files\\public", true) == WN_NOT_CONNECTED);
  }
}
