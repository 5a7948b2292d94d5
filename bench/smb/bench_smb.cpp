// bench_smb [PAIRS]: starts its own smbd (scripts/smbd-test, root) and times, in
// one run, interleaved rounds of the same deviceless connect + cancel of
// \\127.0.0.1\public done three ways:
//   npemu         NPAddConnection3 (no local name) + NPCancelConnection(FALSE); from
//                 the second pair on, the connect reuses the session the cancel parked
//                 (dormant sessions, [smb] keep_conn_seconds = 60, the default)
//   libsmbclient  ONE long-lived context doing the SMB requests npemu sends per pair:
//                 the connect's check (smbc_opendir + smbc_closedir of the share) and
//                 the non-forced cancel's liveness probe (smbc_stat of the share);
//                 nothing fewer (checked in smb_provider.cpp: connect -> check_share,
//                 disconnect -> the bounded stat, then park)
//   smbclient     one `smbclient //127.0.0.1/public -N -c exit` process per pair
// Within a round npemu and raw take turns at going first, so drift and cache
// warmth hit them alike; one smbclient process ends each round.
//
// Where smbd runs matters more than anything npemu does: on this machine the
// server is a process beside the client, and a request costs far less when the
// kernel happens to run smbd's per-connection child on the client's core than
// on the other one (raw libsmbclient alone: 0.37 against 0.60 ms per pair). Left
// to the scheduler, which child lands where is chance, so the same build measured
// anywhere from 0.94x to 1.75x. The rounds therefore run under three placements,
// each pinned for client and server alike (sched_setaffinity on every thread of
// this process and every smbd process):
//   own core      smbd on one core, the client on another: a server elsewhere, as
//                 on a network. The goal is judged here.
//   shared core   smbd and the client on one core: every microsecond of client CPU
//                 also delays the server, so this measures CPU, not latency
//   unpinned      whatever the scheduler does (shown, not judged)
// Then the same with dormant sessions off (keep_conn_seconds = 0: every pair is a
// new TCP connection, session setup and logoff, raw doing the same with a new
// context per pair), own core; and CPU per pair of each way.
#include <npemu/npemu.h>

#include <libsmbclient.h>

#include <fcntl.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;

