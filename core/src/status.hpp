// The outcome of every core operation: a WN_* code, a sentence for people,
// and, for WN_OPEN_FILES, who holds the files.
#pragma once
#include <npemu/npapi.h>

#include <cstdint>
#include <string>
#include <vector>

namespace npemu {

struct Holder {
  std::uint32_t pid = 0;
  std::string program;  // short name, as /proc/PID/comm or the exe's base name
  std::string path;     // the file, directory or mapping it holds
  std::string how = "holds";  // "holds", "has its cwd in", "has its root in", "runs", "maps"
};

struct Status {
  DWORD code = WN_SUCCESS;
  std::string detail;
  std::vector<Holder> holders;

  bool ok() const { return code == WN_SUCCESS; }
  static Status success() { return {}; }
  static Status fail(DWORD code, std::string detail) { return {code, std::move(detail), {}}; }
};

// "pid 1234 (tail) holds /srv/public/report.txt; ..." — the one way holders are told.
std::string describe_holders(const std::vector<Holder>& holders);

}  // namespace npemu
