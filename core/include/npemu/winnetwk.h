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

#include <npemu/winerror.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef NPEMU_API
#define NPEMU_API __attribute__((visibility("default")))
#endif

/* Windows' base types, with their Windows widths. */
typedef uint32_t DWORD, *LPDWORD, *PDWORD;
typedef uint16_t WORD;
typedef int32_t LONG;
typedef int BOOL, *LPBOOL;
typedef int INT, *LPINT;
typedef unsigned int UINT;
typedef uintptr_t ULONG_PTR;
typedef char CHAR;
typedef wchar_t WCHAR;
typedef WCHAR *LPWSTR, *PWSTR;
typedef const WCHAR *LPCWSTR, *PCWSTR;
typedef char *LPSTR, *PSTR;
typedef const char *LPCSTR, *PCSTR;
typedef void *LPVOID, *PVOID;
typedef void *HANDLE, **LPHANDLE;
typedef void *HWND;
#ifndef VOID
#define VOID void
#endif
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
#ifndef MAX_PATH
#define MAX_PATH 260
#endif

/* UNICODE picks the W functions and structures for the unsuffixed names (as
 * Windows' headers do); without it they are the A ones, whose strings npemu
 * takes and returns in UTF-8. TCHAR and TEXT() follow the same switch. */
#ifdef UNICODE
#define NPEMU_AW(name) name##W
typedef WCHAR TCHAR;
#ifndef __TEXT
#define __TEXT(quote) L##quote
#endif
#else
#define NPEMU_AW(name) name##A
typedef char TCHAR;
#ifndef __TEXT
#define __TEXT(quote) quote
#endif
#endif
typedef TCHAR *LPTSTR, *PTSTR;
typedef const TCHAR *LPCTSTR, *PCTSTR;
#ifndef TEXT
#define TEXT(quote) __TEXT(quote)
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

typedef struct _NETRESOURCEA {
  DWORD dwScope;
  DWORD dwType;
  DWORD dwDisplayType;
  DWORD dwUsage;
  LPSTR lpLocalName;
  LPSTR lpRemoteName;
  LPSTR lpComment;
  LPSTR lpProvider;
} NETRESOURCEA, *LPNETRESOURCEA;
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
typedef NPEMU_AW(NETRESOURCE) NETRESOURCE;
typedef NPEMU_AW(LPNETRESOURCE) LPNETRESOURCE;

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

/* The connection dialogs' structures (the dialogs themselves: see below). */
typedef struct _CONNECTDLGSTRUCTA {
  DWORD cbStructure;
  HWND hwndOwner;
  LPNETRESOURCEA lpConnRes;
  DWORD dwFlags;
  DWORD dwDevNum;
} CONNECTDLGSTRUCTA, *LPCONNECTDLGSTRUCTA;
typedef struct _CONNECTDLGSTRUCTW {
  DWORD cbStructure;
  HWND hwndOwner;
  LPNETRESOURCEW lpConnRes;
  DWORD dwFlags;
  DWORD dwDevNum;
} CONNECTDLGSTRUCTW, *LPCONNECTDLGSTRUCTW;
typedef NPEMU_AW(CONNECTDLGSTRUCT) CONNECTDLGSTRUCT;
typedef NPEMU_AW(LPCONNECTDLGSTRUCT) LPCONNECTDLGSTRUCT;

#define CONNDLG_RO_PATH 0x00000001
#define CONNDLG_CONN_POINT 0x00000002
#define CONNDLG_USE_MRU 0x00000004
#define CONNDLG_HIDE_BOX 0x00000008
#define CONNDLG_PERSIST 0x00000010
#define CONNDLG_NOT_PERSIST 0x00000020

typedef struct _DISCDLGSTRUCTA {
  DWORD cbStructure;
  HWND hwndOwner;
  LPSTR lpLocalName;
  LPSTR lpRemoteName;
  DWORD dwFlags;
} DISCDLGSTRUCTA, *LPDISCDLGSTRUCTA;
typedef struct _DISCDLGSTRUCTW {
  DWORD cbStructure;
  HWND hwndOwner;
  LPWSTR lpLocalName;
  LPWSTR lpRemoteName;
  DWORD dwFlags;
} DISCDLGSTRUCTW, *LPDISCDLGSTRUCTW;
typedef NPEMU_AW(DISCDLGSTRUCT) DISCDLGSTRUCT;
typedef NPEMU_AW(LPDISCDLGSTRUCT) LPDISCDLGSTRUCT;

