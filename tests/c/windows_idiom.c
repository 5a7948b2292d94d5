/* WNet code as it is written for Windows' <winnetwk.h>: unsuffixed names,
 * TCHAR strings, NETRESOURCE, Win32 error codes. Built twice, with UNICODE (the
 * W functions) and without (the A functions, UTF-8), with
 * -Werror=implicit-function-declaration: every name must be declared. It runs
 * on a throw-away NPEMU_HOME with one `local` share and a real process holding
 * a file of it (argv[1]: the npemu_holder helper).
 * Usage: windows_idiom PATH_OF_NPEMU_HOLDER */
#define _XOPEN_SOURCE 700 /* mkdtemp, setenv, nftw, posix_spawn: the test, not the headers */
#include <npemu/winnetwk.h>

#include <ftw.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <wchar.h>

#ifdef UNICODE
#define tcscmp wcscmp
#define tcslen wcslen
#define MODE "UNICODE"
#else
#define tcscmp strcmp
#define tcslen strlen
#define MODE "ANSI"
#endif

static int failures = 0;
#define EXPECT(cond)                                                             \
  do {                                                                           \
    if (!(cond)) {                                                               \
      fprintf(stderr, "%s:%d (%s): failed: %s\n", __FILE__, __LINE__, MODE, #cond); \
      ++failures;                                                                \
    }                                                                            \
  } while (0)

static int remove_entry(const char* path, const struct stat* sb, int flag, struct FTW* ftw) {
  (void)sb, (void)flag, (void)ftw;
  return remove(path);
}

/* The local names of every entry of an enumeration, read in small pieces. */
static int enumerate(DWORD scope, TCHAR names[][8], int max) {
  HANDLE h = NULL;
  int n = 0;
  DWORD rc = WNetOpenEnum(scope, RESOURCETYPE_ANY, 0, NULL, &h);
  EXPECT(rc == NO_ERROR);
  if (rc != NO_ERROR) return 0;
  for (;;) {
    union { NETRESOURCE nr; char bytes[512]; } buf; /* room for about one entry at a time */
    DWORD count = 0xFFFFFFFF, size = sizeof buf;
    rc = WNetEnumResource(h, &count, &buf, &size);
    if (rc == ERROR_NO_MORE_ITEMS) break;
    EXPECT(rc == NO_ERROR);
    if (rc != NO_ERROR) break;
    for (DWORD i = 0; i < count && n < max; ++i, ++n) {
      LPTSTR local = (&buf.nr)[i].lpLocalName;
      EXPECT(tcslen(local) < 8);
      memcpy(names[n], local, (tcslen(local) + 1) * sizeof(TCHAR));
    }
  }
  EXPECT(WNetCloseEnum(h) == NO_ERROR);
  EXPECT(WNetCloseEnum(h) == ERROR_INVALID_HANDLE);
  return n;
}

static int listed(TCHAR names[][8], int n, LPCTSTR name) {
  for (int i = 0; i < n; ++i)
    if (tcscmp(names[i], name) == 0) return 1;
  return 0;
}

/* npemu_holder open FILE: a real process with the file open until its stdin closes. */
static pid_t start_holder(const char* helper, const char* file, int* to_child) {
  int in[2], out[2];
  posix_spawn_file_actions_t fa;
  char* argv[4];
  char ready[16] = {0};
  pid_t pid = -1;
  if (pipe(in) != 0 || pipe(out) != 0) return -1;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, in[0], 0);
  posix_spawn_file_actions_adddup2(&fa, out[1], 1);
  posix_spawn_file_actions_addclose(&fa, in[1]);
  posix_spawn_file_actions_addclose(&fa, out[0]);
  argv[0] = (char*)helper, argv[1] = "open", argv[2] = (char*)file, argv[3] = NULL;
  if (posix_spawn(&pid, helper, &fa, NULL, argv, NULL) != 0) pid = -1;
  posix_spawn_file_actions_destroy(&fa);
  close(in[0]);
  close(out[1]);
  if (pid > 0 && read(out[0], ready, sizeof ready - 1) <= 0) pid = -1;
  close(out[0]);
  EXPECT(strncmp(ready, "ready", 5) == 0);
  *to_child = in[1];
  return pid;
}

