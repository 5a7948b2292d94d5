// SMB shares on [servers] as FUSE drives served by npemu-smbfs, against a real
// smbd on 127.0.0.1 (scripts/smbd-test on a free port, one per test).
#include <doctest/doctest.h>

#include "smb_fixture.hpp"

#include <fcntl.h>
#include <grp.h>
#include <sys/wait.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

using namespace npemu_test;
using namespace mount_test;

namespace {

bool write_file(const std::string& path, const std::string& text) {
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) return false;
  bool ok = write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  return close(fd) == 0 && ok;
}

std::string read_file(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY);
  if (fd < 0) return "<open failed>";
  std::string text;
  char buf[4096];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) text.append(buf, static_cast<std::size_t>(n));
  close(fd);
  return text;
}

}  // namespace

TEST_CASE("smbfs: Z: on secure with the password reads and writes through the drive path") {
  SmbHome s;
  REQUIRE_MESSAGE(s.up, "scripts/smbd-test could not start smbd");
  REQUIRE(write_file(s.secure_dir() + "/hello.txt", "from smbd\n"));
  REQUIRE_MESSAGE(add_as("Z:", "\\\\files\\secure", "npemu", test_password().c_str()) == WN_SUCCESS, last_error_text());
  CHECK(mounted_at(s.drive));
  auto daemons = smbfs_daemons(s.drive);
  REQUIRE(daemons.size() == 1);
  for (const char* what : {"cmdline", "environ"})  // the password went over a pipe only
    CHECK(slurp("/proc/" + std::to_string(daemons[0]) + "/" + what).find(test_password()) == std::string::npos);
  CHECK(read_file(s.drive + "/hello.txt") == "from smbd\n");

  CHECK(write_file(s.drive + "/written.txt", "through the drive"));
  CHECK(read_file(s.secure_dir() + "/written.txt") == "through the drive");
  std::string big(3 * 1024 * 1024 + 17, '\0');  // many FUSE requests, offsets beyond 2^21
  for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>('a' + (i * 7 + i / 4096) % 26);
  CHECK(write_file(s.drive + "/big.bin", big));
  CHECK(read_file(s.secure_dir() + "/big.bin") == big);
  CHECK(read_file(s.drive + "/big.bin") == big);
  CHECK(unlink((s.drive + "/big.bin").c_str()) == 0);
  CHECK(truncate((s.drive + "/written.txt").c_str(), 7) == 0);
  CHECK(read_file(s.secure_dir() + "/written.txt") == "through");
  CHECK(mkdir((s.drive + "/dir").c_str(), 0755) == 0);
  CHECK(std::rename((s.drive + "/written.txt").c_str(), (s.drive + "/dir/moved.txt").c_str()) == 0);
  CHECK(read_file(s.secure_dir() + "/dir/moved.txt") == "through");
  std::vector<std::string> names;
  for (auto& e : std::filesystem::directory_iterator(s.drive)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"dir", "hello.txt"});
  CHECK(unlink((s.drive + "/dir/moved.txt").c_str()) == 0);
  CHECK(rmdir((s.drive + "/dir").c_str()) == 0);
  CHECK_FALSE(exists(s.secure_dir() + "/dir"));
  struct statvfs vfs;
  CHECK(statvfs(s.drive.c_str(), &vfs) == 0);

  // A plain cancel with nothing open unmounts, and the daemon ends with its mount.
  CHECK(cancel("Z:", false) == WN_SUCCESS);
  CHECK_FALSE(mounted_at(s.drive));
  CHECK_FALSE(exists(s.drive));
  CHECK(smbfs_daemons(s.drive).empty());
  CHECK(get("Z:") == WN_NOT_CONNECTED);
}

TEST_CASE("smbfs: an open file blocks a plain cancel, a forced cancel removes mount and daemon") {
  SmbHome s;
  REQUIRE_MESSAGE(s.up, "scripts/smbd-test could not start smbd");
  REQUIRE(write_file(s.secure_dir() + "/held.txt", "held\n"));
  REQUIRE_MESSAGE(add_as("Z:", "\\\\files\\secure", "npemu", test_password().c_str()) == WN_SUCCESS, last_error_text());
  Child holder({helper("npemu_holder"), "open", s.drive + "/held.txt"});
  REQUIRE(holder.read_line() == "ready");
  CHECK(cancel("Z:", false) == WN_OPEN_FILES);
  CHECK(last_error_text().find("pid " + std::to_string(holder.pid())) != std::string::npos);
  CHECK(mounted_at(s.drive));
  CHECK(smbfs_daemons(s.drive).size() == 1);
  CHECK(read_file(s.drive + "/held.txt") == "held\n");  // still served

  CHECK(cancel("Z:", true) == WN_SUCCESS);
  CHECK_FALSE(mounted_at(s.drive));
  CHECK(smbfs_daemons(s.drive).empty());
  CHECK(get("Z:") == WN_NOT_CONNECTED);
  holder.finish();
}

