// bench_smb [PAIRS]: starts its own smbd (scripts/smbd-test, root) and times, in
// one run, interleaved rounds of the same deviceless connect + disconnect of
// \\127.0.0.1\public done three ways:
//   npemu      NPAddConnection3 (no local name) + NPCancelConnection
//   libsmbclient  new context + init + opendir share + free context (the floor)
//   smbclient  one `smbclient //127.0.0.1/public -N -c exit` process per pair
#include <npemu/npemu.h>

#include <libsmbclient.h>

#include <fcntl.h>
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

bool raw_pair(int port) {
  SMBCCTX* c = smbc_new_context();
  smbc_setPort(c, port);
  smbc_setTimeout(c, 5000);
  smbc_setOptionUseKerberos(c, 0);
  smbc_setFunctionAuthDataWithContext(c, no_auth);
  if (!smbc_init_context(c)) return false;
  SMBCFILE* d = smbc_getFunctionOpendir(c)(c, "smb://127.0.0.1/public");
  if (d) smbc_getFunctionClosedir(c)(c, d);
  smbc_free_context(c, 1);
  return d != nullptr;
}

bool smbclient_pair(int port) {
  return run({"smbclient", "//127.0.0.1/public", "-p", std::to_string(port), "-N", "-c", "exit"}) == 0;
}

// CPU time (ms) of smbd: itself plus its reaped children (one child per connection).
double smbd_cpu_ms(int smbd_pid) {
  std::ifstream f("/proc/" + std::to_string(smbd_pid) + "/stat");
  std::string stat((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  std::size_t close = stat.rfind(')');
  if (close == std::string::npos) return 0;
  std::vector<std::string> fields;  // from field 3 (state) on
  std::size_t i = close + 2;
  while (i < stat.size()) {
    std::size_t j = stat.find(' ', i);
    if (j == std::string::npos) j = stat.size();
    fields.push_back(stat.substr(i, j - i));
    i = j + 1;
  }
  if (fields.size() < 15) return 0;
  double ticks = 0;
  for (int k = 11; k <= 14; ++k) ticks += std::atof(fields[k].c_str());  // utime stime cutime cstime
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
  std::string home = dir + "/home";
  std::filesystem::create_directories(home);
  std::ofstream(home + "/npemu.toml") << "providers = [\"local\", \"smb\"]\n[servers.files]\naddress = \"127.0.0.1\"\nport = "
                                      << port << "\n";
  setenv("NPEMU_HOME", home.c_str(), 1);

  // Warm-up: first connections start helper processes and fill caches.
  bool ok = npemu_pair() && raw_pair(port) && smbclient_pair(port);
  if (!ok) {
    DWORD code = 0, len = 1000;
    WCHAR text[1000];
    npemu_last_error(&code, text, &len);
    std::fprintf(stderr, "warm-up: npemu %d raw %d smbclient %d; last npemu error %u %ls\n", npemu_pair(),
                 raw_pair(port), smbclient_pair(port), static_cast<unsigned>(code), text);
  }
  std::vector<double> t_np, t_raw, t_cli;
  for (int i = 0; ok && i < pairs; ++i) {  // interleaved, so drift hits all three alike
    auto t0 = Clock::now();
    ok = ok && npemu_pair();
    auto t1 = Clock::now();
    ok = ok && raw_pair(port);
    auto t2 = Clock::now();
    ok = ok && (i % 3 != 0 || smbclient_pair(port));  // a third as many: processes are slow
    auto t3 = Clock::now();
    t_np.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    t_raw.push_back(std::chrono::duration<double, std::milli>(t2 - t1).count());
    if (i % 3 == 0) t_cli.push_back(std::chrono::duration<double, std::milli>(t3 - t2).count());
  }
  // Where the time goes: CPU per pair on each side, each way in a block of its own.
  Cpu c_np, c_raw, c_cli;
  if (ok) {
    std::ifstream pidf(dir + "/srv/smbd.pid");
    int smbd_pid = 0;
    pidf >> smbd_pid;
    int n = std::max(30, pairs / 2);
    c_raw = cpu_per_pair(n, RUSAGE_SELF, smbd_pid, [&] { return raw_pair(port); });
    c_np = cpu_per_pair(n, RUSAGE_SELF, smbd_pid, [&] { return npemu_pair(); });
    c_cli = cpu_per_pair(std::max(10, n / 3), RUSAGE_CHILDREN, smbd_pid, [&] { return smbclient_pair(port); });
  }
  run({NPEMU_SMBD_TEST, "stop", dir + "/srv"});
  std::filesystem::remove_all(dir);
  if (!ok) {
    std::fprintf(stderr, "bench_smb: a connect or cancel failed\n");
    return 1;
  }
  double np = median(t_np), raw = median(t_raw), cli = median(t_cli);
  std::printf("npemu bench: deviceless connect + cancel of \\\\127.0.0.1\\public, smbd on 127.0.0.1:%d\n\n", port);
  std::printf("median per pair (%d pairs; smbclient %zu)        ms      pairs/s\n", pairs, t_cli.size());
  std::printf("  raw libsmbclient (context+opendir+free)  %8.2f  %8.0f\n", raw, 1000 / raw);
  std::printf("  npemu NPAddConnection3 + NPCancelConnection %5.2f  %8.0f   %.2fx raw libsmbclient's time\n", np,
              1000 / np, np / raw);
  std::printf("  one smbclient process per pair          %8.2f  %8.0f   npemu is %.1fx faster\n", cli, 1000 / cli,
              cli / np);
  std::printf("\nCPU per pair (blocks of %d; smbclient %d)     client ms   smbd ms\n", std::max(30, pairs / 2),
              std::max(10, std::max(30, pairs / 2) / 3));
  std::printf("  raw libsmbclient                          %8.2f  %8.2f\n", c_raw.client, c_raw.server);
  std::printf("  npemu                                     %8.2f  %8.2f\n", c_np.client, c_np.server);
  std::printf("  one smbclient process per pair            %8.2f  %8.2f\n", c_cli.client, c_cli.server);
  return 0;
}
