// Fuzz target: npemu.toml. Whatever the bytes, load_config either gives a config
// or an error that names the file (FILE:LINE: ... or FILE: ...); it never crashes.
#include "../../core/src/config.hpp"

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

const std::string& scratch_file() {
  static const std::string path = [] {
    char tmpl[] = "/tmp/npemu-fuzz-config-XXXXXX";
    int fd = mkstemp(tmpl);
    if (fd < 0) std::abort();
    close(fd);
    return std::string(tmpl);
  }();
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string& file = scratch_file();
  FILE* f = std::fopen(file.c_str(), "wb");
  if (!f) std::abort();
  if (size && std::fwrite(data, 1, size, f) != size) std::abort();
  std::fclose(f);
  std::string error;
  auto config = npemu::load_config(file, &error);
  if (!config) {
    if (error.compare(0, file.size() + 1, file + ":") != 0) std::abort();  // the error names the file
  } else {
    if (config->providers.empty()) std::abort();  // a config always has a provider order
  }
  return 0;
}
