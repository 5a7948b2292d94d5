#include "smb_file.hpp"

#include "smb_errors.hpp"

#include <cerrno>

namespace npemu::smb {

SmbFile::SmbFile(std::shared_ptr<Session> session, SMBCFILE* fh, std::string what)
    : session_(std::move(session)), fh_(fh), what_(std::move(what)) {}

SmbFile::~SmbFile() {
  if (fh_) close();
}

Status SmbFile::read(void* buf, std::size_t n, std::size_t* got) {
  *got = 0;
  if (!fh_) return Status::fail(WN_BAD_HANDLE, what_ + ": the file is closed");
  ssize_t r = -1;
  if (!session_->call([&](SMBCCTX* c) { r = smbc_getFunctionRead(c)(c, fh_, buf, n); }) || r < 0)
    return file_error(errno, what_);
  *got = static_cast<std::size_t>(r);
  return Status::success();
}

Status SmbFile::write(const void* buf, std::size_t n, std::size_t* put) {
  *put = 0;
  if (!fh_) return Status::fail(WN_BAD_HANDLE, what_ + ": the file is closed");
  ssize_t r = -1;
  if (!session_->call([&](SMBCCTX* c) { r = smbc_getFunctionWrite(c)(c, fh_, buf, n); }) || r < 0)
    return file_error(errno, what_);
  *put = static_cast<std::size_t>(r);
  return Status::success();
}

Status SmbFile::close() {
  if (!fh_) return Status::fail(WN_BAD_HANDLE, what_ + ": the file is closed");
  SMBCFILE* fh = fh_;
  fh_ = nullptr;
  int r = -1;
  // After a teardown the context freed the handle already: nothing to close.
  if (!session_->call([&](SMBCCTX* c) { r = smbc_getFunctionClose(c)(c, fh); }))
    return file_error(ENOTCONN, what_);
  return r == 0 ? Status::success() : file_error(errno, what_);
}

}  // namespace npemu::smb
