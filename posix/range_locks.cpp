// sys::RangeLocks on POSIX: open file description locks (F_OFD_SETLK). Unlike
// classic fcntl locks they are not dropped when any other descriptor of the file
// is closed in this process, and they go with the process when it dies.
#include "../core/src/sys.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace npemu::sys {
namespace {

class OfdLocks : public RangeLocks {
 public:
  explicit OfdLocks(int fd) : fd_(fd) {}
  ~OfdLocks() override { close(fd_); }
  bool try_lock(unsigned slot) override { return set(slot, F_WRLCK); }
  void unlock(unsigned slot) override { set(slot, F_UNLCK); }

 private:
  bool set(unsigned slot, short type) {
    struct flock fl {};
    fl.l_type = type;
    fl.l_whence = SEEK_SET;
    fl.l_start = static_cast<off_t>(slot);
    fl.l_len = 1;
    return fcntl(fd_, F_OFD_SETLK, &fl) == 0;
  }
  int fd_;
};

}  // namespace

std::unique_ptr<RangeLocks> open_range_locks(const std::string& file, std::string* error) {
  // O_NOFOLLOW: the home is private, but a link planted there is not followed.
  int fd = open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) {
    *error = "cannot open " + file + ": " + std::strerror(errno);
    return nullptr;
  }
  return std::make_unique<OfdLocks>(fd);
}

}  // namespace npemu::sys
