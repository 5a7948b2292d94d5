// $NPEMU_HOME: where the config, the state store and the drive links live.
#pragma once
#include "status.hpp"

#include <string>

namespace npemu {

struct Home {
  std::string root;
  std::string config_file() const { return root + "/npemu.toml"; }
  std::string db_file() const { return root + "/state.db"; }
  std::string locks_file() const { return root + "/state.locks"; }  // DeviceLocks
  std::string drives_dir() const { return root + "/drives"; }
  std::string drive_path(const std::string& bare_device) const {
    return drives_dir() + "/" + bare_device;
  }
};

// NPEMU_HOME, else the platform's default (XDG state dir / %LOCALAPPDATA%).
std::string resolve_home_dir();
// Creates dir (and parents) and makes dir itself private (0700), unless dir is a
// symbolic link (then what it leads to is left as it is).
// Errors: WN_CANNOT_OPEN_PROFILE naming dir.
Status ensure_private_dir(const std::string& dir);
// Creates an empty file readable by the owner alone (0600) if it is missing, and
// makes an existing one 0600. A directory, a symbolic link or anything else but a
// regular file in its place is WN_CANNOT_OPEN_PROFILE naming the file, left untouched.
Status ensure_private_file(const std::string& file);

}  // namespace npemu
