// The storm (issue 13): 2 real processes x 16 threads adding and cancelling on one
// $NPEMU_HOME (tests/helpers/storm.cpp), then the books are checked: every call on a
// thread's own device succeeds, per name each successful add is dropped by exactly
// one successful cancel, and at the end nothing is connected and the remembered
// profile is what the threads left. NPEMU_STORM_ROUNDS sets the rounds per thread
// (scripts/stress runs it long).
#include <doctest/doctest.h>

#include "test_support.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

using namespace npemu_test;

namespace {

constexpr int kProcs = 2, kDevices = 11, kOwners = 3, kReapers = 2;  // 16 threads a process

struct Call {
  int proc, thread;
  std::string role, op, name;
  int force, profile;
  DWORD code;
  long long usec;
  std::string arg;
  std::string line;
};

std::optional<Call> parse(const std::string& line) {
  std::istringstream in(line);
  std::string tag;
  Call c;
  if (!(in >> tag >> c.proc >> c.thread >> c.role >> c.op >> c.name >> c.force >> c.profile >> c.code >> c.usec >>
        c.arg) ||
      tag != "R")
    return std::nullopt;
  c.line = line;
  return c;
}

int rounds() {
  const char* r = std::getenv("NPEMU_STORM_ROUNDS");
  return r && std::atoi(r) > 0 ? std::atoi(r) : 25;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return std::tolower(ch); });
  return s;
}

// The first few offending calls, one a line, for the report.
struct Wrong {
  std::string what;
  int count = 0;
  std::ostringstream shown;
  void add(const Call& c, const std::string& why) {
    if (++count <= 12) shown << "  " << why << ": " << c.line << "\n";
  }
  std::string report() const { return what + ": " + std::to_string(count) + "\n" + shown.str(); }
};

}  // namespace

TEST_CASE("storm: 2 processes x 16 threads keep every promise of add and cancel") {
  TempHome home;
  for (int k = 0; k < kProcs * kOwners; ++k)
    std::filesystem::create_directories(home.share("public") + "/d" + std::to_string(k));
  int n = rounds();
  std::vector<std::unique_ptr<Child>> procs;
  for (int p = 0; p < kProcs; ++p)
    procs.push_back(std::make_unique<Child>(std::vector<std::string>{
        helper("npemu_storm"), std::to_string(kProcs), std::to_string(p), std::to_string(n),
        std::to_string(kDevices), std::to_string(kOwners), std::to_string(kReapers), std::to_string(1234 + p)}));
  for (auto& c : procs) REQUIRE(c->read_line() == "ready");
  for (auto& c : procs) c->send("go");

  std::vector<Call> calls;
  std::vector<std::string> garbled;
  for (auto& c : procs) {
    bool ended = false;
    for (std::string line = c->read_line(); !line.empty(); line = c->read_line()) {
      if (line == "end") {
        ended = true;
        break;
      }
      if (line.rfind("T ", 0) == 0) continue;  // the process's running time, for the benchmark
      if (auto call = parse(line)) calls.push_back(*call);
      else garbled.push_back(line);
    }
    CHECK_MESSAGE(ended, "a storm process ended without its closing line (crashed?)");
    c->finish();
  }
  REQUIRE_MESSAGE(garbled.empty(), "lines the storm should not print, the first: " << garbled.front());

  Wrong own{"calls on a thread's own device or name that did not do what they must"};
  Wrong codes{"cancels with a code other than WN_SUCCESS or WN_NOT_CONNECTED"};
  std::map<std::string, int> added, dropped;               // per name: successful adds and cancels
  std::map<std::string, std::string> remembered;           // the profile the device threads left
  std::map<std::pair<int, int>, std::string> last_remote;  // per device thread: the remote just added
  std::vector<long long> usec;
  for (const Call& c : calls) {
    usec.push_back(c.usec);
    std::string key = lower(c.name);
    auto thread = std::make_pair(c.proc, c.thread);
    if (c.op == "add") {
      if (c.code != WN_SUCCESS) {
        own.add(c, "add failed");
        continue;
      }
      ++added[key];
      if (c.role == "device") {
        last_remote[thread] = c.arg;
        if (c.profile) remembered[c.name] = c.arg;
      }
    } else if (c.op == "get") {
      if (c.code != WN_SUCCESS || c.arg != last_remote[thread]) own.add(c, "get right after the add");
    } else {  // cancel, cancel2
      if (c.code == WN_SUCCESS) {
        ++dropped[key];
        if (c.role == "device" && c.profile) remembered.erase(c.name);
      } else if (c.role == "device") {
        own.add(c, "cancel of its own device failed");
      } else if (c.code != WN_NOT_CONNECTED) {
        codes.add(c, "cancel");
      }
    }
  }
  // Each thread runs every round: the processes printed every call they made.
  CHECK(calls.size() >= static_cast<std::size_t>(kProcs * (kDevices * 3 + kOwners + kReapers) * n));
  CHECK_MESSAGE(own.count == 0, own.report());
  CHECK_MESSAGE(codes.count == 0, codes.report());

  Wrong books{"names whose successful adds and successful cancels differ"};
  std::map<std::string, int> names = added;
  names.insert(dropped.begin(), dropped.end());
  for (const auto& [name, _] : names)
    if (added[name] != dropped[name]) {
      ++books.count;
      books.shown << "  " << name << ": " << added[name] << " added, " << dropped[name] << " dropped\n";
    }
  CHECK_MESSAGE(books.count == 0, books.report());

  // The end: nothing connected, no drive link left, the profile exactly what the threads left.
  npemu_reload();
  npemu_connection* list = nullptr;
  DWORD count = 0;
  REQUIRE(npemu_list_connections(NPEMU_LIST_CONNECTED, &list, &count) == WN_SUCCESS);
  std::ostringstream left;
  for (DWORD i = 0; i < count; ++i) left << "  " << U(list[i].local) << " " << U(list[i].remote) << "\n";
  npemu_free_connections(list, count);
  CHECK_MESSAGE(count == 0, "still connected after the storm:\n" << left.str());
  std::error_code ec;
  int links = 0;
  for (auto it = std::filesystem::directory_iterator(home.root() + "/home/drives", ec);
       !ec && it != std::filesystem::directory_iterator(); ++it)
    ++links;
  CHECK_MESSAGE(links == 0, links << " drive links left in drives/");

  REQUIRE(npemu_list_connections(NPEMU_LIST_REMEMBERED, &list, &count) == WN_SUCCESS);
  std::map<std::string, std::string> profile;
  for (DWORD i = 0; i < count; ++i) profile[U(list[i].local)] = U(list[i].remote);
  npemu_free_connections(list, count);
  std::ostringstream diff;
  for (const auto& [dev, remote] : remembered)
    if (!profile.count(dev) || lower(profile[dev]) != lower(remote))
      diff << "  " << dev << ": the threads left " << remote << ", the profile has "
           << (profile.count(dev) ? profile[dev] : "nothing") << "\n";
  for (const auto& [dev, remote] : profile)
    if (!remembered.count(dev)) diff << "  " << dev << ": the profile has " << remote << ", the threads left nothing\n";
  CHECK_MESSAGE(diff.str().empty(), "the remembered profile differs from what the threads left:\n" << diff.str());

  std::sort(usec.begin(), usec.end());
  if (!usec.empty())
    MESSAGE("storm: " << usec.size() << " calls (" << n << " rounds a thread), latency p50 " << usec[usec.size() / 2]
                      << " us, p99 " << usec[usec.size() * 99 / 100] << " us, max " << usec.back() << " us");
}
