// Fuzz target: the wide-string arguments of the entry points (request.cpp), as
// NPAddConnection3 and NPCancelConnection receive them. Whatever comes in, an
// accepted request holds only valid names, and no error ever repeats the password.
#include "../../core/src/names.hpp"
#include "../../core/src/request.hpp"
#include "../../core/src/wide.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

void require(bool ok) {
  if (!ok) std::abort();
}

// The input as up to five NUL-free wide strings (two bytes a character, 0 0
// between fields); a field past the end is NULL.
std::vector<std::wstring> fields(const std::uint8_t* data, std::size_t size, std::vector<bool>* present) {
  std::vector<std::wstring> out(5);
  present->assign(5, false);
  std::size_t f = 0;
  if (size) (*present)[0] = true;
  for (std::size_t i = 0; i + 1 < size && f < 5; i += 2) {
    wchar_t c = static_cast<wchar_t>(data[i] | (data[i + 1] << 8));
    if (c == 0) {
      if (++f < 5) (*present)[f] = true;
      continue;
    }
    out[f].push_back(c);
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  DWORD type = data[0] % 4, flags = data[1];
  std::vector<bool> has;
  auto f = fields(data + 2, size - 2, &has);
  auto ptr = [&](int i) { return has[i] ? f[i].data() : nullptr; };
  NETRESOURCEW nr{};
  nr.dwType = type;
  nr.lpLocalName = ptr(0);
  nr.lpRemoteName = ptr(1);
  nr.lpProvider = ptr(2);
  npemu::AddRequest req;
  std::string provider;
  npemu::Status st = npemu::read_add_request(&nr, ptr(4), ptr(3), flags, &req, &provider);
  if (st.ok()) {
    require(npemu::parse_remote(req.remote.unc()).has_value());
    if (req.device) require(npemu::parse_device(req.device->name).has_value());
    require(req.type == type && req.flags == flags);
  } else {
    require(st.code != WN_SUCCESS && !st.detail.empty());
    // The error text does not depend on the password: the same request with another
    // valid password of the same length fails with the same words.
    if (ptr(4) && st.code != WN_BAD_PASSWORD) {
      std::wstring other(f[4].size(), L'x');
      npemu::AddRequest req2;
      npemu::Status st2 = npemu::read_add_request(&nr, other.c_str(), ptr(3), flags, &req2, &provider);
      require(st2.code == st.code && st2.detail == st.detail);
    }
  }
  std::string name;
  if (npemu::read_cancel_name(ptr(0), &name).ok())
    require(npemu::parse_device(name).has_value() || npemu::parse_remote(name).has_value());
  npemu::Device dev;
  if (npemu::read_device(ptr(1), &dev).ok()) require(npemu::parse_device(dev.name)->name == dev.name);
  return 0;
}
