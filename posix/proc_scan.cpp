#include "proc_scan.hpp"

#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <thread>
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
  // A /proc seq_file gives about a page per read: only 0 means the end.
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

// Calls f(name) for each entry of an open directory but . and .., with
// getdents64 straight on the descriptor (no DIR*: two system calls fewer).
template <class F>
void for_each_entry(int dir_fd, F f) {
  alignas(8) char buf[16384];
  for (;;) {
    long n = syscall(SYS_getdents64, dir_fd, buf, sizeof buf);
    if (n <= 0) return;
    for (long off = 0; off < n;) {
      struct Entry {
        std::uint64_t ino;
        std::int64_t off;
        unsigned short reclen;
        unsigned char type;
        char name[1];
      };
      const auto* e = reinterpret_cast<const Entry*>(buf + off);
      if (e->name[0] != '.') f(e->name);
      off += e->reclen;
    }
  }
}

int fd_mount_id(int pid_fd, const char* fd_name) {
  std::string path = std::string("fdinfo/") + fd_name;
  std::string info = slurp_at(pid_fd, path.c_str());
  auto at = info.find("mnt_id:");
  return at == std::string::npos ? -1 : std::atoi(info.c_str() + at + 7);
}

class Scanner {
 public:
  explicit Scanner(const ProcQuery& q) : q_(q) {
    if (!q_.mount_ids.empty()) own_mnt_ns_ = link_at(AT_FDCWD, "/proc/self/ns/mnt");
  }

  void process(std::uint32_t pid, int pid_fd) {
    pid_ = pid;
    program_.clear();
    // In our own mount namespace a path names its mount exactly (the kernel prints
    // it from our root), so fdinfo's mnt_id is read only for other namespaces:
    // that saves three system calls per unmatched file.
    use_fdinfo_ = !q_.mount_ids.empty() && (own_mnt_ns_.empty() || link_at(pid_fd, "ns/mnt") != own_mnt_ns_);
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
    for_each_entry(fds, [&](const char* name) {
      std::string p = link_at(fds, name);
      if (p.empty() || p[0] != '/') return;  // pipes, sockets, anon inodes
      bool hit = under(strip_deleted(p), q_.dirs);
      if (!hit && use_fdinfo_) {
        int id = fd_mount_id(pid_fd, name);
        hit = std::find(q_.mount_ids.begin(), q_.mount_ids.end(), id) != q_.mount_ids.end();
      }
      if (hit) add(pid_fd, p, "holds");
    });
    close(fds);
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
  std::string own_mnt_ns_;  // "mnt:[4026531841]"
  bool use_fdinfo_ = false;
  std::vector<Holder> out_;
};

}  // namespace

std::string proc_link(const std::string& path) { return strip_deleted(link_at(AT_FDCWD, path.c_str())); }

std::vector<Holder> scan_proc_pid(std::uint32_t pid, const ProcQuery& q) {
  int pid_fd = open(("/proc/" + std::to_string(pid)).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (pid_fd < 0) return {};
  Scanner scanner(q);
  scanner.process(pid, pid_fd);
  close(pid_fd);
  return scanner.take();
}

std::vector<Holder> scan_proc(const ProcQuery& q) {
  int proc_fd = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (proc_fd < 0) return {};
  std::vector<std::uint32_t> pids;
  for_each_entry(proc_fd, [&](const char* name) {
    if (name[0] >= '1' && name[0] <= '9') pids.push_back(static_cast<std::uint32_t>(std::strtoul(name, nullptr, 10)));
  });
  // The scan is one system call after another: on a busy machine, split the
  // processes between a few threads (each with its own scanner), merged in order.
  unsigned threads = std::min(4u, std::max(1u, std::thread::hardware_concurrency()));
  if (pids.size() < 512) threads = 1;
  std::vector<std::vector<Holder>> parts(threads);
  auto work = [&](unsigned t) {
    Scanner scanner(q);
    std::size_t from = pids.size() * t / threads, to = pids.size() * (t + 1) / threads;
    char name[16];
    for (std::size_t i = from; i < to; ++i) {
      std::snprintf(name, sizeof name, "%u", pids[i]);
      int pid_fd = openat(proc_fd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      if (pid_fd < 0) continue;  // gone meanwhile
      scanner.process(pids[i], pid_fd);
      close(pid_fd);
    }
    parts[t] = scanner.take();
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (auto& th : pool) th.join();
  close(proc_fd);
  std::vector<Holder> out = std::move(parts[0]);
  for (unsigned t = 1; t < threads; ++t) out.insert(out.end(), parts[t].begin(), parts[t].end());
  return out;
}

}  // namespace npemu::posix
