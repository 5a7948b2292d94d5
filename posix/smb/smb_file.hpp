// A file or print job opened through a session. It keeps the session alive
// (shared_ptr) and fails cleanly once the session has been torn down.
#pragma once
#include "../../core/src/provider.hpp"
#include "smb_session.hpp"

#include <memory>

namespace npemu::smb {

class SmbFile : public OpenFile {
 public:
  SmbFile(std::shared_ptr<Session> session, SMBCFILE* fh, std::string what);
  ~SmbFile() override;
  Status read(void* buf, std::size_t n, std::size_t* got) override;
  Status write(const void* buf, std::size_t n, std::size_t* put) override;
  Status close() override;

 private:
  std::shared_ptr<Session> session_;
  SMBCFILE* fh_;
  std::string what_;
};

}  // namespace npemu::smb
