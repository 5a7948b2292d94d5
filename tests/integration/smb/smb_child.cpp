// A second process holding a guest session on \\files\public and a file open on it:
//   smb_child        (NPEMU_HOME from the environment)
// prints "ready PID" once connected and holding held.txt; then per stdin line:
//   "write" → npemu_write on the handle, prints the WN code; EOF → exits.
#include <npemu/npemu.h>

#include <cstdio>
#include <iostream>
#include <string>
#include <unistd.h>

int main() {
  NETRESOURCEW nr{};
  std::wstring remote = L"\\\\files\\public";
  nr.dwType = RESOURCETYPE_DISK;
  nr.lpRemoteName = remote.data();
  DWORD rc = NPAddConnection3(nullptr, &nr, nullptr, nullptr, 0);
  npemu_file* f = nullptr;
  if (rc == WN_SUCCESS)
    rc = npemu_open(L"\\\\files\\public\\held.txt", NPEMU_OPEN_WRITE | NPEMU_OPEN_CREATE, &f);
  if (rc != WN_SUCCESS) {
    std::printf("failed %u\n", static_cast<unsigned>(rc));
    return 1;
  }
  std::printf("ready %d\n", static_cast<int>(getpid()));
  std::fflush(stdout);
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line == "write") {
      DWORD put = 0;
      std::printf("%u\n", static_cast<unsigned>(npemu_write(f, "x", 1, &put)));
      std::fflush(stdout);
    }
  }
  npemu_close(f);
  return 0;
}
