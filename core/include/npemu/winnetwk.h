/* npemu — the WNet (Multiple Provider Router) surface of winnetwk.h.
 * On Windows this is the SDK's own header; elsewhere npemu defines the same
 * names, types, layouts and values (checked against mingw-w64 by a test). */
#ifndef NPEMU_WINNETWK_H
#define NPEMU_WINNETWK_H

#ifdef _WIN32
#include <windows.h>
#include <winnetwk.h>
#else

#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef NPEMU_API
#define NPEMU_API __attribute__((visibility("default")))
#endif

/* Windows' base types, with their Windows widths. */
typedef uint32_t DWORD, *LPDWORD, *PDWORD;
typedef uint16_t WORD;
typedef int BOOL, *LPBOOL;
typedef int INT, *LPINT;
typedef unsigned int UINT;
typedef uintptr_t ULONG_PTR;
typedef wchar_t WCHAR;
typedef WCHAR *LPWSTR, *PWSTR;
typedef const WCHAR *LPCWSTR, *PCWSTR;
typedef char *LPSTR;
typedef const char *LPCSTR;
typedef void *LPVOID, *PVOID;
typedef void *HANDLE, **LPHANDLE;
typedef void *HWND;
#ifndef WINAPI
#define WINAPI
#endif
#ifndef APIENTRY
#define APIENTRY
#endif
#ifndef TRUE
#define TRUE 1
#define FALSE 0
#endif
#ifndef NO_ERROR
#define NO_ERROR 0L
#endif
#ifndef MAX_PATH
#define MAX_PATH 260
#endif

#define RESOURCE_CONNECTED 0x00000001
#define RESOURCE_GLOBALNET 0x00000002
#define RESOURCE_REMEMBERED 0x00000003
#define RESOURCE_RECENT 0x00000004
#define RESOURCE_CONTEXT 0x00000005

#define RESOURCETYPE_ANY 0x00000000
#define RESOURCETYPE_DISK 0x00000001
#define RESOURCETYPE_PRINT 0x00000002
#define RESOURCETYPE_RESERVED 0x00000008
#define RESOURCETYPE_UNKNOWN 0xFFFFFFFF

#define RESOURCEUSAGE_CONNECTABLE 0x00000001
#define RESOURCEUSAGE_CONTAINER 0x00000002
#define RESOURCEUSAGE_NOLOCALDEVICE 0x00000004
#define RESOURCEUSAGE_SIBLING 0x00000008
#define RESOURCEUSAGE_ATTACHED 0x00000010
#define RESOURCEUSAGE_ALL (RESOURCEUSAGE_CONNECTABLE | RESOURCEUSAGE_CONTAINER | RESOURCEUSAGE_ATTACHED)
#define RESOURCEUSAGE_RESERVED 0x80000000

#define RESOURCEDISPLAYTYPE_GENERIC 0x00000000
#define RESOURCEDISPLAYTYPE_DOMAIN 0x00000001
#define RESOURCEDISPLAYTYPE_SERVER 0x00000002
#define RESOURCEDISPLAYTYPE_SHARE 0x00000003
#define RESOURCEDISPLAYTYPE_FILE 0x00000004
#define RESOURCEDISPLAYTYPE_GROUP 0x00000005
#define RESOURCEDISPLAYTYPE_NETWORK 0x00000006
#define RESOURCEDISPLAYTYPE_ROOT 0x00000007
#define RESOURCEDISPLAYTYPE_SHAREADMIN 0x00000008
#define RESOURCEDISPLAYTYPE_DIRECTORY 0x00000009
#define RESOURCEDISPLAYTYPE_TREE 0x0000000a
#define RESOURCEDISPLAYTYPE_NDSCONTAINER 0x0000000b

typedef struct _NETRESOURCEW {
  DWORD dwScope;
  DWORD dwType;
  DWORD dwDisplayType;
  DWORD dwUsage;
  LPWSTR lpLocalName;
  LPWSTR lpRemoteName;
  LPWSTR lpComment;
  LPWSTR lpProvider;
} NETRESOURCEW, *LPNETRESOURCEW;
typedef NETRESOURCEW NETRESOURCE;
typedef LPNETRESOURCEW LPNETRESOURCE;

#define NETPROPERTY_PERSISTENT 1

