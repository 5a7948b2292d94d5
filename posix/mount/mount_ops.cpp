#include "mount_ops.hpp"

#include <sys/mount.h>

#include <cerrno>

namespace npemu::posix {

int bind_mount(const std::string& source, const std::string& target) {
  return mount(source.c_str(), target.c_str(), nullptr, MS_BIND, nullptr) == 0 ? 0 : errno;
}

int unmount_plain(const std::string& target) {
  return umount2(target.c_str(), UMOUNT_NOFOLLOW) == 0 ? 0 : errno;
}

int unmount_forced(const std::string& target) {
  if (umount2(target.c_str(), MNT_FORCE | UMOUNT_NOFOLLOW) == 0) return 0;
  int err = errno;
  if (err == EPERM || err == EACCES || err == EINVAL || err == ENOENT) return err;
  // Busy (or a filesystem without forced unmount): detach it from the tree now.
  return umount2(target.c_str(), MNT_DETACH | UMOUNT_NOFOLLOW) == 0 ? 0 : errno;
}

}  // namespace npemu::posix
