// sys::map_shared_word on Windows. Boost 1.74's Interprocess opens files by their
// narrow name, which Windows reads in the ANSI code page, so a home under a user
// name like "Zoë" could not be mapped: here the file is opened by its UTF-16 name.
#include "../core/src/sys.hpp"

#include <windows.h>

#include <boost/nowide/convert.hpp>

namespace npemu::sys {
namespace {

class MappedWord : public SharedWord {
 public:
  MappedWord(HANDLE file, HANDLE mapping, void* view) : file_(file), mapping_(mapping), view_(view) {}
  ~MappedWord() override {
    UnmapViewOfFile(view_);
    CloseHandle(mapping_);
    CloseHandle(file_);
  }
  MappedWord(const MappedWord&) = delete;
  MappedWord& operator=(const MappedWord&) = delete;
  std::uint64_t* get() override { return static_cast<std::uint64_t*>(view_); }

 private:
  HANDLE file_;
  HANDLE mapping_;
  void* view_;
};

std::string failed(const char* what, const std::string& file) {
  return std::string("cannot ") + what + " " + file + ": Windows error " + std::to_string(GetLastError());
}

}  // namespace

std::unique_ptr<SharedWord> map_shared_word(const std::string& file, std::string* error) {
  HANDLE f = CreateFileW(boost::nowide::widen(file).c_str(), GENERIC_READ | GENERIC_WRITE,
                         FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr, OPEN_ALWAYS,
                         FILE_ATTRIBUTE_NORMAL, nullptr);
  if (f == INVALID_HANDLE_VALUE) {
    *error = failed("open", file);
    return nullptr;
  }
  // A mapping larger than the file grows the file to its size (zeros): a new counter is 0.
  HANDLE m = CreateFileMappingW(f, nullptr, PAGE_READWRITE, 0, sizeof(std::uint64_t), nullptr);
  if (!m) {
    *error = failed("map", file);
    CloseHandle(f);
    return nullptr;
  }
  void* view = MapViewOfFile(m, FILE_MAP_ALL_ACCESS, 0, 0, sizeof(std::uint64_t));
  if (!view) {
    *error = failed("map", file);
    CloseHandle(m);
    CloseHandle(f);
    return nullptr;
  }
  return std::make_unique<MappedWord>(f, m, view);
}

}  // namespace npemu::sys
