// The mount table of this process's namespace, read with libmount from
// /proc/self/mountinfo. Reading it never touches a mounted filesystem, so a hung
// server cannot hang it.
#pragma once
#include <optional>
#include <string>

namespace npemu::posix {

struct MountEntry {
  int id = -1;           // mountinfo's mount id (what fdinfo's mnt_id names)
  std::string target;    // the mount point
  std::string fstype;    // "ext4", "fuse.smbnetfs", ...
  std::string source;    // "/dev/vda1", "smbnetfs", ...
  std::string root;      // the directory of the filesystem mounted there ("/srv/data" for a bind)
  unsigned long devno = 0;  // the filesystem's st_dev as mountinfo tells it
};

// The topmost mount at exactly this path (the one a lookup there reaches); the
// path is compared as a string, never resolved.
std::optional<MountEntry> mount_at(const std::string& target);

// The mount holding `path` (an existing canonical path): the topmost one whose
// target is the longest prefix of it.
std::optional<MountEntry> mount_containing(const std::string& path);

}  // namespace npemu::posix
