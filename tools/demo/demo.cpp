// The npemu demo: NPCancelConnection on the embedded `local` provider, with a
// real process holding a file open. Runs in a throw-away NPEMU_HOME.
#include <npemu/npemu.h>


#include <boost/nowide/convert.hpp>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

extern char** environ;
namespace fs = std::filesystem;

namespace {

const char* code_name(DWORD rc) {
  switch (rc) {
    case WN_SUCCESS: return "WN_SUCCESS";
    case WN_OPEN_FILES: return "WN_OPEN_FILES";
    case WN_NOT_CONNECTED: return "WN_NOT_CONNECTED";
    default: return "another WN_* code";
  }
}

int g_surprises = 0;  // results that differ from the story: the demo then exits 1

DWORD show(const char* call, DWORD rc, DWORD expected) {
  std::printf("  %-46s -> %s (%u)\n", call, code_name(rc), static_cast<unsigned>(rc));
  if (rc != expected) {
    std::printf("  (unexpected: the story needs %s here)\n", code_name(expected));
    ++g_surprises;
  }
  return rc;
}

std::string last_detail() {
  DWORD code = 0, len = 0;
  npemu_last_error(&code, nullptr, &len);
  std::wstring buf(len, L'\0');
  npemu_last_error(&code, buf.data(), &len);
  return boost::nowide::narrow(buf.c_str());
}

// The remembered profile, read as any program would: WNetOpenEnumW(RESOURCE_REMEMBERED).
void show_profile(const char* when, int expected) {
  std::printf("\nRemembered profile %s:\n", when);
  HANDLE e = nullptr;
  int shown = 0;
  if (WNetOpenEnumW(RESOURCE_REMEMBERED, RESOURCETYPE_ANY, 0, nullptr, &e) == WN_SUCCESS) {
    alignas(NETRESOURCEW) char buf[16384];
    for (;;) {
      DWORD count = 0xFFFFFFFF, size = sizeof buf;
      DWORD rc = WNetEnumResourceW(e, &count, buf, &size);
      if (rc != WN_SUCCESS) break;
      auto* r = reinterpret_cast<NETRESOURCEW*>(buf);
      for (DWORD i = 0; i < count; ++i, ++shown)
        std::printf("  %-6s %s  [%s]\n", boost::nowide::narrow(r[i].lpLocalName).c_str(),
                    boost::nowide::narrow(r[i].lpRemoteName).c_str(), boost::nowide::narrow(r[i].lpProvider).c_str());
    }
    WNetCloseEnum(e);
  }
  if (shown == 0) std::printf("  (empty)\n");
  if (shown != expected) {
    std::printf("  (unexpected: the story needs %d entries here)\n", expected);
    ++g_surprises;
  }
}

DWORD connect(const wchar_t* local, const wchar_t* remote, DWORD flags) {
  std::wstring l = local ? local : L"", r = remote;
  NETRESOURCEW nr{};
  nr.dwType = RESOURCETYPE_DISK;
  nr.lpLocalName = local ? l.data() : nullptr;
  nr.lpRemoteName = r.data();
  return NPAddConnection3(nullptr, &nr, nullptr, nullptr, flags);
}

}  // namespace

int main() {
  char tmpl[] = "/tmp/npemu-demo-XXXXXX";
  if (!mkdtemp(tmpl)) return std::perror("mkdtemp"), 1;
  fs::path root = tmpl, share = root / "srv" / "public", home = root / "home";
  fs::create_directories(share);
  fs::create_directories(home);
  std::ofstream(share / "report.txt") << "quarterly figures\n";
  std::ofstream(home / "npemu.toml") << "[local.shares.'\\\\files\\public']\npath = \"" << share.string() << "\"\n";
  setenv("NPEMU_HOME", home.c_str(), 1);

  std::printf("npemu demo: the embedded `local` provider, no root and no server\n");
  std::printf("NPEMU_HOME=%s, share \\\\files\\public = %s\n\n", home.c_str(), share.c_str());

  std::printf("Connecting:\n");
  show("NPAddConnection3(Z:, \\\\files\\public, remembered)", connect(L"Z:", L"\\\\files\\public", CONNECT_UPDATE_PROFILE), WN_SUCCESS);
  show("NPAddConnection3(no device, \\\\files\\public)", connect(nullptr, L"\\\\files\\public", 0), WN_SUCCESS);
  WCHAR remote[300];
  DWORD len = 300;
  if (NPGetConnection(const_cast<LPWSTR>(L"Z:"), remote, &len) == WN_SUCCESS)
    std::printf("  Z: leads to %s (the link %s/drives/Z)\n", boost::nowide::narrow(remote).c_str(), home.c_str());
  show_profile("before", 1);

  fs::path held = home / "drives" / "Z" / "report.txt";
  std::string file = held.string();
  const char* argv[] = {"/usr/bin/tail", "-f", file.c_str(), nullptr};
  pid_t tail = 0;
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", 1, 0);
  if (posix_spawn(&tail, argv[0], &fa, nullptr, const_cast<char**>(argv), environ) != 0) return 1;
  posix_spawn_file_actions_destroy(&fa);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // let tail open the file
  std::printf("\nA real process holds a file open: pid %d, `tail -f Z:\\report.txt`\n\n", tail);

  std::printf("Cancelling Z: without force:\n");
  DWORD rc = show("NPCancelConnection(Z:, FALSE)", NPCancelConnection(const_cast<LPWSTR>(L"Z:"), FALSE), WN_OPEN_FILES);
  if (rc == WN_OPEN_FILES) {
    std::string why = last_detail();
    std::printf("  why: %s\n  Z: is still connected and still remembered.\n", why.c_str());
    if (why.find("pid " + std::to_string(tail) + " (tail) holds") == std::string::npos) ++g_surprises;
  }

  std::printf("\nCancelling Z: with force:\n");
  show("NPCancelConnection(Z:, TRUE)", NPCancelConnection(const_cast<LPWSTR>(L"Z:"), TRUE), WN_SUCCESS);
  len = 300;
  show("NPGetConnection(Z:)", NPGetConnection(const_cast<LPWSTR>(L"Z:"), remote, &len), WN_NOT_CONNECTED);
  show_profile("after (the device's cancellation is remembered)", 0);

  std::printf("\nThe deviceless connection to \\\\files\\public is untouched, and tail still holds its file:\n");
  rc = show("NPCancelConnection(\\\\files\\public, FALSE)",
            NPCancelConnection(const_cast<LPWSTR>(L"\\\\files\\public"), FALSE), WN_OPEN_FILES);
  if (rc == WN_OPEN_FILES) std::printf("  why: %s\n", last_detail().c_str());
  kill(tail, SIGTERM);
  waitpid(tail, nullptr, 0);
  std::printf("\ntail has exited; now the plain cancel goes through:\n");
  show("NPCancelConnection(\\\\files\\public, FALSE)",
       NPCancelConnection(const_cast<LPWSTR>(L"\\\\files\\public"), FALSE), WN_SUCCESS);
  show("NPCancelConnection(\\\\files\\public, FALSE)",
       NPCancelConnection(const_cast<LPWSTR>(L"\\\\files\\public"), FALSE), WN_NOT_CONNECTED);

  std::error_code ec;
  fs::remove_all(root, ec);
  return g_surprises == 0 ? 0 : 1;
}
