// Every WN_* code's name and meaning, and the errno mapping: in one place.
#pragma once
#include <npemu/npapi.h>

namespace npemu {

const char* wn_name(DWORD code);     // "WN_OPEN_FILES"
const char* wn_meaning(DWORD code);  // "files or jobs are open on the connection"
// errno from a system call on a connection → the WN_* code Windows gives for it.
DWORD wn_from_errno(int err);

}  // namespace npemu
