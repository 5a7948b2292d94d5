// A throw-away NPEMU_HOME whose config maps \\files\data to a directory through
// the `mount` provider, and small readers of the mount table for assertions.
#pragma once
#include "../../../posix/mount/mount_table.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <grp.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <functional>

#include <fstream>
#include <sstream>
#include <string>

namespace mount_test {

// Is something mounted exactly at path (the mount table through libmount, never stat)?
inline bool mounted_at(const std::string& path) { return npemu::posix::mount_at(path).has_value(); }

struct MountHome {
  npemu_test::TempHome home{"providers = [\"local\", \"mount\"]\n"};
  std::string data = home.root() + "/srv/data";
  std::string drive = home.root() + "/home/drives/Z";

  MountHome() {
    std::filesystem::create_directories(data + "/sub");
    std::ofstream(data + "/file.txt") << "hello\n";
    home.write_config("providers = [\"local\", \"mount\"]\n[mount.shares.'\\\\files\\data']\npath = \"" +
                      data + "\"\n");
    npemu_reload();
  }
  ~MountHome() {
    while (mounted_at(drive)) umount2(drive.c_str(), MNT_DETACH);  // a failed test leaves nothing behind
  }
};

constexpr uid_t kNobody = 65534;

// Hands a tree to nobody, so that a child that became nobody can use it.
inline void give_to_nobody(const std::string& root) {
  REQUIRE(lchown(root.c_str(), kNobody, kNobody) == 0);
  for (const auto& e : std::filesystem::recursive_directory_iterator(root))
    REQUIRE(lchown(e.path().c_str(), kNobody, kNobody) == 0);
}

// Runs body in a child that drops root for good first; returns what the child saw,
// "CODE\nLAST ERROR TEXT", and its wait status in *status.
inline std::string as_nobody(const std::function<DWORD()>& body, int* status) {
  int pipefd[2];
  REQUIRE(pipe(pipefd) == 0);
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    close(pipefd[0]);
    if (setgroups(0, nullptr) != 0 || setgid(kNobody) != 0 || setuid(kNobody) != 0) _exit(3);
    DWORD rc = body();
    std::string out = std::to_string(rc) + "\n" + npemu_test::last_error_text();
    if (write(pipefd[1], out.data(), out.size()) < 0) _exit(4);
    _exit(0);
  }
  close(pipefd[1]);
  std::string out;
  char buf[512];
  ssize_t n;
  while ((n = read(pipefd[0], buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  close(pipefd[0]);
  waitpid(pid, status, 0);
  return out;
}

inline std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace mount_test
