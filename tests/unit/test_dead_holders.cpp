// A counted handle whose process is gone holds nothing: neither a zombie (exited,
// not yet reaped by its parent) nor a pid that another program has since been given
// (issue 13, item 5).
#include <doctest/doctest.h>

#include "../../core/src/sys.hpp"
#include "test_support.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <string>
#include <thread>

using namespace npemu_test;

namespace {
// The state letter of /proc/PID/stat ('R', 'S', 'Z', ...), '?' when unreadable.
char proc_state(int pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string stat;
  std::getline(in, stat);
  auto close = stat.rfind(')');
  return close == std::string::npos || close + 2 >= stat.size() ? '?' : stat[close + 2];
}

bool wait_for_state(int pid, char state) {
  for (int i = 0; i < 500; ++i) {
    if (proc_state(pid) == state) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}
}  // namespace

TEST_CASE("dead holders: a zombie is not alive to sys::start_time") {
  Child child({helper("npemu_holder"), "cwd", "/"});
  REQUIRE(child.read_line() == "ready");
  std::uint64_t start = npemu::sys::start_time(child.pid());
  CHECK(start != 0);
  CHECK(npemu::sys::process_alive(child.pid(), start));
  kill(child.pid(), SIGKILL);
  REQUIRE(wait_for_state(child.pid(), 'Z'));  // exited; its parent (this test) has not reaped it
  CHECK(npemu::sys::start_time(child.pid()) == 0);
  CHECK_FALSE(npemu::sys::process_alive(child.pid(), start));
  child.finish();
}

TEST_CASE("dead holders: a file opened through npemu_open by a process that exited unreaped does not block a cancel") {
  TempHome home;
  REQUIRE(add("Z:", "\\\\files\\public") == WN_SUCCESS);
  Child holder({helper("np_client"), "hold", "Z:\\docs\\readme.txt"});
  REQUIRE(holder.read_line() == "ready");
  CHECK(cancel("Z:", false) == WN_OPEN_FILES);  // alive, it holds the file
  kill(holder.pid(), SIGKILL);  // exits without closing: its counted handle stays in the store
  REQUIRE(wait_for_state(holder.pid(), 'Z'));
  DWORD rc = cancel("Z:", false);
  std::string why = rc == WN_SUCCESS ? "" : last_error_text();
  CHECK_MESSAGE(rc == WN_SUCCESS, why);
  CHECK(proc_state(holder.pid()) == 'Z');  // still unreaped while the cancel ran
  CHECK(get("Z:") == WN_NOT_CONNECTED);
  holder.finish();
}

TEST_CASE("dead holders: a pid given to another program since is not the holder") {
  // A pid is made to be reused by writing the last pid handed out (root in the pid
  // namespace only); elsewhere the test cannot make one cheaply and says so.
  std::ofstream probe("/proc/sys/kernel/ns_last_pid");
  if (!probe) {
    MESSAGE("skipped: /proc/sys/kernel/ns_last_pid is not writable (needs root)");
    return;
  }
  probe.close();
  TempHome home;
  REQUIRE(add("Z:", "\\\\files\\public") == WN_SUCCESS);
  Child holder({helper("np_client"), "hold", "Z:\\docs\\readme.txt"});
  REQUIRE(holder.read_line() == "ready");
  int pid = holder.pid();
  kill(pid, SIGKILL);
  holder.finish();  // reaped: the pid is free
  // Other processes of the machine may take the pid first: try a few times.
  bool reused = false;
  for (int attempt = 0; attempt < 50 && !reused; ++attempt) {
    std::ofstream(std::string("/proc/sys/kernel/ns_last_pid")) << pid - 1;
    Child other({helper("npemu_holder"), "cwd", "/"});  // another program, holding nothing of the share
    REQUIRE(other.read_line() == "ready");
    if (other.pid() != pid) continue;
    reused = true;
    CHECK(npemu::sys::start_time(pid) != 0);  // the pid is alive again, as another process
    DWORD rc = cancel("Z:", false);
    std::string why = rc == WN_SUCCESS ? "" : last_error_text();
    CHECK_MESSAGE(rc == WN_SUCCESS, why);
  }
  if (!reused) MESSAGE("skipped: pid " << pid << " was taken by another process each time");
  if (!reused) CHECK(cancel("Z:", true) == WN_SUCCESS);
}
