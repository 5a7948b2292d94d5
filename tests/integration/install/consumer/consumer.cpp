// A C++ program on the installed headers and the static library: a deviceless
// connection, listed through npemu_list_connections, then cancelled.
#include <npemu/npemu.h>

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
  if (NPCancelConnection(remote.data(), FALSE) != WN_SUCCESS) return 1;
  std::printf("cxx_consumer: ok (%lu listed)\n", static_cast<unsigned long>(count));
  return 0;
}
