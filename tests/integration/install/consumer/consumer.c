/* A C program using only the installed headers: connect Z: to the share in
 * $NPEMU_HOME/npemu.toml, read it back, disconnect. Exit 0 when all agree. */
#include <npemu/npemu.h>

#include <stdio.h>
#include <wchar.h>

int main(void) {
  WCHAR local[] = L"Z:";
  WCHAR remote[] = L"\\\\files\\public";
  NETRESOURCEW nr = {0};
  WCHAR got[64];
  DWORD len = 64;
  DWORD rc;
  nr.dwType = RESOURCETYPE_DISK;
  nr.lpLocalName = local;
  nr.lpRemoteName = remote;
  rc = NPAddConnection3(NULL, &nr, NULL, NULL, 0);
  if (rc != WN_SUCCESS) {
    fprintf(stderr, "c_consumer: add: %s (%lu)\n", npemu_error_name(rc), (unsigned long)rc);
    return 1;
  }
  rc = NPGetConnection(local, got, &len);
  if (rc != WN_SUCCESS || wcscmp(got, remote) != 0) {
    fprintf(stderr, "c_consumer: get: %s\n", npemu_error_name(rc));
    return 1;
  }
  rc = NPCancelConnection(local, FALSE);
  if (rc != WN_SUCCESS) return 1;
  rc = NPGetConnection(local, got, &len);
  if (rc != WN_NOT_CONNECTED) return 1;
  printf("c_consumer: ok (%s after cancel)\n", npemu_error_name(rc));
  return 0;
}
