#include <doctest/doctest.h>

#include "../../core/src/config.hpp"
#include "test_support.hpp"

#include <fstream>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>

using namespace npemu;

namespace {
std::string load_error(const std::string& text) {
  npemu_test::TempHome home("");
  std::string file = home.root() + "/home/npemu.toml";
  std::ofstream(file) << text;
  std::string error;
  auto c = load_config(file, &error);
  CHECK(!c);
  return error.substr(error.find("npemu.toml"));
}
}  // namespace

TEST_CASE("config: no file means local alone, with no shares") {
  std::string error;
  auto c = load_config("/nonexistent/npemu.toml", &error);
  REQUIRE(c);
  CHECK(c->providers == std::vector<std::string>{"local"});
  CHECK(c->local_shares.empty());
}

TEST_CASE("config: the documented format") {
  npemu_test::TempHome home("");
  std::string file = home.root() + "/home/npemu.toml";
  std::ofstream(file) << "providers = [\"smb\", \"local\"]\n"
                         "[servers.files]\naddress = \"127.0.0.1\"\nport = 4450\n"
                         "[local.shares.\"\\\\\\\\files\\\\public\"]\npath = \"/srv/public\"\n"
                         "[local.printers.'\\\\files\\laser']\nspool = \"/var/spool/laser\"\n"
                         "[mount.shares.'\\\\files\\data']\npath = \"/srv/data\"\n"
                         "[smb]\ntimeout_ms = 2500\n";
  std::string error;
  auto c = load_config(file, &error);
  REQUIRE_MESSAGE(c, error);
  CHECK(c->providers == std::vector<std::string>{"smb", "local"});
  CHECK(c->server("FILES")->port == 4450);
  CHECK(c->local_shares.at("\\\\files\\public").path == "/srv/public");
  CHECK(c->local_printers.at("\\\\files\\laser").spool == "/var/spool/laser");
  CHECK(c->mount_shares.at("\\\\files\\data").unc == "\\\\files\\data");
  CHECK(c->smb.timeout_ms == 2500);
}

TEST_CASE("config: errors name the file and the line") {
  CHECK(load_error("providers = [\"local\"]\n\nbogus = 1\n") ==
        "npemu.toml:3: unknown key 'bogus' in the top level");
  CHECK(load_error("[local.shares.'\\\\files\\public']\npath = \"/x\"\ncolour = \"red\"\n") ==
        "npemu.toml:3: unknown key 'colour' in local.shares.\"\\\\files\\public\"");
  CHECK(load_error("providers = [\"local\", \"nfs\"]\n").find("npemu.toml:1: unknown provider 'nfs'") == 0);
  CHECK(load_error("\nproviders = []\n").find("npemu.toml:2: 'providers' names no provider") == 0);  // found by fuzz_config
  CHECK(load_error("[servers.f]\naddress = \"h\"\nport = 4.1e70\n").find("npemu.toml:3: 'port'") == 0);  // fuzz_config: a float
  CHECK(load_error("[smb]\ntimeout_ms = 1.5\n").find("npemu.toml:2: 'timeout_ms'") == 0);
  CHECK(load_error("[servers.files]\naddress = \"127.0.0.1\"\nport = 99999\n").find("npemu.toml:3:") == 0);
  CHECK(load_error("[local.shares.'files']\npath = \"/x\"\n").find("npemu.toml:1:") == 0);
  CHECK(load_error("x = [\n").find("npemu.toml:") == 0);  // a TOML syntax error
  CHECK(load_error("\n[local.shares.'\\\\f\\s']\n").find("npemu.toml:2: missing 'path'") == 0);
}

TEST_CASE("config: smb keep_conn_seconds, its default, its range and where a bad one is") {
  std::string error;
  auto none = load_config("/nonexistent/npemu.toml", &error);
  REQUIRE(none);
  CHECK(none->smb.keep_conn_seconds == 60);
  npemu_test::TempHome home("");
  std::string file = home.root() + "/home/npemu.toml";
  for (int keep : {0, 1, 86400}) {
    std::ofstream(file) << "[smb]\ntimeout_ms = 2500\nkeep_conn_seconds = " << keep << "\n";
    auto c = load_config(file, &error);
    REQUIRE_MESSAGE(c, error);
    CHECK(c->smb.keep_conn_seconds == keep);
    CHECK(c->smb.timeout_ms == 2500);
  }
  CHECK(load_error("[smb]\ntimeout_ms = 2500\nkeep_conn_seconds = -1\n") ==
        "npemu.toml:3: 'keep_conn_seconds' in [smb] must be an integer from 0 to 86400");
  CHECK(load_error("[smb]\nkeep_conn_seconds = 86401\n").find("npemu.toml:2: 'keep_conn_seconds'") == 0);
  CHECK(load_error("[smb]\n\nkeep_conn_seconds = \"60\"\n").find("npemu.toml:3: 'keep_conn_seconds'") == 0);
  CHECK(load_error("[smb]\nkeep_conn_seconds = 1.5\n").find("npemu.toml:2: 'keep_conn_seconds'") == 0);
}

