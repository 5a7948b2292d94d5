// A real smbd (scripts/smbd-test, free port, its own temp dir) and an NPEMU_HOME
// whose [servers] name it `files`, for the mount provider's SMB drives; and
// finders for the npemu-smbfs daemons that serve a drive.
#pragma once
#include "mount_fixture.hpp"

#include <sys/types.h>

#include <string>
#include <vector>

namespace mount_test {

// Runs scripts/smbd-test with an argument vector; its stdout, *status = wait status.
std::string smbd_test(const std::vector<std::string>& args, int* status);
// The npemu-smbfs processes whose mount point is `drive` (from /proc cmdline).
std::vector<pid_t> smbfs_daemons(const std::string& drive);
std::string test_password();

struct SmbHome {
  npemu_test::TempHome home{""};
  std::string server_dir = home.root() + "/smbd";
  std::string drive = home.root() + "/home/drives/Z";
  std::string port;
  bool up = false;

  SmbHome();
  ~SmbHome();  // a failed test leaves no mount, daemon or server behind
  pid_t smbd_pid() const;
  std::string secure_dir() const { return server_dir + "/shares/secure"; }
};

// NPAddConnection3 of a disk share with a user and password.
DWORD add_as(const std::string& local, const std::string& remote, const char* user, const char* password);

}  // namespace mount_test
