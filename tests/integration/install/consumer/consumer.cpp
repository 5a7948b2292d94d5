// A C++ program on the installed headers and the static library: a deviceless
// connection, listed through npemu_list_connections and through npemu.hpp's C++
// face, then cancelled; a second cancel is npemu::error WN_NOT_CONNECTED; then
// Z: through npemu::connect / get_connection / cancel (string literals, no casts).
#include <npemu/npemu.h>
#include <npemu/npemu.hpp>

#include <cstdio>
#include <string>

int main() {
  std::wstring remote = L"\\\\files\\public";
  NETRESOURCEW nr{};
  nr.dwType = RESOURCETYPE_DISK;
  nr.lpRemoteName = remote.data();
  DWORD rc = NPAddConnection3(nullptr, &nr, nullptr, nullptr, 0);
  if (rc != WN_SUCCESS) {
    std::fprintf(stderr, "cxx_consumer: add: %s\n", npemu_error_name(rc));
    return 1;
  }
  npemu_connection* list = nullptr;
  DWORD count = 0;
  rc = npemu_list_connections(NPEMU_LIST_CONNECTED, &list, &count);
  bool found = rc == WN_SUCCESS && count == 1 && remote == list[0].remote && list[0].status == WN_SUCCESS;
  npemu_free_connections(list, count);
  if (!found) return 1;
  auto listed = npemu::list_connections();
  if (listed.size() != 1 || listed[0].remote != remote || listed[0].provider != L"local") return 1;
  if (NPCancelConnection(remote.data(), FALSE) != WN_SUCCESS) return 1;
  try {
    npemu::check(NPCancelConnection(remote.data(), FALSE));
    return 1;
  } catch (const npemu::error& e) {
    if (e.code() != WN_NOT_CONNECTED || e.detail().empty()) return 1;
  }
  try {
    npemu::connect(L"Z:", remote);
    if (npemu::get_connection(L"Z:") != remote) return 1;
    npemu::cancel(L"Z:");
  } catch (const npemu::error& e) {
    std::fprintf(stderr, "cxx_consumer: %s\n", e.what());
    return 1;
  }
  std::printf("cxx_consumer: ok (%lu listed)\n", static_cast<unsigned long>(count));
  return 0;
}
