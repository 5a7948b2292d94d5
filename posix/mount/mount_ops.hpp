// The system calls of the mount backend, each returning 0 or an errno value.
#pragma once
#include <string>

namespace npemu::posix {

// mount(2) MS_BIND of an existing directory onto an existing directory.
int bind_mount(const std::string& source, const std::string& target);

// A plain unmount: umount2(target, UMOUNT_NOFOLLOW). EBUSY when something is open on it.
int unmount_plain(const std::string& target);

// A forced unmount that returns promptly even when a FUSE server hangs:
// MNT_FORCE (aborts a FUSE connection, fails pending requests), then, if the
// mount is still busy, MNT_DETACH (gone from the namespace; holders keep a dead handle).
int unmount_forced(const std::string& target);

}  // namespace npemu::posix
