/* npemu's own C functions beside the Windows API: the detail of the last
 * failure, and a small file API whose handles count as open files. */
#ifndef NPEMU_NPEMU_H
#define NPEMU_NPEMU_H

#include <npemu/npapi.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef NPEMU_API
#define NPEMU_API
#endif

#define NPEMU_VERSION "0.1.0"

/* The last failure of an npemu call on this thread: its WN_* code and a sentence
 * (for WN_OPEN_FILES: "pid 1234 (tail) holds /srv/public/a.txt; ..."). The text
 * is copied as by NPGetConnection: WN_MORE_DATA and *lpnLength = characters
 * needed (with the NUL) when it does not fit. */
NPEMU_API DWORD npemu_last_error(LPDWORD lpCode, LPWSTR lpText, LPDWORD lpnLength);

/* Rereads $NPEMU_HOME and its npemu.toml on the next call. */
NPEMU_API void npemu_reload(void);

/* Files on a connection: Z:\dir\file or \\server\share\dir\file. While a handle
 * is open it counts as an open file of its connection for every process; after a
 * forced cancel its reads and writes fail with WN_NOT_CONNECTED. */
typedef struct npemu_file npemu_file;
#define NPEMU_OPEN_READ 0x1
#define NPEMU_OPEN_WRITE 0x2
#define NPEMU_OPEN_CREATE 0x4
#define NPEMU_OPEN_TRUNCATE 0x8

typedef struct npemu_file_info {
  unsigned long long size;
  DWORD is_directory;
  long long mtime; /* seconds since 1970-01-01 UTC */
} npemu_file_info;

/* Opens lpPath (Z:\\dir\\file or \\\\server\\share\\dir\\file) on a connection;
 * dwMode: NPEMU_OPEN_* or'ed (READ, WRITE, CREATE, TRUNCATE). *lpFile receives the
 * handle, to close with npemu_close. WN_BAD_POINTER, WN_BAD_VALUE (neither read nor
 * write), WN_BAD_NETNAME (not a path on a connection, or no such file without
 * NPEMU_OPEN_CREATE), WN_NOT_CONNECTED (its device is not connected),
 * WN_ACCESS_DENIED (a directory, or the file system refuses). */
NPEMU_API DWORD npemu_open(LPCWSTR lpPath, DWORD dwMode, npemu_file** lpFile);
/* A print job on a redirected printer (LPT1:) or a printer share; it is submitted
 * when closed, and counts as an open job until then. */
NPEMU_API DWORD npemu_print_open(LPCWSTR lpPrinter, LPCWSTR lpDocument, npemu_file** lpFile);
/* Reads up to nSize bytes into lpBuffer; *lpnRead gets the bytes read, 0 at the end.
 * WN_NOT_CONNECTED after a forced cancel of its connection; WN_BAD_HANDLE for NULL;
 * WN_DEVICE_ERROR when the backend fails. */
NPEMU_API DWORD npemu_read(npemu_file* file, LPVOID lpBuffer, DWORD nSize, LPDWORD lpnRead);
/* Writes up to nSize bytes of lpBuffer; *lpnWritten gets the bytes taken. Errors as
 * npemu_read, and WN_DEVICE_ERROR when the bytes are refused (a file opened without
 * NPEMU_OPEN_WRITE, a full disk). */
NPEMU_API DWORD npemu_write(npemu_file* file, const void* lpBuffer, DWORD nSize, LPDWORD lpnWritten);
/* Closes and frees the handle, even when the close reports an error. */
NPEMU_API DWORD npemu_close(npemu_file* file);
/* The size, kind and modification time of lpPath (as npemu_open names it) in
 * *lpInfo, without opening it. WN_BAD_NETNAME when there is no such file. */
NPEMU_API DWORD npemu_stat(LPCWSTR lpPath, npemu_file_info* lpInfo);

/* One entry of npemu_list_dir. */
typedef struct npemu_dir_entry {
  LPWSTR name;
  unsigned long long size;
  DWORD is_directory;
  long long mtime; /* seconds since 1970-01-01 UTC */
} npemu_dir_entry;

/* The entries of a directory on a connection (Z:\dir or \\server\share\dir),
 * without "." and "..": *lpEntries is an array of *lpCount entries (NULL when 0)
 * to free with npemu_free_dir. WN_BAD_POINTER, WN_BAD_NETNAME (no such directory),
 * WN_NOT_CONNECTED. */
