// One process of the storm (issue 13): threads adding and cancelling on one
// $NPEMU_HOME through the public API only, started as several real processes.
//
//   npemu_storm PROCS PROC ROUNDS DEVICES OWNERS REAPERS [SEED]
//
// PROC (0 .. PROCS-1) is this process's index. It runs DEVICES + OWNERS + REAPERS
// threads, each ROUNDS rounds:
//  - a device thread owns one drive letter (D: upwards, DEVICES letters per process)
//    and does add, NPGetConnection, cancel on it: nobody else touches the letter,
//    so each of its calls must succeed;
//  - an owner thread owns one deviceless name \\files\public\dK (OWNERS per process)
//    and adds it when it knows it is not connected, else cancels it (a reaper may
//    have dropped it first: then its cancel is WN_NOT_CONNECTED and it adds again),
//    so at most one connection to the name exists at a time;
//  - a reaper thread cancels a random owner's name, of any process.
// One cancel in four is plain (fForce FALSE), the others forced; some adds carry
// CONNECT_UPDATE_PROFILE, and device cancels vary between NPCancelConnection
// (drops the remembered entry), NPCancelConnection2(0) (keeps it) and
// NPCancelConnection2(CONNECT_UPDATE_PROFILE).
//
// Protocol: prints "ready", waits for a line on stdin ("go"), runs, then prints
// "T MICROSECONDS" (from the start of the threads to the end of the last), one line
// per call and "end":
//   R PROC THREAD ROLE OP NAME FORCE PROFILE CODE MICROSECONDS ARG
// ROLE: device|owner|reaper; OP: add|get|cancel|cancel2; PROFILE: 1 when the call
// carried CONNECT_UPDATE_PROFILE (NPCancelConnection counts as 1); ARG: the remote
// an add asked for or a get returned ("-" when none).
#include <npemu/npemu.h>

#include <boost/nowide/convert.hpp>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace {

struct Record {
  const char* op;
  std::wstring name;
  int force;
  int profile;
  DWORD code;
  long long usec;
  std::wstring arg;
};

struct Thread {
  int index = 0;
  const char* role = "";
  std::vector<Record> records;
};

struct Plan {
  int procs, proc, rounds, devices, owners, reapers;
  unsigned seed;
};

std::wstring owner_name(int k) { return L"\\\\files\\public\\d" + std::to_wstring(k); }

// Runs one call, timing it, and keeps its record.
template <class F>
DWORD timed(Thread& t, const char* op, const std::wstring& name, int force, int profile, std::wstring arg, F call) {
  auto start = std::chrono::steady_clock::now();
  DWORD code = call();
  auto us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count();
  t.records.push_back(Record{op, name, force, profile, code, us, std::move(arg)});
  return code;
}

DWORD add(Thread& t, const std::wstring& local, const std::wstring& remote, bool profile) {
  std::wstring l = local, r = remote;
  NETRESOURCEW nr{};
  nr.dwType = RESOURCETYPE_DISK;
  nr.lpLocalName = l.empty() ? nullptr : l.data();
  nr.lpRemoteName = r.data();
  DWORD flags = profile ? CONNECT_UPDATE_PROFILE : 0;
  return timed(t, "add", local.empty() ? remote : local, 0, profile, remote,
               [&] { return NPAddConnection3(nullptr, &nr, nullptr, nullptr, flags); });
}

// A cancel as the round's dice say: 1 in 4 plain; for a device, one of the three
// ways to treat the profile.
DWORD cancel(Thread& t, const std::wstring& name, std::mt19937& rng, bool device) {
  std::wstring n = name;
  BOOL force = rng() % 4 != 0;
  int how = device ? static_cast<int>(rng() % 3) : static_cast<int>(rng() % 2);
  if (how == 0)
    return timed(t, "cancel", name, force, 1, L"-", [&] { return NPCancelConnection(n.data(), force); });
  DWORD flags = how == 2 ? CONNECT_UPDATE_PROFILE : 0;
  return timed(t, "cancel2", name, force, flags ? 1 : 0, L"-",
               [&] { return NPCancelConnection2(n.data(), force, flags); });
}

void run_device(Thread& t, const Plan& p, int letter) {
  std::mt19937 rng(p.seed * 7919u + static_cast<unsigned>(p.proc * 101 + t.index));
  std::wstring dev = std::wstring(1, static_cast<wchar_t>(L'D' + letter)) + L":";
  int names = p.procs * p.owners;
  for (int round = 0; round < p.rounds; ++round) {
    // The remotes the owners use too: a cancel of that remote name must leave the device alone.
    std::wstring remote = names ? owner_name(static_cast<int>(rng() % names)) : L"\\\\files\\public";
    add(t, dev, remote, rng() % 2 == 0);
    WCHAR buf[300];
    DWORD len = 300;
    DWORD code = timed(t, "get", dev, 0, 0, L"", [&] { return NPGetConnection(dev.data(), buf, &len); });
    t.records.back().arg = code == WN_SUCCESS ? std::wstring(buf) : L"-";
    cancel(t, dev, rng, true);
  }
}