#define DISC_UPDATE_PROFILE 0x00000001
#define DISC_NO_FORCE 0x00000040

#define WNFMT_MULTILINE 0x01
#define WNFMT_ABBREVIATED 0x02
#define WNFMT_INENUM 0x10
#define WNFMT_CONNECTION 0x20

#define UNIVERSAL_NAME_INFO_LEVEL 0x00000001
#define REMOTE_NAME_INFO_LEVEL 0x00000002

typedef struct _UNIVERSAL_NAME_INFOA {
  LPSTR lpUniversalName;
} UNIVERSAL_NAME_INFOA, *LPUNIVERSAL_NAME_INFOA;
typedef struct _UNIVERSAL_NAME_INFOW {
  LPWSTR lpUniversalName;
} UNIVERSAL_NAME_INFOW, *LPUNIVERSAL_NAME_INFOW;
typedef NPEMU_AW(UNIVERSAL_NAME_INFO) UNIVERSAL_NAME_INFO;
typedef NPEMU_AW(LPUNIVERSAL_NAME_INFO) LPUNIVERSAL_NAME_INFO;

typedef struct _REMOTE_NAME_INFOA {
  LPSTR lpUniversalName;
  LPSTR lpConnectionName;
  LPSTR lpRemainingPath;
} REMOTE_NAME_INFOA, *LPREMOTE_NAME_INFOA;
typedef struct _REMOTE_NAME_INFOW {
  LPWSTR lpUniversalName;
  LPWSTR lpConnectionName;
  LPWSTR lpRemainingPath;
} REMOTE_NAME_INFOW, *LPREMOTE_NAME_INFOW;
typedef NPEMU_AW(REMOTE_NAME_INFO) REMOTE_NAME_INFO;
typedef NPEMU_AW(LPREMOTE_NAME_INFO) LPREMOTE_NAME_INFO;

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

typedef struct _NETCONNECTINFOSTRUCT {
  DWORD cbStructure;
  DWORD dwFlags;
  DWORD dwSpeed;
  DWORD dwDelay;
  DWORD dwOptDataSize;
} NETCONNECTINFOSTRUCT, *LPNETCONNECTINFOSTRUCT;

#define WNCON_FORNETCARD 0x00000001
#define WNCON_NOTROUTED 0x00000002
#define WNCON_SLOWLINK 0x00000004
#define WNCON_DYNAMIC 0x00000008

#define WNGETCON_CONNECTED 0x00000000
#define WNGETCON_DISCONNECTED 0x00000001

/* Profile callbacks of the old logon scripts: declared for source
 * compatibility; npemu calls none of them. */
typedef UINT(WINAPI *PFNGETPROFILEPATHA)(LPCSTR pszUsername, LPSTR pszBuffer, UINT cbBuffer);
typedef UINT(WINAPI *PFNGETPROFILEPATHW)(LPCWSTR pszUsername, LPWSTR pszBuffer, UINT cbBuffer);
typedef UINT(WINAPI *PFNRECONCILEPROFILEA)(LPCSTR pszCentralFile, LPCSTR pszLocalFile, DWORD dwFlags);
typedef UINT(WINAPI *PFNRECONCILEPROFILEW)(LPCWSTR pszCentralFile, LPCWSTR pszLocalFile, DWORD dwFlags);
typedef BOOL(WINAPI *PFNPROCESSPOLICIESA)(HWND hwnd, LPCSTR pszPath, LPCSTR pszUsername,
                                          LPCSTR pszComputerName, DWORD dwFlags);
typedef BOOL(WINAPI *PFNPROCESSPOLICIESW)(HWND hwnd, LPCWSTR pszPath, LPCWSTR pszUsername,
                                          LPCWSTR pszComputerName, DWORD dwFlags);
#define PFNGETPROFILEPATH NPEMU_AW(PFNGETPROFILEPATH)
#define PFNRECONCILEPROFILE NPEMU_AW(PFNRECONCILEPROFILE)
#define PFNPROCESSPOLICIES NPEMU_AW(PFNPROCESSPOLICIES)
#define RP_LOGON 0x01
#define RP_INIFILE 0x02
#define PP_DISPLAYERRORS 0x01

