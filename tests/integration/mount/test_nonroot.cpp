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

namespace {
constexpr uid_t kNobody = 65534;

void chown_tree(const std::string& root) {
  REQUIRE(lchown(root.c_str(), kNobody, kNobody) == 0);
  for (const auto& e : std::filesystem::recursive_directory_iterator(root))
    REQUIRE(lchown(e.path().c_str(), kNobody, kNobody) == 0);
}
}  // namespace

TEST_CASE("non-root: adding a bind-mounted share is WN_ACCESS_DENIED with the reason, nothing made") {
  char tmpl[] = "/tmp/npemu-nonroot-XXXXXX";
  REQUIRE(mkdtemp(tmpl));
  std::string root = tmpl, home = root + "/home", data = root + "/data", drive = home + "/drives/Z";
  std::filesystem::create_directories(home);
  std::filesystem::create_directories(data);
  std::ofstream(home + "/npemu.toml") << "providers = [\"local\", \"mount\"]\n[mount.shares.'\\\\files\\data']\npath = \""
                                      << data << "\"\n";
  chown_tree(root);

  int pipefd[2];
  REQUIRE(pipe(pipefd) == 0);
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {  // the child drops root for good, then uses the API in its own home
    close(pipefd[0]);
    if (setgroups(0, nullptr) != 0 || setgid(kNobody) != 0 || setuid(kNobody) != 0) _exit(3);
    setenv("NPEMU_HOME", home.c_str(), 1);
    DWORD rc = add("Z:", "\\\\files\\data");
    std::string out = std::to_string(rc) + "\n" + last_error_text();
    if (write(pipefd[1], out.data(), out.size()) < 0) _exit(4);
    _exit(0);
  }
  close(pipefd[1]);
  std::string out;
  char buf[512];
  ssize_t n;
  while ((n = read(pipefd[0], buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  close(pipefd[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CAPTURE(out);
  CHECK(out.rfind(std::to_string(WN_ACCESS_DENIED) + "\n", 0) == 0);
  CHECK(out.find("need root") != std::string::npos);
  CHECK_FALSE(exists(drive));
  CHECK_FALSE(mounted_at(drive));

  std::string saved = std::getenv("NPEMU_HOME");
  setenv("NPEMU_HOME", home.c_str(), 1);
  CHECK(get("Z:") == WN_NOT_CONNECTED);  // no entry was stored
  setenv("NPEMU_HOME", saved.c_str(), 1);
  std::filesystem::remove_all(root);
}
