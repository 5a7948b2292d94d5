// The detail of the last failure, per thread, as WNetGetLastErrorW reads it.
#pragma once
#include "status.hpp"

#include <functional>

namespace npemu {

void set_last_status(const Status& st);
const Status& last_status();

// Runs an entry point's body: records its Status for the thread and returns its
// code; an exception never crosses the C boundary.
DWORD run_entry(const std::function<Status()>& body);

}  // namespace npemu
