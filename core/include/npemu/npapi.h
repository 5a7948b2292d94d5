/* npemu — the Network Provider surface of npapi.h: what a provider DLL exports
 * to a Multiple Provider Router. On Windows this is the SDK's own header. */
#ifndef NPEMU_NPAPI_H
#define NPEMU_NPAPI_H

#include <npemu/winnetwk.h>

#ifdef _WIN32
#ifdef __cplusplus
extern "C" { /* mingw-w64's npapi.h has no C++ guard of its own */
#endif
#include <npapi.h>
#ifdef __MINGW32__
/* mingw-w64's npapi.h lacks it; npemu exports it on every system. */
DWORD WINAPI NPCancelConnection2(LPWSTR lpName, BOOL fForce, DWORD dwFlags);
#endif
#ifdef __cplusplus
}
#endif
#else

#ifdef __cplusplus
extern "C" {
#endif

/* NPGetCaps indexes and their answers. */
#define WNNC_SPEC_VERSION 0x00000001
#define WNNC_SPEC_VERSION51 0x00050001
#define WNNC_NET_TYPE 0x00000002
#define WNNC_DRIVER_VERSION 0x00000003
#define WNNC_USER 0x00000004
#define WNNC_USR_GETUSER 0x00000001
#define WNNC_CONNECTION 0x00000006
#define WNNC_CON_ADDCONNECTION 0x00000001
#define WNNC_CON_CANCELCONNECTION 0x00000002
#define WNNC_CON_GETCONNECTIONS 0x00000004
#define WNNC_CON_ADDCONNECTION3 0x00000008
#define WNNC_CON_GETPERFORMANCE 0x00000040
#define WNNC_CON_DEFER 0x00000080
#define WNNC_DIALOG 0x00000008
#define WNNC_DLG_DEVICEMODE 0x00000001
#define WNNC_DLG_PROPERTYDIALOG 0x00000020
#define WNNC_DLG_SEARCHDIALOG 0x00000040
#define WNNC_DLG_FORMATNETWORKNAME 0x00000080
#define WNNC_DLG_PERMISSIONEDITOR 0x00000100
#define WNNC_DLG_GETRESOURCEPARENT 0x00000200
#define WNNC_DLG_GETRESOURCEINFORMATION 0x00000800
#define WNNC_ADMIN 0x00000009
#define WNNC_ADM_GETDIRECTORYTYPE 0x00000001
#define WNNC_ADM_DIRECTORYNOTIFY 0x00000002
#define WNNC_ENUMERATION 0x0000000B
#define WNNC_ENUM_GLOBAL 0x00000001
#define WNNC_ENUM_LOCAL 0x00000002
#define WNNC_ENUM_CONTEXT 0x00000004
#define WNNC_ENUM_SHAREABLE 0x00000008
#define WNNC_START 0x0000000C
#define WNNC_WAIT_FOR_START 0x00000001
#define WNNC_CRED_MANAGER 0xffff0000

/* Network types reported through WNNC_NET_TYPE (high word). */
#define WNNC_NET_10NET             0x00050000
#define WNNC_NET_3IN1              0x00270000
#define WNNC_NET_9TILES            0x00090000
#define WNNC_NET_APPLETALK         0x00130000
#define WNNC_NET_AS400             0x000b0000
#define WNNC_NET_AVID              0x001a0000
#define WNNC_NET_AVID1             0x003a0000
#define WNNC_NET_BMC               0x00180000
#define WNNC_NET_BWNFS             0x00100000
#define WNNC_NET_CLEARCASE         0x00160000
#define WNNC_NET_COGENT            0x00110000
#define WNNC_NET_CSC               0x00260000
#define WNNC_NET_DAV               0x002e0000
#define WNNC_NET_DCE               0x00190000
#define WNNC_NET_DECORB            0x00200000
#define WNNC_NET_DFS               0x003b0000
#define WNNC_NET_DISTINCT          0x00230000
#define WNNC_NET_DOCUSPACE         0x001b0000
#define WNNC_NET_DRIVEONWEB        0x003e0000
#define WNNC_NET_EXIFS             0x002d0000
#define WNNC_NET_EXTENDNET         0x00290000
#define WNNC_NET_FARALLON          0x00120000
#define WNNC_NET_FJ_REDIR          0x00220000
#define WNNC_NET_FOXBAT            0x002b0000
#define WNNC_NET_FRONTIER          0x00170000
#define WNNC_NET_FTP_NFS           0x000c0000
#define WNNC_NET_GOOGLE            0x00430000
#define WNNC_NET_HOB_NFS           0x00320000
#define WNNC_NET_IBMAL             0x00340000
#define WNNC_NET_INTERGRAPH        0x00140000
#define WNNC_NET_KNOWARE           0x002f0000
#define WNNC_NET_KWNP              0x003c0000
#define WNNC_NET_LANSTEP           0x00080000
#define WNNC_NET_LANTASTIC         0x000a0000
#define WNNC_NET_LIFENET           0x000e0000
#define WNNC_NET_LOCK              0x00350000
#define WNNC_NET_LOCUS             0x00060000
#define WNNC_NET_MANGOSOFT         0x001c0000
#define WNNC_NET_MASFAX            0x00310000
#define WNNC_NET_MFILES            0x00410000
#define WNNC_NET_MSNET             0x00010000
#define WNNC_NET_MS_NFS            0x00420000
#define WNNC_NET_NDFS              0x00440000
#define WNNC_NET_NETWARE           0x00030000
#define WNNC_NET_NONE              0x00000000
#define WNNC_NET_OBJECT_DIRE       0x00300000
#define WNNC_NET_OPENAFS           0x00390000
#define WNNC_NET_PATHWORKS         0x000d0000
#define WNNC_NET_POWERLAN          0x000f0000
#define WNNC_NET_PROTSTOR          0x00210000
#define WNNC_NET_QUINCY            0x00380000
#define WNNC_NET_RDR2SAMPLE        0x00250000
#define WNNC_NET_RIVERFRONT1       0x001e0000
#define WNNC_NET_RIVERFRONT2       0x001f0000
#define WNNC_NET_RSFX              0x00400000
#define WNNC_NET_SERNET            0x001d0000
#define WNNC_NET_SHIVA             0x00330000
#define WNNC_NET_SMB               0x00020000
#define WNNC_NET_SRT               0x00370000
#define WNNC_NET_STAC              0x002a0000
#define WNNC_NET_SUN_PC_NFS        0x00070000
#define WNNC_NET_SYMFONET          0x00150000
#define WNNC_NET_TERMSRV           0x00360000
#define WNNC_NET_TWINS             0x00240000
#define WNNC_NET_TYPE              0x00000002
#define WNNC_NET_VINES             0x00040000
#define WNNC_NET_VMWARE            0x003f0000
#define WNNC_NET_YAHOO             0x002c0000
#define WNNC_NET_ZENWORKS          0x003d0000
#define WNNC_NET_LANMAN WNNC_NET_SMB

#define WNDT_NORMAL 0
#define WNDT_NETWORK 1
#define WNDN_MKDIR 1
#define WNDN_RMDIR 2
#define WNDN_MVDIR 3
#define WNTYPE_DRIVE 1
#define WNTYPE_FILE 2
#define WNTYPE_PRINTER 3
#define WNTYPE_COMM 4
#define WNPS_FILE 0
#define WNPS_DIR 1
#define WNPS_MULT 2
#define WNSRCH_REFRESH_FIRST_LEVEL 0x00000001
#define WNPERMC_PERM 0x00000001
#define WNPERMC_AUDIT 0x00000002
#define WNPERMC_OWNER 0x00000004
#define WNPERM_DLG_PERM 0
#define WNPERM_DLG_AUDIT 1
#define WNPERM_DLG_OWNER 2

#define WN_VALID_LOGON_ACCOUNT 0x00000001
#define WN_NT_PASSWORD_CHANGED 0x00000002
#define WN_NETWORK_CLASS 0x00000001
#define WN_CREDENTIAL_CLASS 0x00000002
#define WN_PRIMARY_AUTHENT_CLASS 0x00000004
#define WN_SERVICE_CLASS 0x00000008
#define NOTIFY_PRE 0x00000001
#define NOTIFY_POST 0x00000002

/* Every NP function returns a WN_* code and leaves a sentence for
 * npemu_last_error (npemu.h) on the calling thread. Strings are NUL-terminated
 * wide strings (WCHAR: 4 bytes on Linux, 2 on Windows); buffer sizes named
 * "characters" count WCHARs with the NUL. A NULL required pointer is
 * WN_BAD_POINTER; a size too small is WN_MORE_DATA with the size needed stored
 * back, nothing written. A malformed npemu.toml makes every call WN_BAD_PROFILE. */

/* What npemu does for the WNNC_* index nIndex, as a provider tells the router:
 * WNNC_SPEC_VERSION: WNNC_SPEC_VERSION51; WNNC_CONNECTION: the WNNC_CON_* calls it
 * has (add, add3, cancel, get); WNNC_ENUMERATION: WNNC_ENUM_LOCAL | WNNC_ENUM_GLOBAL;
 * WNNC_USER: WNNC_USR_GETUSER; WNNC_DIALOG: WNNC_DLG_GETRESOURCEINFORMATION |
 * WNNC_DLG_GETRESOURCEPARENT; WNNC_START: WNNC_WAIT_FOR_START; WNNC_NET_TYPE:
 * npemu's network type in the high word. 0 for any other index. */
NPEMU_API DWORD WINAPI NPGetCaps(DWORD nIndex);
/* NPAddConnection3(NULL, lpNetResource, lpPassword, lpUserName, 0). */
NPEMU_API DWORD WINAPI NPAddConnection(LPNETRESOURCEW lpNetResource, LPWSTR lpPassword,
                                       LPWSTR lpUserName);
/* Connects lpNetResource->lpLocalName (L"Z:", L"LPT1:", any case; NULL or L"" for a
 * deviceless connection) to lpNetResource->lpRemoteName (\\server\share[\path];
 * //server/share and smb://server/share too). dwType: RESOURCETYPE_DISK,
 * RESOURCETYPE_PRINT, or RESOURCETYPE_ANY (deviceless). lpProvider: a configured
 * provider's name (local, mount, smb) to ask that one only; NULL, L"" or L"npemu" asks
 * each in the configured order. lpPassword, lpUserName: NULL for none; the password
 * is held in memory for the call only, never stored. dwFlags: CONNECT_UPDATE_PROFILE
 * remembers a device connection (NPCancelConnection forgets it). hwndOwner: unused.
 * Errors: WN_BAD_POINTER (lpNetResource or lpRemoteName NULL), WN_BAD_LOCALNAME (not a
 * drive or LPT port), WN_BAD_NETNAME (a malformed name, or no provider serves it: the
 * detail gives the answer of the provider that knows the server), WN_BAD_VALUE (dwType),
 * WN_BAD_PROVIDER (lpProvider not configured), WN_ALREADY_CONNECTED (the device is in
 * use), WN_BAD_DEV_TYPE (a
 * drive to a printer or a port to a disk share), WN_BAD_PASSWORD, WN_ACCESS_DENIED,
 * WN_NO_NETWORK (the server does not answer). On failure nothing is connected. As a
 * provider's add on Windows, it does not look at the remembered profile: a device
 * remembered for another remote is refused by the router (WNetAddConnection2W and the
 * others: WN_DEVICE_ALREADY_REMEMBERED) and by npnet, not here. */
NPEMU_API DWORD WINAPI NPAddConnection3(HWND hwndOwner, LPNETRESOURCEW lpNetResource,
                                        LPWSTR lpPassword, LPWSTR lpUserName, DWORD dwFlags);
/* NPCancelConnection2(lpName, fForce, CONNECT_UPDATE_PROFILE): a device's
 * cancellation is remembered, its profile entry goes too. */
NPEMU_API DWORD WINAPI NPCancelConnection(LPWSTR lpName, BOOL fForce);
/* Cancels lpName: a device (L"Z:", L"LPT1:") or a remote name (every deviceless
 * connection to it, never a device one). fForce FALSE: WN_OPEN_FILES, with nothing
 * changed, while any process holds a file, directory, mapping or print job on it or a
 * handle of npemu's file API (the detail names each: pid, program, path). fForce TRUE:
 * torn down at once; npemu file handles on it then fail with WN_NOT_CONNECTED.
 * dwFlags: CONNECT_UPDATE_PROFILE also forgets a device's remembered entry.
 * Errors: WN_BAD_POINTER, WN_BAD_LOCALNAME, WN_BAD_NETNAME (malformed),
 * WN_NOT_CONNECTED (nothing connected by that name; a remembered device that is not
 * connected is the router's to forget: WNetCancelConnection2W, npemu_forget),
 * WN_OPEN_FILES, WN_FUNCTION_BUSY (another process holds the state store too long). */
NPEMU_API DWORD WINAPI NPCancelConnection2(LPWSTR lpName, BOOL fForce, DWORD dwFlags);
/* The remote name lpLocalName (L"Z:", L"LPT1:") is connected to, copied to
 * lpRemoteName; *lpnBufferLen: its size in characters, in and out (WN_MORE_DATA and the
 * size needed when it does not fit). WN_NOT_CONNECTED when it is not connected, or its
 * backend lost it (a drive link or mount removed by hand; the detail says so);
 * WN_CONNECTION_CLOSED when it is remembered but not connected; WN_BAD_LOCALNAME. */
NPEMU_API DWORD WINAPI NPGetConnection(LPWSTR lpLocalName, LPWSTR lpRemoteName,
                                       LPDWORD lpnBufferLen);
/* The UNC form of a path on a device: Z:\dir\a.txt -> \\files\public\dir\a.txt.
 * dwInfoLevel UNIVERSAL_NAME_INFO_LEVEL fills a UNIVERSAL_NAME_INFOW,
 * REMOTE_NAME_INFO_LEVEL a REMOTE_NAME_INFOW (also the connection name and the rest
 * of the path), their strings packed after the structure in lpBuffer; *lpBufferSize in
 * bytes. WN_BAD_LOCALNAME (not a device path), WN_BAD_LEVEL, WN_NOT_CONNECTED. */
NPEMU_API DWORD WINAPI NPGetUniversalName(LPWSTR lpLocalPath, DWORD dwInfoLevel,
                                          LPVOID lpBuffer, LPDWORD lpBufferSize);
/* The user name of the connection lpName (a device or a remote name), or the
 * session's login name for NULL, copied to lpUserName (*lpnBufferLen in characters).
 * WN_NOT_CONNECTED, WN_BAD_LOCALNAME, WN_BAD_NETNAME. */
NPEMU_API DWORD WINAPI NPGetUser(LPWSTR lpName, LPWSTR lpUserName, LPDWORD lpnBufferLen);
/* Starts an enumeration; *lphEnum receives its handle (close it with NPCloseEnum).
 * dwScope: RESOURCE_CONNECTED (the live connections), RESOURCE_REMEMBERED (the
 * profile), RESOURCE_GLOBALNET (servers from the configuration, a server's shares and
 * printers under lpNetResource; the smb provider adds what a live server offers).
 * dwType: RESOURCETYPE_ANY, _DISK or _PRINT. The entries are a snapshot taken here.
 * WN_NOT_SUPPORTED (RESOURCE_CONTEXT, RESOURCE_RECENT), WN_BAD_VALUE (a type),
 * WN_NOT_CONTAINER (lpNetResource is a share), WN_BAD_NETNAME. */
NPEMU_API DWORD WINAPI NPOpenEnum(DWORD dwScope, DWORD dwType, DWORD dwUsage,
                                  LPNETRESOURCEW lpNetResource, LPHANDLE lphEnum);
/* Copies as many whole NETRESOURCEW entries as fit in lpBuffer (*lpBufferSize bytes;
 * their strings packed after them, never NULL), at most *lpcCount (0xFFFFFFFF: as many
 * as fit); *lpcCount receives the number copied. WN_MORE_DATA with the size of the
 * next entry when not even one fits; WN_NO_MORE_ENTRIES with *lpcCount 0 at the end;
 * WN_BAD_HANDLE for a closed or unknown handle; WN_BAD_VALUE for *lpcCount 0. */
NPEMU_API DWORD WINAPI NPEnumResource(HANDLE hEnum, LPDWORD lpcCount, LPVOID lpBuffer,
                                      LPDWORD lpBufferSize);
/* Ends the enumeration hEnum. WN_BAD_HANDLE when it is not open. */
NPEMU_API DWORD WINAPI NPCloseEnum(HANDLE hEnum);
/* The share that holds lpNetResource->lpRemoteName (\\files\public\dir\a.txt), as a
 * NETRESOURCEW in lpBuffer (*lpBufferSize bytes), *lplpSystem pointing at the rest of
 * the path (\dir\a.txt) inside the buffer. WN_BAD_NETNAME when no provider serves it. */
NPEMU_API DWORD WINAPI NPGetResourceInformation(LPNETRESOURCEW lpNetResource, LPVOID lpBuffer,
                                                LPDWORD lpBufferSize, LPWSTR *lplpSystem);
/* The parent of lpNetResource->lpRemoteName as a NETRESOURCEW in lpBuffer
 * (*lpBufferSize bytes): a directory's parent, a share's server, a server's provider
 * network. WN_BAD_NETNAME when it is not a valid name. */
NPEMU_API DWORD WINAPI NPGetResourceParent(LPNETRESOURCEW lpNetResource, LPVOID lpBuffer,
                                           LPDWORD lpBufferSize);

/* The rest of the provider interface that Windows' npapi.h declares. npemu's
 * NPGetCaps does not announce them, so an MPR never calls them; a program that
 * does gets WN_NOT_SUPPORTED (nothing changed), except NPGetConnection3
 * (level 1: WNGETCON_CONNECTED or WNGETCON_DISCONNECTED in a DWORD) and
 * NPGetConnectionPerformance (WN_NOT_SUPPORTED for a connected name,
 * WN_NOT_CONNECTED otherwise). */
NPEMU_API DWORD WINAPI NPGetConnection3(LPCWSTR lpLocalName, DWORD dwLevel, LPVOID lpBuffer,
                                        LPDWORD lpBufferSize);
/* How fast the connection to lpRemoteName is: WN_NOT_SUPPORTED for a connected name (npemu
 * measures nothing), WN_NOT_CONNECTED otherwise. */
NPEMU_API DWORD WINAPI NPGetConnectionPerformance(LPCWSTR lpRemoteName,
                                                  LPNETCONNECTINFOSTRUCT lpNetConnectInfo);
/* A provider dialog (printer device mode): no UI here, WN_NOT_SUPPORTED. */
NPEMU_API DWORD WINAPI NPDeviceMode(HWND hParent);
/* A provider dialog (search the network): no UI here, WN_NOT_SUPPORTED. */
NPEMU_API DWORD WINAPI NPSearchDialog(HWND hwndParent, LPNETRESOURCEW lpNetResource, LPVOID lpBuffer,
                                      DWORD cbBuffer, LPDWORD lpnFlags);
/* Formats a remote name for display: WN_NOT_SUPPORTED (the name is shown as it is). */
NPEMU_API DWORD WINAPI NPFormatNetworkName(LPWSTR lpRemoteName, LPWSTR lpFormattedName,
                                           LPDWORD lpnLength, DWORD dwFlags, DWORD dwAveCharPerLine);
/* Names of property buttons for a resource: WN_NOT_SUPPORTED (no property pages). */
NPEMU_API DWORD WINAPI NPGetPropertyText(DWORD iButton, DWORD nPropSel, LPWSTR lpName,
                                         LPWSTR lpButtonName, DWORD nButtonNameLen, DWORD nType);
/* A property dialog for a resource: no UI here, WN_NOT_SUPPORTED. */
NPEMU_API DWORD WINAPI NPPropertyDialog(HWND hwndParent, DWORD iButtonDlg, DWORD nPropSel,
                                        LPWSTR lpFileName, DWORD nType);
/* Whether a directory is special to the provider: WN_NOT_SUPPORTED (none is). */
NPEMU_API DWORD WINAPI NPGetDirectoryType(LPWSTR lpName, LPINT lpType, BOOL bFlushCache);
/* File Manager directory notifications: WN_NOT_SUPPORTED. */
NPEMU_API DWORD WINAPI NPDirectoryNotify(HWND hwnd, LPWSTR lpDir, DWORD dwOper);
/* File Manager permission extensions: WN_NOT_SUPPORTED. */
NPEMU_API DWORD WINAPI NPFMXGetPermCaps(LPWSTR lpDriveName);
/* File Manager permission editor: WN_NOT_SUPPORTED. */
NPEMU_API DWORD WINAPI NPFMXEditPerm(LPWSTR lpDriveName, HWND hwndFMX, DWORD nDialogType);
/* File Manager permission help: WN_NOT_SUPPORTED. */
NPEMU_API DWORD WINAPI NPFMXGetPermHelp(LPWSTR lpDriveName, DWORD nDialogType, BOOL fDirectory,
                                        LPVOID lpFileNameBuffer, LPDWORD lpBufferSize,
                                        LPDWORD lpnHelpContext);

/* What a provider calls to leave an extended error (WN_EXTENDED_ERROR) for
 * WNetGetLastError: the calling thread's last error becomes err, lpError
 * (NULL: empty) and lpProviders (NULL: empty). The A form takes UTF-8; text
 * that is not valid UTF-8 is replaced, never a crash. */
NPEMU_API VOID WINAPI WNetSetLastErrorA(DWORD err, LPSTR lpError, LPSTR lpProviders);
/* WNetSetLastErrorA with wide strings: the calling thread's last error becomes err,
 * lpError and lpProviders (each NULL: empty). */
NPEMU_API VOID WINAPI WNetSetLastErrorW(DWORD err, LPWSTR lpError, LPWSTR lpProviders);
#define WNetSetLastError NPEMU_AW(WNetSetLastError)

/* Credential managers and connection notifiers: these are written by the
 * program (a DLL the MPR loads), not by npemu, which never calls them. */
typedef struct _LUID {
  DWORD LowPart;
  LONG HighPart;
} LUID, *PLUID;
/* Called by Windows at logon on a credential manager; declared for source compatibility, npemu
 * never calls it. */
NPEMU_API DWORD WINAPI NPLogonNotify(PLUID lpLogonId, LPCWSTR lpAuthentInfoType, LPVOID lpAuthentInfo,
                                     LPCWSTR lpPreviousAuthentInfoType, LPVOID lpPreviousAuthentInfo,
                                     LPWSTR lpStationName, LPVOID StationHandle, LPWSTR *lpLogonScript);
/* Called by Windows on a password change on a credential manager; declared only, npemu never
 * calls it. */
NPEMU_API DWORD WINAPI NPPasswordChangeNotify(LPCWSTR lpAuthentInfoType, LPVOID lpAuthentInfo,
                                              LPCWSTR lpPreviousAuthentInfoType,
                                              LPVOID lpPreviousAuthentInfo, LPWSTR lpStationName,
                                              LPVOID StationHandle, DWORD dwChangeInfo);

typedef struct _NOTIFYINFO {
  DWORD dwNotifyStatus;
  DWORD dwOperationStatus;
  LPVOID lpContext;
} NOTIFYINFO, *LPNOTIFYINFO;
typedef struct _NOTIFYADD {
  HWND hwndOwner;
  NETRESOURCE NetResource;
  DWORD dwAddFlags;
} NOTIFYADD, *LPNOTIFYADD;
typedef struct _NOTIFYCANCEL {
  LPTSTR lpName;
  LPTSTR lpProvider;
  DWORD dwFlags;
  BOOL fForce;
} NOTIFYCANCEL, *LPNOTIFYCANCEL;
DWORD WINAPI AddConnectNotify(LPNOTIFYINFO lpNotifyInfo, LPNOTIFYADD lpAddInfo);
DWORD WINAPI CancelConnectNotify(LPNOTIFYINFO lpNotifyInfo, LPNOTIFYCANCEL lpCancelInfo);

/* The entry points' types, as an MPR's GetProcAddress sees them. */
typedef DWORD(WINAPI *PF_NPAddConnection)(LPNETRESOURCEW lpNetResource, LPWSTR lpPassword, LPWSTR lpUserName);
typedef DWORD(WINAPI *PF_NPAddConnection3)(HWND hwndOwner, LPNETRESOURCEW lpNetResource, LPWSTR lpPassword,
                                           LPWSTR lpUserName, DWORD dwFlags);
typedef DWORD(WINAPI *PF_NPCancelConnection)(LPWSTR lpName, BOOL fForce);
typedef DWORD(WINAPI *PF_NPGetConnection)(LPWSTR lpLocalName, LPWSTR lpRemoteName, LPDWORD lpnBufferLen);
typedef DWORD(WINAPI *PF_NPGetConnection3)(LPCWSTR lpLocalName, DWORD dwLevel, LPVOID lpBuffer,
                                           LPDWORD lpBufferSize);
typedef DWORD(WINAPI *PF_NPGetConnectionPerformance)(LPCWSTR lpRemoteName,
                                                     LPNETCONNECTINFOSTRUCT lpNetConnectInfo);
typedef DWORD(WINAPI *PF_NPGetUniversalName)(LPWSTR lpLocalPath, DWORD dwInfoLevel, LPVOID lpBuffer,
                                             LPDWORD lpnBufferSize);
typedef DWORD(WINAPI *PF_NPOpenEnum)(DWORD dwScope, DWORD dwType, DWORD dwUsage,
                                     LPNETRESOURCEW lpNetResource, LPHANDLE lphEnum);
typedef DWORD(WINAPI *PF_NPEnumResource)(HANDLE hEnum, LPDWORD lpcCount, LPVOID lpBuffer,
                                         LPDWORD lpBufferSize);
typedef DWORD(WINAPI *PF_NPCloseEnum)(HANDLE hEnum);
typedef DWORD(WINAPI *PF_NPGetCaps)(DWORD ndex);
typedef DWORD(WINAPI *PF_NPGetUser)(LPWSTR lpName, LPWSTR lpUserName, LPDWORD lpnBufferLen);
typedef DWORD(WINAPI *PF_NPDeviceMode)(HWND hParent);
typedef DWORD(WINAPI *PF_NPSearchDialog)(HWND hwndParent, LPNETRESOURCEW lpNetResource, LPVOID lpBuffer,
                                         DWORD cbBuffer, LPDWORD lpnFlags);
typedef DWORD(WINAPI *PF_NPGetResourceParent)(LPNETRESOURCEW lpNetResource, LPVOID lpBuffer,
                                              LPDWORD lpBufferSize);
typedef DWORD(WINAPI *PF_NPGetResourceInformation)(LPNETRESOURCEW lpNetResource, LPVOID lpBuffer,
                                                   LPDWORD lpBufferSize, LPWSTR *lplpSystem);
typedef DWORD(WINAPI *PF_NPFormatNetworkName)(LPWSTR lpRemoteName, LPWSTR lpFormattedName,
                                              LPDWORD lpnLength, DWORD dwFlags, DWORD dwAveCharPerLine);
typedef DWORD(WINAPI *PF_NPGetPropertyText)(DWORD iButton, DWORD nPropSel, LPWSTR lpName,
                                            LPWSTR lpButtonName, DWORD nButtonNameLen, DWORD nType);
typedef DWORD(WINAPI *PF_NPPropertyDialog)(HWND hwndParent, DWORD iButtonDlg, DWORD nPropSel,
                                           LPWSTR lpFileName, DWORD nType);
typedef DWORD(WINAPI *PF_NPGetDirectoryType)(LPWSTR lpName, LPINT lpType, BOOL bFlushCache);
typedef DWORD(WINAPI *PF_NPDirectoryNotify)(HWND hwnd, LPWSTR lpDir, DWORD dwOper);
typedef DWORD(WINAPI *PF_NPLogonNotify)(PLUID lpLogonId, LPCWSTR lpAuthentInfoType, LPVOID lpAuthentInfo,
                                        LPCWSTR lpPreviousAuthentInfoType, LPVOID lpPreviousAuthentInfo,
                                        LPWSTR lpStationName, LPVOID StationHandle, LPWSTR *lpLogonScript);
typedef DWORD(WINAPI *PF_NPPasswordChangeNotify)(LPCWSTR lpAuthentInfoType, LPVOID lpAuthentInfo,
                                                 LPCWSTR lpPreviousAuthentInfoType,
                                                 LPVOID lpPreviousAuthentInfo, LPWSTR lpStationName,
                                                 LPVOID StationHandle, DWORD dwChangeInfo);
typedef DWORD(WINAPI *PF_AddConnectNotify)(LPNOTIFYINFO lpNotifyInfo, LPNOTIFYADD lpAddInfo);
typedef DWORD(WINAPI *PF_CancelConnectNotify)(LPNOTIFYINFO lpNotifyInfo, LPNOTIFYCANCEL lpCancelInfo);
typedef DWORD(WINAPI *PF_NPFMXGetPermCaps)(LPWSTR lpDriveName);
typedef DWORD(WINAPI *PF_NPFMXEditPerm)(LPWSTR lpDriveName, HWND hwndFMX, DWORD nDialogType);
typedef DWORD(WINAPI *PF_NPFMXGetPermHelp)(LPWSTR lpDriveName, DWORD nDialogType, BOOL fDirectory,
                                           LPVOID lpFileNameBuffer, LPDWORD lpBufferSize,
                                           LPDWORD lpnHelpContext);

#ifdef __cplusplus
}
#endif

#endif /* _WIN32 */
#endif /* NPEMU_NPAPI_H */
