/* npemu — the Win32 error codes that the WNet and NP functions return.
 * On Windows this is the SDK's own winerror.h; elsewhere npemu defines the
 * codes those functions are documented to return, with Windows' values
 * (tests/constants/check_constants.sh proves each one against mingw-w64's).
 * Each WN_* of winnetwk.h is one of these: WN_NOT_CONNECTED is
 * ERROR_NOT_CONNECTED, WN_BAD_NETNAME is ERROR_BAD_NET_NAME, and so on. */
#ifndef NPEMU_WINERROR_H
#define NPEMU_WINERROR_H

#ifdef _WIN32
#include <winerror.h>
#else

#ifndef NO_ERROR
#define NO_ERROR 0L
#endif
#define ERROR_SUCCESS 0L

/* Arguments and buffers. */
#define ERROR_INVALID_HANDLE 6L             /* a closed or forged enumeration handle */
#define ERROR_NOT_ENOUGH_MEMORY 8L
#define ERROR_GEN_FAILURE 31L               /* WN_DEVICE_ERROR */
#define ERROR_NOT_SUPPORTED 50L
#define ERROR_INVALID_PARAMETER 87L         /* WN_BAD_VALUE */
#define ERROR_CALL_NOT_IMPLEMENTED 120L
#define ERROR_INSUFFICIENT_BUFFER 122L
#define ERROR_INVALID_NAME 123L
#define ERROR_INVALID_LEVEL 124L            /* WN_BAD_LEVEL */
#define ERROR_BUSY 170L                     /* WN_FUNCTION_BUSY */
#define ERROR_MORE_DATA 234L                /* the size needed was returned */
#define ERROR_NO_MORE_ITEMS 259L            /* WN_NO_MORE_ENTRIES: the end of an enumeration */
#define ERROR_INVALID_ADDRESS 487L          /* WN_BAD_POINTER */
#define ERROR_INVALID_FLAGS 1004L
#define ERROR_CANCELLED 1223L               /* WN_CANCEL */
#define ERROR_RETRY 1237L                   /* WN_RETRY */
#define ERROR_ALREADY_INITIALIZED 1247L     /* WN_NOT_INITIALIZING */

/* Names and devices. */
#define ERROR_REM_NOT_LIST 51L
#define ERROR_BAD_NETPATH 53L               /* the network path was not found */
#define ERROR_NETWORK_BUSY 54L
#define ERROR_DEV_NOT_EXIST 55L
#define ERROR_BAD_NET_RESP 58L
#define ERROR_UNEXP_NET_ERR 59L             /* WN_NET_ERROR, WN_WINDOWS_ERROR */
#define ERROR_NETNAME_DELETED 64L
#define ERROR_BAD_DEV_TYPE 66L              /* WN_BAD_DEV_TYPE */
#define ERROR_BAD_NET_NAME 67L              /* WN_BAD_NETNAME */
#define ERROR_ALREADY_ASSIGNED 85L          /* WN_ALREADY_CONNECTED */
#define ERROR_BAD_DEVICE 1200L              /* WN_BAD_LOCALNAME */
#define ERROR_CONNECTION_UNAVAIL 1201L      /* WN_CONNECTION_CLOSED: remembered, not connected */
#define ERROR_DEVICE_ALREADY_REMEMBERED 1202L
#define ERROR_NO_NET_OR_BAD_PATH 1203L
#define ERROR_BAD_PROVIDER 1204L
#define ERROR_CANNOT_OPEN_PROFILE 1205L
#define ERROR_BAD_PROFILE 1206L
#define ERROR_NOT_CONTAINER 1207L
#define ERROR_EXTENDED_ERROR 1208L          /* the detail is in WNetGetLastError */
#define ERROR_NO_NETWORK 1222L
#define ERROR_NO_MORE_DEVICES 1248L
#define ERROR_NOT_CONNECTED 2250L
#define ERROR_OPEN_FILES 2401L              /* files or jobs open and fForce FALSE */
#define ERROR_ACTIVE_CONNECTIONS 2402L
#define ERROR_DEVICE_IN_USE 2404L

/* Credentials and sessions. */
#define ERROR_ACCESS_DENIED 5L
#define ERROR_NETWORK_ACCESS_DENIED 65L
#define ERROR_INVALID_PASSWORD 86L          /* WN_BAD_PASSWORD */
#define ERROR_SESSION_CREDENTIAL_CONFLICT 1219L
#define ERROR_REMOTE_SESSION_LIMIT_EXCEEDED 1220L
#define ERROR_NOT_AUTHENTICATED 1244L
#define ERROR_NOT_LOGGED_ON 1245L
#define ERROR_NO_LOGON_SERVERS 1311L        /* WN_NOT_VALIDATED */
#define ERROR_NO_SUCH_LOGON_SESSION 1312L
#define ERROR_LOGON_FAILURE 1326L
#define ERROR_ACCOUNT_RESTRICTION 1327L
#define ERROR_INVALID_LOGON_HOURS 1328L
#define ERROR_PASSWORD_EXPIRED 1330L
#define ERROR_ACCOUNT_DISABLED 1331L
#define ERROR_PASSWORD_MUST_CHANGE 1907L
#define ERROR_ACCOUNT_LOCKED_OUT 1909L
#define ERROR_CONNECTED_OTHER_PASSWORD 2108L
#define ERROR_CONNECTED_OTHER_PASSWORD_DEFAULT 2109L
#define ERROR_BAD_USERNAME 2202L            /* WN_BAD_USER */

#endif /* _WIN32 */
#endif /* NPEMU_WINERROR_H */
