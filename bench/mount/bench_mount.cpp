// The open-file check of one mount, measured beside `fuser -m` and `lsof` on the
// same mount in the same run. Setup (all in a private mount namespace, undone on
// exit): two tmpfs filesystems, one bind-mounted as drive Z: through the mount
// provider; N holder processes each keep one file open, half of them through the
// drive, half on the other tmpfs. Each tool must find exactly the drive's holders.
#include "../../posix/bpf_scan/bpf_scan.hpp"
#include "../../posix/mount/mount_provider.hpp"
#include "../../posix/mount/mount_table.hpp"
#include "../../posix/proc_scan.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;
using PidSet = std::set<std::uint32_t>;

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Runs argv (no shell), returns the pids it prints on stdout.
PidSet run_for_pids(const std::vector<std::string>& argv) {
  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0) return {};  // a daemon must not inherit it, or EOF never comes
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, out[1], 1);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addclose(&fa, out[0]);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid;
  int rc = posix_spawnp(&pid, args[0], &fa, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  close(out[1]);
  std::string text;
  char buf[65536];
  ssize_t n;
  while (rc == 0 && (n = read(out[0], buf, sizeof buf)) > 0) text.append(buf, static_cast<std::size_t>(n));
  close(out[0]);
  if (rc == 0) waitpid(pid, nullptr, 0);
  PidSet pids;
  const char* p = text.c_str();
  while (*p) {
    char* end;
    unsigned long v = std::strtoul(p, &end, 10);
    if (end == p) {
      ++p;
      continue;
    }
    pids.insert(static_cast<std::uint32_t>(v));
    p = end;
  }
  return pids;
}

// Forks a process that opens path, reports on `ready`, and waits to be killed
// (or dies with the benchmark: PR_SET_PDEATHSIG).
pid_t spawn_holder(const std::string& path, int ready) {
  pid_t pid = fork();
  if (pid != 0) return pid;
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  int fd = open(path.c_str(), O_RDWR | O_CREAT, 0644);
  char ok = fd >= 0 ? '1' : '0';
  if (write(ready, &ok, 1) != 1) _exit(1);
  for (;;) pause();
}

struct Figures {
  double ms;
  PidSet pids;
};

template <class F>
Figures measure(int reps, F f) {
  std::vector<double> times;
  PidSet pids;
  for (int i = 0; i < reps; ++i) {
    auto t0 = Clock::now();
    pids = f();
    times.push_back(ms_since(t0));
  }
  return {median(times), pids};
}

}  // namespace

