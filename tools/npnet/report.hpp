// How npnet tells the outcome: one line per failure naming the WN_* code, its
// number, its meaning, the library's detail, and a hint; and the exit codes.
#pragma once
#include <npemu/npemu.h>

#include <string>

namespace npnet {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;  // the API refused or failed
constexpr int kExitUsage = 2;   // the command line is wrong

// name: what the command was about ("Z:", "\\files\public"), for the hint.
// Reads the detail with npemu_last_error on this thread; prints to stderr.
int report_failure(DWORD code, const std::string& name);
// The same with a detail read earlier (another API call came in between).
int report_failure(DWORD code, const std::string& detail, const std::string& name);
// The one line, without printing it (for tests and restore's per-entry lines).
std::string failure_line(DWORD code, const std::string& detail, const std::string& name);
// This thread's last detail when its code is `expected`, else "".
std::string last_detail(DWORD expected);
// The configuration file npemu reads (npemu_config_file); "" when there is no home.
std::string config_file(bool* exists = nullptr);
// "npnet: no configuration: PATH does not exist ..." on stderr when it is missing.
void warn_if_no_config();

}  // namespace npnet
