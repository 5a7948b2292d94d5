#include "smb_sockets.hpp"

#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <cstdlib>
#include <cstring>

namespace npemu::smb {
namespace {

int peer_port(int fd) {
  sockaddr_storage sa{};
  socklen_t len = sizeof sa;
  if (getpeername(fd, reinterpret_cast<sockaddr*>(&sa), &len) != 0) return -1;
  if (sa.ss_family == AF_INET) return ntohs(reinterpret_cast<sockaddr_in*>(&sa)->sin_port);
  if (sa.ss_family == AF_INET6) return ntohs(reinterpret_cast<sockaddr_in6*>(&sa)->sin6_port);
  return -1;
}

std::uint64_t socket_inode(int fd) {
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISSOCK(st.st_mode)) return 0;
  return st.st_ino;
}

}  // namespace

std::set<SocketId> sockets_to_port(int port) {
  std::set<SocketId> out;
  DIR* d = opendir("/proc/self/fd");
  if (!d) return out;
  int self = dirfd(d);
  while (dirent* e = readdir(d)) {
    char* end = nullptr;
    long fd = std::strtol(e->d_name, &end, 10);
    if (*e->d_name == '\0' || *end != '\0' || fd == self) continue;
    // getpeername first: one call rules out files, pipes and other sockets alike.
    if (peer_port(static_cast<int>(fd)) != port) continue;
    if (std::uint64_t ino = socket_inode(static_cast<int>(fd))) out.insert({static_cast<int>(fd), ino});
  }
  closedir(d);
  return out;
}

void shutdown_sockets(const std::set<SocketId>& sockets) {
  for (const auto& s : sockets)
    if (socket_inode(s.fd) == s.inode) shutdown(s.fd, SHUT_RDWR);
}

}  // namespace npemu::smb