void run_owner(Thread& t, const Plan& p, int k) {
  std::mt19937 rng(p.seed * 7919u + static_cast<unsigned>(p.proc * 101 + t.index));
  std::wstring name = owner_name(k);
  bool connected = false;
  for (int round = 0; round < p.rounds; ++round) {
    if (!connected) {
      connected = add(t, L"", name, rng() % 4 == 0) == WN_SUCCESS;
    } else {
      DWORD code = cancel(t, name, rng, false);
      // Dropped by this cancel or by a reaper's before it: either way not connected now.
      if (code == WN_SUCCESS || code == WN_NOT_CONNECTED) connected = false;
    }
  }
  // Leave nothing: the last connection goes by this cancel or by a reaper's.
  for (int tries = 0; connected && tries < 100; ++tries) {
    std::wstring n = name;
    DWORD code = timed(t, "cancel", name, 1, 1, L"-", [&] { return NPCancelConnection(n.data(), TRUE); });
    if (code == WN_SUCCESS || code == WN_NOT_CONNECTED) connected = false;
  }
}

void run_reaper(Thread& t, const Plan& p) {
  std::mt19937 rng(p.seed * 7919u + static_cast<unsigned>(p.proc * 101 + t.index));
  int names = p.procs * p.owners;
  if (!names) return;
  for (int round = 0; round < p.rounds; ++round) cancel(t, owner_name(static_cast<int>(rng() % names)), rng, false);
}

std::string narrow(const std::wstring& s) { return s.empty() ? "-" : boost::nowide::narrow(s); }

}  // namespace

int main(int argc, char** argv) {
  if (argc < 7) {
    std::fprintf(stderr, "usage: npemu_storm PROCS PROC ROUNDS DEVICES OWNERS REAPERS [SEED]\n");
    return 2;
  }
  Plan p{std::atoi(argv[1]), std::atoi(argv[2]), std::atoi(argv[3]), std::atoi(argv[4]),
         std::atoi(argv[5]), std::atoi(argv[6]), argc > 7 ? static_cast<unsigned>(std::atoll(argv[7])) : 1u};
  if (p.procs < 1 || p.proc < 0 || p.proc >= p.procs || p.rounds < 0 || p.devices < 0 || p.owners < 0 ||
      p.reapers < 0 || p.procs * p.devices > 23) {  // D: to Z:
    std::fprintf(stderr, "npemu_storm: bad arguments (at most 23 devices over all processes)\n");
    return 2;
  }
  // Open the store before the start, so the first timed call is not the opening.
  {
    WCHAR buf[300];
    DWORD len = 300;
    WCHAR probe[] = L"Z:";
    NPGetConnection(probe, buf, &len);
  }
  std::puts("ready");
  std::fflush(stdout);
  char line[16];
  if (!std::fgets(line, sizeof line, stdin)) return 3;

  int n = p.devices + p.owners + p.reapers;
  auto start = std::chrono::steady_clock::now();
  std::vector<Thread> threads(static_cast<std::size_t>(n));
  std::vector<std::thread> running;
  for (int i = 0; i < n; ++i) {
    Thread& t = threads[static_cast<std::size_t>(i)];
    t.index = i;
    if (i < p.devices) {
      t.role = "device";
      running.emplace_back(run_device, std::ref(t), std::cref(p), p.proc * p.devices + i);
    } else if (i < p.devices + p.owners) {
      t.role = "owner";
      running.emplace_back(run_owner, std::ref(t), std::cref(p), p.proc * p.owners + (i - p.devices));
    } else {
      t.role = "reaper";
      running.emplace_back(run_reaper, std::ref(t), std::cref(p));
    }
  }
  for (auto& r : running) r.join();
  auto elapsed = std::chrono::steady_clock::now() - start;
  std::printf("T %lld\n",
              static_cast<long long>(std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count()));
  for (const Thread& t : threads)
    for (const Record& r : t.records)
      std::printf("R %d %d %s %s %s %d %d %u %lld %s\n", p.proc, t.index, t.role, r.op, narrow(r.name).c_str(), r.force,
                  r.profile, static_cast<unsigned>(r.code), r.usec, narrow(r.arg).c_str());
  std::puts("end");
  return 0;
}
