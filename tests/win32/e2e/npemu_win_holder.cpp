// Holds a file open through npemu's file API until stdin closes: "ready" once
// open. Exit 0 when, after a forced cancel, its read fails with WN_NOT_CONNECTED.
#include <npemu/npemu.h>

#include <cstdio>
#include <string>

int wmain(int argc, wchar_t** argv) {
  if (argc != 2) return 2;
  npemu_file* f = nullptr;
  DWORD rc = npemu_open(argv[1], NPEMU_OPEN_READ, &f);
  if (rc) {
    wchar_t text[512];
    DWORD code = 0, len = 512;
    npemu_last_error(&code, text, &len);
    std::printf("open failed %lu: %ls\n", static_cast<unsigned long>(rc), text);
    return 3;
  }
  std::printf("ready\n");
  std::fflush(stdout);
  while (std::getchar() != EOF) {
  }
  char buf[8];
  DWORD got = 0;
  rc = npemu_read(f, buf, sizeof buf, &got);
  npemu_close(f);
  return rc == WN_NOT_CONNECTED ? 0 : 4;
}
