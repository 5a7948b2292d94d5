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

NPEMU_API DWORD WINAPI WNetAddConnection2W(LPNETRESOURCEW lpNetResource, LPCWSTR lpPassword,
                                           LPCWSTR lpUserName, DWORD dwFlags);
NPEMU_API DWORD WINAPI WNetAddConnection3W(HWND hwndOwner, LPNETRESOURCEW lpNetResource,
                                           LPCWSTR lpPassword, LPCWSTR lpUserName,
                                           DWORD dwFlags);
NPEMU_API DWORD WINAPI WNetUseConnectionW(HWND hwndOwner, LPNETRESOURCEW lpNetResource,
                                          LPCWSTR lpPassword, LPCWSTR lpUserId, DWORD dwFlags,
                                          LPWSTR lpAccessName, LPDWORD lpBufferSize,
                                          LPDWORD lpResult);
NPEMU_API DWORD WINAPI WNetCancelConnection2W(LPCWSTR lpName, DWORD dwFlags, BOOL fForce);
NPEMU_API DWORD WINAPI WNetGetConnectionW(LPCWSTR lpLocalName, LPWSTR lpRemoteName,
                                          LPDWORD lpnLength);
NPEMU_API DWORD WINAPI WNetGetUniversalNameW(LPCWSTR lpLocalPath, DWORD dwInfoLevel,
                                             LPVOID lpBuffer, LPDWORD lpBufferSize);
/* The resource queries (NPGetResourceInformation/NPGetResourceParent at the MPR
 * level, same answers). lpcbBuffer in bytes; a buffer with *lpcbBuffer 0 is
 * WN_BAD_VALUE, a NULL buffer with a size that is not 0 WN_BAD_POINTER, too small
 * WN_MORE_DATA with the bytes needed. */
NPEMU_API DWORD WINAPI WNetGetResourceInformationW(LPNETRESOURCEW lpNetResource, LPVOID lpBuffer,
                                                   LPDWORD lpcbBuffer, LPWSTR *lplpSystem);
NPEMU_API DWORD WINAPI WNetGetResourceParentW(LPNETRESOURCEW lpNetResource, LPVOID lpBuffer,
                                              LPDWORD lpcbBuffer);
NPEMU_API DWORD WINAPI WNetGetUserW(LPCWSTR lpName, LPWSTR lpUserName, LPDWORD lpnLength);
NPEMU_API DWORD WINAPI WNetOpenEnumW(DWORD dwScope, DWORD dwType, DWORD dwUsage,
                                     LPNETRESOURCEW lpNetResource, LPHANDLE lphEnum);
NPEMU_API DWORD WINAPI WNetEnumResourceW(HANDLE hEnum, LPDWORD lpcCount, LPVOID lpBuffer,
                                         LPDWORD lpBufferSize);
NPEMU_API DWORD WINAPI WNetCloseEnum(HANDLE hEnum);
NPEMU_API DWORD WINAPI WNetGetLastErrorW(LPDWORD lpError, LPWSTR lpErrorBuf,
                                         DWORD nErrorBufSize, LPWSTR lpNameBuf,
                                         DWORD nNameBufSize);
NPEMU_API DWORD WINAPI WNetGetProviderNameW(DWORD dwNetType, LPWSTR lpProviderName,
                                            LPDWORD lpBufferSize);
NPEMU_API DWORD WINAPI WNetGetNetworkInformationW(LPCWSTR lpProvider,
                                                  LPNETINFOSTRUCT lpNetInfoStruct);
NPEMU_API DWORD WINAPI WNetRestoreConnectionW(HWND hwndParent, LPCWSTR lpDevice);

#ifdef __cplusplus
}
#endif

#endif /* _WIN32 */
#endif /* NPEMU_WINNETWK_H */
