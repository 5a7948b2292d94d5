// Without root a bind mount cannot be made: WN_ACCESS_DENIED saying why, and
// nothing half-made (no drive directory, no mount, no entry).
#include <doctest/doctest.h>

#include "mount_fixture.hpp"

#include <grp.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

using namespace npemu_test;
using mount_test::mounted_at;

TEST_CASE("non-root: adding a bind-mounted share is WN_ACCESS_DENIED with the reason, nothing made") {
  char tmpl[] = "/tmp/npemu-nonroot-XXXXXX";
  REQUIRE(mkdtemp(tmpl));
  std::string root = tmpl, home = root + "/home", data = root + "/data", drive = home + "/drives/Z";
  std::filesystem::create_directories(home);
  std::filesystem::create_directories(data);
  std::ofstream(home + "/npemu.toml") << "providers = [\"local\", \"mount\"]\n[mount.shares.'\\\\files\\data']\npath = \""
                                      << data << "\"\n";
  mount_test::give_to_nobody(root);

  int status = 0;
  std::string out = mount_test::as_nobody(
      [&] {
        setenv("NPEMU_HOME", home.c_str(), 1);
        return add("Z:", "\\\\files\\data");
      },
      &status);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CAPTURE(out);
  CHECK(out.rfind(std::to_string(WN_ACCESS_DENIED) + "\n", 0) == 0);
  CHECK(out.find("need root") != std::string::npos);
  CHECK_FALSE(exists(drive));
  CHECK_FALSE(mounted_at(drive));

  const char* was = std::getenv("NPEMU_HOME");  // unset when this case runs first
  std::string saved = was ? was : "";
  setenv("NPEMU_HOME", home.c_str(), 1);
  CHECK(get("Z:") == WN_NOT_CONNECTED);  // no entry was stored
  if (was)
    setenv("NPEMU_HOME", saved.c_str(), 1);
  else
    unsetenv("NPEMU_HOME");
  std::filesystem::remove_all(root);
}
