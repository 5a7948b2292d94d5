// A second process using the same store through the public API only:
//   np_client add DEVICE|- REMOTE [remember]   → prints the WN code
//   np_client cancel NAME force(0|1)
//   np_client cancel-keep NAME                 NPCancelConnection2 without CONNECT_UPDATE_PROFILE:
//                                                a remembered device stays remembered ("Unavailable")
//   np_client get DEVICE                       → prints the code and the remote name
//   np_client hold PATH                        → opens PATH through npemu_open, prints
//                                                "ready", holds it until stdin closes
#include <npemu/npemu.h>

#include <boost/nowide/convert.hpp>

#include <cstdio>
#include <cstring>
#include <string>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc < 3) return 2;
  std::string cmd = argv[1];
  std::wstring a = boost::nowide::widen(argv[2]);
  if (cmd == "add" && argc >= 4) {
    std::wstring remote = boost::nowide::widen(argv[3]);
    NETRESOURCEW nr{};
    nr.dwType = RESOURCETYPE_DISK;
    nr.lpLocalName = a == L"-" ? nullptr : a.data();
    nr.lpRemoteName = remote.data();
    DWORD flags = argc >= 5 ? CONNECT_UPDATE_PROFILE : 0;
    std::printf("%u\n", static_cast<unsigned>(NPAddConnection3(nullptr, &nr, nullptr, nullptr, flags)));
  } else if (cmd == "cancel" && argc >= 4) {
    std::printf("%u\n", static_cast<unsigned>(NPCancelConnection(a.data(), std::atoi(argv[3]))));
  } else if (cmd == "cancel-keep") {
    std::printf("%u\n", static_cast<unsigned>(NPCancelConnection2(a.data(), FALSE, 0)));
  } else if (cmd == "get") {
    WCHAR buf[300];
    DWORD len = 300;
    DWORD rc = NPGetConnection(a.data(), buf, &len);
    std::printf("%u %s\n", static_cast<unsigned>(rc), rc == 0 ? boost::nowide::narrow(buf).c_str() : "");
  } else if (cmd == "hold") {
    npemu_file* f = nullptr;
    DWORD rc = npemu_open(a.c_str(), NPEMU_OPEN_READ, &f);
    if (rc != 0) return std::printf("open failed %u\n", static_cast<unsigned>(rc)), 1;
    std::puts("ready");
    std::fflush(stdout);
    char buf[64];
    while (read(0, buf, sizeof buf) > 0) {
    }
    npemu_close(f);
  } else {
    return 2;
  }
  return 0;
}