int main(int argc, char** argv) {
  int procs = argc > 1 ? std::atoi(argv[1]) : 1000;
  if (procs < 2 || procs > 5000) return std::fprintf(stderr, "usage: bench_mount [2..5000]\n"), 2;
  if (geteuid() != 0) return std::fprintf(stderr, "bench_mount: needs root (it makes mounts)\n"), 77;
  if (!std::getenv("NPEMU_MOUNT_NS")) {  // re-run inside a private mount namespace
    setenv("NPEMU_MOUNT_NS", "1", 1);
    char self[4096];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0) return 1;
    self[n] = '\0';
    std::string count = std::to_string(procs);
    char* args[] = {const_cast<char*>("unshare"), const_cast<char*>("-m"), const_cast<char*>("--propagation"),
                    const_cast<char*>("private"), self, count.data(), nullptr};
    execvp("unshare", args);
    return std::perror("unshare"), 1;
  }

  char tmpl[] = "/tmp/npemu-bench-mount-XXXXXX";
  if (!mkdtemp(tmpl)) return 1;
  std::string root = tmpl, src = root + "/src", other = root + "/other";
  std::filesystem::create_directories(src);
  std::filesystem::create_directories(other);
  std::filesystem::create_directories(root + "/home");
  if (mount("npemu-bench-src", src.c_str(), "tmpfs", 0, "size=16m") != 0 ||
      mount("npemu-bench-other", other.c_str(), "tmpfs", 0, "size=16m") != 0)
    return std::perror("mount tmpfs"), 1;

  npemu::Config config;
  config.mount_shares["\\\\bench\\data"] = npemu::ShareDir{"\\\\bench\\data", src};
  npemu::posix::MountProvider provider(config, npemu::Home{root + "/home"});
  npemu::AddRequest req;
  req.device = npemu::parse_device("Z:");
  req.remote = *npemu::parse_remote("\\\\bench\\data");
  npemu::Connection conn;
  conn.local = "Z:";
  npemu::Status st = provider.connect(req, conn);
  if (!st.ok()) return std::fprintf(stderr, "connect: %s\n", st.detail.c_str()), 1;
  std::string drive = root + "/home/drives/Z";

  int ready[2];
  if (pipe(ready) != 0) return 1;
  std::vector<pid_t> children;
  PidSet expected;
  for (int i = 0; i < procs; ++i) {
    bool on_drive = i % 2 == 0;
    std::string path = (on_drive ? drive : other) + "/f" + std::to_string(i);
    pid_t pid = spawn_holder(path, ready[1]);
    if (pid < 0) break;
    children.push_back(pid);
    if (on_drive) expected.insert(static_cast<std::uint32_t>(pid));
  }
  int opened = 0;
  for (std::size_t i = 0; i < children.size(); ++i) {
    char c;
    if (read(ready[0], &c, 1) == 1 && c == '1') ++opened;
  }

  Figures ours = measure(9, [&] {
    PidSet s;
    for (const auto& h : provider.holders(conn)) s.insert(h.pid);
    return s;
  });
  auto entry = npemu::posix::mount_at(drive);
  Figures by_proc = measure(5, [&] {
    PidSet s;
    for (const auto& h : npemu::posix::scan_proc(npemu::posix::ProcQuery{{drive}, {entry ? entry->id : -1}}))
      s.insert(h.pid);
    return s;
  });
  Figures fuser = measure(5, [&] { return run_for_pids({"fuser", "-m", drive}); });
  Figures lsof = measure(3, [&] { return run_for_pids({"lsof", "-t", "-w", drive}); });

  std::printf("open-file check of one mount, %d extra processes each holding one file (%zu on the mount)\n",
              opened, expected.size());
  std::string why_not = npemu::posix::bpf_unavailable_reason();
  std::printf("npemu's check: %s\n", why_not.empty() ? npemu::posix::bpf_kind().c_str() : ("the /proc scan (no BPF: " + why_not + ")").c_str());
  auto [tree, gave_up] = npemu::posix::bpf_tree_walks();
  if (tree + gave_up) std::printf("maps read from the maple tree: %llu processes, by the VMA iterator: %llu\n",
                                  static_cast<unsigned long long>(tree), static_cast<unsigned long long>(gave_up));
  std::printf("%-22s %10s %8s %12s\n", "tool", "median ms", "holders", "same set");
  auto row = [&](const char* name, const Figures& f) {
    std::printf("%-22s %10.1f %8zu %12s\n", name, f.ms, f.pids.size(), f.pids == expected ? "yes" : "NO");
  };
  row("npemu mount holders()", ours);
  row("npemu's /proc scan", by_proc);
  row("fuser -m", fuser);
  row("lsof -t", lsof);
  std::printf("ratio: %.1fx faster than fuser -m, %.1fx faster than lsof (the /proc scan alone: %.1fx, %.1fx)\n",
              fuser.ms / ours.ms, lsof.ms / ours.ms, fuser.ms / by_proc.ms, lsof.ms / by_proc.ms);

  for (pid_t pid : children) kill(pid, SIGKILL);
  for (pid_t pid : children) waitpid(pid, nullptr, 0);
  provider.disconnect(conn, true);
  umount2(src.c_str(), MNT_DETACH);
  umount2(other.c_str(), MNT_DETACH);
  std::filesystem::remove_all(root);
  bool same = ours.pids == expected && by_proc.pids == expected && fuser.pids == expected && lsof.pids == expected;
  return same ? 0 : 3;
}
