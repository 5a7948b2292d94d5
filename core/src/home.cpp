#include "home.hpp"

#include "sys.hpp"

#include <boost/filesystem.hpp>
#include <boost/nowide/fstream.hpp>

namespace fs = boost::filesystem;

namespace npemu {
namespace {
// Windows has no mode bits (Boost maps them onto the read-only attribute, and the
// call fails while another process maps the file): there the home is private
// through the ACL that %LOCALAPPDATA% passes on to what is created under it.
#ifdef _WIN32
constexpr bool kPosixModes = false;
#else
constexpr bool kPosixModes = true;
#endif
}  // namespace

std::string resolve_home_dir() {
  if (std::string h = sys::env("NPEMU_HOME"); !h.empty()) return h;
  return sys::default_home();
}

Status ensure_private_dir(const std::string& dir) {
  boost::system::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Status::fail(WN_CANNOT_OPEN_PROFILE, "cannot create " + dir + ": " + ec.message());
  if (!kPosixModes) return Status::success();
  ec.clear();
  fs::permissions(dir, fs::owner_all, ec);
  if (ec) return Status::fail(WN_CANNOT_OPEN_PROFILE, "cannot protect " + dir + ": " + ec.message());
  return Status::success();
}

Status ensure_private_file(const std::string& file) {
  boost::system::error_code ec;
  if (!fs::exists(file, ec)) {
    boost::nowide::ofstream create(file, std::ios::app);  // a UTF-8 name on Windows too
    if (!create) return Status::fail(WN_CANNOT_OPEN_PROFILE, "cannot create " + file);
  }
  if (!kPosixModes) return Status::success();
  ec.clear();  // Boost 1.74's permissions() leaves an earlier error in ec
  fs::permissions(file, fs::owner_read | fs::owner_write, ec);
  if (ec) return Status::fail(WN_CANNOT_OPEN_PROFILE, "cannot protect " + file + ": " + ec.message());
  return Status::success();
}

}  // namespace npemu
