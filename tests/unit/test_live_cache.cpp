// Each process keeps the live table in memory while the store's version stands
// still, and follows its own changes in place (core/src/live_cache.*). These
// check that another process's changes are never hidden by that, and that
// counted handles keep blocking a plain cancel whatever was dropped before.
#include <doctest/doctest.h>

#include "test_support.hpp"

#include "../../core/src/live_cache.hpp"
#include "../../core/src/store.hpp"

#include <functional>
#include <mutex>
#include <string>

using namespace npemu_test;

namespace {

// Deviceless connections to `remote` in the live table, as this process sees it.
int deviceless_to(const std::wstring& remote) {
  npemu_connection* list = nullptr;
  DWORD n = 0;
  if (npemu_list_connections(NPEMU_LIST_CONNECTED, &list, &n) != WN_SUCCESS) return -1;
  int count = 0;
  for (DWORD i = 0; i < n; ++i)
    if (std::wstring(list[i].local).empty() && std::wstring(list[i].remote) == remote) ++count;
  npemu_free_connections(list, n);
  return count;
}

// One change of a store, made as the engine makes it: the version its transaction saw.
std::uint64_t change(npemu::Store& store, const std::function<npemu::Status()>& body) {
  std::mutex mu;
  std::unique_lock<std::mutex> lock(mu);
  bool committed = false;
  std::uint64_t version = 0;
  npemu::Status st = store.change(lock, "test", [&](npemu::Status* out) {
    *out = body();
    return out->ok();
  }, &committed, &version);
  REQUIRE(st.ok());
  REQUIRE(committed);
  return version;
}

std::string run_child(const std::vector<std::string>& argv) {
  Child c(argv);
  std::string line = c.read_line();
  c.finish();
  return line;
}

}  // namespace

TEST_CASE("the live cache: another process's connections show through this process's own changes") {
  TempHome home;
  REQUIRE(add("", "\\\\files\\public") == WN_SUCCESS);  // followed in place
  CHECK(deviceless_to(L"\\\\files\\public") == 1);
  CHECK(run_child({helper("np_client"), "add", "-", "\\\\files\\public"}) == "0");
  CHECK(deviceless_to(L"\\\\files\\public") == 2);
  CHECK(run_child({helper("np_client"), "add", "-", "\\\\files\\public"}) == "0");
  REQUIRE(add("", "\\\\files\\public") == WN_SUCCESS);  // our change comes after theirs
  CHECK(deviceless_to(L"\\\\files\\public") == 4);
  CHECK(run_child({helper("np_client"), "add", "Y:", "\\\\files\\other"}) == "0");
  CHECK(add("Y:", "\\\\files\\public") == WN_ALREADY_CONNECTED);  // their device is ours to see
  // A cancel by remote name drops every deviceless connection to it, theirs too.
  CHECK(cancel("\\\\files\\public", false) == WN_SUCCESS);
  CHECK(deviceless_to(L"\\\\files\\public") == 0);
  CHECK(run_child({helper("np_client"), "cancel", "\\\\files\\public", "0"}) == "2250");
  // And theirs here: the other process cancels what this one made.
  REQUIRE(add("Z:", "\\\\files\\public") == WN_SUCCESS);
  CHECK(run_child({helper("np_client"), "cancel", "Z:", "0"}) == "0");
  CHECK(get("Z:") == WN_NOT_CONNECTED);
  CHECK(cancel("Y:", false) == WN_SUCCESS);
}

TEST_CASE("the live cache: a counted handle blocks a plain cancel after a forced one dropped others") {
  TempHome home;
  npemu_file* f = nullptr;
  for (int round = 0; round < 3; ++round) {
    CAPTURE(round);
    REQUIRE(add("", "\\\\files\\public") == WN_SUCCESS);
    REQUIRE(npemu_open(L"\\\\files\\public\\docs\\readme.txt", NPEMU_OPEN_READ, &f) == WN_SUCCESS);
    CHECK(cancel("\\\\files\\public", false) == WN_OPEN_FILES);
    if (round == 1) {
      CHECK(npemu_close(f) == WN_SUCCESS);
      CHECK(cancel("\\\\files\\public", false) == WN_SUCCESS);
    } else {
      CHECK(cancel("\\\\files\\public", true) == WN_SUCCESS);  // drops the handle with it
      CHECK(npemu_close(f) == WN_NOT_CONNECTED);
    }
  }
  // Another process's handle, opened after this process's own last change.
  REQUIRE(add("", "\\\\files\\public") == WN_SUCCESS);
  Child holder({helper("np_client"), "hold", "\\\\files\\public\\docs\\readme.txt"});
  REQUIRE(holder.read_line() == "ready");
  CHECK(cancel("\\\\files\\public", false) == WN_OPEN_FILES);
  holder.finish();  // closes it
  CHECK(cancel("\\\\files\\public", false) == WN_SUCCESS);
}

