// Dormant sessions ([smb] keep_conn_seconds, Windows' KeepConn): a politely
// cancelled disk session keeps its TCP connection to smbd, and the next connect
// with the same login and share reuses it. Checked on the process's own sockets
// to the server's port (fd + inode, from /proc/self/fd).
#include "smb_env.hpp"

#include "../../../posix/smb/smb_dormant.hpp"
#include "../../../posix/smb/smb_sockets.hpp"

#include <doctest/doctest.h>

#include <signal.h>
#include <unistd.h>

#include <cstdint>
#include <set>

using namespace smbtest;
using npemu::smb::dormant_count;
using npemu::smb::end_dormant_sessions;

namespace {

using Sockets = std::set<std::uint64_t>;  // socket inodes

Sockets sockets_to(int port) {
  Sockets out;
  for (const auto& s : npemu::smb::sockets_to_port(port)) out.insert(s.inode);
  return out;
}

// The sockets to `port` opened since `before`.
Sockets new_since(const Sockets& before, int port) {
  Sockets out;
  for (auto ino : sockets_to(port))
    if (!before.count(ino)) out.insert(ino);
  return out;
}

std::string private_dir(const char* what) {
  return fixture_server().dir + "-" + what + "-" + std::to_string(getpid());
}

}  // namespace

TEST_CASE("dormant: a polite cancel keeps the session and the next connect reuses its TCP connection") {
  Server s = fixture_server();
  end_dormant_sessions();  // earlier cases' dormant sessions would be reused too
  Home h(s);
  Sockets before = sockets_to(s.port);
  REQUIRE(add("", "\\\\files\\public", nullptr, nullptr) == WN_SUCCESS);
  Sockets mine = new_since(before, s.port);
  REQUIRE(mine.size() == 1);
  CHECK(cancel("\\\\files\\public", false) == WN_SUCCESS);
  CHECK(dormant_count() == 1);
  CHECK(new_since(before, s.port) == mine);  // still connected, dormant
  CHECK(cancel("\\\\files\\public", false) == WN_NOT_CONNECTED);  // but no connection any more

  REQUIRE(add("", "\\\\FILES\\Public", nullptr, nullptr) == WN_SUCCESS);
  CHECK(dormant_count() == 0);                 // taken out: one connection per session
  CHECK(new_since(before, s.port) == mine);    // the same socket: no new TCP connection
  npemu_file* f = nullptr;                     // and it does I/O as a new one would
  REQUIRE(npemu_open(L"\\\\files\\public\\dormant.txt", NPEMU_OPEN_WRITE | NPEMU_OPEN_CREATE | NPEMU_OPEN_TRUNCATE,
                     &f) == WN_SUCCESS);
  DWORD put = 0;
  CHECK(npemu_write(f, "again", 5, &put) == WN_SUCCESS);
  CHECK(npemu_close(f) == WN_SUCCESS);
  CHECK(slurp(s.dir + "/shares/public/dormant.txt") == "again");
  CHECK(cancel("\\\\files\\public", false) == WN_SUCCESS);
  end_dormant_sessions();
  CHECK(new_since(before, s.port).empty());  // logged off: the connection is gone
}

TEST_CASE("dormant: keep_conn_seconds = 0 logs off at every polite cancel and never reuses, even a session parked before") {
  Server s = fixture_server();
  end_dormant_sessions();
  {
    Home on(s);  // the default: this one is parked
    REQUIRE(add("", "\\\\files\\public", nullptr, nullptr) == WN_SUCCESS);
    CHECK(cancel("\\\\files\\public", false) == WN_SUCCESS);
    REQUIRE(dormant_count() == 1);
  }
  Home off(s, 3000, 0);
  Sockets before = sockets_to(s.port);  // with the dormant one
  REQUIRE(add("", "\\\\files\\public", nullptr, nullptr) == WN_SUCCESS);
  Sockets first = new_since(before, s.port);
  CHECK(first.size() == 1);  // a new connection, not the dormant one
  CHECK(dormant_count() == 1);
  CHECK(cancel("\\\\files\\public", false) == WN_SUCCESS);
  CHECK(dormant_count() == 1);  // not parked
  CHECK(new_since(before, s.port).empty());
  REQUIRE(add("", "\\\\files\\public", nullptr, nullptr) == WN_SUCCESS);
  Sockets second = new_since(before, s.port);
  CHECK(second.size() == 1);
  CHECK(second != first);
  CHECK(cancel("\\\\files\\public", false) == WN_SUCCESS);
  CHECK(new_since(before, s.port).empty());
  end_dormant_sessions();
}

