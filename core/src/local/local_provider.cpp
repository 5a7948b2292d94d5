#include "local_provider.hpp"

#include "../paths.hpp"
#include "../sys.hpp"

#include <boost/filesystem.hpp>

#include <algorithm>

namespace fs = boost::filesystem;

namespace npemu {

LocalProvider::LocalProvider(const Config& config, Home home)
    : shares_(config.local_shares), printers_(config.local_printers), home_(std::move(home)) {}

Status LocalProvider::connect(const AddRequest& req, Connection& made) {
  std::string key = req.remote.share_key();
  if (auto p = printers_.find(key); p != printers_.end()) return connect_printer(req, p->second, made);
  if (auto s = shares_.find(key); s != shares_.end()) return connect_disk(req, s->second, made);
  return Status::fail(WN_BAD_NETNAME, req.remote.share_unc() + " is not a local share or printer");
}

Status LocalProvider::connect_printer(const AddRequest& req, const PrinterSpool& p, Connection& made) {
  if (req.type == RESOURCETYPE_DISK || (req.device && req.device->kind != Device::Kind::Printer))
    return Status::fail(WN_BAD_DEV_TYPE, p.unc + " is a printer");
  if (!req.remote.path.empty())
    return Status::fail(WN_BAD_NETNAME, req.remote.unc() + ": a printer has no paths below it");
  std::string spool = canonical_dir(p.spool);
  if (spool.empty())
    return Status::fail(WN_BAD_NETNAME, "the spool directory " + p.spool + " of " + p.unc + " is missing");
  made.type = RESOURCETYPE_PRINT;
  made.handle = spool;
  return Status::success();
}

Status LocalProvider::connect_disk(const AddRequest& req, const ShareDir& s, Connection& made) {
  if (req.type == RESOURCETYPE_PRINT || (req.device && req.device->kind != Device::Kind::Drive))
    return Status::fail(WN_BAD_DEV_TYPE, s.unc + " is a disk share");
  std::string root = canonical_dir(s.path);
  if (root.empty())
    return Status::fail(WN_BAD_NETNAME, "the directory " + s.path + " of " + s.unc + " is missing");
  std::string target = root;
  if (!req.remote.path.empty()) {
    target = canonical_dir(root + "/" + req.remote.rel_path());
    if (target.empty() || !path_within(target, root))
      return Status::fail(WN_BAD_NETNAME, req.remote.unc() + " is not a directory of the share");
  }
  made.type = RESOURCETYPE_DISK;
  made.handle = target;
  if (req.device) return sys::attach_drive(home_, *req.device, target);
  return Status::success();
}

bool LocalProvider::alive(const Connection& c) {
  boost::system::error_code ec;
  if (c.local.empty() || c.type == RESOURCETYPE_PRINT) return fs::is_directory(c.handle, ec);
  auto dev = parse_device(c.local);
  auto now = dev ? sys::drive_target(home_, *dev) : std::nullopt;
  return now && *now == c.handle;
}

std::vector<Holder> LocalProvider::holders(const Connection& c) {
  return sys::holders_under({c.handle});
}

std::vector<std::vector<Holder>> LocalProvider::holders_of(const std::vector<Connection>& cs) {
  std::vector<std::string> dirs;
  for (const auto& c : cs)
    if (std::find(dirs.begin(), dirs.end(), c.handle) == dirs.end()) dirs.push_back(c.handle);
  auto all = sys::holders_under(dirs);
  std::vector<std::vector<Holder>> out(cs.size());
  for (std::size_t i = 0; i < cs.size(); ++i)
    for (const auto& h : all)
      if (path_within(h.path, cs[i].handle)) out[i].push_back(h);
  return out;
}

std::string LocalProvider::local_path(const Connection& c, const std::string& rel_path) {
  return rel_path.empty() ? c.handle : c.handle + "/" + rel_path;
}

Status LocalProvider::disconnect(const Connection& c, bool) {
  if (c.local.empty() || c.type == RESOURCETYPE_PRINT) return Status::success();
  auto dev = parse_device(c.local);
  if (!dev) return Status::fail(WN_BAD_LOCALNAME, c.local + " is not a device");
  // Only our own link is removed: one put there by someone else stays.
  if (sys::drive_target(home_, *dev) != c.handle) return Status::success();
  return sys::detach_drive(home_, *dev);
}

void LocalProvider::clear_leftover(const Device& dev) {
  if (dev.kind == Device::Kind::Drive && sys::drive_target(home_, dev)) sys::detach_drive(home_, dev);
}

Status LocalProvider::open(const Connection& c, const std::string& rel_path, unsigned mode,
                           std::unique_ptr<OpenFile>* out) {
  if (c.type == RESOURCETYPE_PRINT)
    return Status::fail(WN_BAD_DEV_TYPE, c.remote + " is a printer: use a print job");
  return open_local_file(c.handle + "/" + rel_path, mode, out);
}

Status LocalProvider::print(const Connection& c, const std::string& document,
                            std::unique_ptr<OpenFile>* out) {
  if (c.type != RESOURCETYPE_PRINT) return Status::fail(WN_BAD_DEV_TYPE, c.remote + " is not a printer");
  return open_spool_job(c.handle, document, out);
}

Status LocalProvider::stat(const Connection& c, const std::string& rel_path, FileInfo* out) {
  boost::system::error_code ec;
  fs::path p = rel_path.empty() ? fs::path(c.handle) : fs::path(c.handle) / rel_path;
  auto st = fs::status(p, ec);
  if (ec || !fs::exists(st)) return Status::fail(WN_BAD_NETNAME, "no such file: " + rel_path);
  out->name = p.filename().string();
  out->directory = fs::is_directory(st);
  out->size = out->directory ? 0 : fs::file_size(p, ec);
  out->mtime = static_cast<std::int64_t>(fs::last_write_time(p, ec));
  return Status::success();
}

Status LocalProvider::list(const Connection& c, const std::string& rel_path,
                           std::vector<FileInfo>* out) {
  boost::system::error_code ec;
  fs::path dir = rel_path.empty() ? fs::path(c.handle) : fs::path(c.handle) / rel_path;
  fs::directory_iterator it(dir, ec), end;
  if (ec) return Status::fail(WN_BAD_NETNAME, "cannot list " + rel_path + ": " + ec.message());
  for (; it != end; it.increment(ec)) {
    FileInfo info;
    Status st = stat(c, (fs::path(rel_path) / it->path().filename()).string(), &info);
    if (st.ok()) out->push_back(info);
  }
  return Status::success();
}

}  // namespace npemu