int main(int argc, char** argv) {
  char home[] = "/tmp/npemu-idiom-XXXXXX", path[600];
  FILE* f;
  NETRESOURCE nr;
  TCHAR remote[64], names[16][8];
  DWORD len, result, err;
  int n, to_holder = -1;
  pid_t holder;

  if (argc != 2 || !mkdtemp(home)) return 2;
  setenv("NPEMU_HOME", home, 1);
  snprintf(path, sizeof path, "%s/npemu.toml", home);
  if (!(f = fopen(path, "w"))) return 2;
  fprintf(f, "[local.shares.'\\\\files\\public']\npath = \"%s/srv\"\n", home);
  fclose(f);
  snprintf(path, sizeof path, "%s/srv", home);
  mkdir(path, 0700);
  snprintf(path, sizeof path, "%s/srv/report.txt", home);
  if (!(f = fopen(path, "w"))) return 2;
  fputs("quarterly\n", f);
  fclose(f);

  /* Connect Z:, remembered, as `net use Z: \\files\public /persistent:yes` does. */
  memset(&nr, 0, sizeof nr);
  nr.dwType = RESOURCETYPE_DISK;
  nr.lpLocalName = TEXT("Z:");
  nr.lpRemoteName = TEXT("\\\\files\\public");
  EXPECT(WNetAddConnection2(&nr, NULL, NULL, CONNECT_UPDATE_PROFILE) == NO_ERROR);
  EXPECT(WNetAddConnection2(&nr, NULL, NULL, 0) == ERROR_ALREADY_ASSIGNED);
  nr.lpLocalName = TEXT("Q9:");
  EXPECT(WNetAddConnection2(&nr, NULL, NULL, 0) == ERROR_BAD_DEVICE);
  nr.lpLocalName = TEXT("X:");
  nr.lpRemoteName = TEXT("\\\\files\\nothere");
  EXPECT(WNetAddConnection2(&nr, NULL, NULL, 0) == ERROR_BAD_NET_NAME);

  len = sizeof remote / sizeof remote[0];
  EXPECT(WNetGetConnection(TEXT("Z:"), remote, &len) == ERROR_SUCCESS);
  EXPECT(tcscmp(remote, TEXT("\\\\files\\public")) == 0);
  len = 3;
  EXPECT(WNetGetConnection(TEXT("Z:"), remote, &len) == ERROR_MORE_DATA);
  EXPECT(len == tcslen(TEXT("\\\\files\\public")) + 1);
  EXPECT(WNetGetConnection(TEXT("Y:"), remote, &len) == ERROR_NOT_CONNECTED);

  /* `net use * \\files\public`: the MPR picks the drive, Z: being taken. */
  {
    TCHAR access[8];
    nr.lpLocalName = NULL;
    nr.lpRemoteName = TEXT("\\\\files\\public");
    len = 1;
    EXPECT(WNetUseConnection(NULL, &nr, NULL, NULL, CONNECT_REDIRECT, access, &len, &result) == ERROR_MORE_DATA);
    EXPECT(len == 3);
    len = sizeof access / sizeof access[0];
    EXPECT(WNetUseConnection(NULL, &nr, NULL, NULL, CONNECT_REDIRECT, access, &len, &result) == NO_ERROR);
    EXPECT(tcscmp(access, TEXT("Y:")) == 0);
    EXPECT(result == CONNECT_LOCALDRIVE);
  }

  /* Enumeration: both connected, only Z: remembered. */
  n = enumerate(RESOURCE_CONNECTED, names, 16);
  EXPECT(n == 2 && listed(names, n, TEXT("Z:")) && listed(names, n, TEXT("Y:")));
  n = enumerate(RESOURCE_REMEMBERED, names, 16);
  EXPECT(n == 1 && listed(names, n, TEXT("Z:")));

  /* The universal name of a path on the drive. */
  {
    union { UNIVERSAL_NAME_INFO uni; REMOTE_NAME_INFO rem; char bytes[1024]; } buf;
    DWORD size = sizeof(UNIVERSAL_NAME_INFO);
    EXPECT(WNetGetUniversalName(TEXT("Z:\\dir\\a.txt"), UNIVERSAL_NAME_INFO_LEVEL, &buf, &size) == ERROR_MORE_DATA);
    EXPECT(size == sizeof(UNIVERSAL_NAME_INFO) + (tcslen(TEXT("\\\\files\\public\\dir\\a.txt")) + 1) * sizeof(TCHAR));
    size = sizeof buf;
    EXPECT(WNetGetUniversalName(TEXT("Z:\\dir\\a.txt"), UNIVERSAL_NAME_INFO_LEVEL, &buf, &size) == NO_ERROR);
    EXPECT(tcscmp(buf.uni.lpUniversalName, TEXT("\\\\files\\public\\dir\\a.txt")) == 0);
    size = sizeof buf;
    EXPECT(WNetGetUniversalName(TEXT("Z:\\dir\\a.txt"), REMOTE_NAME_INFO_LEVEL, &buf, &size) == NO_ERROR);
    EXPECT(tcscmp(buf.rem.lpConnectionName, TEXT("\\\\files\\public")) == 0);
    EXPECT(tcscmp(buf.rem.lpRemainingPath, TEXT("\\dir\\a.txt")) == 0);
    size = sizeof buf;
    EXPECT(WNetGetUniversalName(TEXT("X:\\a.txt"), UNIVERSAL_NAME_INFO_LEVEL, &buf, &size) == ERROR_NOT_CONNECTED);
  }

  /* `net use Z: /delete` while a process has a file of the share open: refused. */
  snprintf(path, sizeof path, "%s/srv/report.txt", home);
  holder = start_holder(argv[1], path, &to_holder);
  EXPECT(holder > 0);
  EXPECT(WNetCancelConnection2(TEXT("Z:"), CONNECT_UPDATE_PROFILE, FALSE) == ERROR_OPEN_FILES);
  EXPECT(WNetCancelConnection(TEXT("Z:"), FALSE) == ERROR_OPEN_FILES);
  {  /* the why, right after the refusal: who holds what */
    TCHAR text[512], provider[32];
    char pid[32];
    EXPECT(WNetGetLastError(&err, text, 512, provider, 32) == NO_ERROR);
    EXPECT(err == ERROR_OPEN_FILES);
    snprintf(pid, sizeof pid, "pid %d ", (int)holder);
#ifdef UNICODE
    {
      wchar_t wpid[32];
      mbstowcs(wpid, pid, 32);
      EXPECT(wcsstr(text, wpid) != NULL);
    }
#else
    EXPECT(strstr(text, pid) != NULL);
#endif
  }
  len = sizeof remote / sizeof remote[0];
  EXPECT(WNetGetConnection(TEXT("Z:"), remote, &len) == NO_ERROR); /* still there */
  n = enumerate(RESOURCE_REMEMBERED, names, 16);
  EXPECT(n == 1 && listed(names, n, TEXT("Z:"))); /* and still remembered */
  if (to_holder >= 0) close(to_holder);
  if (holder > 0) waitpid(holder, NULL, 0);
  EXPECT(WNetCancelConnection2(TEXT("Z:"), CONNECT_UPDATE_PROFILE, FALSE) == NO_ERROR);
  EXPECT(WNetCancelConnection2(TEXT("Z:"), CONNECT_UPDATE_PROFILE, FALSE) == ERROR_NOT_CONNECTED);
  EXPECT(WNetCancelConnection(TEXT("Y:"), FALSE) == NO_ERROR);
  n = enumerate(RESOURCE_CONNECTED, names, 16);
  EXPECT(n == 0);
  n = enumerate(RESOURCE_REMEMBERED, names, 16);
  EXPECT(n == 0);

  /* No dialogs without a user interface. */
  EXPECT(WNetConnectionDialog(NULL, RESOURCETYPE_DISK) == ERROR_NO_NETWORK);
  EXPECT(WNetDisconnectDialog(NULL, RESOURCETYPE_DISK) == ERROR_NO_NETWORK);

  nftw(home, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
  if (failures) fprintf(stderr, "windows_idiom (%s): %d failures\n", MODE, failures);
  return failures ? 1 : 0;
}
