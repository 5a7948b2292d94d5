// WNetGetResourceInformationA and WNetGetResourceParentA: the W functions'
// answer (a NETRESOURCEW and its strings, and for the information the rest of
// the path in *lplpSystem) rewritten as NETRESOURCEA in the caller's buffer,
// sizes in bytes of the UTF-8 strings.
#include <npemu/winnetwk.h>

#include "../last_error.hpp"
#include "queries.hpp"
#include "wnet_ansi.hpp"

using namespace npemu;

namespace {

// The entry (and the system part, when there is one) into the caller's buffer.
Status pack_resource(const NetEntry& e, const std::optional<std::string>& system, LPVOID buf, LPDWORD size,
                     LPSTR* system_out) {
  std::size_t need = e.packed_size(Charset::utf8) + (system ? abytes(*system) : 0);
  DWORD rc = check_room(buf, size, need);
  if (rc != WN_SUCCESS) return buffer_status(rc);
  Packer packer(buf, sizeof(NETRESOURCEA));
  packer.fill(static_cast<NETRESOURCEA*>(buf), e);
  if (system_out) *system_out = system ? packer.put(*system) : nullptr;
  return Status::success();
}

}  // namespace

extern "C" {

DWORD WINAPI WNetGetResourceInformationA(LPNETRESOURCEA lpNetResource, LPVOID lpBuffer, LPDWORD lpcbBuffer,
                                         LPSTR* lplpSystem) {
  return run_entry([&] {
    ansi::Resource nr(lpNetResource);
    LPWSTR wide_system = nullptr;
    if (!lpNetResource || !lpcbBuffer || !lplpSystem)  // the W function's own NULL checks
      return ansi::from_w(WNetGetResourceInformationW(nr.get(), nullptr, lpcbBuffer, lplpSystem ? &wide_system : nullptr));
    auto w_call = [&](LPVOID buf, LPDWORD len) { return WNetGetResourceInformationW(nr.get(), buf, len, &wide_system); };
    Status st = ansi::buffer_shape(w_call, lpBuffer, *lpcbBuffer);
    std::vector<unsigned char> wide;
    if (st.ok()) st = ansi::call_for_bytes(w_call, &wide);
    if (!st.ok()) return st;
    std::optional<std::string> system;
    if (wide_system) system = ansi::narrow(wide_system);
    return pack_resource(ansi::entry_of(*reinterpret_cast<const NETRESOURCEW*>(wide.data())), system, lpBuffer,
                         lpcbBuffer, lplpSystem);
  });
}

DWORD WINAPI WNetGetResourceParentA(LPNETRESOURCEA lpNetResource, LPVOID lpBuffer, LPDWORD lpcbBuffer) {
  return run_entry([&] {
    ansi::Resource nr(lpNetResource);
    if (!lpNetResource || !lpcbBuffer) return ansi::from_w(WNetGetResourceParentW(nr.get(), nullptr, lpcbBuffer));
    auto w_call = [&](LPVOID buf, LPDWORD len) { return WNetGetResourceParentW(nr.get(), buf, len); };
    Status st = ansi::buffer_shape(w_call, lpBuffer, *lpcbBuffer);
    std::vector<unsigned char> wide;
    if (st.ok()) st = ansi::call_for_bytes(w_call, &wide);
    if (!st.ok()) return st;
    return pack_resource(ansi::entry_of(*reinterpret_cast<const NETRESOURCEW*>(wide.data())), std::nullopt, lpBuffer,
                         lpcbBuffer, nullptr);
  });
}

}  // extern "C"
