// sys::self_pid() keeps the pid (glibc does not): a fork must clear it.
#include <doctest/doctest.h>

#include "../../core/src/sys.hpp"

#include <sys/wait.h>
#include <unistd.h>

TEST_CASE("self_pid: this process's pid, and the child's own after a fork") {
  CHECK(npemu::sys::self_pid() == static_cast<std::uint32_t>(getpid()));
  std::uint32_t parent = npemu::sys::self_pid();
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    bool own = npemu::sys::self_pid() == static_cast<std::uint32_t>(getpid()) && npemu::sys::self_pid() != parent;
    _exit(own ? 0 : 1);
  }
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(npemu::sys::self_pid() == parent);
}
