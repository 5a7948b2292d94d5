// The storm as a benchmark (issue 13): 2 processes x 16 threads adding, getting and
// cancelling on one $NPEMU_HOME (the storm's worker, tests/helpers/storm.cpp), next
// to one thread alone doing the same device rounds in one process.
// Prints p50/p99/max latency per call kind, and the aggregate throughput of the
// storm against the lone thread as a ratio. The goals (printed beside the
// figures, not asserted): max < 100 ms, aggregate >= one thread.
//   bench_storm [ROUNDS]   (default 200 rounds a thread)
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;
namespace fs = std::filesystem;

namespace {

struct Worker {
  pid_t pid = -1;
  FILE* in = nullptr;
  FILE* out = nullptr;
};

[[noreturn]] void die(const std::string& what) {
  std::fprintf(stderr, "bench_storm: %s\n", what.c_str());
  std::exit(1);
}

Worker start(const std::vector<std::string>& argv) {
  int to[2], from[2];
  if (pipe2(to, O_CLOEXEC) != 0 || pipe2(from, O_CLOEXEC) != 0) die("pipe failed");
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, to[0], 0);
  posix_spawn_file_actions_adddup2(&fa, from[1], 1);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  Worker w;
  if (posix_spawn(&w.pid, args[0], &fa, nullptr, args.data(), environ) != 0) die("cannot start " + argv[0]);
  posix_spawn_file_actions_destroy(&fa);
  close(to[0]);
  close(from[1]);
  w.in = fdopen(to[1], "w");
  w.out = fdopen(from[0], "r");
  return w;
}

std::string line_of(FILE* f) {
  std::string s;
  for (int c = std::fgetc(f); c != EOF && c != '\n'; c = std::fgetc(f)) s += static_cast<char>(c);
  return s;
}

struct Run {
  double seconds = 0;  // the longest of the processes' running times
  std::map<std::string, std::vector<long long>> usec;  // per call kind
  long long calls = 0;
};

// Runs PROCS workers of the given thread mix at once; their calls and latencies.
Run storm(int procs, int rounds, int devices, int owners, int reapers) {
  std::vector<Worker> ws;
  for (int p = 0; p < procs; ++p)
    ws.push_back(start({NPEMU_STORM_WORKER, std::to_string(procs), std::to_string(p), std::to_string(rounds),
                        std::to_string(devices), std::to_string(owners), std::to_string(reapers),
                        std::to_string(77 + p)}));
  for (auto& w : ws)
    if (line_of(w.out) != "ready") die("a worker did not start");
  for (auto& w : ws) std::fputs("go\n", w.in), std::fflush(w.in);
  Run run;
  for (auto& w : ws) {
    for (std::string l = line_of(w.out); !l.empty() && l != "end"; l = line_of(w.out)) {
      std::istringstream in(l);
      std::string tag;
      in >> tag;
      if (tag == "T") {
        long long us = 0;
        in >> us;
        run.seconds = std::max(run.seconds, us / 1e6);
        continue;
      }
      int proc, thread, force, profile;
      unsigned code;
      long long us;
      std::string role, op, name;
      in >> proc >> thread >> role >> op >> name >> force >> profile >> code >> us;
      std::string kind = op == "add" || op == "get" ? op : force ? "cancel, forced" : "cancel, plain";
      run.usec[kind].push_back(us);
      run.usec["all"].push_back(us);
      ++run.calls;
    }
    std::fclose(w.in);
    std::fclose(w.out);
    int status = 0;
    waitpid(w.pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) die("a worker failed");
  }
  return run;
}

void print_latencies(const Run& run) {
  std::printf("  %-16s %8s %10s %10s %10s\n", "call", "count", "p50 ms", "p99 ms", "max ms");
  for (auto [kind, v] : run.usec) {
    std::sort(v.begin(), v.end());
    std::printf("  %-16s %8zu %10.3f %10.3f %10.3f\n", kind.c_str(), v.size(), v[v.size() / 2] / 1e3,
                v[v.size() * 99 / 100] / 1e3, v.back() / 1e3);
  }
}

}  // namespace

int main(int argc, char** argv) {
  int rounds = argc > 1 ? std::atoi(argv[1]) : 200;
  if (rounds <= 0) die("usage: bench_storm [ROUNDS]");
  char tmpl[] = "/tmp/npemu-bench-storm-XXXXXX";
  if (!mkdtemp(tmpl)) die("mkdtemp failed");
  fs::path root = tmpl, share = root / "srv" / "public", home = root / "home";
  for (int k = 0; k < 6; ++k) fs::create_directories(share / ("d" + std::to_string(k)));
  fs::create_directories(home);
  std::ofstream(home / "npemu.toml") << "[local.shares.'\\\\files\\public']\npath = \"" << share.string() << "\"\n";
  setenv("NPEMU_HOME", home.c_str(), 1);

  // Each process: 11 device threads, 3 owners of a deviceless name, 2 reapers.
  Run many = storm(2, rounds, 11, 3, 2);
  // One thread alone doing the device rounds (three times as many, to be long enough to time).
  Run one = storm(1, rounds * 3, 1, 0, 0);

  double many_rate = many.calls / many.seconds, one_rate = one.calls / one.seconds;
  std::printf("storm: 2 processes x 16 threads, %d rounds a thread: %lld calls in %.2f s\n", rounds, many.calls,
              many.seconds);
  print_latencies(many);
  std::printf("one thread alone (device add/get/cancel, forced 3 in 4): %lld calls in %.2f s\n", one.calls, one.seconds);
  print_latencies(one);
  long long worst = many.usec["all"].empty() ? 0 : *std::max_element(many.usec["all"].begin(), many.usec["all"].end());
  std::printf("aggregate throughput: storm %.0f calls/s, one thread %.0f calls/s, ratio %.2f (goal >= 1.00)\n",
              many_rate, one_rate, many_rate / one_rate);
  std::printf("slowest call in the storm: %.1f ms (goal < 100 ms)\n", worst / 1e3);
  std::error_code ec;
  fs::remove_all(root, ec);
  return 0;
}
