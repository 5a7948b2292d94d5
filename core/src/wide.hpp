// wchar_t strings at the API edge, UTF-8 inside: conversions through Boost.Nowide.
#pragma once
#include <npemu/npapi.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace npemu {

// The longest name the API accepts, in characters (Windows' MAX_PATH).
inline constexpr std::size_t kMaxName = 260;

// NUL-terminated wide string → UTF-8. nullopt when it is not valid UTF-16/UTF-32
// or longer than max_chars (the scan stops there, so an unterminated buffer is safe).
std::optional<std::string> to_utf8(const wchar_t* s, std::size_t max_chars = kMaxName);
std::wstring to_wide(std::string_view utf8);

// Copies s and its NUL into buf of *len characters; WN_MORE_DATA with *len set to
// the size needed when it does not fit (buf NULL with *len 0 asks for the size).
// WN_BAD_POINTER without len, or for a NULL buf with a *len that claims room (as
// Windows' WNetGetConnectionW). The one place strings leave the core.
DWORD copy_out(const std::string& s, LPWSTR buf, LPDWORD len);

}  // namespace npemu
