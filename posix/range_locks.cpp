// sys::RangeLocks on POSIX: open file description locks (F_OFD_SETLK). Unlike
// classic fcntl locks they are not dropped when any other descriptor of the file
// is closed in this process, and they go with the process when it dies.
#include "../core/src/sys.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <mutex>

namespace npemu::sys {
namespace {

int open_lock_file(const std::string& file) {
  // O_NOFOLLOW: the home is private, but a link planted there is not followed.
  return open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
}

class OfdLocks : public RangeLocks {
 public:
  OfdLocks(std::string file, int fd) : file_(std::move(file)), fd_(fd) {}
  ~OfdLocks() override { close(fd_); }

  bool try_lock(unsigned slot) override {
    std::lock_guard<std::mutex> guard(mu_);
    for (int tries = 0; tries < 3; ++tries) {
      if (!set(slot, F_WRLCK)) return false;
      if (current()) return true;
      // The file was deleted or replaced since it was opened: a lock on the old one
      // excludes nobody who opened the new one. Lock the file that is there now.
      set(slot, F_UNLCK);
      int fd = open_lock_file(file_);
      if (fd < 0) return false;
      if (held_ == 0) {
        close(fd_);
        fd_ = fd;
      } else {
        close(fd);  // other slots are held on the old file: wait for them to go
        return false;
      }
    }
    return false;
  }
  void unlock(unsigned slot) override {
    std::lock_guard<std::mutex> guard(mu_);
    set(slot, F_UNLCK);
  }

 private:
  bool set(unsigned slot, short type) {
    struct flock fl {};
    fl.l_type = type;
    fl.l_whence = SEEK_SET;
    fl.l_start = static_cast<off_t>(slot);
    fl.l_len = 1;
    bool ok = fcntl(fd_, F_OFD_SETLK, &fl) == 0;
    if (ok) held_ += type == F_UNLCK ? -1 : 1;
    return ok;
  }
  bool current() const {
    struct stat mine {}, there {};
    return fstat(fd_, &mine) == 0 && mine.st_nlink > 0 && lstat(file_.c_str(), &there) == 0 &&
           mine.st_ino == there.st_ino && mine.st_dev == there.st_dev;
  }

  std::mutex mu_;  // fd_ may be replaced
  std::string file_;
  int fd_;
  int held_ = 0;  // slots locked through fd_
};

}  // namespace

std::unique_ptr<RangeLocks> open_range_locks(const std::string& file, std::string* error) {
  int fd = open_lock_file(file);
  if (fd < 0) {
    *error = "cannot open " + file + ": " + std::strerror(errno);
    return nullptr;
  }
  return std::make_unique<OfdLocks>(file, fd);
}

}  // namespace npemu::sys
