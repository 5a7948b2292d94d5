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

NPEMU_API DWORD WINAPI NPGetCaps(DWORD nIndex);
NPEMU_API DWORD WINAPI NPAddConnection(LPNETRESOURCEW lpNetResource, LPWSTR lpPassword,
                                       LPWSTR lpUserName);
NPEMU_API DWORD WINAPI NPAddConnection3(HWND hwndOwner, LPNETRESOURCEW lpNetResource,
                                        LPWSTR lpPassword, LPWSTR lpUserName, DWORD dwFlags);
NPEMU_API DWORD WINAPI NPCancelConnection(LPWSTR lpName, BOOL fForce);
NPEMU_API DWORD WINAPI NPCancelConnection2(LPWSTR lpName, BOOL fForce, DWORD dwFlags);
NPEMU_API DWORD WINAPI NPGetConnection(LPWSTR lpLocalName, LPWSTR lpRemoteName,
                                       LPDWORD lpnBufferLen);
NPEMU_API DWORD WINAPI NPGetUniversalName(LPWSTR lpLocalPath, DWORD dwInfoLevel,
                                          LPVOID lpBuffer, LPDWORD lpBufferSize);
NPEMU_API DWORD WINAPI NPGetUser(LPWSTR lpName, LPWSTR lpUserName, LPDWORD lpnBufferLen);
NPEMU_API DWORD WINAPI NPOpenEnum(DWORD dwScope, DWORD dwType, DWORD dwUsage,
                                  LPNETRESOURCEW lpNetResource, LPHANDLE lphEnum);
NPEMU_API DWORD WINAPI NPEnumResource(HANDLE hEnum, LPDWORD lpcCount, LPVOID lpBuffer,
                                      LPDWORD lpBufferSize);
NPEMU_API DWORD WINAPI NPCloseEnum(HANDLE hEnum);
NPEMU_API DWORD WINAPI NPGetResourceInformation(LPNETRESOURCEW lpNetResource, LPVOID lpBuffer,
                                                LPDWORD lpBufferSize, LPWSTR *lplpSystem);
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
NPEMU_API DWORD WINAPI NPGetConnectionPerformance(LPCWSTR lpRemoteName,
                                                  LPNETCONNECTINFOSTRUCT lpNetConnectInfo);
NPEMU_API DWORD WINAPI NPDeviceMode(HWND hParent);
NPEMU_API DWORD WINAPI NPSearchDialog(HWND hwndParent, LPNETRESOURCEW lpNetResource, LPVOID lpBuffer,
                                      DWORD cbBuffer, LPDWORD lpnFlags);
NPEMU_API DWORD WINAPI NPFormatNetworkName(LPWSTR lpRemoteName, LPWSTR lpFormattedName,
                                           LPDWORD lpnLength, DWORD dwFlags, DWORD dwAveCharPerLine);
NPEMU_API DWORD WINAPI NPGetPropertyText(DWORD iButton, DWORD nPropSel, LPWSTR lpName,
                                         LPWSTR lpButtonName, DWORD nButtonNameLen, DWORD nType);
NPEMU_API DWORD WINAPI NPPropertyDialog(HWND hwndParent, DWORD iButtonDlg, DWORD nPropSel,
                                        LPWSTR lpFileName, DWORD nType);
NPEMU_API DWORD WINAPI NPGetDirectoryType(LPWSTR lpName, LPINT lpType, BOOL bFlushCache);
NPEMU_API DWORD WINAPI NPDirectoryNotify(HWND hwnd, LPWSTR lpDir, DWORD dwOper);
NPEMU_API DWORD WINAPI NPFMXGetPermCaps(LPWSTR lpDriveName);
NPEMU_API DWORD WINAPI NPFMXEditPerm(LPWSTR lpDriveName, HWND hwndFMX, DWORD nDialogType);
NPEMU_API DWORD WINAPI NPFMXGetPermHelp(LPWSTR lpDriveName, DWORD nDialogType, BOOL fDirectory,
                                        LPVOID lpFileNameBuffer, LPDWORD lpBufferSize,
                                        LPDWORD lpnHelpContext);

/* What a provider calls to leave an extended error (WN_EXTENDED_ERROR) for
 * WNetGetLastError: the calling thread's last error becomes err, lpError
 * (NULL: empty) and lpProviders (NULL: empty). The A form takes UTF-8; text
 * that is not valid UTF-8 is replaced, never a crash. */
NPEMU_API VOID WINAPI WNetSetLastErrorA(DWORD err, LPSTR lpError, LPSTR lpProviders);
NPEMU_API VOID WINAPI WNetSetLastErrorW(DWORD err, LPWSTR lpError, LPWSTR lpProviders);
#define WNetSetLastError NPEMU_AW(WNetSetLastError)

/* Credential managers and connection notifiers: these are written by the
 * program (a DLL the MPR loads), not by npemu, which never calls them. */
typedef struct _LUID {
  DWORD LowPart;
  LONG HighPart;
} LUID, *PLUID;
NPEMU_API DWORD WINAPI NPLogonNotify(PLUID lpLogonId, LPCWSTR lpAuthentInfoType, LPVOID lpAuthentInfo,
                                     LPCWSTR lpPreviousAuthentInfoType, LPVOID lpPreviousAuthentInfo,
                                     LPWSTR lpStationName, LPVOID StationHandle, LPWSTR *lpLogonScript);
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