/* Result codes: each WN_* is the Win32 error code Windows gives it (npemu/winerror.h). */
#define WN_SUCCESS NO_ERROR
#define WN_NO_ERROR NO_ERROR
#define WN_ACCESS_DENIED ERROR_ACCESS_DENIED
#define WN_BAD_HANDLE ERROR_INVALID_HANDLE
#define WN_OUT_OF_MEMORY ERROR_NOT_ENOUGH_MEMORY
#define WN_DEVICE_ERROR ERROR_GEN_FAILURE
#define WN_NOT_SUPPORTED ERROR_NOT_SUPPORTED
#define WN_NET_ERROR ERROR_UNEXP_NET_ERR
#define WN_WINDOWS_ERROR ERROR_UNEXP_NET_ERR
#define WN_BAD_DEV_TYPE ERROR_BAD_DEV_TYPE
#define WN_BAD_NETNAME ERROR_BAD_NET_NAME
#define WN_ALREADY_CONNECTED ERROR_ALREADY_ASSIGNED
#define WN_BAD_PASSWORD ERROR_INVALID_PASSWORD
#define WN_BAD_VALUE ERROR_INVALID_PARAMETER
#define WN_BAD_LEVEL ERROR_INVALID_LEVEL
#define WN_FUNCTION_BUSY ERROR_BUSY
#define WN_MORE_DATA ERROR_MORE_DATA
#define WN_NO_MORE_ENTRIES ERROR_NO_MORE_ITEMS
#define WN_BAD_POINTER ERROR_INVALID_ADDRESS
#define WN_BAD_LOCALNAME ERROR_BAD_DEVICE
#define WN_CONNECTION_CLOSED ERROR_CONNECTION_UNAVAIL
#define WN_DEVICE_ALREADY_REMEMBERED ERROR_DEVICE_ALREADY_REMEMBERED
#define WN_NO_NET_OR_BAD_PATH ERROR_NO_NET_OR_BAD_PATH
#define WN_BAD_PROVIDER ERROR_BAD_PROVIDER
#define WN_CANNOT_OPEN_PROFILE ERROR_CANNOT_OPEN_PROFILE
#define WN_BAD_PROFILE ERROR_BAD_PROFILE
#define WN_NOT_CONTAINER ERROR_NOT_CONTAINER
#define WN_EXTENDED_ERROR ERROR_EXTENDED_ERROR
#define WN_NO_NETWORK ERROR_NO_NETWORK
#define WN_CANCEL ERROR_CANCELLED
#define WN_RETRY ERROR_RETRY
#define WN_NOT_AUTHENTICATED ERROR_NOT_AUTHENTICATED
#define WN_NOT_LOGGED_ON ERROR_NOT_LOGGED_ON
#define WN_NOT_INITIALIZING ERROR_ALREADY_INITIALIZED
#define WN_NO_MORE_DEVICES ERROR_NO_MORE_DEVICES
#define WN_NOT_VALIDATED ERROR_NO_LOGON_SERVERS
#define WN_CONNECTED_OTHER_PASSWORD ERROR_CONNECTED_OTHER_PASSWORD
#define WN_CONNECTED_OTHER_PASSWORD_DEFAULT ERROR_CONNECTED_OTHER_PASSWORD_DEFAULT
#define WN_BAD_USER ERROR_BAD_USERNAME
#define WN_NOT_CONNECTED ERROR_NOT_CONNECTED
#define WN_OPEN_FILES ERROR_OPEN_FILES
#define WN_DEVICE_IN_USE ERROR_DEVICE_IN_USE

/* The oldest add: connects lpLocalName (NULL: deviceless) to lpRemoteName with lpPassword,
 * remembered, any resource type; as WNetAddConnection2W otherwise. */
NPEMU_API DWORD WINAPI WNetAddConnectionW(LPCWSTR lpRemoteName, LPCWSTR lpPassword, LPCWSTR lpLocalName);
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
/* The oldest cancel: WNetCancelConnection2W(lpName, CONNECT_UPDATE_PROFILE, fForce). */
NPEMU_API DWORD WINAPI WNetCancelConnectionW(LPCWSTR lpName, BOOL fForce);
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
/* fUseUI is ignored: npemu has no user interface. */
NPEMU_API DWORD WINAPI WNetRestoreSingleConnectionW(HWND hwndParent, LPCWSTR lpDevice, BOOL fUseUI);
/* A connected name: WN_NOT_SUPPORTED (no provider of npemu measures its link);
 * otherwise the error of WNetGetConnectionW/WNetGetUserW for that name. */
NPEMU_API DWORD WINAPI MultinetGetConnectionPerformanceW(LPNETRESOURCEW lpNetResource,
                                                         LPNETCONNECTINFOSTRUCT lpNetConnectInfoStruct);

