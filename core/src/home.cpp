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
  // Only a directory of npemu's own gets 0700: a symbolic link (a home kept
  // elsewhere by the user's choice) leads to a directory that is not npemu's to change.
  ec.clear();
  fs::file_status st = fs::symlink_status(dir, ec);
  if (ec) return Status::fail(WN_CANNOT_OPEN_PROFILE, "cannot read " + dir + ": " + ec.message());
  if (st.type() == fs::symlink_file) return Status::success();
  ec.clear();
  fs::permissions(dir, fs::owner_all, ec);
  if (ec) return Status::fail(WN_CANNOT_OPEN_PROFILE, "cannot protect " + dir + ": " + ec.message());
  return Status::success();
}

Status ensure_private_file(const std::string& file) {
  boost::system::error_code ec;
  fs::file_status st = fs::symlink_status(file, ec);
  if (st.type() == fs::file_not_found) {
    boost::nowide::ofstream create(file, std::ios::app);  // a UTF-8 name on Windows too
    if (!create) return Status::fail(WN_CANNOT_OPEN_PROFILE, "cannot create " + file);
    ec.clear();
    st = fs::symlink_status(file, ec);
  }
  if (ec) return Status::fail(WN_CANNOT_OPEN_PROFILE, "cannot read " + file + ": " + ec.message());
  // npemu's files are regular files it made itself. Anything else in their place (a
  // directory, a symbolic link, a device) is someone else's: refused, and never chmod'ed.
  if (st.type() == fs::directory_file)
    return Status::fail(WN_CANNOT_OPEN_PROFILE, file + " is a directory, not npemu's file");
  if (st.type() == fs::symlink_file)
    return Status::fail(WN_CANNOT_OPEN_PROFILE, file + " is a symbolic link, not npemu's file");
  if (st.type() != fs::regular_file)
    return Status::fail(WN_CANNOT_OPEN_PROFILE, file + " is not a regular file, not npemu's file");
  if (!kPosixModes) return Status::success();
  ec.clear();  // Boost 1.74's permissions() leaves an earlier error in ec
  fs::permissions(file, fs::owner_read | fs::owner_write, ec);
  if (ec) return Status::fail(WN_CANNOT_OPEN_PROFILE, "cannot protect " + file + ": " + ec.message());
  return Status::success();
}

}  // namespace npemu
