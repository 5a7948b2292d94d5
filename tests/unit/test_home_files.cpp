// npemu's own files under $NPEMU_HOME: anything else in their place is an error
// naming it, and is never chmod'ed (issue 13, item 8).
#include <doctest/doctest.h>

#include "test_support.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <string>

using namespace npemu_test;

namespace {
unsigned mode_of(const std::string& path) {
  struct stat st {};
  REQUIRE(lstat(path.c_str(), &st) == 0);
  return st.st_mode & 0777;
}

// An add through the API: WN_CANNOT_OPEN_PROFILE, and the detail names `file`.
void check_refused(const std::string& file, const std::string& why) {
  npemu_reload();
  CHECK(add("", "\\\\files\\public") == WN_CANNOT_OPEN_PROFILE);
  std::string text = last_error_text();
  CHECK_MESSAGE(text.find(file + " is " + why) != std::string::npos, text);
}
}  // namespace

TEST_CASE("home files: state.db or state.locks being a directory is refused by name and keeps its mode") {
  for (const char* name : {"state.db", "state.locks"}) {
    CAPTURE(name);
    TempHome home;
    std::string file = home.root() + "/home/" + name;
    REQUIRE(mkdir(file.c_str(), 0755) == 0);
    check_refused(file, "a directory");
    CHECK(mode_of(file) == 0755);
  }
}

TEST_CASE("home files: state.db or state.locks being a symbolic link is refused, and what it leads to is untouched") {
  for (const char* name : {"state.db", "state.locks"}) {
    CAPTURE(name);
    TempHome home;
    std::string file = home.root() + "/home/" + name;
    std::string other = home.root() + "/someone-elses-file";
    std::ofstream(other) << "not npemu's\n";
    REQUIRE(chmod(other.c_str(), 0644) == 0);
    REQUIRE(symlink(other.c_str(), file.c_str()) == 0);
    check_refused(file, "a symbolic link");
    CHECK(mode_of(other) == 0644);
    std::ifstream in(other);
    std::string line;
    std::getline(in, line);
    CHECK(line == "not npemu's");
  }
}

TEST_CASE("home files: a FIFO in place of state.db is refused without opening it") {
  TempHome home;
  std::string file = home.root() + "/home/state.db";
  REQUIRE(mkfifo(file.c_str(), 0644) == 0);
  check_refused(file, "not a regular file");  // opening a FIFO with no writer would hang
  CHECK(mode_of(file) == 0644);
}

TEST_CASE("home files: a home that is a symbolic link works, and the directory it leads to keeps its mode") {
  TempHome home;
  std::string real = home.root() + "/elsewhere";
  REQUIRE(mkdir(real.c_str(), 0755) == 0);
  std::string link = home.root() + "/linked-home";
  REQUIRE(symlink(real.c_str(), link.c_str()) == 0);
  std::ifstream cfg(home.root() + "/home/npemu.toml");
  std::ofstream(real + "/npemu.toml") << cfg.rdbuf();
  setenv("NPEMU_HOME", link.c_str(), 1);
  npemu_reload();
  CHECK_MESSAGE(add("", "\\\\files\\public") == WN_SUCCESS, last_error_text());
  CHECK(cancel("\\\\files\\public", true) == WN_SUCCESS);
  CHECK(mode_of(real) == 0755);
  CHECK(mode_of(real + "/state.db") == 0600);  // npemu's own file, made by it
  setenv("NPEMU_HOME", (home.root() + "/home").c_str(), 1);
}
