// A second process using the same store through the public API only:
//   np_client add DEVICE|- REMOTE [remember]   → prints the WN code
//   np_client cancel NAME force(0|1) [forget]   (forget: NPCancelConnection2 with CONNECT_UPDATE_PROFILE)
//   np_client get DEVICE                       → prints the code and the remote name
//   np_client hold PATH                        → opens PATH through npemu_open, prints
//                                                "ready", holds it until stdin closes
// Leading options, for the test points (core/src/test_point.hpp; set here, in the
// child, so the test process itself never meets them):
//   --point=NAME[:pause]  --point-dir=DIR
#include <npemu/npemu.h>

#include <boost/nowide/convert.hpp>

#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <string>
#include <unistd.h>

int main(int argc, char** argv) {
  while (argc > 1 && std::strncmp(argv[1], "--point", 7) == 0) {
    std::string opt = argv[1];
    if (opt.rfind("--point=", 0) == 0) setenv("NPEMU_TEST_POINT", opt.c_str() + 8, 1);
    if (opt.rfind("--point-dir=", 0) == 0) setenv("NPEMU_TEST_POINT_DIR", opt.c_str() + 12, 1);
    ++argv;
    --argc;
  }
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
    DWORD flags = argc >= 5 ? CONNECT_UPDATE_PROFILE : 0;
    std::printf("%u\n", static_cast<unsigned>(NPCancelConnection2(a.data(), std::atoi(argv[3]), flags)));
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