TEST_CASE("config: [store] busy_timeout_ms, its default, its range and where a bad one is") {
  std::string error;
  auto none = load_config("/nonexistent/npemu.toml", &error);
  REQUIRE(none);
  CHECK(none->store.busy_timeout_ms == 10000);
  npemu_test::TempHome home("");
  std::string file = home.root() + "/home/npemu.toml";
  std::ofstream(file) << "[store]\nbusy_timeout_ms = 250\n";
  auto c = load_config(file, &error);
  REQUIRE_MESSAGE(c, error);
  CHECK(c->store.busy_timeout_ms == 250);
  CHECK(load_error("[store]\nbusy_timeout_ms = -1\n") ==
        "npemu.toml:2: 'busy_timeout_ms' in [store] must be an integer from 0 to 600000");
  CHECK(load_error("\n[store]\nbusy_timeout_ms = 1.5\n").find("npemu.toml:3: 'busy_timeout_ms'") == 0);
  CHECK(load_error("[store]\nwait = 1\n").find("npemu.toml:2: unknown key 'wait' in [store]") == 0);
  // The shared reader keeps the other keys' messages.
  CHECK(load_error("[servers.f]\naddress = \"h\"\nport = 0\n") ==
        "npemu.toml:3: 'port' in [servers.f] must be an integer from 1 to 65535");
}

TEST_CASE("config: two shares, printers or servers whose names differ only in case are an error at the second") {
  CHECK(load_error("[local.shares.'\\\\files\\Public']\npath = \"/a\"\n\n"
                   "[local.shares.'\\\\files\\public']\npath = \"/b\"\n") ==
        "npemu.toml:4: '\\\\files\\public' is the same name as '\\\\files\\Public' (names are case-insensitive)");
  CHECK(load_error("[local.printers.'\\\\files\\laser']\nspool = \"/a\"\n"
                   "[local.printers.'\\\\FILES\\laser']\nspool = \"/b\"\n")
            .find("npemu.toml:3: '\\\\FILES\\laser' is the same name as '\\\\files\\laser'") == 0);
  CHECK(load_error("[mount.shares.'\\\\f\\d']\npath = \"/a\"\n[mount.shares.'\\\\F\\D']\npath = \"/b\"\n")
            .find("npemu.toml:3: ") == 0);
  CHECK(load_error("[servers.files]\naddress = \"a\"\n[servers.Files]\naddress = \"b\"\n")
            .find("npemu.toml:3: server 'Files' is the same name as 'files'") == 0);
  // The same name under two providers is not a clash: each provider has its own shares.
  npemu_test::TempHome home("");
  std::string file = home.root() + "/home/npemu.toml";
  std::ofstream(file) << "[local.shares.'\\\\f\\s']\npath = \"/a\"\n[mount.shares.'\\\\F\\S']\npath = \"/b\"\n";
  std::string error;
  CHECK_MESSAGE(load_config(file, &error), error);
}

TEST_CASE("config: a relative path or spool is taken from the config file's directory") {
  npemu_test::TempHome home("");
  std::string file = home.root() + "/home/npemu.toml";
  std::ofstream(file) << "[local.shares.'\\\\files\\public']\npath = \"../srv/public\"\n"
                         "[local.printers.'\\\\files\\laser']\nspool = \"spool/laser\"\n"
                         "[mount.shares.'\\\\files\\data']\npath = \"./data/\"\n"
                         "[local.shares.'\\\\files\\abs']\npath = \"/srv/abs\"\n";
  std::string error;
  auto c = load_config(file, &error);
  REQUIRE_MESSAGE(c, error);
  CHECK(c->local_shares.at("\\\\files\\public").path == home.root() + "/srv/public");
  CHECK(c->local_printers.at("\\\\files\\laser").spool == home.root() + "/home/spool/laser");
  CHECK(c->mount_shares.at("\\\\files\\data").path.rfind(home.root() + "/home/data", 0) == 0);
  CHECK(c->local_shares.at("\\\\files\\abs").path == "/srv/abs");
}

TEST_CASE("config: a relative path serves the same directory whatever the process's current directory") {
  npemu_test::TempHome home("[local.shares.'\\\\files\\public']\npath = \"../srv/public\"\n");
  char* before = getcwd(nullptr, 0);
  REQUIRE(before);
  REQUIRE(chdir("/") == 0);
  npemu_reload();
  DWORD added = npemu_test::add("Z:", "\\\\files\\public");
  npemu_file_info info{};
  DWORD stat_rc = npemu_stat(L"Z:\\docs\\readme.txt", &info);
  DWORD cancelled = npemu_test::cancel("Z:", true);
  REQUIRE(chdir(before) == 0);
  std::free(before);
  CHECK_MESSAGE(added == WN_SUCCESS, npemu_test::last_error_text());
  CHECK(stat_rc == WN_SUCCESS);
  CHECK(cancelled == WN_SUCCESS);
}

TEST_CASE("config: npemu.toml that is a directory or a link to nothing is an error naming it, not an empty config") {
  npemu_test::TempHome home("");
  std::string file = home.root() + "/home/npemu.toml";
  REQUIRE(mkdir(file.c_str(), 0755) == 0);
  std::string error;
  CHECK(!load_config(file, &error));
  CHECK(error == file + ": is a directory, not a file");
  npemu_reload();
  CHECK(npemu_test::add("", "\\\\files\\public") == WN_BAD_PROFILE);
  CHECK(npemu_test::last_error_text().find(file + ": is a directory") != std::string::npos);
  REQUIRE(rmdir(file.c_str()) == 0);
  REQUIRE(symlink((home.root() + "/nowhere.toml").c_str(), file.c_str()) == 0);
  error.clear();
  CHECK(!load_config(file, &error));
  CHECK(error == file + ": is a symbolic link to nothing");
}
