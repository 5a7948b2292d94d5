#include "proc_scan.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <string_view>

namespace npemu::posix {
namespace {

bool under(std::string_view path, const std::vector<std::string>& dirs) {
  for (const auto& d : dirs) {
    if (path.size() < d.size() || path.compare(0, d.size(), d) != 0) continue;
    if (path.size() == d.size() || path[d.size()] == '/' || d == "/") return true;
  }
  return false;
}

// readlinkat into a string; "" when it cannot be read.
std::string link_at(int dirfd, const char* name) {
  char buf[4096];
  ssize_t n = readlinkat(dirfd, name, buf, sizeof buf);
  return n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string();
}

// Reads a small /proc file whole.
std::string slurp_at(int dirfd, const char* name) {
  int fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return {};
  std::string out;
  char buf[65536];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  close(fd);
  return out;
}

std::string strip_deleted(std::string p) {
  constexpr std::string_view tag = " (deleted)";
  if (p.size() > tag.size() && p.compare(p.size() - tag.size(), tag.size(), tag) == 0)
    p.resize(p.size() - tag.size());
  return p;
}

int fd_mount_id(int pid_fd, const char* fd_name) {
  std::string path = std::string("fdinfo/") + fd_name;
  std::string info = slurp_at(pid_fd, path.c_str());
  auto at = info.find("mnt_id:");
  return at == std::string::npos ? -1 : std::atoi(info.c_str() + at + 7);
}

class Scanner {
 public:
  explicit Scanner(const ProcQuery& q) : q_(q) {}

  void process(std::uint32_t pid, int pid_fd) {
    pid_ = pid;
    program_.clear();
    check(pid_fd, "cwd", "has its cwd in");
    check(pid_fd, "root", "has its root in");
    check(pid_fd, "exe", "runs");
    scan_fds(pid_fd);
    scan_maps(pid_fd);
  }

  std::vector<Holder> take() { return std::move(out_); }

 private:
  void add(int pid_fd, std::string path, const char* how) {
    if (program_.empty()) {
      program_ = slurp_at(pid_fd, "comm");
      if (!program_.empty() && program_.back() == '\n') program_.pop_back();
      if (program_.empty()) program_ = "?";
    }
    out_.push_back(Holder{pid_, program_, strip_deleted(std::move(path)), how});
  }

  void check(int pid_fd, const char* name, const char* how) {
    std::string p = link_at(pid_fd, name);
    if (!p.empty() && under(strip_deleted(p), q_.dirs)) add(pid_fd, p, how);
  }

  void scan_fds(int pid_fd) {
    int fds = openat(pid_fd, "fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fds < 0) return;
    DIR* d = fdopendir(fds);
    if (!d) {
      close(fds);
      return;
    }
    while (dirent* e = readdir(d)) {
      if (e->d_name[0] == '.') continue;
      std::string p = link_at(fds, e->d_name);
      if (p.empty() || p[0] != '/') continue;  // pipes, sockets, anon inodes
      bool hit = under(strip_deleted(p), q_.dirs);
      if (!hit && !q_.mount_ids.empty()) {
        int id = fd_mount_id(pid_fd, e->d_name);
        hit = std::find(q_.mount_ids.begin(), q_.mount_ids.end(), id) != q_.mount_ids.end();
      }
      if (hit) add(pid_fd, p, "holds");
    }
    closedir(d);
  }

  void scan_maps(int pid_fd) {
    std::string maps = slurp_at(pid_fd, "maps");
    std::string last;
    std::size_t pos = 0;
    while (pos < maps.size()) {
      std::size_t end = maps.find('\n', pos);
      if (end == std::string::npos) end = maps.size();
      std::string_view line(maps.data() + pos, end - pos);
      pos = end + 1;
      std::size_t slash = line.find('/');
      if (slash == std::string_view::npos) continue;
      std::string path(line.substr(slash));
      if (path == last) continue;  // one mapping is reported once
      last = path;
      if (under(strip_deleted(path), q_.dirs)) add(pid_fd, path, "maps");
    }
  }

  const ProcQuery& q_;
  std::uint32_t pid_ = 0;
  std::string program_;
  std::vector<Holder> out_;
};

}  // namespace

std::vector<Holder> scan_proc(const ProcQuery& q) {
  Scanner scanner(q);
  DIR* proc = opendir("/proc");
  if (!proc) return {};
  int proc_fd = dirfd(proc);
  while (dirent* e = readdir(proc)) {
    if (e->d_name[0] < '1' || e->d_name[0] > '9') continue;
    int pid_fd = openat(proc_fd, e->d_name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (pid_fd < 0) continue;  // gone meanwhile
    scanner.process(static_cast<std::uint32_t>(std::strtoul(e->d_name, nullptr, 10)), pid_fd);
    close(pid_fd);
  }
  closedir(proc);
  return scanner.take();
}

}  // namespace npemu::posix
