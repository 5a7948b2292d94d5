#include "wnet_ansi.hpp"

#include "../last_error.hpp"

#include <boost/nowide/convert.hpp>
#include <boost/nowide/utf/utf.hpp>

#include <cstring>

namespace npemu::ansi {
namespace {

// No W function accepts an unpaired surrogate: it stands for what was not UTF-8.
constexpr wchar_t kNotUtf8 = 0xD800;

std::wstring widen_marked(const char* s) {
  using in = boost::nowide::utf::utf_traits<char>;
  using out = boost::nowide::utf::utf_traits<wchar_t>;
  std::wstring w;
  const char* p = s;
  const char* end = s + std::strlen(s);
  while (p != end) {
    auto cp = in::decode(p, end);
    if (cp == boost::nowide::utf::illegal || cp == boost::nowide::utf::incomplete)
      w.push_back(kNotUtf8);  // decode has stepped past the bad byte(s)
    else
      out::encode(cp, std::back_inserter(w));
  }
  return w;
}

}  // namespace

Arg::Arg(LPCSTR s) : null_(s == nullptr), wide_(s ? widen_marked(s) : std::wstring()) {}

Resource::Resource(const NETRESOURCEA* nr)
    : null_(nr == nullptr),
      local_(nr ? nr->lpLocalName : nullptr),
      remote_(nr ? nr->lpRemoteName : nullptr),
      comment_(nr ? nr->lpComment : nullptr),
      provider_(nr ? nr->lpProvider : nullptr) {
  if (!nr) return;
  wide_.dwScope = nr->dwScope;
  wide_.dwType = nr->dwType;
  wide_.dwDisplayType = nr->dwDisplayType;
  wide_.dwUsage = nr->dwUsage;
  wide_.lpLocalName = local_.get();
  wide_.lpRemoteName = remote_.get();
  wide_.lpComment = comment_.get();
  wide_.lpProvider = provider_.get();
}

Status from_w(DWORD rc) {
  const Status& last = last_status();
  return last.code == rc ? last : Status::fail(rc, "");
}

Status call_for_string(const std::function<DWORD(LPWSTR, LPDWORD)>& fill, std::string* out, DWORD also) {
  std::vector<WCHAR> buf(MAX_PATH + 1);
  for (int tries = 0; tries < 4; ++tries) {  // the answer can grow between two calls
    DWORD len = static_cast<DWORD>(buf.size());
    DWORD rc = fill(buf.data(), &len);
    if (rc == WN_MORE_DATA && len > buf.size()) {
      buf.resize(len);
      continue;
    }
    Status st = from_w(rc);
    if (rc == WN_SUCCESS || rc == also) *out = narrow(buf.data());
    return st;
  }
  return Status::fail(WN_MORE_DATA, "the answer kept growing while it was read");
}

Status buffer_shape(const std::function<DWORD(LPVOID, LPDWORD)>& w_call, LPVOID buf, DWORD size) {
  if (buf && size != 0) return Status::success();
  unsigned char probe[1];
  DWORD probe_size = size == 0 ? 0 : 1;
  DWORD rc = w_call(buf ? probe : nullptr, &probe_size);
  return rc == WN_MORE_DATA || rc == WN_SUCCESS ? Status::success() : from_w(rc);
}

Status call_for_bytes(const std::function<DWORD(LPVOID, LPDWORD)>& fill, std::vector<unsigned char>* out) {
  out->assign(1024, 0);
  for (int tries = 0; tries < 4; ++tries) {
    DWORD len = static_cast<DWORD>(out->size());
    DWORD rc = fill(out->data(), &len);
    if (rc == WN_MORE_DATA && len > out->size()) {
      out->assign(len, 0);
      continue;
    }
    return from_w(rc);
  }
  return Status::fail(WN_MORE_DATA, "the answer kept growing while it was read");
}

Status string_answer(const std::function<DWORD(LPWSTR, LPDWORD)>& w_call, LPSTR buf, LPDWORD len, DWORD also) {
  if (!len) return from_w(w_call(nullptr, nullptr));
  if (!buf && *len != 0) {  // the W function's first rule: a NULL buffer that claims room
    DWORD probe_len = *len;
    DWORD rc = w_call(nullptr, &probe_len);
    if (rc != WN_MORE_DATA && rc != WN_SUCCESS && rc != also) return from_w(rc);
  }
  std::string s;
  Status st = call_for_string(w_call, &s, also);
  if (!st.ok() && st.code != also) return st;
  if (!buf || *len == 0) {  // the W function's rule for this buffer (room for nothing)
    WCHAR probe[1];
    DWORD probe_len = *len == 0 ? 0 : 1;
    DWORD rc = w_call(buf ? probe : nullptr, &probe_len);
    if (rc != WN_MORE_DATA && rc != WN_SUCCESS && rc != also) return from_w(rc);
  }
  DWORD need = static_cast<DWORD>(s.size() + 1);
  if (!buf || *len < need) {
    *len = need;
    return Status::fail(WN_MORE_DATA, "the buffer is too small: the size needed (bytes) was returned");
  }
  std::memcpy(buf, s.c_str(), need);
  return st;
}

void copy_truncated(const std::string& s, LPSTR buf, DWORD len) {
  if (!buf || len == 0) return;
  std::size_t n = std::min<std::size_t>(s.size(), len - 1);
  // Back off to the start of a UTF-8 sequence (its continuation bytes are 10xxxxxx).
  if (n < s.size())
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  std::memcpy(buf, s.data(), n);
  buf[n] = '\0';
}

std::string narrow(LPCWSTR s) { return s ? boost::nowide::narrow(s) : std::string(); }

NetEntry entry_of(const NETRESOURCEW& nr) {
  NetEntry e;
  e.scope = nr.dwScope;
  e.type = nr.dwType;
  e.display = nr.dwDisplayType;
  e.usage = nr.dwUsage;
  auto w = [](LPCWSTR s) { return s ? std::wstring(s) : std::wstring(); };
  e.local = w(nr.lpLocalName);
  e.remote = w(nr.lpRemoteName);
  e.comment = w(nr.lpComment);
  e.provider = w(nr.lpProvider);
  return e;
}

}  // namespace npemu::ansi
