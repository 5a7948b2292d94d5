#include "bpf_scan.hpp"

#include <linux/types.h>

#include "holders_record.h"
#include "holders_bpf.skel.h"
#include "holders_compat_bpf.skel.h"
#include "../proc_scan.hpp"

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <thread>
#include <set>
#include <tuple>
#include <vector>

namespace npemu::posix {
namespace {

constexpr unsigned kInitPidNsInode = 0xEFFFFFFCu;  // PROC_PID_INIT_INO
// Walker 0's share of the processes' maps (of 256), a little under half: it also
// walks every open file (bench/mount: 60 to 128 all within noise, 110 best).
constexpr unsigned kSplit = 110;

// The settings and per-walker cache of the loaded object (both objects have the same).
struct Globals {
  int* target_mnt_id;
  __u32* split;
  __u32* walker_tid;  // [2]
  __u64* last_mnt;    // [2]
};

// The loaded object and its iterator links, made once per process and kept:
// loading runs the verifier, far slower than a walk. links[0] walks the open
// files (walker 0 only); the others are run by every walker over its share.
struct Loaded {
  holders_bpf* skel = nullptr;
  holders_compat_bpf* compat = nullptr;
  std::vector<bpf_link*> links;
  Globals g{};
  std::string why_not;  // set when loading failed: never retried
};

std::mutex& g_mu = *new std::mutex;  // one walk at a time: the settings are shared
Loaded& g_loaded = *new Loaded;
bool g_tried = false;
pid_t g_loaded_in = 0;  // the process that loaded: a forked child must not share its settings

int silent_print(libbpf_print_level, const char*, va_list) { return 0; }

std::string why_not_here() {
  const char* forced = std::getenv("NPEMU_HOLDER_SCAN");
  if (forced && std::strcmp(forced, "proc") == 0) return "NPEMU_HOLDER_SCAN=proc";
  if (geteuid() != 0) return "not root";
  // Iterators name tasks by their pid in the initial PID namespace.
  char link[64] = {};
  if (readlink("/proc/self/ns/pid", link, sizeof link - 1) <= 0) return "cannot read /proc/self/ns/pid";
  if (std::strtoul(std::strchr(link, '[') ? std::strchr(link, '[') + 1 : link, nullptr, 10) != kInitPidNsInode)
    return "not in the initial PID namespace";
  if (access("/sys/kernel/btf/vmlinux", R_OK) != 0) return "the kernel has no BTF (/sys/kernel/btf/vmlinux)";
  return "";
}

template <class Skel>
Globals globals_of(Skel* skel) {
  return {&skel->data->target_mnt_id, &skel->data->split, skel->bss->walker_tid, skel->bss->last_mnt};
}

// Attaches each program as an iterator; false (and nothing kept) when one fails.
bool attach(const std::vector<bpf_program*>& progs) {
  for (bpf_program* p : progs) {
    bpf_link* link = bpf_program__attach_iter(p, nullptr);
    if (!link) {
      for (bpf_link* l : g_loaded.links) bpf_link__destroy(l);
      g_loaded.links.clear();
      return false;
    }
    g_loaded.links.push_back(link);
  }
  return true;
}

// Linux 6.7+ takes holders.bpf.c; older kernels (5.12+) holders_compat.bpf.c.
void load() {
  g_tried = true;
  g_loaded_in = getpid();
  g_loaded.why_not = why_not_here();
  if (!g_loaded.why_not.empty()) return;
  if (!std::getenv("NPEMU_BPF_DEBUG")) libbpf_set_print(silent_print);  // else libbpf's log on stderr
  const char* only = std::getenv("NPEMU_BPF_OBJECT");  // "compat": skip the 6.7+ object (tests)
  if (!(only && std::strcmp(only, "compat") == 0)) {
    if (holders_bpf* skel = holders_bpf__open_and_load()) {
      if (attach({skel->progs.holders_files, skel->progs.holders_tasks})) {
        g_loaded.skel = skel;
        g_loaded.g = globals_of(skel);
        return;
      }
      holders_bpf__destroy(skel);
    }
  }
  holders_compat_bpf* compat = holders_compat_bpf__open_and_load();
  if (!compat) {
    g_loaded.why_not = std::string("the BPF programs did not load: ") + std::strerror(errno);
    return;
  }
  if (!attach({compat->progs.holders_files, compat->progs.holders_tasks, compat->progs.holders_maps})) {
    g_loaded.why_not = std::string("a BPF iterator did not attach: ") + std::strerror(errno);
    holders_compat_bpf__destroy(compat);
    return;
  }
  g_loaded.compat = compat;
  g_loaded.g = globals_of(compat);
}

// Runs one iterator to the end; false when it could not be read.
bool walk(bpf_link* link, std::vector<holder_record>* out) {
  int fd = bpf_iter_create(bpf_link__fd(link));
  if (fd < 0) return false;
  std::string bytes;
  char buf[1 << 16];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) bytes.append(buf, static_cast<std::size_t>(n));
  close(fd);
  if (n < 0) return false;
  std::size_t count = bytes.size() / sizeof(holder_record);
  if (count == 0) return true;
  std::size_t at = out->size();
  out->resize(at + count);
  std::memcpy(out->data() + at, bytes.data(), count * sizeof(holder_record));
  return true;
}

// The path of a match, read from /proc for that one item (a link, never a stat).
Holder describe(const holder_record& r) {
  std::string base = "/proc/" + std::to_string(r.tgid) + "/";
  std::string comm(r.comm, strnlen(r.comm, sizeof r.comm));
  switch (r.kind) {
    case HOLDER_FD: return {r.tgid, comm, proc_link(base + "fd/" + std::to_string(r.a)), "holds"};
    case HOLDER_MAP: {
      char range[48];
      std::snprintf(range, sizeof range, "%" PRIx64 "-%" PRIx64, static_cast<std::uint64_t>(r.a),
                    static_cast<std::uint64_t>(r.b));
      return {r.tgid, comm, proc_link(base + "map_files/" + range), "maps"};
    }
    case HOLDER_CWD: return {r.tgid, comm, proc_link(base + "cwd"), "has its cwd in"};
    case HOLDER_ROOT: return {r.tgid, comm, proc_link(base + "root"), "has its root in"};
    default: return {r.tgid, comm, proc_link(base + "exe"), "runs"};
  }
}

}  // namespace