#define CONNECT_UPDATE_PROFILE 0x00000001
#define CONNECT_UPDATE_RECENT 0x00000002
#define CONNECT_TEMPORARY 0x00000004
#define CONNECT_INTERACTIVE 0x00000008
#define CONNECT_PROMPT 0x00000010
#define CONNECT_NEED_DRIVE 0x00000020
#define CONNECT_REFCOUNT 0x00000040
#define CONNECT_REDIRECT 0x00000080
#define CONNECT_LOCALDRIVE 0x00000100
#define CONNECT_CURRENT_MEDIA 0x00000200
#define CONNECT_DEFERRED 0x00000400
#define CONNECT_COMMANDLINE 0x00000800
#define CONNECT_CMD_SAVECRED 0x00001000
#define CONNECT_CRED_RESET 0x00002000
#define CONNECT_RESERVED 0xFF000000

#define WNFMT_MULTILINE 0x01
#define WNFMT_ABBREVIATED 0x02
#define WNFMT_INENUM 0x10
#define WNFMT_CONNECTION 0x20

#define UNIVERSAL_NAME_INFO_LEVEL 0x00000001
#define REMOTE_NAME_INFO_LEVEL 0x00000002

typedef struct _UNIVERSAL_NAME_INFOW {
  LPWSTR lpUniversalName;
} UNIVERSAL_NAME_INFOW, *LPUNIVERSAL_NAME_INFOW;

typedef struct _REMOTE_NAME_INFOW {
  LPWSTR lpUniversalName;
  LPWSTR lpConnectionName;
  LPWSTR lpRemainingPath;
} REMOTE_NAME_INFOW, *LPREMOTE_NAME_INFOW;

typedef struct _NETINFOSTRUCT {
  DWORD cbStructure;
  DWORD dwProviderVersion;
  DWORD dwStatus;
  DWORD dwCharacteristics;
  ULONG_PTR dwHandle;
  WORD wNetType;
  DWORD dwPrinters;
  DWORD dwDrives;
} NETINFOSTRUCT, *LPNETINFOSTRUCT;

#define NETINFO_DLL16 0x00000001
#define NETINFO_DISKRED 0x00000004
#define NETINFO_PRINTERRED 0x00000008

#define WNCON_FORNETCARD 0x00000001
#define WNCON_NOTROUTED 0x00000002
#define WNCON_SLOWLINK 0x00000004
#define WNCON_DYNAMIC 0x00000008

#define WNGETCON_CONNECTED 0x00000000
#define WNGETCON_DISCONNECTED 0x00000001

/* Result codes: each WN_* is the Win32 error code Windows gives it. */
#define WN_SUCCESS 0L
#define WN_NO_ERROR 0L
#define WN_ACCESS_DENIED 5L
#define WN_BAD_HANDLE 6L
#define WN_OUT_OF_MEMORY 8L
#define WN_DEVICE_ERROR 31L
#define WN_NOT_SUPPORTED 50L
#define WN_NET_ERROR 59L
#define WN_WINDOWS_ERROR 59L
#define WN_BAD_DEV_TYPE 66L
#define WN_BAD_NETNAME 67L
#define WN_ALREADY_CONNECTED 85L
#define WN_BAD_PASSWORD 86L
#define WN_BAD_VALUE 87L
#define WN_BAD_LEVEL 124L
#define WN_FUNCTION_BUSY 170L
#define WN_MORE_DATA 234L
#define WN_NO_MORE_ENTRIES 259L
#define WN_BAD_POINTER 487L
#define WN_BAD_LOCALNAME 1200L
#define WN_CONNECTION_CLOSED 1201L
#define WN_DEVICE_ALREADY_REMEMBERED 1202L
#define WN_NO_NET_OR_BAD_PATH 1203L
#define WN_BAD_PROVIDER 1204L
#define WN_CANNOT_OPEN_PROFILE 1205L
#define WN_BAD_PROFILE 1206L
#define WN_NOT_CONTAINER 1207L
#define WN_EXTENDED_ERROR 1208L
#define WN_NO_NETWORK 1222L
#define WN_CANCEL 1223L
#define WN_RETRY 1237L
#define WN_NOT_AUTHENTICATED 1244L
#define WN_NOT_LOGGED_ON 1245L
#define WN_NOT_INITIALIZING 1247L
#define WN_NO_MORE_DEVICES 1248L
#define WN_NOT_VALIDATED 1311L
#define WN_CONNECTED_OTHER_PASSWORD 2108L
#define WN_CONNECTED_OTHER_PASSWORD_DEFAULT 2109L
#define WN_BAD_USER 2202L
#define WN_NOT_CONNECTED 2250L
#define WN_OPEN_FILES 2401L
#define WN_DEVICE_IN_USE 2404L