NPEMU_API DWORD npemu_list_dir(LPCWSTR lpPath, npemu_dir_entry** lpEntries, LPDWORD lpCount);
/* Frees what npemu_list_dir handed out: its array and nCount entries (NULL, 0: nothing). */
NPEMU_API void npemu_free_dir(npemu_dir_entry* lpEntries, DWORD nCount);

/* The WN_* code's name ("WN_OPEN_FILES"): a static string, never NULL
 * ("WN_UNKNOWN" for a code npemu does not know). */
NPEMU_API const char* npemu_error_name(DWORD code);
/* The WN_* code's short meaning ("files or jobs are open on the connection"): a
 * static string, never NULL. */
NPEMU_API const char* npemu_error_text(DWORD code);

/* What npemu_list_connections lists: the live table, */
#define NPEMU_LIST_CONNECTED 0x1
/* the remembered profile (or both, or'ed). */
#define NPEMU_LIST_REMEMBERED 0x2

/* One entry of npemu_list_connections. */
typedef struct npemu_connection {
  LPWSTR local;    /* L"Z:", L"LPT1:", or L"" for a deviceless connection */
  LPWSTR remote;   /* \\server\share[\path] */
  LPWSTR provider; /* L"local", L"mount", L"smb" */
  LPWSTR user;     /* L"" when none was given */
  DWORD type;      /* RESOURCETYPE_DISK or RESOURCETYPE_PRINT */
  /* WN_SUCCESS: connected; WN_NOT_CONNECTED: in the live table but its backend
   * lost it (mount removed by hand); WN_CONNECTION_CLOSED: remembered only. */
  DWORD status;
  DWORD remembered; /* 1 when the device is in the remembered profile */
} npemu_connection;

/* The connections of this user (every process) and the remembered profile, as
 * `npnet list` shows them. dwWhich: NPEMU_LIST_CONNECTED (the live table),
 * NPEMU_LIST_REMEMBERED (the profile), or both: the live table followed by the
 * remembered devices that are not in it. *lpList is an array of *lpCount
 * entries (NULL when 0) to free with npemu_free_connections. WN_BAD_POINTER,
 * WN_BAD_VALUE (dwWhich neither or other bits). */
NPEMU_API DWORD npemu_list_connections(DWORD dwWhich, npemu_connection** lpList, LPDWORD lpCount);
/* Frees what npemu_list_connections handed out (NULL, 0: nothing). */
NPEMU_API void npemu_free_connections(npemu_connection* lpList, DWORD nCount);

/* The configured providers in their order: the name of the dwIndex-th (from 0),
 * copied as by NPGetConnection; WN_NO_MORE_ENTRIES past the last. */
NPEMU_API DWORD npemu_provider_name(DWORD dwIndex, LPWSTR lpName, LPDWORD lpnLength);

/* Forgets a remembered device that is not connected: what the router's
 * WNetCancelConnection2(lpLocalName, CONNECT_UPDATE_PROFILE, ...) does for it on
 * Windows (`net use Z: /delete` of an "Unavailable" drive). A connected device is
 * left alone: cancel it with NPCancelConnection2. WN_BAD_POINTER for NULL,
 * WN_BAD_LOCALNAME for a name that is not a drive or LPT port, WN_NOT_CONNECTED
 * when the device is not remembered, WN_ALREADY_CONNECTED when it is connected. */
NPEMU_API DWORD npemu_forget(LPCWSTR lpLocalName);

/* The configuration file npemu reads, $NPEMU_HOME/npemu.toml ($NPEMU_HOME: the
 * environment variable, else $XDG_STATE_HOME/npemu or ~/.local/state/npemu; on
 * Windows %LOCALAPPDATA%\npemu), copied as by NPGetConnection (*lpnLength in
 * characters with the NUL; WN_MORE_DATA and the size needed when it does not fit).
 * *lpExists (may be NULL) is 1 when the file exists now, else 0: without it every
 * share is unserved. WN_BAD_POINTER for a NULL lpnLength; WN_CANNOT_OPEN_PROFILE
 * when there is neither NPEMU_HOME nor a home directory. Reads no configuration. */
NPEMU_API DWORD npemu_config_file(LPWSTR lpPath, LPDWORD lpnLength, LPDWORD lpExists);

#ifdef __cplusplus
}
#endif

#endif /* NPEMU_NPEMU_H */
