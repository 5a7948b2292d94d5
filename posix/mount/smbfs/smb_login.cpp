#include "smb_login.hpp"

#include <npemu/winnetwk.h>

#include <cerrno>
#include <cstring>

namespace smbfs {
namespace {

void copy_into(char* buf, int len, const std::string& s) {
  if (len <= 0) return;
  std::size_t n = std::min<std::size_t>(s.size(), static_cast<std::size_t>(len - 1));
  std::memcpy(buf, s.data(), n);
  buf[n] = '\0';
}

// libsmbclient asks for the credentials on every (re)connect.
void auth(SMBCCTX* ctx, const char*, const char*, char* wg, int wglen, char* user, int userlen,
          char* pw, int pwlen) {
  auto* spec = static_cast<const LoginSpec*>(smbc_getOptionUserData(ctx));
  copy_into(wg, wglen, spec->workgroup);
  copy_into(user, userlen, spec->user);
  copy_into(pw, pwlen, spec->password);
}

// EACCES on the share: are the credentials refused on the server's share list too?
bool credentials_refused(SMBCCTX* ctx, const LoginSpec& spec) {
  std::string url = "smb://" + spec.address;
  SMBCFILE* d = smbc_getFunctionOpendir(ctx)(ctx, url.c_str());
  if (d) {
    smbc_getFunctionClosedir(ctx)(ctx, d);
    return false;
  }
  return errno == EACCES || errno == EPERM;
}

}  // namespace

SMBCCTX* make_context(LoginSpec* spec) {
  SMBCCTX* ctx = smbc_new_context();
  if (!ctx) return nullptr;
  smbc_setDebug(ctx, 0);
  smbc_setPort(ctx, static_cast<uint16_t>(spec->port));
  smbc_setTimeout(ctx, spec->timeout_ms);  // bounds connect and every reply
  smbc_setOptionUseKerberos(ctx, 0);
  smbc_setOptionFallbackAfterKerberos(ctx, 1);
  smbc_setOptionNoAutoAnonymousLogin(ctx, spec->user.empty() ? 0 : 1);  // a named user never becomes guest
  smbc_setOptionUserData(ctx, spec);
  smbc_setFunctionAuthDataWithContext(ctx, auth);
  if (!smbc_init_context(ctx)) {
    smbc_free_context(ctx, 0);
    return nullptr;
  }
  return ctx;
}

std::string share_url(const LoginSpec& spec) {
  std::string url = "smb://" + spec.address + "/" + spec.share;
  if (!spec.rel_path.empty()) url += "/" + spec.rel_path;
  return url;
}

LoginResult check_login(SMBCCTX* ctx, const LoginSpec& spec) {
  std::string url = share_url(spec);
  SMBCFILE* d = smbc_getFunctionOpendir(ctx)(ctx, url.c_str());
  if (d) {
    smbc_getFunctionClosedir(ctx)(ctx, d);
    return {};
  }
  int err = errno;
  std::string where = spec.address + ":" + std::to_string(spec.port);
  switch (err) {
    case EACCES:
    case EPERM:
      if (credentials_refused(ctx, spec))
        return {WN_BAD_PASSWORD, "the server refused the user name or password"};
      return {WN_ACCESS_DENIED, "the server refused access to the share for this user"};
    case ENOENT:
    case ENODEV:
    case ENOTDIR:
      return {WN_BAD_NETNAME, "the server has no such share or directory"};
    case ETIMEDOUT:
      return {WN_NO_NETWORK, "the server at " + where + " did not answer within " +
                                 std::to_string(spec.timeout_ms) + " ms"};
    case ECONNREFUSED:
      return {WN_NO_NETWORK, "nothing accepts SMB connections at " + where};
    default:
      return {WN_NO_NETWORK, "cannot reach the share at " + where + ": " + std::strerror(err)};
  }
}

}  // namespace smbfs
