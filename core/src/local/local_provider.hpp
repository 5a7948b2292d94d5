// The embedded `local` provider: shares are directories named in npemu.toml, a
// device connection is a drive link, a deviceless one a record, print jobs are
// files in a spool directory. No root, no server.
#pragma once
#include "../config.hpp"
#include "../home.hpp"
#include "../provider.hpp"

namespace npemu {

class LocalProvider : public Provider {
 public:
  LocalProvider(const Config& config, Home home);
  std::string name() const override { return "local"; }
  Status connect(const AddRequest& req, Connection& made) override;
  bool alive(const Connection& c) override;
  std::vector<Holder> holders(const Connection& c) override;
  std::vector<std::vector<Holder>> holders_of(const std::vector<Connection>& cs) override;  // one /proc pass
  std::string local_path(const Connection& c, const std::string& rel_path) override;
  Status disconnect(const Connection& c, bool force) override;
  void clear_leftover(const Device& dev) override;
  Status open(const Connection& c, const std::string& rel_path, unsigned mode,
              std::unique_ptr<OpenFile>* out) override;
  Status print(const Connection& c, const std::string& document,
               std::unique_ptr<OpenFile>* out) override;
  Status stat(const Connection& c, const std::string& rel_path, FileInfo* out) override;
  Status list(const Connection& c, const std::string& rel_path, std::vector<FileInfo>* out) override;

 private:
  Status connect_printer(const AddRequest& req, const PrinterSpool& p, Connection& made);
  Status connect_disk(const AddRequest& req, const ShareDir& s, Connection& made);

  std::map<std::string, ShareDir> shares_;
  std::map<std::string, PrinterSpool> printers_;
  Home home_;
};

// Files and jobs on local paths (shared with any backend that serves a local directory).
Status open_local_file(const std::string& path, unsigned mode, std::unique_ptr<OpenFile>* out);
Status open_spool_job(const std::string& spool_dir, const std::string& document,
                      std::unique_ptr<OpenFile>* out);

}  // namespace npemu
