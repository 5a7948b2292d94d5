// The outcome of every core operation: a WN_* code, a sentence for people,
// and, for WN_OPEN_FILES, who holds the files.
#pragma once
#include <npemu/npapi.h>

#include <cstdint>
#include <exception>
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

// A Status thrown where a call has nothing else to say it with (a list that could
// not be read: Engine::connections()); run_entry turns it back into the entry
// point's answer.
struct StatusError : std::exception {
  explicit StatusError(Status s) : status(std::move(s)) {}
  const char* what() const noexcept override { return "npemu status"; }
  Status status;
};

// "pid 1234 (tail) holds /srv/public/report.txt; ..." — the one way holders are told.
std::string describe_holders(const std::vector<Holder>& holders);

}  // namespace npemu
