#include "provider.hpp"

namespace npemu {
namespace {
Status unsupported(const Provider& p, const char* what) {
  return Status::fail(WN_NOT_SUPPORTED, "the " + p.name() + " provider does not support " + what);
}
}  // namespace

Status Provider::open(const Connection&, const std::string&, unsigned, std::unique_ptr<OpenFile>*) {
  return unsupported(*this, "file I/O");
}
Status Provider::print(const Connection&, const std::string&, std::unique_ptr<OpenFile>*) {
  return unsupported(*this, "print jobs");
}
Status Provider::stat(const Connection&, const std::string&, FileInfo*) {
  return unsupported(*this, "stat");
}
Status Provider::list(const Connection&, const std::string&, std::vector<FileInfo>*) {
  return unsupported(*this, "listing");
}
Status Provider::browse(const std::string&, std::vector<ShareInfo>*) {
  return unsupported(*this, "browsing a server");
}

void Provider::clear_leftover(const Device&) {}

std::string Provider::local_path(const Connection&, const std::string&) { return ""; }

std::vector<std::vector<Holder>> Provider::holders_of(const std::vector<Connection>& cs) {
  std::vector<std::vector<Holder>> out;
  for (const auto& c : cs) out.push_back(holders(c));
  return out;
}

}  // namespace npemu