TEST_CASE("dormant: a session is reused only with the same password, a wrong one is WN_BAD_PASSWORD") {
  Server s = fixture_server();
  end_dormant_sessions();
  Home h(s);
  Sockets before = sockets_to(s.port);
  REQUIRE(add("", "\\\\files\\secure", "npemu", kPassword) == WN_SUCCESS);
  Sockets mine = new_since(before, s.port);
  REQUIRE(mine.size() == 1);
  CHECK(cancel("\\\\files\\secure", false) == WN_SUCCESS);
  REQUIRE(dormant_count() == 1);
  std::string pw = kPassword;
  for (const std::string& wrong : {std::string("not-the-password"), pw.substr(0, pw.size() - 1), pw + "x"}) {
    CAPTURE(wrong);
    CHECK(add("", "\\\\files\\secure", "npemu", wrong.c_str()) == WN_BAD_PASSWORD);
    CHECK(dormant_count() == 1);  // the dormant session was neither used nor ended
  }
  CHECK(add("", "\\\\files\\secure", nullptr, nullptr) == WN_ACCESS_DENIED);  // no user: a guest, not the dormant login
  CHECK(cancel("\\\\files\\secure", true) == WN_NOT_CONNECTED);               // none of those connected
  CHECK(new_since(before, s.port) == mine);  // the refused attempts left no connection behind
  REQUIRE(add("", "\\\\files\\secure", "npemu", kPassword) == WN_SUCCESS);
  CHECK(dormant_count() == 0);
  CHECK(new_since(before, s.port) == mine);  // the right password: the dormant one
  CHECK(cancel("\\\\files\\secure", false) == WN_SUCCESS);
  end_dormant_sessions();
}

TEST_CASE("dormant: a forced cancel never parks, and leaves no socket to the server") {
  Server s = fixture_server();
  end_dormant_sessions();
  Home h(s);
  Sockets before = sockets_to(s.port);
  REQUIRE(add("", "\\\\files\\public", nullptr, nullptr) == WN_SUCCESS);
  CHECK(cancel("\\\\files\\public", false) == WN_SUCCESS);
  CHECK(new_since(before, s.port).size() == 1);  // dormant
  REQUIRE(add("", "\\\\files\\public", nullptr, nullptr) == WN_SUCCESS);  // reused
  CHECK(cancel("\\\\files\\public", true) == WN_SUCCESS);
  CHECK(dormant_count() == 0);
  CHECK(new_since(before, s.port).empty());
}

TEST_CASE("dormant: printer redirections are never parked, disk connections beside them are") {
  Server s = fixture_server();
  end_dormant_sessions();
  Home h(s);
  Sockets before = sockets_to(s.port);
  REQUIRE(add("LPT1:", "\\\\files\\laser", nullptr, nullptr, RESOURCETYPE_PRINT) == WN_SUCCESS);
  Sockets printer = new_since(before, s.port);
  CHECK(printer.size() == 1);
  REQUIRE(add("", "\\\\files\\public", nullptr, nullptr) == WN_SUCCESS);
  Sockets disk = new_since(before, s.port);
  for (auto ino : printer) disk.erase(ino);
  CHECK(disk.size() == 1);
  CHECK(cancel("LPT1:", false) == WN_SUCCESS);
  CHECK(cancel("\\\\files\\public", false) == WN_SUCCESS);
  CHECK(dormant_count() == 1);               // the disk session only
  CHECK(new_since(before, s.port) == disk);  // the printer's connection is gone
  end_dormant_sessions();
}

