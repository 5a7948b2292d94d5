/* Connects and cancels through an installed libnpemu.dll: a share of its own in a
 * throw-away NPEMU_HOME, a deviceless connection, listed, then cancelled. */
#include <npemu/npapi.h>
#include <npemu/npemu.h>

#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>
#include <windows.h>

static int failures = 0;

static void check(int ok, const char *what, unsigned long got) {
  printf("%s: %s (%lu)\n", ok ? "ok" : "FAIL", what, got);
  if (!ok) ++failures;
}

int main(void) {
  char tmp[MAX_PATH + 1], root[MAX_PATH + 64], path[MAX_PATH + 128];
  GetTempPathA(sizeof tmp, tmp);
  snprintf(root, sizeof root, "%snpemu-consumer-%lu", tmp, (unsigned long)GetCurrentProcessId());
  CreateDirectoryA(root, NULL);
  snprintf(path, sizeof path, "%s\\public", root);
  CreateDirectoryA(path, NULL);
  snprintf(path, sizeof path, "%s\\npemu.toml", root);
  FILE *f = fopen(path, "wb");
  if (!f) return 1;
  fprintf(f, "[local.shares.'\\\\files\\public']\npath = '%s\\public'\n", root);
  fclose(f);
  if (!SetEnvironmentVariableA("NPEMU_HOME", root) || _putenv_s("NPEMU_HOME", root)) return 1;

  WCHAR remote[] = L"\\\\files\\public";
  NETRESOURCEW nr;
  memset(&nr, 0, sizeof nr);
  nr.dwType = RESOURCETYPE_DISK;
  nr.lpRemoteName = remote;
  DWORD rc = NPAddConnection3(NULL, &nr, NULL, NULL, 0);
  check(rc == WN_SUCCESS, "NPAddConnection3 makes a deviceless connection", rc);

  npemu_connection *list = NULL;
  DWORD count = 0;
  rc = npemu_list_connections(NPEMU_LIST_CONNECTED, &list, &count);
  check(rc == WN_SUCCESS && count == 1 && wcscmp(list[0].remote, remote) == 0,
        "npemu_list_connections lists it", count);
  npemu_free_connections(list, count);

  rc = NPCancelConnection(remote, FALSE);
  check(rc == WN_SUCCESS, "NPCancelConnection cancels it", rc);
  rc = NPCancelConnection(remote, FALSE);
  check(rc == WN_NOT_CONNECTED, "cancelling again is WN_NOT_CONNECTED", rc);
  printf("%s\n", failures ? "FAILED" : "consumer ok");
  return failures ? 1 : 0;
}
