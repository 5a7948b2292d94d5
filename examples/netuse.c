/* netuse: a small `net use` written against the Windows API only. It builds
 * unchanged with the Windows SDK / mingw-w64 (linking mpr) and, on Linux, with
 * gcc against npemu's winnetwk.h (linking libnpemu).
 *
 *   netuse add DEVICE|* REMOTE [persist]   connect (* = pick a free drive)
 *   netuse list                            the connections
 *   netuse remembered                      the remembered profile
 *   netuse browse [CONTAINER]              the network, its servers, their shares
 *   netuse del DEVICE|REMOTE [force]       disconnect
 */
#ifdef _WIN32
#include <windows.h>
#include <winnetwk.h>
#else
#include <npemu/winnetwk.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static wchar_t* widen(const char* s) {
  size_t n = strlen(s) + 1;
  wchar_t* w = (wchar_t*)calloc(n, sizeof(wchar_t));
  if (w && mbstowcs(w, s, n) == (size_t)-1) w[0] = L'\0';
  return w;
}

static int fail(const char* what, DWORD rc) {
  DWORD err = 0;
  wchar_t text[512] = L"", provider[64] = L"";
  WNetGetLastErrorW(&err, text, 512, provider, 64);
  printf("%s failed: error %lu", what, (unsigned long)rc);
  if (err == rc && text[0]) printf(" (%ls: %ls)", provider, text);
  printf("\n");
  return 1;
}

static int enumerate(DWORD scope, NETRESOURCEW* container) {
  HANDLE h;
  DWORD rc = WNetOpenEnumW(scope, RESOURCETYPE_ANY, 0, container, &h);
  if (rc != WN_SUCCESS) return fail("WNetOpenEnumW", rc);
  DWORD size = 16384;
  void* buf = malloc(size);
  int n = 0;
  for (;;) {
    DWORD count = 0xFFFFFFFF, got = size;
    rc = WNetEnumResourceW(h, &count, buf, &got);
    if (rc == WN_MORE_DATA) { /* one entry needs more: grow and retry */
      void* bigger = realloc(buf, got);
      if (!bigger) break;
      buf = bigger, size = got;
      continue;
    }
    if (rc != WN_SUCCESS && !(rc == WN_NO_MORE_ENTRIES && count > 0)) break;
    NETRESOURCEW* nr = (NETRESOURCEW*)buf;
    for (DWORD i = 0; i < count; ++i, ++n)
      printf("%-6ls %-28ls %-5ls %ls\n", nr[i].lpLocalName[0] ? nr[i].lpLocalName : L"-", nr[i].lpRemoteName,
             nr[i].dwType == RESOURCETYPE_PRINT ? L"print" : nr[i].dwType == RESOURCETYPE_DISK ? L"disk" : L"-",
             nr[i].lpProvider);
    if (rc == WN_NO_MORE_ENTRIES) break;
  }
  free(buf);
  WNetCloseEnum(h);
  printf("%d %s\n", n, n == 1 ? "entry" : "entries");
  return rc == WN_NO_MORE_ENTRIES ? 0 : fail("WNetEnumResourceW", rc);
}

static int add(const char* device, const char* remote, int persist) {
  NETRESOURCEW nr;
  wchar_t* wremote = widen(remote);
  wchar_t* wdevice = strcmp(device, "*") == 0 ? NULL : widen(device);
  wchar_t access[300];
  DWORD len = 300, result = 0;
  memset(&nr, 0, sizeof nr);
  /* Typed: the system picks a device (CONNECT_REDIRECT) only for a typed resource. */
  nr.dwType = wdevice && (wdevice[0] | 0x20) == 'l' ? RESOURCETYPE_PRINT : RESOURCETYPE_DISK;
  nr.lpLocalName = wdevice;
  nr.lpRemoteName = wremote;
  DWORD flags = (wdevice ? 0 : CONNECT_REDIRECT) | (persist ? CONNECT_UPDATE_PROFILE : 0);
  DWORD rc = WNetUseConnectionW(NULL, &nr, NULL, NULL, flags, access, &len, &result);
  free(wremote);
  free(wdevice);
  if (rc != WN_SUCCESS) return fail("WNetUseConnectionW", rc);
  printf("%ls is now connected to %s\n", access, remote);
  return 0;
}

static int del(const char* name, int force) {
  wchar_t* w = widen(name);
  DWORD rc = WNetCancelConnection2W(w, CONNECT_UPDATE_PROFILE, force);
  free(w);
  if (rc != WN_SUCCESS) return fail("WNetCancelConnection2W", rc);
  printf("%s was deleted successfully.\n", name);
  return 0;
}

int main(int argc, char** argv) {
  const char* cmd = argc > 1 ? argv[1] : "list";
  if (strcmp(cmd, "add") == 0 && (argc == 4 || argc == 5))
    return add(argv[2], argv[3], argc == 5 && strcmp(argv[4], "persist") == 0);
  if (strcmp(cmd, "del") == 0 && (argc == 3 || argc == 4))
    return del(argv[2], argc == 4 && strcmp(argv[3], "force") == 0);
  if (strcmp(cmd, "list") == 0) return enumerate(RESOURCE_CONNECTED, NULL);
  if (strcmp(cmd, "remembered") == 0) return enumerate(RESOURCE_REMEMBERED, NULL);
  if (strcmp(cmd, "browse") == 0) {
    NETRESOURCEW container;
    wchar_t* name = argc > 2 ? widen(argv[2]) : NULL;
    memset(&container, 0, sizeof container);
    container.dwUsage = RESOURCEUSAGE_CONTAINER;
    container.lpRemoteName = name;
    int rc = enumerate(RESOURCE_GLOBALNET, name ? &container : NULL);
    free(name);
    return rc;
  }
  fprintf(stderr, "usage: netuse add DEVICE|* REMOTE [persist] | del NAME [force] | list | remembered | browse [CONTAINER]\n");
  return 2;
}
