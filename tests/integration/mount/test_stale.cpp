// Mounts removed or replaced behind npemu's back are seen through libmount.
#include <doctest/doctest.h>

#include "../../../core/src/engine.hpp"
#include "mount_fixture.hpp"

using namespace npemu_test;
using mount_test::MountHome;
using mount_test::mounted_at;

namespace {
std::size_t profile_size() {
  std::size_t n = 0;
  npemu::with_engine([&](npemu::Engine& e) {
    n = e.profile().size();
    return npemu::Status::success();
  });
  return n;
}
}  // namespace

TEST_CASE("a mount removed by hand: not connected, and cancelling drops the stale and remembered entries") {
  MountHome m;
  REQUIRE(add("Z:", "\\\\files\\data", CONNECT_UPDATE_PROFILE) == WN_SUCCESS);
  REQUIRE(profile_size() == 1);
  REQUIRE(umount2(m.drive.c_str(), 0) == 0);
  CHECK(get("Z:") == WN_NOT_CONNECTED);
  CHECK(cancel("Z:", false) == WN_SUCCESS);
  CHECK(profile_size() == 0);
  // And the device can be connected again.
  CHECK(add("Z:", "\\\\files\\data") == WN_SUCCESS);
  CHECK(mounted_at(m.drive));
  CHECK(cancel("Z:", false) == WN_SUCCESS);
}

TEST_CASE("a mount replaced by another filesystem is not ours: not connected, and left alone") {
  MountHome m;
  REQUIRE(add("Z:", "\\\\files\\data") == WN_SUCCESS);
  REQUIRE(umount2(m.drive.c_str(), 0) == 0);
  REQUIRE(mount("npemu-test", m.drive.c_str(), "tmpfs", 0, "size=64k") == 0);
  CHECK(get("Z:") == WN_NOT_CONNECTED);
  CHECK(cancel("Z:", true) == WN_SUCCESS);  // drops the stale entry only
  CHECK(mounted_at(m.drive));               // the tmpfs is not npemu's to remove
  CHECK(get("Z:") == WN_NOT_CONNECTED);
  CHECK(add("Z:", "\\\\files\\data") == WN_ALREADY_CONNECTED);  // something else is mounted there
  REQUIRE(umount2(m.drive.c_str(), 0) == 0);
}
