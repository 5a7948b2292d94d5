#include "wn_codes.hpp"

#include <cerrno>

namespace npemu {
namespace {

struct CodeInfo {
  DWORD code;
  const char* name;
  const char* meaning;
};

constexpr CodeInfo kCodes[] = {
    {WN_SUCCESS, "WN_SUCCESS", "the operation succeeded"},
    {WN_ACCESS_DENIED, "WN_ACCESS_DENIED", "access is denied"},
    {WN_BAD_HANDLE, "WN_BAD_HANDLE", "the handle is not valid"},
    {WN_OUT_OF_MEMORY, "WN_OUT_OF_MEMORY", "not enough memory"},
    {WN_DEVICE_ERROR, "WN_DEVICE_ERROR", "the device or the backend failed"},
    {WN_NOT_SUPPORTED, "WN_NOT_SUPPORTED", "the operation is not supported"},
    {WN_NET_ERROR, "WN_NET_ERROR", "an unexpected network error occurred"},
    {WN_BAD_DEV_TYPE, "WN_BAD_DEV_TYPE", "the device type does not match the resource type"},
    {WN_BAD_NETNAME, "WN_BAD_NETNAME", "the network name is not valid or not served"},
    {WN_ALREADY_CONNECTED, "WN_ALREADY_CONNECTED", "the local device is already connected"},
    {WN_BAD_PASSWORD, "WN_BAD_PASSWORD", "the password or user name is wrong"},
    {WN_BAD_VALUE, "WN_BAD_VALUE", "a parameter is not valid"},
    {WN_BAD_LEVEL, "WN_BAD_LEVEL", "the information level is not valid"},
    {WN_FUNCTION_BUSY, "WN_FUNCTION_BUSY", "the resource is busy"},
    {WN_MORE_DATA, "WN_MORE_DATA", "the buffer is too small"},
    {WN_NO_MORE_ENTRIES, "WN_NO_MORE_ENTRIES", "there are no more entries"},
    {WN_BAD_POINTER, "WN_BAD_POINTER", "a required pointer is NULL or not valid"},
    {WN_BAD_LOCALNAME, "WN_BAD_LOCALNAME", "the local device name is not valid"},
    {WN_CONNECTION_CLOSED, "WN_CONNECTION_CLOSED", "the device is remembered but not connected"},
    {WN_DEVICE_ALREADY_REMEMBERED, "WN_DEVICE_ALREADY_REMEMBERED",
     "the device is remembered for another resource"},
    {WN_NO_NET_OR_BAD_PATH, "WN_NO_NET_OR_BAD_PATH", "no network, or the path is not valid"},
    {WN_BAD_PROVIDER, "WN_BAD_PROVIDER", "the provider name is not valid"},
    {WN_CANNOT_OPEN_PROFILE, "WN_CANNOT_OPEN_PROFILE", "the state store cannot be opened"},
    {WN_BAD_PROFILE, "WN_BAD_PROFILE", "the configuration or the state store is not valid"},
    {WN_NOT_CONTAINER, "WN_NOT_CONTAINER", "the resource is not a container"},
    {WN_EXTENDED_ERROR, "WN_EXTENDED_ERROR", "a provider-specific error occurred"},
    {WN_NO_NETWORK, "WN_NO_NETWORK", "the network or server is not reachable"},
    {WN_CANCEL, "WN_CANCEL", "the operation was cancelled"},
    {WN_RETRY, "WN_RETRY", "the operation should be retried"},
    {WN_NOT_AUTHENTICATED, "WN_NOT_AUTHENTICATED", "the user is not authenticated"},
    {WN_NOT_LOGGED_ON, "WN_NOT_LOGGED_ON", "the user is not logged on"},
    {WN_NOT_INITIALIZING, "WN_NOT_INITIALIZING", "the provider is already initialised"},
    {WN_NO_MORE_DEVICES, "WN_NO_MORE_DEVICES", "no free local device is left"},
    {WN_NOT_VALIDATED, "WN_NOT_VALIDATED", "no logon server could validate the user"},
    {WN_CONNECTED_OTHER_PASSWORD, "WN_CONNECTED_OTHER_PASSWORD",
     "connected with another password"},
    {WN_CONNECTED_OTHER_PASSWORD_DEFAULT, "WN_CONNECTED_OTHER_PASSWORD_DEFAULT",
     "connected with the default password"},
    {WN_BAD_USER, "WN_BAD_USER", "the user name is not valid"},
    {WN_NOT_CONNECTED, "WN_NOT_CONNECTED", "the name is not connected"},
    {WN_OPEN_FILES, "WN_OPEN_FILES", "files or jobs are open on the connection"},
    {WN_DEVICE_IN_USE, "WN_DEVICE_IN_USE", "the device is in use"},
};

const CodeInfo* find(DWORD code) {
  for (const auto& c : kCodes)
    if (c.code == code) return &c;
  return nullptr;
}

}  // namespace

const char* wn_name(DWORD code) {
  const CodeInfo* c = find(code);
  return c ? c->name : "WN_UNKNOWN";
}

const char* wn_meaning(DWORD code) {
  const CodeInfo* c = find(code);
  return c ? c->meaning : "an unknown error";
}

DWORD wn_from_errno(int err) {
  switch (err) {
    case 0: return WN_SUCCESS;
    case EBUSY:
#ifdef ETXTBSY
    case ETXTBSY:
#endif
      return WN_OPEN_FILES;
    case EPERM:
    case EACCES:
    case EROFS: return WN_ACCESS_DENIED;
    case ENOENT:
    case ENOTDIR:
    case ENODEV:
    case ENXIO: return WN_BAD_NETNAME;
    case EEXIST: return WN_ALREADY_CONNECTED;
    case EINVAL:
    case ENAMETOOLONG: return WN_BAD_VALUE;
    case ENOMEM: return WN_OUT_OF_MEMORY;
    case ECONNREFUSED:
    case EHOSTUNREACH:
    case ENETUNREACH:
    case ENETDOWN:
#ifdef EHOSTDOWN
    case EHOSTDOWN:
#endif
    case ETIMEDOUT: return WN_NO_NETWORK;
    case ENOTSUP: return WN_NOT_SUPPORTED;
    case ENOTCONN:
    case ECONNRESET:
    case EPIPE:
    case ECONNABORTED: return WN_NET_ERROR;
    default: return WN_DEVICE_ERROR;
  }
}

}  // namespace npemu
