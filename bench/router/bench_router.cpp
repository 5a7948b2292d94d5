// Prints, from one run: the time to enumerate 10,000 live connections through
// WNetOpenEnumW/WNetEnumResourceW (beside the same through NPOpenEnum/
// NPEnumResource), and WNetGetConnectionW per call beside NPGetConnection.
#include <npemu/npapi.h>
#include <npemu/winnetwk.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// Opens an enumeration of the connected resources and reads it to the end; returns entries.
template <class Open, class Next, class Close>
std::size_t enumerate_all(Open open, Next next, Close close, std::vector<unsigned char>& buf) {
  HANDLE h = nullptr;
  if (open(RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, nullptr, &h) != WN_SUCCESS) return 0;
  std::size_t n = 0;
  for (;;) {
    DWORD count = 0xFFFFFFFF, size = static_cast<DWORD>(buf.size());
    if (next(h, &count, buf.data(), &size) != WN_SUCCESS) break;
    n += count;
  }
  close(h);
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  int connections = argc > 1 ? std::atoi(argv[1]) : 10000;
  char tmpl[] = "/tmp/npemu-bench-router.XXXXXX";
  if (!mkdtemp(tmpl)) return 1;
  std::string root = tmpl;
  std::filesystem::create_directories(root + "/home");
  std::filesystem::create_directories(root + "/share");
  std::ofstream(root + "/home/npemu.toml") << "providers = [\"local\"]\n[local.shares.'\\\\files\\public']\npath = \""
                                           << root << "/share\"\n";
  setenv("NPEMU_HOME", (root + "/home").c_str(), 1);

  NETRESOURCEW nr{};
  nr.dwType = RESOURCETYPE_DISK;
  nr.lpRemoteName = const_cast<LPWSTR>(L"\\\\files\\public");
  auto t = Clock::now();
  for (int i = 0; i < connections; ++i)
    if (WNetAddConnection2W(&nr, nullptr, nullptr, 0) != WN_SUCCESS) return std::fprintf(stderr, "add failed\n"), 1;
  nr.lpLocalName = const_cast<LPWSTR>(L"Z:");
  if (WNetAddConnection2W(&nr, nullptr, nullptr, 0) != WN_SUCCESS) return 1;
  std::printf("setup: %d deviceless connections + Z: in %.0f ms\n", connections, ms_since(t));

  std::vector<unsigned char> buf(1 << 20);  // 1 MiB: about 7,000 entries per call
  const int rounds = 5;
  double best_wnet = 1e9, best_np = 1e9, best_next = 1e9;
  std::size_t seen = 0;
  for (int r = 0; r < rounds; ++r) {
    t = Clock::now();
    seen = enumerate_all(WNetOpenEnumW, WNetEnumResourceW, WNetCloseEnum, buf);
    best_wnet = std::min(best_wnet, ms_since(t));
    t = Clock::now();
    enumerate_all(NPOpenEnum, NPEnumResource, NPCloseEnum, buf);
    best_np = std::min(best_np, ms_since(t));
    // WNetEnumResourceW alone, the snapshot already taken by WNetOpenEnumW.
    HANDLE h = nullptr;
    WNetOpenEnumW(RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, nullptr, &h);
    t = Clock::now();
    for (;;) {
      DWORD count = 0xFFFFFFFF, size = static_cast<DWORD>(buf.size());
      if (WNetEnumResourceW(h, &count, buf.data(), &size) != WN_SUCCESS) break;
    }
    best_next = std::min(best_next, ms_since(t));
    WNetCloseEnum(h);
  }
  std::printf("enumerate %zu live connections (best of %d):\n", seen, rounds);
  std::printf("  WNetEnumResourceW calls alone          %8.2f ms   (goal: <= 10 ms)\n", best_next);
  std::printf("  WNetOpenEnumW + WNetEnumResourceW      %8.2f ms\n", best_wnet);
  std::printf("  NPOpenEnum + NPEnumResource (peer)     %8.2f ms   ratio %.2fx\n", best_np, best_wnet / best_np);

  const int calls = 200000;
  WCHAR remote[64];
  double per_wnet = 1e9, per_np = 1e9;
  for (int r = 0; r < rounds; ++r) {
    t = Clock::now();
    for (int i = 0; i < calls; ++i) {
      DWORD len = 64;
      WNetGetConnectionW(L"Z:", remote, &len);
    }
    per_wnet = std::min(per_wnet, ms_since(t) * 1e6 / calls);
    t = Clock::now();
    for (int i = 0; i < calls; ++i) {
      DWORD len = 64;
      NPGetConnection(const_cast<LPWSTR>(L"Z:"), remote, &len);
    }
    per_np = std::min(per_np, ms_since(t) * 1e6 / calls);
  }
  std::printf("get connection of Z: (%d calls, best of %d):\n", calls, rounds);
  std::printf("  WNetGetConnectionW                     %8.0f ns/call\n", per_wnet);
  std::printf("  NPGetConnection (peer)                 %8.0f ns/call   ratio %.2fx (goal: <= 1.5x)\n", per_np,
              per_wnet / per_np);
  std::filesystem::remove_all(root);
  return 0;
}
