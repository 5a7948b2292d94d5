#include "wide.hpp"

#include <boost/nowide/convert.hpp>
#include <boost/nowide/utf/utf.hpp>

#include <cstring>

namespace npemu {

std::optional<std::string> to_utf8(const wchar_t* s, std::size_t max_chars) {
  if (!s) return std::nullopt;
  std::size_t n = 0;
  while (s[n] != L'\0') {
    if (++n > max_chars) return std::nullopt;
  }
  using traits = boost::nowide::utf::utf_traits<wchar_t>;
  const wchar_t* p = s;
  const wchar_t* end = s + n;
  while (p != end) {
    auto cp = traits::decode(p, end);
    if (cp == boost::nowide::utf::illegal || cp == boost::nowide::utf::incomplete)
      return std::nullopt;
  }
  return boost::nowide::narrow(s, n);
}

std::wstring to_wide(std::string_view utf8) {
  return boost::nowide::widen(utf8.data(), utf8.size());
}

DWORD copy_out(const std::string& s, LPWSTR buf, LPDWORD len) {
  if (!len || (!buf && *len != 0)) return WN_BAD_POINTER;
  std::wstring w = to_wide(s);
  DWORD need = static_cast<DWORD>(w.size() + 1);
  if (!buf || *len < need) {
    *len = need;
    return WN_MORE_DATA;
  }
  std::memcpy(buf, w.c_str(), need * sizeof(wchar_t));
  return WN_SUCCESS;
}

}  // namespace npemu
