/* The public headers from a C11 program: it builds with -std=c11 -pedantic and
 * drives a connection through the NP functions on a throw-away NPEMU_HOME. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp, setenv: the test, not the headers, needs POSIX */
#include <npemu/npemu.h>

#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static int failures = 0;
#define EXPECT(cond)                                          \
  do {                                                        \
    if (!(cond)) {                                            \
      fprintf(stderr, "%s:%d: failed: %s\n", __FILE__, __LINE__, #cond); \
      ++failures;                                             \
    }                                                         \
  } while (0)

int main(void) {
  char home[] = "/tmp/npemu-c-XXXXXX";
  char path[512];
  FILE* cfg;
  NETRESOURCEW nr;
  WCHAR local[] = L"Q:", remote[] = L"\\\\files\\cshare", buf[64];
  DWORD len = 64;

  if (!mkdtemp(home)) return 1;
  setenv("NPEMU_HOME", home, 1);
  snprintf(path, sizeof path, "%s/npemu.toml", home);
  cfg = fopen(path, "w");
  if (!cfg) return 1;
  fprintf(cfg, "[local.shares.'\\\\files\\cshare']\npath = \"%s\"\n", home);
  fclose(cfg);

  EXPECT(sizeof(DWORD) == 4);
  EXPECT(sizeof(NETRESOURCEW) == 4 * sizeof(DWORD) + 4 * sizeof(LPWSTR));
  EXPECT(NPGetCaps(WNNC_SPEC_VERSION) == WNNC_SPEC_VERSION51);
  EXPECT(NPCancelConnection(NULL, FALSE) == WN_BAD_POINTER);

  memset(&nr, 0, sizeof nr);
  nr.dwType = RESOURCETYPE_DISK;
  nr.lpLocalName = local;
  nr.lpRemoteName = remote;
  EXPECT(NPAddConnection3(NULL, &nr, NULL, NULL, CONNECT_UPDATE_PROFILE) == WN_SUCCESS);
  EXPECT(NPGetConnection(local, buf, &len) == WN_SUCCESS);
  EXPECT(wcscmp(buf, remote) == 0);
  EXPECT(NPAddConnection(&nr, NULL, NULL) == WN_ALREADY_CONNECTED);
  EXPECT(NPCancelConnection(local, FALSE) == WN_SUCCESS);
  EXPECT(NPCancelConnection(local, FALSE) == WN_NOT_CONNECTED);
  {
    DWORD code = 0, n = 0;
    EXPECT(npemu_last_error(&code, NULL, &n) == WN_MORE_DATA);
    EXPECT(code == WN_NOT_CONNECTED);
  }
  { /* the WNet resource queries, exported by libnpemu: \\files\cshare's parent is \\files */
    union { NETRESOURCEW nr; char bytes[512]; } out;
    DWORD size = sizeof out;
    LPWSTR system = NULL;
    nr.lpLocalName = NULL;
    EXPECT(WNetGetResourceParentW(&nr, &out, &size) == WN_SUCCESS);
    EXPECT(wcscmp(out.nr.lpRemoteName, L"\\\\files") == 0);
    size = sizeof out;
    EXPECT(WNetGetResourceInformationW(&nr, &out, &size, &system) == WN_SUCCESS);
    EXPECT(wcscmp(out.nr.lpRemoteName, remote) == 0 && system == NULL);
  }

  {  /* the throw-away home goes, store files and all */
    static const char* const files[] = {"drives", "npemu.toml", "state.db", "state.db-wal", "state.db-shm", "state.gen"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; ++i) {
      snprintf(path, sizeof path, "%s/%s", home, files[i]);
      remove(path);
    }
    rmdir(home);
  }
  if (failures == 0) printf("c_api_test: all checks passed\n");
  return failures == 0 ? 0 : 1;
}
