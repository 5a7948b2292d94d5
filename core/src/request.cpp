#include "request.hpp"

#include "wide.hpp"

namespace npemu {
namespace {

bool wide_looks_remote(LPCWSTR s) {
  auto sep = [](wchar_t c) { return c == L'\\' || c == L'/'; };
  if (sep(s[0]) && sep(s[1])) return true;
  const wchar_t* smb = L"smb:";
  for (int i = 0; i < 4; ++i)
    if (s[i] == L'\0' || (s[i] | 0x20) != smb[i]) return false;
  return true;
}

}  // namespace

Status read_add_request(const NETRESOURCEW* nr, LPCWSTR password, LPCWSTR user, DWORD flags,
                        AddRequest* req, std::string* provider) {
  if (!nr) return Status::fail(WN_BAD_POINTER, "lpNetResource is NULL");
  if (!nr->lpRemoteName) return Status::fail(WN_BAD_NETNAME, "lpRemoteName is NULL");
  auto remote = to_utf8(nr->lpRemoteName);
  auto parsed = remote ? parse_remote(*remote) : std::nullopt;
  if (!parsed)
    return Status::fail(WN_BAD_NETNAME, (remote ? "'" + *remote + "'" : std::string("the remote name")) +
                                            " is not a valid \\\\server\\share name");
  req->remote = *parsed;
  if (nr->lpLocalName && nr->lpLocalName[0]) {
    auto local = to_utf8(nr->lpLocalName);
    auto dev = local ? parse_device(*local) : std::nullopt;
    if (!dev)
      return Status::fail(WN_BAD_LOCALNAME, (local ? "'" + *local + "'" : std::string("the local name")) +
                                                " is not a drive (A: to Z:) or a printer port (LPT1: to LPT9:)");
    req->device = *dev;
  }
  if (user) {
    auto u = to_utf8(user);
    if (!u) return Status::fail(WN_BAD_USER, "the user name is not valid");
    req->user = *u;
  }
  if (password) {
    auto p = to_utf8(password, 1024);
    if (!p) return Status::fail(WN_BAD_PASSWORD, "the password is not a valid string");
    req->password = std::move(*p);
  }
  provider->clear();
  if (nr->lpProvider && nr->lpProvider[0]) {
    auto p = to_utf8(nr->lpProvider);
    if (!p) return Status::fail(WN_BAD_PROVIDER, "lpProvider is not valid");
    *provider = *p;
  }
  req->type = nr->dwType;
  req->flags = flags;
  return Status::success();
}

Status read_cancel_name(LPCWSTR name, std::string* out) {
  if (!name) return Status::fail(WN_BAD_POINTER, "lpName is NULL");
  DWORD bad = wide_looks_remote(name) ? WN_BAD_NETNAME : WN_BAD_LOCALNAME;
  auto s = to_utf8(name);
  if (!s) return Status::fail(bad, "the name is too long or not a valid string");
  if (bad == WN_BAD_NETNAME ? !parse_remote(*s) : !parse_device(*s))
    return Status::fail(bad, "'" + *s + "' is not a valid " +
                                 (bad == WN_BAD_NETNAME ? "remote name" : "local device name"));
  *out = std::move(*s);
  return Status::success();
}

Status read_device(LPCWSTR name, Device* out) {
  if (!name) return Status::fail(WN_BAD_POINTER, "lpLocalName is NULL");
  auto s = to_utf8(name);
  auto dev = s ? parse_device(*s) : std::nullopt;
  if (!dev)
    return Status::fail(WN_BAD_LOCALNAME, (s ? "'" + *s + "'" : std::string("the name")) +
                                              " is not a drive (A: to Z:) or a printer port (LPT1: to LPT9:)");
  *out = *dev;
  return Status::success();
}

}  // namespace npemu
