#include "test_point.hpp"

#ifdef NPEMU_TEST_POINTS
#include "sys.hpp"

#include <boost/filesystem.hpp>
#include <boost/nowide/fstream.hpp>

#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>

namespace npemu {

void test_point(const char* name) {
  static const std::string wanted = sys::env("NPEMU_TEST_POINT");
  if (wanted.empty() || wanted.compare(0, wanted.find(':'), name) != 0) return;
  bool pause = wanted.size() > wanted.find(':') && wanted.substr(wanted.find(':') + 1) == "pause";
  if (!pause) std::_Exit(86);  // no destructors, no atexit: as a kill would leave it
  std::string dir = sys::env("NPEMU_TEST_POINT_DIR");
  { boost::nowide::ofstream(dir + "/" + name + ".paused"); }
  boost::system::error_code ec;
  for (int i = 0; i < 60000 && !boost::filesystem::exists(dir + "/" + name + ".go", ec); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

}  // namespace npemu
#endif