/* The A functions: the same calls with char strings, in UTF-8 on Linux (the
 * system's code page, as A functions take CP_ACP on Windows). Each converts its
 * arguments with Boost.Nowide and calls its W function: same results and
 * errors; string buffer sizes are in bytes (chars) of the UTF-8 result. A
 * string that is not valid UTF-8 is the code the W function gives a malformed
 * one: WN_BAD_NETNAME for a remote name, WN_BAD_LOCALNAME for a device. */
NPEMU_API DWORD WINAPI WNetAddConnectionA(LPCSTR lpRemoteName, LPCSTR lpPassword, LPCSTR lpLocalName);
/* WNetAddConnection2W with the NETRESOURCEA strings and the password in UTF-8. */
NPEMU_API DWORD WINAPI WNetAddConnection2A(LPNETRESOURCEA lpNetResource, LPCSTR lpPassword,
                                           LPCSTR lpUserName, DWORD dwFlags);
/* WNetAddConnection3W with UTF-8 strings. */
NPEMU_API DWORD WINAPI WNetAddConnection3A(HWND hwndOwner, LPNETRESOURCEA lpNetResource,
                                           LPCSTR lpPassword, LPCSTR lpUserName, DWORD dwFlags);
/* WNetUseConnectionW with UTF-8 strings; *lpBufferSize is in bytes of the UTF-8 access name. */
NPEMU_API DWORD WINAPI WNetUseConnectionA(HWND hwndOwner, LPNETRESOURCEA lpNetResource,
                                          LPCSTR lpPassword, LPCSTR lpUserId, DWORD dwFlags,
                                          LPSTR lpAccessName, LPDWORD lpBufferSize,
                                          LPDWORD lpResult);
/* WNetCancelConnectionW with a UTF-8 name. */
NPEMU_API DWORD WINAPI WNetCancelConnectionA(LPCSTR lpName, BOOL fForce);
/* WNetCancelConnection2W with a UTF-8 name. */
NPEMU_API DWORD WINAPI WNetCancelConnection2A(LPCSTR lpName, DWORD dwFlags, BOOL fForce);
/* WNetGetConnectionW with UTF-8 names; *lpnLength is in bytes. */
NPEMU_API DWORD WINAPI WNetGetConnectionA(LPCSTR lpLocalName, LPSTR lpRemoteName, LPDWORD lpnLength);
/* WNetGetUniversalNameW with UTF-8 strings in the structures; *lpBufferSize in bytes. */
NPEMU_API DWORD WINAPI WNetGetUniversalNameA(LPCSTR lpLocalPath, DWORD dwInfoLevel, LPVOID lpBuffer,
                                             LPDWORD lpBufferSize);
/* WNetGetUserW with UTF-8 names; *lpnLength is in bytes. */
NPEMU_API DWORD WINAPI WNetGetUserA(LPCSTR lpName, LPSTR lpUserName, LPDWORD lpnLength);
/* WNetOpenEnumW with a NETRESOURCEA parent; the handle hands out NETRESOURCEA entries. */
NPEMU_API DWORD WINAPI WNetOpenEnumA(DWORD dwScope, DWORD dwType, DWORD dwUsage,
                                     LPNETRESOURCEA lpNetResource, LPHANDLE lphEnum);
/* WNetEnumResourceW packing NETRESOURCEA entries with UTF-8 strings; *lpBufferSize in bytes. */
NPEMU_API DWORD WINAPI WNetEnumResourceA(HANDLE hEnum, LPDWORD lpcCount, LPVOID lpBuffer,
                                         LPDWORD lpBufferSize);
/* WNetGetLastErrorW with the text and provider name in UTF-8; nErrorBufSize and
 * nNameBufSize are in bytes, and a text that does not fit is cut at a character. */
NPEMU_API DWORD WINAPI WNetGetLastErrorA(LPDWORD lpError, LPSTR lpErrorBuf, DWORD nErrorBufSize,
                                         LPSTR lpNameBuf, DWORD nNameBufSize);
/* WNetGetProviderNameW in UTF-8; *lpBufferSize is in bytes. */
NPEMU_API DWORD WINAPI WNetGetProviderNameA(DWORD dwNetType, LPSTR lpProviderName,
                                            LPDWORD lpBufferSize);
/* WNetGetNetworkInformationW for a provider named in UTF-8. */
NPEMU_API DWORD WINAPI WNetGetNetworkInformationA(LPCSTR lpProvider, LPNETINFOSTRUCT lpNetInfoStruct);
/* WNetRestoreConnectionW with a UTF-8 device (NULL: every remembered device). */
NPEMU_API DWORD WINAPI WNetRestoreConnectionA(HWND hwndParent, LPCSTR lpDevice);
/* MultinetGetConnectionPerformanceW with a NETRESOURCEA. */
NPEMU_API DWORD WINAPI MultinetGetConnectionPerformanceA(LPNETRESOURCEA lpNetResource,
                                                         LPNETCONNECTINFOSTRUCT lpNetConnectInfoStruct);