std::optional<std::vector<Holder>> bpf_mount_holders(int mount_id, const std::string& target) {
  std::lock_guard<std::mutex> lock(g_mu);
  if (g_tried && g_loaded_in != getpid()) {
    // A forked child: the parent's settings live in memory both map, so the child
    // lets go of its copies and loads its own.
    for (bpf_link* l : g_loaded.links) bpf_link__destroy(l);
    if (g_loaded.skel) holders_bpf__destroy(g_loaded.skel);
    if (g_loaded.compat) holders_compat_bpf__destroy(g_loaded.compat);
    g_loaded = Loaded{};
    g_tried = false;
  }
  if (!g_tried) load();
  if (g_loaded.links.empty()) return std::nullopt;
  Globals& g = g_loaded.g;
  unsigned walkers = std::thread::hardware_concurrency() > 1 ? 2 : 1;
  *g.target_mnt_id = mount_id;
  *g.split = walkers > 1 ? kSplit : 256;
  g.walker_tid[0] = g.walker_tid[1] = 0;
  g.last_mnt[0] = g.last_mnt[1] = 0;  // mounts come and go between walks
  // Walker 0 runs the file iterator over every process and the others over its
  // share; walker 1 the others over the rest. Then both name the matches, half
  // each (one link read per match).
  std::vector<holder_record> found[2];
  bool walked[2] = {true, true};
  std::vector<Holder> named[2];
  auto walk_share = [&](unsigned k) {
    g.walker_tid[k] = static_cast<__u32>(gettid());
    for (std::size_t i = k == 0 ? 0 : 1; i < g_loaded.links.size(); ++i)
      walked[k] = walked[k] && walk(g_loaded.links[i], &found[k]);
  };
  auto name_half = [&](unsigned k) {
    const auto& all = found[0];
    for (std::size_t i = k; i < all.size(); i += walkers) {
      const holder_record& r = all[i];
      if (r.kind == HOLDER_MAPS_UNREAD) {  // its maps were busy: read that one process from /proc
        for (auto& h : scan_proc_pid(r.tgid, ProcQuery{{target}, {mount_id}})) named[k].push_back(std::move(h));
        continue;
      }
      Holder h = describe(r);
      if (h.path.empty()) {
        if (access(("/proc/" + std::to_string(r.tgid)).c_str(), F_OK) != 0) continue;  // gone meanwhile
        h.path = "(unreadable)";  // still there: it counts, even unnamed
      }
      named[k].push_back(std::move(h));
    }
  };
  auto in_parallel = [&](auto job) {
    std::thread second;
    if (walkers > 1) second = std::thread(job, 1);
    job(0);
    if (second.joinable()) second.join();
  };
  in_parallel(walk_share);
  if (!walked[0] || !walked[1]) return std::nullopt;
  found[0].insert(found[0].end(), found[1].begin(), found[1].end());
  in_parallel(name_half);

  std::vector<Holder> out;
  std::set<std::tuple<std::uint32_t, std::string, std::string>> seen;  // a file mapped in pieces counts once
  for (auto& part : named)
    for (auto& h : part)
      if (seen.emplace(h.pid, h.how, h.path).second) out.push_back(std::move(h));
  std::stable_sort(out.begin(), out.end(), [](const Holder& a, const Holder& b) { return a.pid < b.pid; });
  return out;
}

std::pair<std::uint64_t, std::uint64_t> bpf_tree_walks() {
  std::lock_guard<std::mutex> lock(g_mu);
  if (!g_loaded.skel) return {0, 0};
  return {g_loaded.skel->bss->tree_walks, g_loaded.skel->bss->tree_gave_up};
}

std::string bpf_kind() {
  std::lock_guard<std::mutex> lock(g_mu);
  return g_loaded.skel ? "BPF iterators, maps read from the maple tree (Linux 6.7+)"
                       : g_loaded.compat ? "BPF iterators, iter/task_vma (Linux 5.12+)" : "";
}

std::string bpf_unavailable_reason() {
  std::lock_guard<std::mutex> lock(g_mu);
  return g_loaded.why_not;
}

}  // namespace npemu::posix
