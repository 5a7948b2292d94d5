// A throw-away NPEMU_HOME whose config maps \\files\data to a directory through
// the `mount` provider, and small readers of the mount table for assertions.
#pragma once
#include "test_support.hpp"

#include <sys/mount.h>

#include <filesystem>

#include <fstream>
#include <sstream>
#include <string>

namespace mount_test {

// Is something mounted exactly at path (read from mountinfo, never stat)?
inline bool mounted_at(const std::string& path) {
  std::ifstream in("/proc/self/mountinfo");
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream f(line);
    std::string id, parent, devno, root, target;
    f >> id >> parent >> devno >> root >> target;
    if (target == path) return true;
  }
  return false;
}

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

inline std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace mount_test
