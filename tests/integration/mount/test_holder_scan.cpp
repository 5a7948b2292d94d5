// The open-file check of a mount two ways: BPF iterators (what the provider uses
// as root) and the /proc scan (the fallback). Both must find the same holders of
// every kind: an open file, a cwd, a memory map, a program run from the mount,
// and a process whose root is the mount.
#include <doctest/doctest.h>

#include "../../../posix/bpf_scan/bpf_scan.hpp"
#include "../../../posix/mount/mount_table.hpp"
#include "../../../posix/proc_scan.hpp"
#include "mount_fixture.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <tuple>

using namespace npemu_test;
using mount_test::MountHome;

namespace {

using Seen = std::set<std::tuple<std::uint32_t, std::string, std::string>>;  // pid, how, path

Seen as_set(const std::vector<npemu::Holder>& holders) {
  Seen s;
  for (const auto& h : holders) s.emplace(h.pid, h.how, h.path);
  return s;
}

// A child whose root directory is `dir` (chroot), waiting to be killed.
pid_t chrooted_child(const std::string& dir, int ready) {
  pid_t pid = fork();
  if (pid != 0) return pid;
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  char ok = chroot(dir.c_str()) == 0 ? '1' : '0';
  if (write(ready, &ok, 1) != 1) _exit(1);
  for (;;) pause();
}

// A child with `anon` separate anonymous maps (alternating protections, so none
// merge: a maple tree several levels deep) and `views` maps of `file`, waiting to be killed.
pid_t many_maps_child(const std::string& file, int anon, int views, int ready) {
  pid_t pid = fork();
  if (pid != 0) return pid;
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  bool ok = true;
  for (int i = 0; i < anon && ok; ++i)
    ok = mmap(nullptr, 4096, i % 2 ? PROT_READ : PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) != MAP_FAILED;
  int fd = open(file.c_str(), O_RDONLY);
  for (int i = 0; i < views && ok; ++i) {
    ok = mmap(nullptr, 1, PROT_READ, MAP_SHARED, fd, 0) != MAP_FAILED;
    ok = ok && mmap(nullptr, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) != MAP_FAILED;  // a gap between views
  }
  if (fd >= 0) close(fd);  // only the maps hold it
  char c = ok && fd >= 0 ? '1' : '0';
  if (write(ready, &c, 1) != 1) _exit(1);
  for (;;) pause();
}

// A child that maps `file` once and then keeps changing its other maps (map, unmap,
// over and over), so its maple tree is rewritten while it is being read.
pid_t churning_child(const std::string& file, int ready) {
  pid_t pid = fork();
  if (pid != 0) return pid;
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  int fd = open(file.c_str(), O_RDONLY);
  bool ok = fd >= 0 && mmap(nullptr, 1, PROT_READ, MAP_SHARED, fd, 0) != MAP_FAILED;
  if (fd >= 0) close(fd);
  char c = ok ? '1' : '0';
  if (write(ready, &c, 1) != 1) _exit(1);
  void* held[64] = {};
  for (unsigned i = 0;; ++i) {
    void*& slot = held[i % 64];
    if (slot) munmap(slot, 4096);
    slot = mmap(nullptr, 4096, i % 2 ? PROT_READ : PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (slot == MAP_FAILED) slot = nullptr;
  }
}

// Z: bind-mounted from \\files\data, its mount id, and a pipe on which forked
// holders say they are ready ('1') or failed ('0').
struct MountedZ {
  MountHome m;
  std::string file = m.drive + "/file.txt";
  int mount_id = -1;
  int ready[2] = {-1, -1};

  MountedZ() {
    REQUIRE(add("Z:", "\\\\files\\data") == WN_SUCCESS);
    auto entry = npemu::posix::mount_at(m.drive);
    REQUIRE(entry);
    mount_id = entry->id;
    REQUIRE(pipe(ready) == 0);
  }
  ~MountedZ() {
    close(ready[0]);
    close(ready[1]);
  }
  bool child_ready() const {
    char c = 0;
    return read(ready[0], &c, 1) == 1 && c == '1';
  }
};

}  // namespace

TEST_CASE("BPF: a process rewriting its maps while it is checked is found every time") {
  MountedZ z;
  const std::string& file = z.file;
  pid_t churn = churning_child(file, z.ready[1]);
  REQUIRE(z.child_ready());
  Seen expected{{static_cast<std::uint32_t>(churn), "maps", file}};
  int checked = 0;
  for (int i = 0; i < 200; ++i) {
    auto by_bpf = npemu::posix::bpf_mount_holders(z.mount_id, z.m.drive);
    if (!by_bpf) break;  // no BPF here: nothing to check
    CHECK(as_set(*by_bpf) == expected);
    ++checked;
  }
  MESSAGE(checked << " checks; maps by tree / by iterator so far: " << npemu::posix::bpf_tree_walks().first << " / "
                  << npemu::posix::bpf_tree_walks().second);
  kill(churn, SIGKILL);
  waitpid(churn, nullptr, 0);
  // Seen twice in one CI run (and in no run since, nor here under load): the plain
  // cancel right after was WN_OPEN_FILES. Its detail is printed when that happens, and
  // the cancel is asked again for up to 2 s, so the cause is on record next time.
  DWORD rc = cancel("Z:", false);
  std::string first = rc == WN_SUCCESS ? "" : last_error_text();
  for (int i = 0; i < 20 && rc == WN_OPEN_FILES; ++i) {
    usleep(100000);
    rc = cancel("Z:", false);
  }
  if (!first.empty()) MESSAGE("the first plain cancel after the kill: " << first);
  CHECK(rc == WN_SUCCESS);
}

TEST_CASE("BPF: maps are found in processes with deep map trees and with many maps of one file") {
  MountedZ z;
  const std::string& file = z.file;
  pid_t deep = many_maps_child(file, 2000, 1, z.ready[1]);  // one map of the file among 2000
  pid_t wide = many_maps_child(file, 0, 12, z.ready[1]);    // twelve maps of the file
  REQUIRE(z.child_ready());
  REQUIRE(z.child_ready());
  Seen expected{{static_cast<std::uint32_t>(deep), "maps", file}, {static_cast<std::uint32_t>(wide), "maps", file}};
  CHECK(as_set(npemu::posix::scan_proc(npemu::posix::ProcQuery{{z.m.drive}, {z.mount_id}})) == expected);
  auto before = npemu::posix::bpf_tree_walks();
  auto by_bpf = npemu::posix::bpf_mount_holders(z.mount_id, z.m.drive);
  if (by_bpf) {
    CHECK(as_set(*by_bpf) == expected);
    auto after = npemu::posix::bpf_tree_walks();
    if (npemu::posix::bpf_kind().find("6.7") != std::string::npos) {
      CHECK(after.first > before.first);    // trees were read (every process but the wide one)
      CHECK(after.second > before.second);  // twelve matches are more than a tree walk keeps: the iterator took over
    }
  }
  for (pid_t p : {deep, wide}) kill(p, SIGKILL);
  for (pid_t p : {deep, wide}) waitpid(p, nullptr, 0);
  CHECK(cancel("Z:", false) == WN_SUCCESS);
}

TEST_CASE("BPF iterators and the /proc scan find the same holders of every kind") {
  MountHome m;
  REQUIRE(add("Z:", "\\\\files\\data") == WN_SUCCESS);
  std::filesystem::copy_file(helper("npemu_holder"), m.data + "/holder-copy");
  auto entry = npemu::posix::mount_at(m.drive);
  REQUIRE(entry);

  Child open_file({helper("npemu_holder"), "open", m.drive + "/file.txt"});
  Child cwd({helper("npemu_holder"), "cwd", m.drive + "/sub"});
  Child map({helper("npemu_holder"), "mmap", m.drive + "/file.txt"});
  Child exe({m.drive + "/holder-copy", "open", m.data + "/file.txt"});  // runs from the mount, holds the source
  for (Child* c : {&open_file, &cwd, &map, &exe}) REQUIRE(c->read_line() == "ready");
  int ready[2];
  REQUIRE(pipe(ready) == 0);
  pid_t rooted = chrooted_child(m.drive, ready[1]);
  char ok = 0;
  REQUIRE(read(ready[0], &ok, 1) == 1);
  REQUIRE(ok == '1');

  Seen expected{
      {static_cast<std::uint32_t>(open_file.pid()), "holds", m.drive + "/file.txt"},
      {static_cast<std::uint32_t>(cwd.pid()), "has its cwd in", m.drive + "/sub"},
      {static_cast<std::uint32_t>(map.pid()), "maps", m.drive + "/file.txt"},
      {static_cast<std::uint32_t>(exe.pid()), "runs", m.drive + "/holder-copy"},
      {static_cast<std::uint32_t>(exe.pid()), "maps", m.drive + "/holder-copy"},
      {static_cast<std::uint32_t>(rooted), "has its root in", m.drive},
  };
  // The chrooted child's cwd is still outside; the holder-copy process's open file is
  // on the source, not the mount: neither may be reported.
  Seen by_proc = as_set(npemu::posix::scan_proc(npemu::posix::ProcQuery{{m.drive}, {entry->id}}));
  CHECK(by_proc == expected);

  auto by_bpf = npemu::posix::bpf_mount_holders(entry->id, m.drive);
  if (!by_bpf) {
    MESSAGE("BPF iterators not usable here: " << npemu::posix::bpf_unavailable_reason());
  } else {
    MESSAGE("checked with " << npemu::posix::bpf_kind());
    const char* only = std::getenv("NPEMU_BPF_OBJECT");
    if (only && std::string(only) == "compat") CHECK(npemu::posix::bpf_kind().find("5.12") != std::string::npos);
    CHECK(as_set(*by_bpf) == expected);
  }

  kill(rooted, SIGKILL);
  waitpid(rooted, nullptr, 0);
  close(ready[0]);
  close(ready[1]);
  for (Child* c : {&open_file, &cwd, &map, &exe}) c->finish();
  CHECK(cancel("Z:", false) == WN_SUCCESS);
}

TEST_CASE("as root the mount provider's check runs in the kernel (BPF), unless NPEMU_HOLDER_SCAN=proc") {
  // CI runs as root on a kernel with BTF: there (6.7+) the BPF path must really be taken.
  auto probe = npemu::posix::bpf_mount_holders(-1, "/nonexistent");
  std::string why = npemu::posix::bpf_unavailable_reason();
  const char* forced = std::getenv("NPEMU_HOLDER_SCAN");
  bool btf = access("/sys/kernel/btf/vmlinux", R_OK) == 0;
  utsname u{};
  uname(&u);
  int major = 0, minor = 0;
  std::sscanf(u.release, "%d.%d", &major, &minor);
  bool vma_iterator = major > 6 || (major == 6 && minor >= 7);  // the open-coded VMA iterator
  // Kernel lockdown in confidentiality mode forbids BPF reads of kernel memory.
  std::ifstream lockdown_file("/sys/kernel/security/lockdown");
  std::string lockdown((std::istreambuf_iterator<char>(lockdown_file)), std::istreambuf_iterator<char>());
  bool locked = lockdown.find("[confidentiality]") != std::string::npos;
  if (why.find("built without") != std::string::npos) {
    MESSAGE("this build has no BPF toolchain: " << why);
    CHECK_FALSE(probe);
  } else if (!btf || !vma_iterator || locked || (forced && std::string(forced) == "proc")) {
    MESSAGE("no BPF check expected here: " << why);
    CHECK_FALSE(probe);
    CHECK_FALSE(why.empty());
  } else {
    CHECK(why == "");
    REQUIRE(probe);
    CHECK(probe->empty());  // no mount has id -1
  }
}

TEST_CASE("BPF: a forked child loads its own check and finds the same holders as its parent") {
  MountedZ z;
  Child holder({helper("npemu_holder"), "open", z.file});
  REQUIRE(holder.read_line() == "ready");
  auto in_parent = npemu::posix::bpf_mount_holders(z.mount_id, z.m.drive);
  if (!in_parent) {
    holder.finish();
    CHECK(cancel("Z:", true) == WN_SUCCESS);
    return;  // no BPF here
  }
  Seen expected{{static_cast<std::uint32_t>(holder.pid()), "holds", z.file}};
  CHECK(as_set(*in_parent) == expected);
  pid_t child = fork();
  if (child == 0) {
    auto in_child = npemu::posix::bpf_mount_holders(z.mount_id, z.m.drive);
    _exit(in_child && as_set(*in_child) == expected ? 0 : 1);
  }
  int status = -1;
  REQUIRE(waitpid(child, &status, 0) == child);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  auto again = npemu::posix::bpf_mount_holders(z.mount_id, z.m.drive);  // the parent's still works
  REQUIRE(again);
  CHECK(as_set(*again) == expected);
  holder.finish();
  CHECK(cancel("Z:", false) == WN_SUCCESS);
}