/* The router's (MPR's) functions over npemu's providers, in the configured order
 * (docs/wnet.md). Each returns a WN_* code and leaves the calling thread's outcome
 * for WNetGetLastErrorW and npemu_last_error. Strings are NUL-terminated wide strings
 * (WCHAR: 4 bytes on Linux); sizes named "characters" count WCHARs with the NUL,
 * sizes named "bytes" count bytes. A NULL required pointer is WN_BAD_POINTER; a size
 * too small (or a NULL buffer) is WN_MORE_DATA with the size needed stored back and
 * nothing written. A malformed npemu.toml makes every call WN_BAD_PROFILE. */

/* WNetAddConnection3W(NULL, lpNetResource, lpPassword, lpUserName, dwFlags). */
NPEMU_API DWORD WINAPI WNetAddConnection2W(LPNETRESOURCEW lpNetResource, LPCWSTR lpPassword,
                                           LPCWSTR lpUserName, DWORD dwFlags);
/* Connects lpNetResource->lpLocalName (a drive or LPT port; NULL or L"" for none) to
 * lpNetResource->lpRemoteName (\\server\share[\path]). lpProvider names one provider
 * (local, mount, smb) or NULL/L"npemu" for each in order: the first answer that is
 * not WN_BAD_NETNAME ("not mine") is returned; when all say it, WN_BAD_NETNAME with
 * the detail of the provider that knows the server. dwFlags: CONNECT_UPDATE_PROFILE
 * remembers a device connection. The password is held for the call only. Errors
 * as NPAddConnection3 (npapi.h), plus WN_BAD_PROVIDER for an unknown lpProvider. */
NPEMU_API DWORD WINAPI WNetAddConnection3W(HWND hwndOwner, LPNETRESOURCEW lpNetResource,
                                           LPCWSTR lpPassword, LPCWSTR lpUserName,
                                           DWORD dwFlags);
/* WNetAddConnection3W that can choose the device: with CONNECT_REDIRECT and no
 * lpLocalName a free drive is taken, Z: first, then down to C: (skipping drives in
 * use or remembered for another share; none free: WN_NO_MORE_DEVICES; a printer is
 * never chosen: WN_BAD_DEV_TYPE). lpAccessName (*lpBufferSize characters, checked
 * before anything connects) receives the device, or the remote name when there is
 * none; *lpResult gets CONNECT_LOCALDRIVE when a device was used. Both may be NULL. */
NPEMU_API DWORD WINAPI WNetUseConnectionW(HWND hwndOwner, LPNETRESOURCEW lpNetResource,
                                          LPCWSTR lpPassword, LPCWSTR lpUserId, DWORD dwFlags,
                                          LPWSTR lpAccessName, LPDWORD lpBufferSize,
                                          LPDWORD lpResult);
/* Cancels lpName (a device, or a remote name: its deviceless connections), refused
 * with WN_OPEN_FILES while files are open unless fForce, as NPCancelConnection2
 * (npapi.h). dwFlags: CONNECT_UPDATE_PROFILE also forgets a device's remembered entry;
 * a remembered device that is not connected is then forgotten and the call succeeds
 * (the router's rule). WN_NOT_CONNECTED when nothing by that name is connected. */
NPEMU_API DWORD WINAPI WNetCancelConnection2W(LPCWSTR lpName, DWORD dwFlags, BOOL fForce);
/* The remote name of the device lpLocalName, copied to lpRemoteName (*lpnLength
 * characters, in and out). A device remembered but not connected: WN_CONNECTION_CLOSED,
 * with the remembered name filled in. WN_NOT_CONNECTED, WN_BAD_LOCALNAME. */
NPEMU_API DWORD WINAPI WNetGetConnectionW(LPCWSTR lpLocalName, LPWSTR lpRemoteName,
                                          LPDWORD lpnLength);
/* As NPGetUniversalName (npapi.h): the UNC form of a path on a device, at
 * UNIVERSAL_NAME_INFO_LEVEL or REMOTE_NAME_INFO_LEVEL, *lpBufferSize in bytes. */
NPEMU_API DWORD WINAPI WNetGetUniversalNameW(LPCWSTR lpLocalPath, DWORD dwInfoLevel,
                                             LPVOID lpBuffer, LPDWORD lpBufferSize);