// Two stores on one home stand for two processes (two SQLite connections), so a
// change can land between another's read and write.
TEST_CASE("the live cache: a change of another store between this one's read and write is not hidden") {
  TempHome home;
  npemu::Home h{home.root() + "/home"};
  npemu::Status st;
  auto mine = npemu::Store::open(h, 10000, &st);
  REQUIRE(mine);
  auto theirs = npemu::Store::open(h, 10000, &st);
  REQUIRE(theirs);
  auto deviceless = [](const std::string& key) {
    npemu::Connection c;
    c.remote = c.remote_key = key;
    c.provider = "local";
    return c;
  };
  npemu::LiveCache cache;
  REQUIRE(cache.refresh(*mine).ok());
  CHECK(cache.all().empty());

  npemu::Connection a = deviceless("\\\\files\\public"), b = a;
  cache.inserted(a, change(*mine, [&] { return mine->insert(a, nullptr); }));  // followed in place
  REQUIRE(cache.refresh(*mine).ok());
  CHECK(cache.deviceless(a.remote_key).size() == 1);

  change(*theirs, [&] { return theirs->insert(b, nullptr); });  // lands after our read...
  npemu::Connection c = deviceless(a.remote_key);
  cache.inserted(c, change(*mine, [&] { return mine->insert(c, nullptr); }));  // ...and before our write
  REQUIRE(cache.refresh(*mine).ok());
  CHECK(cache.deviceless(a.remote_key).size() == 3);

  // Handles: theirs counts here; dropping a connection drops its handles uncounted.
  CHECK_FALSE(cache.any_handles());
  npemu::HandleRow row{0, b.id, 1, 1, "\\\\files\\public\\x", "file"};
  change(*theirs, [&] {
    npemu::Status out;
    theirs->add_handle(row, &out);
    return out;
  });
  REQUIRE(cache.refresh(*mine).ok());
  CHECK(cache.any_handles());
  cache.removed({b.id}, change(*mine, [&] { return mine->remove({b.id}, nullptr); }));
  REQUIRE(cache.refresh(*mine).ok());
  CHECK_FALSE(cache.any_handles());
  CHECK(cache.deviceless(a.remote_key).size() == 2);

  npemu::HandleRow mine_row{0, a.id, 1, 1, "\\\\files\\public\\y", "file"};
  std::int64_t id = 0;
  cache.handles_changed(1, change(*mine, [&] {
    npemu::Status out;
    id = mine->add_handle(mine_row, &out);
    return out;
  }));
  REQUIRE(cache.refresh(*mine).ok());
  CHECK(cache.any_handles());
  std::int64_t removed = 0;
  cache.handles_changed(-1, change(*mine, [&] { return mine->remove_handles({id, id + 100}, &removed); }));
  CHECK(removed == 1);
  REQUIRE(cache.refresh(*mine).ok());
  CHECK_FALSE(cache.any_handles());
}

TEST_CASE("the live cache: past 256 connections another process's change is looked up, not reloaded, and still seen") {
  TempHome home;
  for (int i = 0; i < 300; ++i) REQUIRE(add("", "\\\\files\\other") == WN_SUCCESS);
  CHECK(run_child({helper("np_client"), "add", "-", "\\\\files\\public"}) == "0");
  CHECK(run_child({helper("np_client"), "add", "Y:", "\\\\files\\public"}) == "0");
  CHECK(add("Y:", "\\\\files\\other") == WN_ALREADY_CONNECTED);
  CHECK(cancel("Y:", false) == WN_SUCCESS);
  CHECK(run_child({helper("np_client"), "get", "Y:"}) == "2250 ");
  {
    Child holder({helper("np_client"), "hold", "\\\\files\\public\\docs\\readme.txt"});
    REQUIRE(holder.read_line() == "ready");
    CHECK(cancel("\\\\files\\public", false) == WN_OPEN_FILES);  // their handle, on their connection
    holder.finish();
  }
  CHECK(cancel("\\\\files\\public", false) == WN_SUCCESS);
  CHECK(deviceless_to(L"\\\\files\\public") == 0);
  CHECK(deviceless_to(L"\\\\files\\other") == 300);
}