TEST_CASE("dormant: a session parked before smbd restarted is not an error, the connect gets a fresh one") {
  PrivateServer priv(private_dir("restart"));
  Server& s = priv.s;
  end_dormant_sessions();
  Home h(s);
  Sockets before = sockets_to(s.port);
  REQUIRE(add("", "\\\\files\\secure", "npemu", kPassword) == WN_SUCCESS);
  Sockets old = new_since(before, s.port);
  REQUIRE(old.size() == 1);
  CHECK(cancel("\\\\files\\secure", false) == WN_SUCCESS);
  REQUIRE(dormant_count() == 1);
  s = restart_server(s);  // the dormant session's connection is dead now
  CHECK(add("", "\\\\files\\secure", "npemu", kPassword) == WN_SUCCESS);
  Sockets now = new_since(before, s.port);
  CHECK(now.size() == 1);
  CHECK(now != old);  // the stale connection was dropped, a new one made
  npemu_file_info info{};
  CHECK(npemu_stat(L"\\\\files\\secure", &info) == WN_SUCCESS);
  CHECK(cancel("\\\\files\\secure", true) == WN_SUCCESS);
  CHECK(new_since(before, s.port).empty());
}

TEST_CASE("dormant: past keep_conn_seconds the session is logged off without any further call") {
  Server s = fixture_server();
  end_dormant_sessions();
  Home h(s, 3000, 1);
  Sockets before = sockets_to(s.port);
  REQUIRE(add("", "\\\\files\\public", nullptr, nullptr) == WN_SUCCESS);
  CHECK(cancel("\\\\files\\public", false) == WN_SUCCESS);
  CHECK(dormant_count() == 1);
  CHECK(new_since(before, s.port).size() == 1);
  // The reaper ends it about 1 s later; dormant_count() itself expires nothing.
  double t0 = now_s();
  while ((dormant_count() != 0 || !new_since(before, s.port).empty()) && now_s() - t0 < 10) usleep(50 * 1000);
  CHECK(dormant_count() == 0);
  CHECK(new_since(before, s.port).empty());
}

TEST_CASE("dormant: a session parked on a server that then froze fails the connect with WN_NO_NETWORK, bounded") {
  PrivateServer priv(private_dir("frozen"));
  Server& s = priv.s;
  end_dormant_sessions();
  Home h(s, 1000);
  REQUIRE(add("", "\\\\files\\public", nullptr, nullptr) == WN_SUCCESS);
  CHECK(cancel("\\\\files\\public", false) == WN_SUCCESS);
  REQUIRE(dormant_count() == 1);
  kill(-s.pid, SIGSTOP);  // PrivateServer's stop sends SIGCONT first
  double t0 = now_s();
  CHECK(add("", "\\\\files\\public", nullptr, nullptr) == WN_NO_NETWORK);
  CHECK(now_s() - t0 < 4.0);  // the dormant session's try and a fresh one's: twice timeout_ms at most
  CHECK(dormant_count() == 0);
  CHECK(cancel("\\\\files\\public", true) == WN_NOT_CONNECTED);
}

TEST_CASE("dormant: a process keeps at most 16 dormant sessions, the oldest is logged off") {
  Server s = fixture_server();
  end_dormant_sessions();
  Home h(s);
  Sockets before = sockets_to(s.port);
  for (int i = 0; i < 17; ++i) REQUIRE(add("", "\\\\files\\public", nullptr, nullptr) == WN_SUCCESS);
  CHECK(new_since(before, s.port).size() == 17);  // one session each
  CHECK(cancel("\\\\files\\public", false) == WN_SUCCESS);  // all 17 at once
  CHECK(dormant_count() == 16);
  CHECK(new_since(before, s.port).size() == 16);
  end_dormant_sessions();
  CHECK(new_since(before, s.port).empty());
}
