// Benchmarks of the `local` provider with the durable (WAL) store, each beside
// the floor it is compared with, measured in the same run:
//   1. NPAddConnection3 + NPCancelConnection pairs per second, against a raw
//      SQLite insert+delete pair in its own WAL database (the store's floor);
//   2. the median NPGetConnection time with 10 and with 10,000 live connections,
//      against one readlink() of the drive link (the syscall floor).
#include <npemu/npemu.h>

#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

DWORD add(const wchar_t* local, const std::wstring& remote) {
  std::wstring l = local ? local : L"", r = remote;
  NETRESOURCEW nr{};
  nr.dwType = RESOURCETYPE_DISK;
  nr.lpLocalName = local ? l.data() : nullptr;
  nr.lpRemoteName = r.data();
  return NPAddConnection3(nullptr, &nr, nullptr, nullptr, 0);
}

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "bench_local: %s failed\n", what);
    std::exit(1);
  }
}

double pairs_per_second(const wchar_t* device, bool force, int n) {
  std::wstring share = L"\\\\files\\public", z = device ? device : share;
  auto t0 = Clock::now();
  for (int i = 0; i < n; ++i) {
    check(add(device, share) == WN_SUCCESS, "add");
    check(NPCancelConnection(z.data(), force) == WN_SUCCESS, "cancel");
  }
  return n / seconds_since(t0);
}

double sqlite_pairs_per_second(const std::string& file, int n) {
  sqlite3* db = nullptr;
  sqlite3_open(file.c_str(), &db);
  sqlite3_exec(db, "PRAGMA page_size=1024; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"  // as the store
                   "CREATE TABLE t(id INTEGER PRIMARY KEY, local TEXT, remote TEXT)", nullptr, nullptr, nullptr);
  sqlite3_stmt *ins = nullptr, *del = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO t(local, remote) VALUES('Z:', '\\\\files\\public')", -1, &ins, nullptr);
  sqlite3_prepare_v2(db, "DELETE FROM t WHERE local = 'Z:'", -1, &del, nullptr);
  auto t0 = Clock::now();
  for (int i = 0; i < n; ++i) {
    sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    sqlite3_step(ins);
    sqlite3_reset(ins);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    sqlite3_step(del);
    sqlite3_reset(del);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  }
  double rate = n / seconds_since(t0);
  sqlite3_finalize(ins);
  sqlite3_finalize(del);
  sqlite3_close(db);
  return rate;
}

// A device connection is one symlink made and removed: the filesystem's own floor.
double symlink_pairs_per_second(const std::string& target, const std::string& link, int n) {
  auto t0 = Clock::now();
  for (int i = 0; i < n; ++i) {
    check(symlink(target.c_str(), link.c_str()) == 0, "symlink");
    check(unlink(link.c_str()) == 0, "unlink");
  }
  return n / seconds_since(t0);
}

template <class F>
double median_ns(F&& op, int n) {
  std::vector<double> t(n);
  for (int i = 0; i < n; ++i) {
    auto t0 = Clock::now();
    op();
    t[i] = std::chrono::duration<double, std::nano>(Clock::now() - t0).count();
  }
  std::nth_element(t.begin(), t.begin() + n / 2, t.end());
  return t[n / 2];
}

}  // namespace

int main(int argc, char** argv) {
  int pairs = argc > 1 ? std::atoi(argv[1]) : 20000;
  char tmpl[] = "/tmp/npemu-bench-XXXXXX";
  check(mkdtemp(tmpl) != nullptr, "mkdtemp");
  fs::path root = tmpl, share = root / "public", home = root / "home";
  fs::create_directories(share);
  fs::create_directories(home);
  std::ofstream(home / "npemu.toml") << "[local.shares.'\\\\files\\public']\npath = \"" << share.string() << "\"\n";
  setenv("NPEMU_HOME", home.c_str(), 1);

  std::printf("npemu bench: the `local` provider, durable WAL store in %s\n\n", home.c_str());
  double floor = sqlite_pairs_per_second((root / "floor.db").string(), pairs);
  double links = symlink_pairs_per_second(share.string(), (root / "link").string(), pairs);
  double device = pairs_per_second(L"Z:", true, pairs);
  double deviceless = pairs_per_second(nullptr, true, pairs);
  double checked = pairs_per_second(L"Z:", false, std::max(1, pairs / 100));
  std::printf("add + cancel pairs per second (%d pairs each)\n", pairs);
  std::printf("  raw SQLite insert+delete, WAL (floor)     %10.0f /s\n", floor);
  std::printf("  symlink + unlink on this filesystem       %10.0f /s\n", links);
  std::printf("  npemu Z: add + forced cancel             %10.0f /s  (%.2fx the floor's time, %.2fx SQLite + link floors)\n",
              device, floor / device, (1 / device) / (1 / floor + 1 / links));
  std::printf("  npemu deviceless add + forced cancel     %10.0f /s  (%.2fx the floor's time)\n", deviceless, floor / deviceless);
  std::printf("  npemu Z: add + plain cancel (/proc scan) %10.0f /s  (%.2fx the floor's time)\n", checked, floor / checked);

  std::printf("\nNPGetConnection(Z:) median, beside one readlink() of the drive link\n");
  check(add(L"Z:", L"\\\\files\\public") == WN_SUCCESS, "add Z:");
  std::string link = (home / "drives" / "Z").string();
  int live = 1;
  for (int target : {10, 10000}) {
    for (; live < target; ++live) check(add(nullptr, L"\\\\files\\public") == WN_SUCCESS, "add deviceless");
    WCHAR buf[300];
    std::wstring z = L"Z:";
    auto get = [&] {
      DWORD len = 300;
      NPGetConnection(z.data(), buf, &len);
    };
    char lbuf[4096];
    auto rl = [&] { (void)!readlink(link.c_str(), lbuf, sizeof lbuf); };
    get();  // warm the cache after the adds
    double np = median_ns(get, 200000), sys = median_ns(rl, 200000);
    std::printf("  %5d live connections: NPGetConnection %6.0f ns, readlink %5.0f ns (%.2fx)\n", target, np, sys, np / sys);
  }
  std::error_code ec;
  fs::remove_all(root, ec);
  return 0;
}