TEST_CASE("smbfs: a wrong password, an unknown share and a dead server mount nothing") {
  SmbHome s;
  REQUIRE_MESSAGE(s.up, "scripts/smbd-test could not start smbd");
  CHECK(add_as("Z:", "\\\\files\\secure", "npemu", "wrong-password") == WN_BAD_PASSWORD);
  CHECK(last_error_text().find("\\\\files\\secure: the server refused the user name or password") != std::string::npos);
  CHECK_FALSE(mounted_at(s.drive));
  CHECK_FALSE(exists(s.drive));
  CHECK(smbfs_daemons(s.drive).empty());
  CHECK(add_as("Z:", "\\\\files\\nosuch", "npemu", test_password().c_str()) == WN_BAD_NETNAME);
  CHECK_FALSE(exists(s.drive));

  int status;
  smbd_test({"stop", s.server_dir}, &status);
  REQUIRE(status == 0);
  CHECK(add_as("Z:", "\\\\files\\secure", "npemu", test_password().c_str()) == WN_NO_NETWORK);
  CHECK_FALSE(mounted_at(s.drive));
  CHECK_FALSE(exists(s.drive));
  CHECK(smbfs_daemons(s.drive).empty());
  CHECK(get("Z:") == WN_NOT_CONNECTED);
}

TEST_CASE("smbfs: a SIGSTOPped smbd does not keep a forced cancel from returning within 5 s") {
  SmbHome s;
  REQUIRE_MESSAGE(s.up, "scripts/smbd-test could not start smbd");
  REQUIRE_MESSAGE(add_as("Z:", "\\\\files\\secure", "npemu", test_password().c_str()) == WN_SUCCESS, last_error_text());
  REQUIRE(write_file(s.drive + "/f.txt", "x"));
  Child holder({helper("npemu_holder"), "open", s.drive + "/f.txt"});
  REQUIRE(holder.read_line() == "ready");
  pid_t smbd = s.smbd_pid();
  REQUIRE(smbd > 1);
  REQUIRE(kill(-smbd, SIGSTOP) == 0);  // smbd and its per-connection children
  // A second process looks up a name never seen: the daemon is then stuck in a
  // libsmbclient call on the frozen server when the cancel comes.
  Child blocked({helper("npemu_holder"), "open", s.drive + "/never-seen.txt"});
  usleep(300000);
  auto t0 = std::chrono::steady_clock::now();
  DWORD rc = cancel("Z:", true);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  kill(-smbd, SIGCONT);
  CHECK(rc == WN_SUCCESS);
  CHECK(secs < 5.0);
  MESSAGE("forced cancel with the server frozen took " << secs << " s");
  CHECK(blocked.read_line() != "ready");  // its open failed (connection aborted), it did not hang
  blocked.finish();
  CHECK_FALSE(mounted_at(s.drive));
  CHECK(smbfs_daemons(s.drive).empty());
  CHECK(get("Z:") == WN_NOT_CONNECTED);
  holder.finish();
}

TEST_CASE("smbfs: a daemon killed behind npemu's back leaves the drive not connected and no dead mount") {
  SmbHome s;
  REQUIRE_MESSAGE(s.up, "scripts/smbd-test could not start smbd");
  REQUIRE_MESSAGE(add_as("Z:", "\\\\files\\secure", "npemu", test_password().c_str()) == WN_SUCCESS, last_error_text());
  auto daemons = smbfs_daemons(s.drive);
  REQUIRE(daemons.size() == 1);
  REQUIRE(kill(daemons[0], SIGKILL) == 0);
  // Until it has exited (zombie or reaped): its cmdline empties earlier, while it still runs.
  auto running = [&] {
    std::string stat = slurp("/proc/" + std::to_string(daemons[0]) + "/stat");
    auto close = stat.rfind(')');
    return close != std::string::npos && close + 2 < stat.size() && stat[close + 2] != 'Z';
  };
  for (int i = 0; i < 500 && running(); ++i) usleep(10000);
  REQUIRE_FALSE(running());
  CHECK(get("Z:") == WN_NOT_CONNECTED);
  CHECK_FALSE(mounted_at(s.drive));  // the dead FUSE mount was removed
  CHECK(cancel("Z:", false) == WN_SUCCESS);
  CHECK_FALSE(exists(s.drive));
  // The drive letter is free again.
  REQUIRE_MESSAGE(add_as("Z:", "\\\\files\\secure", "npemu", test_password().c_str()) == WN_SUCCESS, last_error_text());
  CHECK(cancel("Z:", false) == WN_SUCCESS);
}

TEST_CASE("smbfs: without root an SMB drive is WN_ACCESS_DENIED saying why, or a working mount") {
  SmbHome s;
  REQUIRE_MESSAGE(s.up, "scripts/smbd-test could not start smbd");
  std::string home = s.home.root() + "/home";
  std::filesystem::create_directories(home);
  mount_test::give_to_nobody(home);
  int status = 0;
  std::string out = mount_test::as_nobody(
      [&] {
        npemu_reload();
        return add_as("Z:", "\\\\files\\secure", "npemu", test_password().c_str());
      },
      &status);
  REQUIRE(WIFEXITED(status));
  CAPTURE(out);
  if (out.rfind(std::to_string(WN_SUCCESS) + "\n", 0) == 0) {  // /dev/fuse open to users: fusermount3 mounted it
    CHECK(mounted_at(s.drive));
    CHECK(smbfs_daemons(s.drive).size() == 1);
    return;  // SmbHome's cleanup unmounts it and ends the daemon
  }
  CHECK(out.rfind(std::to_string(WN_ACCESS_DENIED) + "\n", 0) == 0);
  CHECK(out.find("cannot mount FUSE") != std::string::npos);
  CHECK_FALSE(mounted_at(s.drive));
  CHECK_FALSE(exists(s.drive));
  CHECK(smbfs_daemons(s.drive).empty());
}
