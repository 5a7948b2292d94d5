// sys::map_shared_word on POSIX: Boost.Interprocess maps the file (paths are bytes
// here, so the UTF-8 path is used as it is).
#include "../core/src/sys.hpp"

#include <boost/filesystem.hpp>
#include <boost/interprocess/exceptions.hpp>
#include <boost/interprocess/file_mapping.hpp>
#include <boost/interprocess/mapped_region.hpp>

namespace npemu::sys {
namespace {

namespace bip = boost::interprocess;

class MappedWord : public SharedWord {
 public:
  explicit MappedWord(const std::string& file)
      : file_(file.c_str(), bip::read_write), region_(file_, bip::read_write, 0, sizeof(std::uint64_t)) {}
  std::uint64_t* get() override { return static_cast<std::uint64_t*>(region_.get_address()); }

 private:
  bip::file_mapping file_;
  bip::mapped_region region_;
};

}  // namespace

std::unique_ptr<SharedWord> map_shared_word(const std::string& file, std::string* error) {
  boost::system::error_code ec;
  if (boost::filesystem::file_size(file, ec) < sizeof(std::uint64_t)) {
    boost::filesystem::resize_file(file, sizeof(std::uint64_t), ec);
    if (ec) {
      *error = "cannot size " + file + ": " + ec.message();
      return nullptr;
    }
  }
  try {
    return std::make_unique<MappedWord>(file);
  } catch (const bip::interprocess_exception& e) {
    *error = "cannot map " + file + ": " + e.what();
    return nullptr;
  }
}

}  // namespace npemu::sys