/* Resource information and parents in UTF-8: the W functions' answers as
 * NETRESOURCEA, lpcbBuffer in bytes of the structure and its UTF-8 strings. */
NPEMU_API DWORD WINAPI WNetGetResourceInformationA(LPNETRESOURCEA lpNetResource, LPVOID lpBuffer,
                                                   LPDWORD lpcbBuffer, LPSTR *lplpSystem);
/* WNetGetResourceParentW with NETRESOURCEA structures and UTF-8 strings; sizes in bytes. */
NPEMU_API DWORD WINAPI WNetGetResourceParentA(LPNETRESOURCEA lpNetResource, LPVOID lpBuffer,
                                              LPDWORD lpcbBuffer);
#define WNetGetResourceInformation NPEMU_AW(WNetGetResourceInformation)
#define WNetGetResourceParent NPEMU_AW(WNetGetResourceParent)

/* The dialogs. npemu has no user interface: each answers WN_NO_NETWORK
 * (ERROR_NO_NETWORK), as Wine's MPR does, and changes nothing (docs/wnet.md). */
NPEMU_API DWORD WINAPI WNetConnectionDialog(HWND hwnd, DWORD dwType);
/* The disconnect dialog: no UI here, WN_NO_NETWORK and nothing changed (docs/wnet.md). */
NPEMU_API DWORD WINAPI WNetDisconnectDialog(HWND hwnd, DWORD dwType);
/* The connect dialog with a CONNECTDLGSTRUCTA: no UI here, WN_NO_NETWORK and nothing changed. */
NPEMU_API DWORD WINAPI WNetConnectionDialog1A(LPCONNECTDLGSTRUCTA lpConnDlgStruct);
/* The connect dialog with a CONNECTDLGSTRUCTW: no UI here, WN_NO_NETWORK and nothing changed. */
NPEMU_API DWORD WINAPI WNetConnectionDialog1W(LPCONNECTDLGSTRUCTW lpConnDlgStruct);
/* The disconnect dialog with a DISCDLGSTRUCTA: no UI here, WN_NO_NETWORK and nothing changed. */
NPEMU_API DWORD WINAPI WNetDisconnectDialog1A(LPDISCDLGSTRUCTA lpConnDlgStruct);
/* The disconnect dialog with a DISCDLGSTRUCTW: no UI here, WN_NO_NETWORK and nothing changed. */
NPEMU_API DWORD WINAPI WNetDisconnectDialog1W(LPDISCDLGSTRUCTW lpConnDlgStruct);

/* The unsuffixed names: W under UNICODE, A without it. */
#define WNetAddConnection NPEMU_AW(WNetAddConnection)
#define WNetAddConnection2 NPEMU_AW(WNetAddConnection2)
#define WNetAddConnection3 NPEMU_AW(WNetAddConnection3)
#define WNetUseConnection NPEMU_AW(WNetUseConnection)
#define WNetCancelConnection NPEMU_AW(WNetCancelConnection)
#define WNetCancelConnection2 NPEMU_AW(WNetCancelConnection2)
#define WNetGetConnection NPEMU_AW(WNetGetConnection)
#define WNetGetUniversalName NPEMU_AW(WNetGetUniversalName)
#define WNetGetUser NPEMU_AW(WNetGetUser)
#define WNetOpenEnum NPEMU_AW(WNetOpenEnum)
#define WNetEnumResource NPEMU_AW(WNetEnumResource)
#define WNetGetLastError NPEMU_AW(WNetGetLastError)
#define WNetGetProviderName NPEMU_AW(WNetGetProviderName)
#define WNetGetNetworkInformation NPEMU_AW(WNetGetNetworkInformation)
#define WNetRestoreConnection NPEMU_AW(WNetRestoreConnection)
#define MultinetGetConnectionPerformance NPEMU_AW(MultinetGetConnectionPerformance)
#define WNetConnectionDialog1 NPEMU_AW(WNetConnectionDialog1)
#define WNetDisconnectDialog1 NPEMU_AW(WNetDisconnectDialog1)

#ifdef __cplusplus
}
#endif

#endif /* _WIN32 */
#endif /* NPEMU_WINNETWK_H */
