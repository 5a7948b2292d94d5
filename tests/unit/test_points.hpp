// What the tests of crashes and races share: the test points of a child process
// (core/src/test_point.hpp; np_client --point=NAME[:pause] --point-dir=DIR) and a
// home's drive links.
#pragma once
#include "test_support.hpp"

#include <chrono>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace npemu_test {

inline std::string drive_link(const TempHome& home, const std::string& letter) {
  return home.root() + "/home/drives/" + letter;
}

// Waits (10 s at most) for a child paused at a test point: its DIR/<point>.paused file.
inline bool wait_paused(const std::string& dir, const std::string& point) {
  for (int i = 0; i < 10000; ++i) {
    if (exists(dir + "/" + point + ".paused")) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return false;
}
// Lets the paused child go on.
inline void resume(const std::string& dir, const std::string& point) { std::ofstream(dir + "/" + point + ".go"); }

// The first line a child prints, once it has ended.
inline std::string first_line_of(const std::vector<std::string>& argv) {
  Child c(argv);
  std::string line = c.read_line();
  c.wait();
  return line;
}

}  // namespace npemu_test
