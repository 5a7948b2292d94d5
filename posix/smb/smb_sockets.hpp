// The TCP sockets libsmbclient opened for one session, found in /proc/self/fd.
// libsmbclient keeps the timeout of a connection from when it was made, so a
// forced teardown of a hung session shuts these sockets down first: every
// pending and later call on them then fails at once instead of waiting.
#pragma once
#include <cstdint>
#include <set>

namespace npemu::smb {

struct SocketId {
  int fd = -1;
  std::uint64_t inode = 0;  // the socket's inode: an fd reused later is never touched
  bool operator<(const SocketId& o) const { return fd != o.fd ? fd < o.fd : inode < o.inode; }
};

// Sockets of this process connected to TCP port `port` (any address).
std::set<SocketId> sockets_to_port(int port);
// shutdown(SHUT_RDWR) each socket that is still the same one (fd and inode).
void shutdown_sockets(const std::set<SocketId>& sockets);

}  // namespace npemu::smb
