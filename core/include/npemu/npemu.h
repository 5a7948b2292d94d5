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

NPEMU_API DWORD npemu_open(LPCWSTR lpPath, DWORD dwMode, npemu_file** lpFile);
/* A print job on a redirected printer (LPT1:) or a printer share; it is submitted
 * when closed, and counts as an open job until then. */
NPEMU_API DWORD npemu_print_open(LPCWSTR lpPrinter, LPCWSTR lpDocument, npemu_file** lpFile);
NPEMU_API DWORD npemu_read(npemu_file* file, LPVOID lpBuffer, DWORD nSize, LPDWORD lpnRead);
NPEMU_API DWORD npemu_write(npemu_file* file, const void* lpBuffer, DWORD nSize, LPDWORD lpnWritten);
/* Closes and frees the handle, even when the close reports an error. */
NPEMU_API DWORD npemu_close(npemu_file* file);
NPEMU_API DWORD npemu_stat(LPCWSTR lpPath, npemu_file_info* lpInfo);

#ifdef __cplusplus
}
#endif

#endif /* NPEMU_NPEMU_H */
