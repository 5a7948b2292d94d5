// The `smb` provider: a deviceless connection (or an LPTn: redirection to a print
// share) to a share on a [servers] entry is a libsmbclient session in the process
// that made it. Files and print jobs go through that session.
#pragma once
#include "../../core/src/config.hpp"
#include "../../core/src/provider.hpp"

#include <memory>

namespace npemu::smb {

class Session;
struct Credentials;

class SmbProvider : public Provider {
 public:
  explicit SmbProvider(const Config& config);
  std::string name() const override { return "smb"; }
  Status connect(const AddRequest& req, Connection& made) override;
  bool alive(const Connection& c) override;
  std::vector<Holder> holders(const Connection& c) override;
  Status disconnect(const Connection& c, bool force) override;
  Status open(const Connection& c, const std::string& rel_path, unsigned mode,
              std::unique_ptr<OpenFile>* out) override;
  Status print(const Connection& c, const std::string& document,
               std::unique_ptr<OpenFile>* out) override;
  Status stat(const Connection& c, const std::string& rel_path, FileInfo* out) override;
  Status list(const Connection& c, const std::string& rel_path, std::vector<FileInfo>* out) override;
  // The disk and print shares the server offers, asked anonymously (guest) of the
  // server itself, bounded by [smb] timeout_ms. IPC$ and hidden `$` shares are left out.
  Status browse(const std::string& server, std::vector<ShareInfo>* out) override;

 private:
  // The session of c if this process owns it, else why not.
  Status session_of(const Connection& c, std::shared_ptr<Session>* out);
  std::string rel_of(const Connection& c, const std::string& rel) const;
  Status fresh_session(const ServerEntry& server, const Credentials& creds, std::shared_ptr<Session>* out);
  Status check_share(const AddRequest& req, const ServerEntry& server, const std::shared_ptr<Session>& session);
  Status connect_disk(const AddRequest& req, const ServerEntry& server, const Credentials& creds,
                      std::shared_ptr<Session>* out);
  Status connect_failed(int err, const AddRequest& req, const ServerEntry& server, Session& session);
  Status connect_printer(const AddRequest& req, const ServerEntry& server, const Credentials& creds,
                         std::shared_ptr<Session>* out);

  std::map<std::string, ServerEntry> servers_;
  int timeout_ms_;
  int keep_conn_seconds_;  // 0: every polite cancel logs off
};

}  // namespace npemu::smb
