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

// The one file every input is written to; removed at exit (a plain array, so it is
// still there when the exit handler runs).
char g_scratch[] = "/tmp/npemu-fuzz-config-XXXXXX";

const std::string& scratch_file() {
  static const std::string path = [] {
    int fd = mkstemp(g_scratch);
    if (fd < 0) std::abort();
    close(fd);
    std::atexit([] { std::remove(g_scratch); });  // nothing left in /tmp
    return std::string(g_scratch);
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
