// sys::RangeLocks on Windows: LockFileEx on one byte per range of a file opened by
// its UTF-16 name. Windows releases a process's locks when it ends.
#include "../core/src/sys.hpp"

#include <windows.h>

#include <boost/nowide/convert.hpp>

namespace npemu::sys {
namespace {

class FileLocks : public RangeLocks {
 public:
  explicit FileLocks(HANDLE h) : h_(h) {}
  ~FileLocks() override { CloseHandle(h_); }
  bool try_lock(unsigned slot) override {
    OVERLAPPED at{};
    at.Offset = slot;
    return LockFileEx(h_, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &at) != 0;
  }
  void unlock(unsigned slot) override {
    OVERLAPPED at{};
    at.Offset = slot;
    UnlockFileEx(h_, 0, 1, 0, &at);
  }

 private:
  HANDLE h_;
};

}  // namespace

std::unique_ptr<RangeLocks> open_range_locks(const std::string& file, std::string* error) {
  HANDLE h = CreateFileW(boost::nowide::widen(file).c_str(), GENERIC_READ | GENERIC_WRITE,
                         FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr, OPEN_ALWAYS,
                         FILE_ATTRIBUTE_NORMAL, nullptr);
  if (h == INVALID_HANDLE_VALUE) {
    *error = "cannot open " + file + ": error " + std::to_string(GetLastError());
    return nullptr;
  }
  return std::make_unique<FileLocks>(h);
}

}  // namespace npemu::sys
