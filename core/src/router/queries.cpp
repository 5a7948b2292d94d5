#include "queries.hpp"

#include "../names.hpp"
#include "../request.hpp"
#include "../sys.hpp"
#include "../wide.hpp"
#include "browse.hpp"
#include "enum_handles.hpp"


namespace npemu {
namespace {

bool type_matches(DWORD want, DWORD have) { return want == RESOURCETYPE_ANY || have == RESOURCETYPE_ANY || want == have; }

NetEntry connected_entry(const Connection& c, DWORD scope) {
  NetEntry n;
  n.scope = scope;
  n.type = c.type;
  n.display = RESOURCEDISPLAYTYPE_SHARE;
  n.usage = RESOURCEUSAGE_CONNECTABLE;
  n.local = to_wide(c.local);
  n.remote = to_wide(c.remote);
  n.provider = to_wide(c.provider);
  return n;
}

std::string login_name() {
  for (const char* var : {"USER", "LOGNAME", "USERNAME"})
    if (std::string v = sys::env(var); !v.empty()) return v;
  return "user";
}

}  // namespace

Status buffer_status(DWORD rc) {
  if (rc == WN_SUCCESS) return Status::success();
  if (rc == WN_MORE_DATA) return Status::fail(rc, "the buffer is too small: the size needed was returned");
  if (rc == WN_BAD_VALUE) return Status::fail(rc, "a buffer was given with a size of 0");
  return Status::fail(rc, "a required pointer is NULL, or the buffer is NULL but its size is not 0");
}

Status device_connection(Engine& e, const Device& dev, Connection* out, std::string* remembered) {
  Status found = e.get_connection(dev.name, out);
  if (found.code != WN_NOT_CONNECTED) return found;
  for (const auto& p : e.profile())
    if (p.local == dev.name) {
      // A stale live entry (its link or mount gone behind npemu's back) stays
      // WN_NOT_CONNECTED, as docs/decisions.md has it; only a device that is
      // remembered and absent from the live table is unavailable.
      for (const auto& lc : e.connections())
        if (lc.connection.local == dev.name) return found;
      if (remembered) *remembered = p.remote;
      return Status::fail(WN_CONNECTION_CLOSED, dev.name + " is remembered for " + p.remote + " but not connected");
    }
  return found;
}

Status check_string_buffer(LPCWSTR buf, const DWORD* len, const char* what) {
  if (!len) return Status::fail(WN_BAD_POINTER, std::string(what) + ": the length pointer is NULL");
  if (!buf && *len != 0)
    return Status::fail(WN_BAD_POINTER, std::string(what) + " is NULL but its length is not 0 (pass 0 to ask for the size)");
  return Status::success();
}

Status open_enum(DWORD scope, DWORD type, DWORD usage, const NETRESOURCEW* nr, bool mpr_level, LPHANDLE out) {
  if (!out) return Status::fail(WN_BAD_POINTER, "lphEnum is NULL");
  if (type != RESOURCETYPE_ANY && type != RESOURCETYPE_DISK && type != RESOURCETYPE_PRINT)
    return Status::fail(WN_BAD_VALUE, "dwType must be RESOURCETYPE_ANY, _DISK or _PRINT");
  if (scope == RESOURCE_CONTEXT || scope == RESOURCE_RECENT)
    return Status::fail(WN_NOT_SUPPORTED, "RESOURCE_CONTEXT and RESOURCE_RECENT are not supported");
  if (scope != RESOURCE_CONNECTED && scope != RESOURCE_REMEMBERED && scope != RESOURCE_GLOBALNET)
    return Status::fail(WN_BAD_VALUE, "dwScope must be RESOURCE_CONNECTED, _REMEMBERED or _GLOBALNET");
  if (scope == RESOURCE_GLOBALNET && (usage & ~(RESOURCEUSAGE_ALL | RESOURCEUSAGE_RESERVED)))
    return Status::fail(WN_BAD_VALUE, "dwUsage has unknown bits");
  return with_engine([&](Engine& e) {
    std::vector<NetEntry> entries;
    if (scope == RESOURCE_CONNECTED) {
      for (const auto& lc : e.connections())
        if (lc.alive && type_matches(type, lc.connection.type))
          entries.push_back(connected_entry(lc.connection, RESOURCE_CONNECTED));
    } else if (scope == RESOURCE_REMEMBERED) {
      for (const auto& p : e.profile()) {
        if (!type_matches(type, p.type)) continue;
        Connection c;
        c.local = p.local, c.remote = p.remote, c.provider = p.provider, c.type = p.type;
        entries.push_back(connected_entry(c, RESOURCE_REMEMBERED));
      }
    } else {
      if (nr && !(nr->dwUsage & RESOURCEUSAGE_CONTAINER) && nr->lpRemoteName && nr->lpRemoteName[0] &&
          nr->dwUsage != 0)
        return Status::fail(WN_NOT_CONTAINER, "lpNetResource is not a container");
      std::vector<NetEntry> all;
      Status st = browse_children(e, nr, mpr_level, &all);
      if (!st.ok()) return st;
      bool want_all = (usage & RESOURCEUSAGE_ALL) == 0;
      for (auto& n : all) {
        if (!type_matches(type, n.type)) continue;
        if (!want_all && !(n.usage & usage)) continue;
        entries.push_back(std::move(n));
      }
    }
    *out = open_enum_handle(std::move(entries));
    return Status::success();
  });
}

Status get_connection(LPCWSTR local, LPWSTR remote, LPDWORD len) {
  if (!local) return Status::fail(WN_BAD_POINTER, "lpLocalName is NULL");
  Status st = check_string_buffer(remote, len, "lpRemoteName");
  if (!st.ok()) return st;
  Device dev;
  st = read_device(local, &dev);
  if (!st.ok()) return st;
  return with_engine([&](Engine& e) {
    Connection c;
    std::string remembered;
    Status found = device_connection(e, dev, &c, &remembered);
    if (!found.ok() && found.code != WN_CONNECTION_CLOSED) return found;
    DWORD rc = copy_out(found.ok() ? c.remote : remembered, remote, len);
    if (rc != WN_SUCCESS) return buffer_status(rc);
    return found;  // success, or WN_CONNECTION_CLOSED with the remembered name written
  });
}

Status universal_name(LPCWSTR path, DWORD level, LPVOID buf, LPDWORD size) {
  if (!path || !size) return Status::fail(WN_BAD_POINTER, "lpLocalPath and lpBufferSize are required");
  if (level != UNIVERSAL_NAME_INFO_LEVEL && level != REMOTE_NAME_INFO_LEVEL)
    return Status::fail(WN_BAD_LEVEL, "dwInfoLevel must be UNIVERSAL_NAME_INFO_LEVEL or REMOTE_NAME_INFO_LEVEL");
  auto p = to_utf8(path);
  auto cp = p ? parse_connection_path(*p) : std::nullopt;
  if (!cp || !cp->device) return Status::fail(WN_BAD_LOCALNAME, "lpLocalPath must start with a local device (Z:\\...)");
  return with_engine([&](Engine& e) {
    Connection c;
    Status st = device_connection(e, *cp->device, &c);
    if (!st.ok()) return st;
    std::string rest;
    for (const auto& part : cp->below) rest += "\\" + part;
    auto colon = p->find(':');
    std::string tail = colon == std::string::npos ? "" : p->substr(colon + 1);
    if (rest.empty() && !tail.empty() && (tail[0] == '\\' || tail[0] == '/')) rest = "\\";
    std::wstring conn = to_wide(c.remote), remaining = to_wide(rest), uni = to_wide(c.remote + rest);
    if (level == UNIVERSAL_NAME_INFO_LEVEL) {
      DWORD rc = check_room(buf, size, sizeof(UNIVERSAL_NAME_INFOW) + wbytes(uni));
      if (rc != WN_SUCCESS) return buffer_status(rc);
      Packer packer(buf, sizeof(UNIVERSAL_NAME_INFOW));
      static_cast<UNIVERSAL_NAME_INFOW*>(buf)->lpUniversalName = packer.put(uni);
      return Status::success();
    }
    DWORD rc = check_room(buf, size, sizeof(REMOTE_NAME_INFOW) + wbytes(uni) + wbytes(conn) + wbytes(remaining));
    if (rc != WN_SUCCESS) return buffer_status(rc);
    Packer packer(buf, sizeof(REMOTE_NAME_INFOW));
    auto* info = static_cast<REMOTE_NAME_INFOW*>(buf);
    info->lpUniversalName = packer.put(uni);
    info->lpConnectionName = packer.put(conn);
    info->lpRemainingPath = packer.put(remaining);
    return Status::success();
  });
}

Status get_user(LPCWSTR name, LPWSTR buf, LPDWORD len) {
  Status ptrs = check_string_buffer(buf, len, "lpUserName");
  if (!ptrs.ok()) return ptrs;
  if (!name || !name[0]) return buffer_status(copy_out(login_name(), buf, len));
  auto s = to_utf8(name);
  if (!s) return Status::fail(WN_BAD_NETNAME, "the name is too long or not a valid string");
  auto dev = parse_device(*s);
  auto remote = dev ? std::nullopt : parse_remote(*s);
  if (!dev && !remote) return Status::fail(looks_remote(*s) ? WN_BAD_NETNAME : WN_BAD_LOCALNAME, "'" + *s + "' is neither a device nor a remote name");
  return with_engine([&](Engine& e) {
    for (const auto& lc : e.connections()) {
      const Connection& c = lc.connection;
      if (!lc.alive) continue;
      if (dev ? c.local == dev->name : c.remote_key == remote->key())
        return buffer_status(copy_out(c.user.empty() ? login_name() : c.user, buf, len));
    }
    if (dev) {  // a remembered device that is not connected answers as every query does
      Connection unused;
      Status st = device_connection(e, *dev, &unused);
      if (st.code == WN_CONNECTION_CLOSED) return st;
    }
    return Status::fail(WN_NOT_CONNECTED, *s + " is not connected");
  });
}

Status resource_information(const NETRESOURCEW* nr, LPVOID buf, LPDWORD size, LPWSTR* system) {
  if (!nr || !size || !system) return Status::fail(WN_BAD_POINTER, "lpNetResource, lpBufferSize and lplpSystem are required");
  if (!nr->lpRemoteName) return Status::fail(WN_BAD_NETNAME, "lpRemoteName is NULL");
  auto s = to_utf8(nr->lpRemoteName);
  auto r = s ? parse_remote(*s) : std::nullopt;
  if (!r) return Status::fail(WN_BAD_NETNAME, "lpRemoteName is not \\\\server\\share[\\path]");
  return with_engine([&](Engine& e) {
    for (const auto& sh : browse_shares(e)) {
      auto sr = parse_remote(sh.unc);
      if (!sr || sr->share_key() != r->share_key()) continue;
      if (nr->dwType != RESOURCETYPE_ANY && nr->dwType != sh.type)
        return Status::fail(WN_BAD_DEV_TYPE, sh.unc + " is not of the type asked for");
      NetEntry n = share_entry(sh);
      std::wstring rest = to_wide(r->path.empty() ? "" : "\\" + r->unc().substr(r->share_unc().size() + 1));
      std::size_t need = n.packed_size() + (rest.empty() ? 0 : wbytes(rest));
      DWORD rc = check_room(buf, size, need);
      if (rc != WN_SUCCESS) return buffer_status(rc);
      Packer packer(buf, sizeof(NETRESOURCEW));
      packer.fill(static_cast<NETRESOURCEW*>(buf), n);
      *system = rest.empty() ? nullptr : packer.put(rest);
      return Status::success();
    }
    return Status::fail(WN_BAD_NETNAME, r->share_unc() + " is not served by any provider");
  });
}

Status resource_parent(const NETRESOURCEW* nr, LPVOID buf, LPDWORD size) {
  if (!nr || !size) return Status::fail(WN_BAD_POINTER, "lpNetResource and lpBufferSize are required");
  if (!nr->lpRemoteName) return Status::fail(WN_BAD_NETNAME, "lpRemoteName is NULL");
  auto s = to_utf8(nr->lpRemoteName);
  if (!s) return Status::fail(WN_BAD_NETNAME, "lpRemoteName is not valid");
  return with_engine([&](Engine& e) {
    NetEntry parent;
    auto r = parse_remote(*s);
    if (r && !r->path.empty()) {  // a directory: its share (or the directory above)
      std::string unc = r->unc();
      BrowseShare up{unc.substr(0, unc.rfind('\\')), "", RESOURCETYPE_DISK, ""};
      for (const auto& sh : browse_shares(e))
        if (auto sr = parse_remote(sh.unc); sr && sr->share_key() == r->share_key()) up.provider = sh.provider, up.type = sh.type;
      if (up.provider.empty()) return Status::fail(WN_BAD_NETNAME, r->share_unc() + " is not served by any provider");
      parent = share_entry(up);
      if (r->path.size() > 1) parent.display = RESOURCEDISPLAYTYPE_DIRECTORY;
    } else if (r) {  // a share: its server
      std::string prov;
      for (const auto& sh : browse_shares(e))
        if (auto sr = parse_remote(sh.unc); sr && sr->share_key() == r->share_key()) prov = sh.provider;
      if (prov.empty()) return Status::fail(WN_BAD_NETNAME, r->share_unc() + " is not served by any provider");
      parent = server_entry("\\\\" + r->server, prov);
    } else if (looks_remote(*s) && parse_remote(*s + "\\x")) {  // a server: its network
      std::string srv = ascii_lower(parse_remote(*s + "\\x")->server), prov;
      for (const auto& [unc, p] : browse_servers(e, ""))
        if (prov.empty() && ascii_lower(unc.substr(2)) == srv) prov = p;
      if (prov.empty()) return Status::fail(WN_BAD_NETNAME, "no provider knows the server " + *s);
      parent = network_entry(prov);
    } else {
      return Status::fail(WN_BAD_NETNAME, "'" + *s + "' is not a server, share or path");
    }
    DWORD rc = check_room(buf, size, parent.packed_size());
    if (rc != WN_SUCCESS) return buffer_status(rc);
    Packer packer(buf, sizeof(NETRESOURCEW));
    packer.fill(static_cast<NETRESOURCEW*>(buf), parent);
    return Status::success();
  });
}

}  // namespace npemu
