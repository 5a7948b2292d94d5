// Bind mounts: connect, the holders that block a plain cancel, forced cancel.
#include <doctest/doctest.h>

#include "../../../core/src/engine.hpp"
#include "mount_fixture.hpp"

#include <fcntl.h>
#include <unistd.h>

using namespace npemu_test;
using mount_test::MountHome;
using mount_test::mounted_at;
using mount_test::slurp;

TEST_CASE("a [mount] share becomes a bind mount at drives/Z and a plain cancel removes it") {
  MountHome m;
  REQUIRE(add("Z:", "\\\\files\\data") == WN_SUCCESS);
  CHECK(mounted_at(m.drive));
  CHECK(slurp(m.drive + "/file.txt") == "hello\n");
  std::string remote;
  CHECK(get("Z:", &remote) == WN_SUCCESS);
  CHECK(remote == "\\\\files\\data");
  CHECK(add("Z:", "\\\\files\\data") == WN_ALREADY_CONNECTED);
  CHECK(cancel("Z:", false) == WN_SUCCESS);
  CHECK_FALSE(mounted_at(m.drive));
  CHECK_FALSE(exists(m.drive));  // the drive directory is gone too
  CHECK(get("Z:") == WN_NOT_CONNECTED);
  CHECK(slurp(m.data + "/file.txt") == "hello\n");  // the source is untouched
}

TEST_CASE("a path below the share is bind-mounted; one outside it is refused with nothing made") {
  MountHome m;
  std::ofstream(m.data + "/sub/inner.txt") << "inner";
  REQUIRE(add("Z:", "\\\\files\\data\\sub") == WN_SUCCESS);
  CHECK(slurp(m.drive + "/inner.txt") == "inner");
  CHECK(cancel("Z:", true) == WN_SUCCESS);
  CHECK(add("Z:", "\\\\files\\data\\nosuch") == WN_BAD_NETNAME);
  CHECK_FALSE(exists(m.drive));
  CHECK(add("LPT1:", "\\\\files\\data") == WN_BAD_DEV_TYPE);
}

TEST_CASE("an open file, a cwd and an mmap on the mount each block a plain cancel") {
  for (std::string how : {"open", "cwd", "mmap"}) {
    CAPTURE(how);
    MountHome m;
    REQUIRE(add("Z:", "\\\\files\\data", CONNECT_UPDATE_PROFILE) == WN_SUCCESS);
    std::string path = how == "cwd" ? m.drive + "/sub" : m.drive + "/file.txt";
    Child holder({helper("npemu_holder"), how, path});
    REQUIRE(holder.read_line() == "ready");

    CHECK(cancel("Z:", false) == WN_OPEN_FILES);
    std::string why = last_error_text();
    CHECK(why.find("pid " + std::to_string(holder.pid())) != std::string::npos);
    CHECK(why.find(path) != std::string::npos);
    CHECK(mounted_at(m.drive));  // nothing changed
    CHECK(get("Z:") == WN_SUCCESS);
    CHECK(slurp(m.drive + "/file.txt") == "hello\n");

    // Forced: gone at once, even with the holder still there; the profile forgets Z:.
    CHECK(cancel("Z:", true) == WN_SUCCESS);
    CHECK_FALSE(mounted_at(m.drive));
    CHECK_FALSE(exists(m.drive));
    CHECK(get("Z:") == WN_NOT_CONNECTED);
    CHECK(npemu::with_engine([](npemu::Engine& e) {
            CHECK(e.profile().empty());
            return npemu::Status::success();
          }).ok());
    holder.finish();
  }
}

TEST_CASE("a file open on the source directory, not through the mount, does not block") {
  MountHome m;
  REQUIRE(add("Z:", "\\\\files\\data") == WN_SUCCESS);
  Child holder({helper("npemu_holder"), "open", m.data + "/file.txt"});
  REQUIRE(holder.read_line() == "ready");
  CHECK(cancel("Z:", false) == WN_SUCCESS);
  CHECK_FALSE(mounted_at(m.drive));
  holder.finish();
}

TEST_CASE("a busy mount the scan cannot see is still refused by umount2 (EBUSY → WN_OPEN_FILES)") {
  MountHome m;
  REQUIRE(add("Z:", "\\\\files\\data") == WN_SUCCESS);
  // A mount below the drive makes umount2 say EBUSY though no process holds a file.
  std::string inner = m.home.root() + "/inner";
  std::filesystem::create_directories(inner);
  REQUIRE(mount(inner.c_str(), (m.drive + "/sub").c_str(), nullptr, MS_BIND, nullptr) == 0);
  CHECK(cancel("Z:", false) == WN_OPEN_FILES);
  CHECK(mounted_at(m.drive));
  CHECK(get("Z:") == WN_SUCCESS);
  umount2((m.drive + "/sub").c_str(), 0);
  CHECK(cancel("Z:", false) == WN_SUCCESS);
  CHECK_FALSE(exists(m.drive));
}
