#include "last_error.hpp"

#include <new>
#include <stdexcept>

namespace npemu {
namespace {
thread_local Status t_last;
}

void set_last_status(const Status& st) { t_last = st; }
const Status& last_status() { return t_last; }

DWORD run_entry(const std::function<Status()>& body) {
  Status st;
  try {
    st = body();
  } catch (const StatusError& e) {
    st = e.status;
  } catch (const std::bad_alloc&) {
    st = Status::fail(WN_OUT_OF_MEMORY, "out of memory");
  } catch (const std::exception& e) {
    st = Status::fail(WN_DEVICE_ERROR, std::string("internal error: ") + e.what());
  } catch (...) {
    st = Status::fail(WN_DEVICE_ERROR, "internal error");
  }
  try {
    set_last_status(st);
  } catch (...) {
  }
  return st.code;
}

}  // namespace npemu
