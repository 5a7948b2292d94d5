// Files and print jobs on local paths, through C stdio so that the same code
// serves POSIX and Windows (Boost.Nowide's fopen: UTF-8 paths on Windows too).
#include "local_provider.hpp"

#include <boost/filesystem.hpp>
#include <boost/nowide/cstdio.hpp>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "../sys.hpp"
#include "../wn_codes.hpp"

namespace fs = boost::filesystem;

namespace npemu {
namespace {

class StdioFile : public OpenFile {
 public:
  explicit StdioFile(std::FILE* f) : f_(f) {}
  ~StdioFile() override {
    if (f_) std::fclose(f_);
  }
  Status read(void* buf, std::size_t n, std::size_t* got) override {
    *got = std::fread(buf, 1, n, f_);
    if (*got < n && std::ferror(f_)) return Status::fail(WN_DEVICE_ERROR, "read failed");
    return Status::success();
  }
  Status write(const void* buf, std::size_t n, std::size_t* put) override {
    *put = std::fwrite(buf, 1, n, f_);
    if (*put < n) return Status::fail(WN_DEVICE_ERROR, "write failed");
    return Status::success();
  }
  Status close() override {
    int rc = std::fclose(f_);
    f_ = nullptr;
    return rc == 0 ? Status::success() : Status::fail(WN_DEVICE_ERROR, "close failed");
  }

 protected:
  std::FILE* f_;
};

// A job is written as NAME.part and renamed to NAME when closed: the spool
// shows only finished jobs.
class SpoolJob : public StdioFile {
 public:
  SpoolJob(std::FILE* f, std::string part, std::string done)
      : StdioFile(f), part_(std::move(part)), done_(std::move(done)) {}
  ~SpoolJob() override {
    if (f_) {
      std::fclose(f_);
      f_ = nullptr;
      boost::system::error_code ec;
      fs::remove(part_, ec);  // an abandoned job is not printed
    }
  }
  Status close() override {
    Status st = StdioFile::close();
    boost::system::error_code ec;
    if (st.ok()) fs::rename(part_, done_, ec);
    if (ec) return Status::fail(WN_DEVICE_ERROR, "cannot submit the job: " + ec.message());
    return st;
  }

 private:
  std::string part_, done_;
};

const char* stdio_mode(unsigned mode, bool exists) {
  bool r = mode & kOpenRead, w = mode & kOpenWrite;
  if (!w) return "rb";
  if ((mode & kOpenTruncate) || !exists) return r ? "w+b" : "wb";
  return "r+b";
}

}  // namespace

Status open_local_file(const std::string& path, unsigned mode, std::unique_ptr<OpenFile>* out) {
  if (!(mode & (kOpenRead | kOpenWrite))) return Status::fail(WN_BAD_VALUE, "open mode has neither read nor write");
  boost::system::error_code ec;
  bool exists = fs::exists(path, ec);
  if (!exists && !(mode & kOpenCreate)) return Status::fail(WN_BAD_NETNAME, "no such file: " + path);
  if (exists && fs::is_directory(path, ec)) return Status::fail(WN_ACCESS_DENIED, path + " is a directory");
  errno = 0;
  std::FILE* f = boost::nowide::fopen(path.c_str(), stdio_mode(mode, exists));
  if (!f) {
    int err = errno;
    return Status::fail(wn_from_errno(err), "cannot open " + path + ": " + std::strerror(err));
  }
  *out = std::make_unique<StdioFile>(f);
  return Status::success();
}

Status open_spool_job(const std::string& spool_dir, const std::string& document,
                      std::unique_ptr<OpenFile>* out) {
  static std::atomic<unsigned> counter{0};
  std::string safe;
  for (char ch : document) safe += (std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '.') ? ch : '_';
  if (safe.empty()) safe = "job";
  std::string base = spool_dir + "/" + std::to_string(sys::self_pid()) + "-" +
                     std::to_string(counter++) + "-" + safe;
  std::FILE* f = boost::nowide::fopen((base + ".part").c_str(), "wb");
  if (!f) {
    int err = errno;
    return Status::fail(wn_from_errno(err), "cannot start a job in " + spool_dir + ": " + std::strerror(err));
  }
  *out = std::make_unique<SpoolJob>(f, base + ".part", base);
  return Status::success();
}

}  // namespace npemu