int run(const std::vector<std::string>& argv, std::string* out = nullptr) {
  int p[2];
  if (pipe(p) != 0) return -1;
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&fa, p[1], 1);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addclose(&fa, p[0]);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  int rc = posix_spawnp(&pid, args[0], &fa, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  close(p[1]);
  // One line at most: smbd-test leaves smbd running with the pipe inherited.
  char ch;
  while (read(p[0], &ch, 1) == 1 && ch != '\n')
    if (out) out->push_back(ch);
  close(p[0]);
  if (rc != 0) return -1;
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void no_auth(SMBCCTX*, const char*, const char*, char*, int, char* user, int, char* pw, int) {
  user[0] = '\0';
  pw[0] = '\0';
}

bool npemu_pair() {
  NETRESOURCEW nr{};
  std::wstring remote = L"\\\\files\\public";
  nr.dwType = RESOURCETYPE_DISK;
  nr.lpRemoteName = remote.data();
  if (NPAddConnection3(nullptr, &nr, nullptr, nullptr, 0) != WN_SUCCESS) return false;
  return NPCancelConnection(remote.data(), FALSE) == WN_SUCCESS;
}

SMBCCTX* new_context(int port) {
  SMBCCTX* c = smbc_new_context();
  smbc_setPort(c, port);
  smbc_setTimeout(c, 5000);  // npemu's default [smb] timeout_ms
  smbc_setOptionUseKerberos(c, 0);
  smbc_setFunctionAuthDataWithContext(c, no_auth);
  if (!smbc_init_context(c)) {
    smbc_free_context(c, 1);
    return nullptr;
  }
  return c;
}

// The SMB requests npemu sends per pair: the connect's check (opendir + closedir
// of the share) and the non-forced cancel's liveness probe (stat of the share).
bool raw_requests(SMBCCTX* c) {
  SMBCFILE* d = smbc_getFunctionOpendir(c)(c, "smb://127.0.0.1/public");
  if (!d) return false;
  smbc_getFunctionClosedir(c)(c, d);
  struct stat st {};
  return smbc_getFunctionStat(c)(c, "smb://127.0.0.1/public", &st) == 0;
}

// Dormant sessions off: a new context (TCP connection, session setup, logoff) per pair.
bool raw_cold_pair(int port) {
  SMBCCTX* c = new_context(port);
  if (!c) return false;
  bool ok = raw_requests(c);
  smbc_free_context(c, 1);
  return ok;
}

// Dormant sessions on: one long-lived context, whose cached server connection
// and session every pair reuses, as npemu's dormant session is reused.
SMBCCTX* g_warm = nullptr;
bool raw_warm_pair() { return g_warm && raw_requests(g_warm); }

bool smbclient_pair(int port) {
  return run({"smbclient", "//127.0.0.1/public", "-p", std::to_string(port), "-N", "-c", "exit"}) == 0;
}

// The fields of /proc/PID/stat from field 3 (state) on; empty if gone.
std::vector<std::string> stat_fields(const std::string& pid) {
  std::ifstream f("/proc/" + pid + "/stat");
  std::string stat((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  std::vector<std::string> fields;
  std::size_t close = stat.rfind(')');
  if (close == std::string::npos) return fields;
  std::size_t i = close + 2;
  while (i < stat.size()) {
    std::size_t j = stat.find(' ', i);
    if (j == std::string::npos) j = stat.size();
    fields.push_back(stat.substr(i, j - i));
    i = j + 1;
  }
  return fields;
}

// CPU time (ms) of smbd: every process of its process group (smbd forks one
// child per connection; a dormant session's child stays alive) plus the
// children smbd has reaped.
double smbd_cpu_ms(int smbd_pid) {
  double ticks = 0;
  for (const auto& e : std::filesystem::directory_iterator("/proc")) {
    std::string pid = e.path().filename().string();
    if (pid.find_first_not_of("0123456789") != std::string::npos) continue;
    auto f = stat_fields(pid);
    if (f.size() < 15 || std::atoi(f[2].c_str()) != smbd_pid) continue;  // f[2] = pgrp
    ticks += std::atof(f[11].c_str()) + std::atof(f[12].c_str());           // utime stime
    if (std::atoi(pid.c_str()) == smbd_pid) ticks += std::atof(f[13].c_str()) + std::atof(f[14].c_str());
  }
  return ticks * 1000.0 / static_cast<double>(sysconf(_SC_CLK_TCK));
}

double rusage_ms(int who) {
  rusage u{};
  getrusage(who, &u);
  return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1000.0 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1000.0;
}

struct Cpu {
  double client = 0, server = 0;  // ms per pair
};

// CPU per pair of `n` pairs in a row: the client's (this process, or the reaped
// smbclient processes) and smbd's (its reaped per-connection children).
template <class F>
Cpu cpu_per_pair(int n, int who, int smbd_pid, F pair) {
  double c0 = rusage_ms(who), s0 = smbd_cpu_ms(smbd_pid);
  for (int i = 0; i < n; ++i)
    if (!pair()) return {};
  usleep(300 * 1000);  // smbd reaps its exited children
  return {(rusage_ms(who) - c0) / n, (smbd_cpu_ms(smbd_pid) - s0) / n};
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// The pids of smbd's process group (the server and its per-connection children).
std::vector<int> smbd_pids(int smbd_pid) {
  std::vector<int> out;
  for (const auto& e : std::filesystem::directory_iterator("/proc")) {
    std::string pid = e.path().filename().string();
    if (pid.find_first_not_of("0123456789") != std::string::npos) continue;
    auto f = stat_fields(pid);
    if (f.size() > 2 && std::atoi(f[2].c_str()) == smbd_pid) out.push_back(std::atoi(pid.c_str()));
  }
  return out;
}

// Every thread of this process (npemu's timer threads too) and every smbd process
// onto `client` and `server` (-1: any CPU). New smbd children inherit the server's.
void place(int smbd_pid, int client, int server) {
  auto set = [](int tid, int cpu) {
    cpu_set_t cpus;
    CPU_ZERO(&cpus);
    if (cpu < 0) {
      for (int c = 0; c < CPU_SETSIZE; ++c) CPU_SET(c, &cpus);
    } else {
      CPU_SET(cpu, &cpus);
    }
    sched_setaffinity(tid, sizeof cpus, &cpus);  // a thread that just ended: nothing to do
  };
  for (const auto& e : std::filesystem::directory_iterator("/proc/self/task")) set(std::atoi(e.path().filename().c_str()), client);
  for (int pid : smbd_pids(smbd_pid)) set(pid, server);
}

// Two CPUs this process may use, or {-1, -1} when it has only one.
std::pair<int, int> two_cpus() {
  cpu_set_t cpus;
  CPU_ZERO(&cpus);
  if (sched_getaffinity(0, sizeof cpus, &cpus) != 0) return {-1, -1};
  std::vector<int> mine;
  for (int c = 0; c < CPU_SETSIZE && mine.size() < 2; ++c)
    if (CPU_ISSET(c, &cpus)) mine.push_back(c);
  return mine.size() == 2 ? std::make_pair(mine[0], mine[1]) : std::make_pair(-1, -1);
}

}  // namespace

int main(int argc, char** argv) {
  int pairs = argc > 1 ? std::atoi(argv[1]) : 60;
  if (geteuid() != 0) {
    std::puts("bench_smb: SKIP (needs root: scripts/smbd-test starts smbd)");
    return 0;
  }
  char tmpl[] = "/tmp/npemu-bench-smb-XXXXXX";
  std::string dir = mkdtemp(tmpl);
  chmod(dir.c_str(), 0755);  // smbd opens share files as the guest user (nobody)
  std::string port_text;
  if (run({NPEMU_SMBD_TEST, "start", dir + "/srv", "0"}, &port_text) != 0) {
    std::fprintf(stderr, "bench_smb: could not start smbd\n");
    return 1;
  }
  int port = std::atoi(port_text.c_str());
  // Two homes: the default config (dormant sessions on), and keep_conn_seconds = 0.
  std::string home_on = dir + "/home-on", home_off = dir + "/home-off";
  for (const auto& h : {home_on, home_off}) {
    std::filesystem::create_directories(h);
    std::ofstream(h + "/npemu.toml") << "providers = [\"local\", \"smb\"]\n[servers.files]\naddress = \"127.0.0.1\"\nport = "
                                     << port << "\n" << (h == home_off ? "[smb]\nkeep_conn_seconds = 0\n" : "");
  }
  auto use_home = [](const std::string& h) {
    setenv("NPEMU_HOME", h.c_str(), 1);
    npemu_reload();
  };
  g_warm = new_context(port);

  // Warm-up: first connections start helper processes and fill caches.
  use_home(home_off);
  bool ok = npemu_pair();
  use_home(home_on);
  ok = ok && npemu_pair() && raw_warm_pair() && raw_cold_pair(port) && smbclient_pair(port);
  if (!ok) {
    DWORD code = 0, len = 1000;
    WCHAR text[1000];
    npemu_last_error(&code, text, &len);
    std::fprintf(stderr, "warm-up: npemu %d raw warm %d raw cold %d smbclient %d; last npemu error %u %ls\n",
                 npemu_pair(), raw_warm_pair(), raw_cold_pair(port), smbclient_pair(port),
                 static_cast<unsigned>(code), text);
  }
  std::ifstream pidf(dir + "/srv/smbd.pid");
  int smbd_pid = 0;
  pidf >> smbd_pid;
  auto ms = [](Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
  struct Times {
    std::vector<double> np, raw, cli;
  };
  auto timed = [&](std::vector<double>& into, auto pair) {
    auto t0 = Clock::now();
    ok = ok && pair();
    into.push_back(ms(t0, Clock::now()));
  };
  // Rounds of a few npemu pairs and as many raw pairs (which goes first alternates),
  // then one smbclient process: a process start flushes the caches both others
  // run from, so it comes once a round, not between every two pairs.
  constexpr int kRound = 6;
  auto phase = [&](Times& t, auto raw_pair) {
    for (int i = 0; ok && i < pairs; i += kRound) {
      for (int k = 0; k < 2; ++k) {
        bool np_now = (k == 0) == ((i / kRound) % 2 == 0);
        for (int j = 0; ok && j < kRound && i + j < pairs; ++j) {
          if (np_now) timed(t.np, npemu_pair);
          else timed(t.raw, raw_pair);
        }
      }
      timed(t.cli, [&] { return smbclient_pair(port); });
    }
  };
  struct Placement {
    const char* name;
    int client, server;
    Times on;
  };
  auto [cpu_a, cpu_b] = two_cpus();
  std::vector<Placement> placements;
  if (cpu_a >= 0) {
    placements.push_back({"own core: smbd on one core, the client on another (judged)", cpu_a, cpu_b, {}});
    placements.push_back({"shared core: smbd and the client on one core", cpu_b, cpu_b, {}});
  }
  placements.push_back({"unpinned: where the scheduler puts them", -1, -1, {}});
  use_home(home_on);
  for (auto& p : placements) {
    place(smbd_pid, p.client, p.server);
    phase(p.on, [&] { return raw_warm_pair(); });
  }
  // Dormant sessions off, and the CPU blocks: in the judged placement.
  place(smbd_pid, placements[0].client, placements[0].server);
  Times off;
  use_home(home_off);
  phase(off, [&] { return raw_cold_pair(port); });

  // Where the time goes: CPU per pair on each side, each way in a block of its own.
  // Dormant pairs are ~10x faster: ten times the block, so smbd's CPU is more
  // than a few clock ticks.
  int n = std::max(30, pairs / 2), n_cli = std::max(10, n / 3), n_on = 10 * n;
  Cpu c_np_on, c_raw_warm, c_np_off, c_raw_cold, c_cli;
  if (ok) {
    use_home(home_on);
    c_np_on = cpu_per_pair(n_on, RUSAGE_SELF, smbd_pid, [&] { return npemu_pair(); });
    c_raw_warm = cpu_per_pair(n_on, RUSAGE_SELF, smbd_pid, [&] { return raw_warm_pair(); });
    use_home(home_off);
    c_np_off = cpu_per_pair(n, RUSAGE_SELF, smbd_pid, [&] { return npemu_pair(); });
    c_raw_cold = cpu_per_pair(n, RUSAGE_SELF, smbd_pid, [&] { return raw_cold_pair(port); });
    c_cli = cpu_per_pair(n_cli, RUSAGE_CHILDREN, smbd_pid, [&] { return smbclient_pair(port); });
  }
  if (g_warm) smbc_free_context(g_warm, 1);
  run({NPEMU_SMBD_TEST, "stop", dir + "/srv"});
  std::filesystem::remove_all(dir);
  if (!ok) {
    std::fprintf(stderr, "bench_smb: a connect or cancel failed\n");
    return 1;
  }
  std::printf("npemu bench: deviceless connect + cancel of \\\\127.0.0.1\\public, smbd on 127.0.0.1:%d\n", port);
  auto table = [&](const char* title, const Times& t, const char* raw_name) {
    double np = median(t.np), raw = median(t.raw), cli = median(t.cli);
    std::printf("\n%s\nmedian per pair (%d pairs; smbclient %zu)              ms   pairs/s\n", title, pairs, t.cli.size());
    std::printf("  %-46s %7.3f %8.0f\n", raw_name, raw, 1000 / raw);
    std::printf("  %-46s %7.3f %8.0f   %.2fx raw libsmbclient's time\n", "npemu NPAddConnection3 + NPCancelConnection", np,
                1000 / np, np / raw);
    std::printf("  %-46s %7.3f %8.0f   npemu is %.1fx faster\n", "one smbclient process per pair", cli, 1000 / cli,
                cli / np);
    return std::make_pair(np / raw, cli / np);
  };
  std::pair<double, double> goals;
  for (const auto& p : placements) {
    std::string title = std::string("dormant sessions on (the default), ") + p.name;
    auto r = table(title.c_str(), p.on, "raw libsmbclient, one context (same requests)");
    if (&p == &placements.front()) goals = r;
  }
  std::string off_title = std::string("dormant sessions off (keep_conn_seconds = 0), ") +
                          (cpu_a >= 0 ? "own core" : "unpinned");
  table(off_title.c_str(), off, "raw libsmbclient, new context per pair");
  std::printf("\nCPU per pair, %s (blocks of %d, dormant %d; smbclient %d) client ms   smbd ms\n",
              cpu_a >= 0 ? "own core" : "unpinned", n, n_on, n_cli);
  auto cpu_row = [](const char* what, const Cpu& c) { std::printf("  %-46s %7.3f %9.3f\n", what, c.client, c.server); };
  cpu_row("npemu, dormant sessions on", c_np_on);
  cpu_row("raw libsmbclient, one context", c_raw_warm);
  cpu_row("npemu, dormant sessions off", c_np_off);
  cpu_row("raw libsmbclient, new context per pair", c_raw_cold);
  cpu_row("one smbclient process per pair", c_cli);
  std::printf("\ngoals (dormant sessions on, %s): npemu <= 1.2x raw libsmbclient: %s (%.2fx); "
              ">= 10x faster than smbclient: %s (%.1fx)\n",
              cpu_a >= 0 ? "own core" : "unpinned", goals.first <= 1.2 ? "met" : "NOT met", goals.first, goals.second >= 10 ? "met" : "NOT met", goals.second);
  return 0;
}