/* NPGetResourceInformation at the router's level, same answers: the share that holds
 * lpNetResource->lpRemoteName as a NETRESOURCEW in lpBuffer, *lplpSystem pointing at
 * the rest of the path. lpcbBuffer in bytes; a buffer with *lpcbBuffer 0 is
 * WN_BAD_VALUE, a NULL buffer with a size that is not 0 WN_BAD_POINTER, too small
 * WN_MORE_DATA with the bytes needed. */
NPEMU_API DWORD WINAPI WNetGetResourceInformationW(LPNETRESOURCEW lpNetResource, LPVOID lpBuffer,
                                                   LPDWORD lpcbBuffer, LPWSTR *lplpSystem);
/* NPGetResourceParent at the router's level, same answers (a directory's parent, a
 * share's server, a server's network), with WNetGetResourceInformationW's buffer rules. */
NPEMU_API DWORD WINAPI WNetGetResourceParentW(LPNETRESOURCEW lpNetResource, LPVOID lpBuffer,
                                              LPDWORD lpcbBuffer);
/* As NPGetUser (npapi.h): the user of a connection, or the login name for NULL. */
NPEMU_API DWORD WINAPI WNetGetUserW(LPCWSTR lpName, LPWSTR lpUserName, LPDWORD lpnLength);
/* As NPOpenEnum (npapi.h), over every configured provider: RESOURCE_CONNECTED,
 * RESOURCE_REMEMBERED, or RESOURCE_GLOBALNET (the top level is one network container
 * per provider, then its servers, then a server's shares and printers). */
NPEMU_API DWORD WINAPI WNetOpenEnumW(DWORD dwScope, DWORD dwType, DWORD dwUsage,
                                     LPNETRESOURCEW lpNetResource, LPHANDLE lphEnum);
/* As NPEnumResource (npapi.h): whole NETRESOURCEW entries in *lpBufferSize bytes,
 * at most *lpcCount (0xFFFFFFFF: as many as fit); WN_NO_MORE_ENTRIES at the end. */
NPEMU_API DWORD WINAPI WNetEnumResourceW(HANDLE hEnum, LPDWORD lpcCount, LPVOID lpBuffer,
                                         LPDWORD lpBufferSize);
/* Ends an enumeration. WN_BAD_HANDLE when hEnum is not open. */
NPEMU_API DWORD WINAPI WNetCloseEnum(HANDLE hEnum);
/* The calling thread's last outcome: *lpError its WN_* code, lpErrorBuf (nErrorBufSize
 * characters) its sentence (for WN_OPEN_FILES each holder: pid, program, path),
 * lpNameBuf (nNameBufSize characters) the provider name "npemu". Text that does not
 * fit is cut, never overflowed; the call does not change the outcome it reports.
 * WN_BAD_POINTER for a NULL lpError, or a NULL buffer with a size. */
NPEMU_API DWORD WINAPI WNetGetLastErrorW(LPDWORD lpError, LPWSTR lpErrorBuf,
                                         DWORD nErrorBufSize, LPWSTR lpNameBuf,
                                         DWORD nNameBufSize);
/* The provider name of the network type dwNetType (NPGetCaps(WNNC_NET_TYPE)):
 * "npemu", copied to lpProviderName (*lpBufferSize characters). WN_NO_NETWORK for any
 * other type. */
NPEMU_API DWORD WINAPI WNetGetProviderNameW(DWORD dwNetType, LPWSTR lpProviderName,
                                            LPDWORD lpBufferSize);
/* Fills *lpNetInfoStruct (cbStructure set by the caller, at least
 * sizeof(NETINFOSTRUCT), else WN_BAD_VALUE) for lpProvider: "npemu" or a configured
 * provider's name (else WN_BAD_PROVIDER). */
NPEMU_API DWORD WINAPI WNetGetNetworkInformationW(LPCWSTR lpProvider,
                                                  LPNETINFOSTRUCT lpNetInfoStruct);
/* Reconnects the remembered device lpDevice, or with NULL every remembered device
 * that is not connected, each through its recorded provider and user (what a Windows
 * logon does). One that fails does not stop the others; the result is the first
 * failure's code and WNetGetLastErrorW lists each. WN_NOT_CONNECTED when lpDevice is
 * not remembered. hwndParent: unused. */
NPEMU_API DWORD WINAPI WNetRestoreConnectionW(HWND hwndParent, LPCWSTR lpDevice);

#ifdef __cplusplus
}
#endif

#endif /* _WIN32 */
#endif /* NPEMU_WINNETWK_H */
