// The `mount` provider: a device connection is a real mount at
// $NPEMU_HOME/drives/<LETTER>. Shares under [mount.shares] are bind mounts of a
// local directory; shares on [servers] are FUSE mounts served by npemu-smbfs
// (smbfs_daemon.hpp). Teardown is umount2; the mount table is read with libmount;
// holders come from the /proc scan by mount id and path, never by stat().
#pragma once
#include "../../core/src/config.hpp"
#include "../../core/src/home.hpp"
#include "../../core/src/provider.hpp"

namespace npemu::posix {

// What the provider remembers of a mount it made (Connection::handle), so that a
// mount removed or replaced behind its back is told apart from its own.
struct MountHandle {
  std::string target;  // the drive directory
  std::string fstype;
  unsigned long devno = 0;
  std::string root;
  std::uint32_t daemon_pid = 0;    // SMB: the npemu-smbfs serving it (0 for a bind)
  std::uint64_t daemon_start = 0;

  std::string encode() const;
  static std::optional<MountHandle> decode(const std::string& text);
};

class MountProvider : public Provider {
 public:
  MountProvider(const Config& config, Home home);
  std::string name() const override { return "mount"; }
  Status connect(const AddRequest& req, Connection& made) override;
  bool alive(const Connection& c) override;
  std::vector<Holder> holders(const Connection& c) override;
  Status disconnect(const Connection& c, bool force) override;
  void clear_leftover(const Device& dev) override;
  std::string local_path(const Connection& c, const std::string& rel_path) override;
  Status open(const Connection& c, const std::string& rel_path, unsigned mode,
              std::unique_ptr<OpenFile>* out) override;

 private:
  Status connect_bind(const AddRequest& req, const ShareDir& share, Connection& made);
  Status connect_smb(const AddRequest& req, const ServerEntry& server, Connection& made);
  // Is the mount at h.target still the one the handle recorded?
  static bool ours(const MountHandle& h);
  // Makes (or reuses an empty, unmounted) drive directory; *path gets its canonical path.
  Status prepare_drive_dir(const Device& dev, std::string* path, bool* created);

  std::map<std::string, ShareDir> shares_;
  Config config_;
  Home home_;
};

}  // namespace npemu::posix
