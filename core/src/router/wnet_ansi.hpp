// What every WNet...A function shares: UTF-8 arguments made into the wchar_t
// strings its W function takes, and W results made into UTF-8 with the A buffer
// rules (sizes in bytes). Conversions go through Boost.Nowide.
#pragma once
#include <npemu/winnetwk.h>

#include "../status.hpp"
#include "pack.hpp"

#include <functional>
#include <string>
#include <vector>

namespace npemu::ansi {

// A UTF-8 argument for a W function. Each ill-formed UTF-8 sequence becomes an
// unpaired surrogate, which no W function accepts: the W function then rejects
// the string with the code it gives any malformed one in that place
// (WN_BAD_NETNAME for a remote name, WN_BAD_LOCALNAME for a device, ...), after
// the checks it makes first. NULL stays NULL.
class Arg {
 public:
  explicit Arg(LPCSTR s);
  LPWSTR get() { return null_ ? nullptr : wide_.data(); }

 private:
  bool null_;
  std::wstring wide_;
};

// A NETRESOURCEA as a NETRESOURCEW, each string converted as Arg does.
class Resource {
 public:
  explicit Resource(const NETRESOURCEA* nr);
  Resource(const Resource&) = delete;  // the W structure points into the strings
  Resource& operator=(const Resource&) = delete;
  LPNETRESOURCEW get() { return null_ ? nullptr : &wide_; }

 private:
  bool null_;
  Arg local_, remote_, comment_, provider_;
  NETRESOURCEW wide_{};
};

// The outcome of a W call just made: its code, with the detail it left for
// WNetGetLastError.
Status from_w(DWORD rc);

// Calls fill(buf, &len) with a wchar_t buffer that grows while it answers
// WN_MORE_DATA; *out gets the string when the answer is `ok` or `also` (a code
// that still fills the buffer, such as WN_CONNECTION_CLOSED).
Status call_for_string(const std::function<DWORD(LPWSTR, LPDWORD)>& fill, std::string* out,
                       DWORD also = WN_SUCCESS);
// The W function's answer for the shape of a structure buffer with room for
// nothing (NULL, or a size of 0), put to it as such: an error of its own (its
// argument checks, its rule for that shape), or success when it only wants room.
Status buffer_shape(const std::function<DWORD(LPVOID, LPDWORD)>& w_call, LPVOID buf, DWORD size);
// The same for a structure: bytes grow while the answer is WN_MORE_DATA.
Status call_for_bytes(const std::function<DWORD(LPVOID, LPDWORD)>& fill, std::vector<unsigned char>* out);

// A W function that answers with one string, handed out as UTF-8 in buf of *len
// bytes. w_call(buf, len) is the W function with the caller's other arguments.
// Its checks and errors come first, in its order; a NULL buffer or a size of 0
// is put to it as such, so its rules for those are the A function's too; then
// WN_MORE_DATA with the bytes needed in *len, or the string and its NUL. `also`:
// a code that still hands out the string (WN_CONNECTION_CLOSED).
Status string_answer(const std::function<DWORD(LPWSTR, LPDWORD)>& w_call, LPSTR buf, LPDWORD len,
                     DWORD also = WN_SUCCESS);
// As much of s as fits in len bytes with its NUL, never cutting a UTF-8 sequence.
void copy_truncated(const std::string& s, LPSTR buf, DWORD len);

std::string narrow(LPCWSTR s);  // a W result (always valid) in UTF-8; NULL is ""
// A NETRESOURCEW handed out by a W function, as the router's entry.
NetEntry entry_of(const NETRESOURCEW& nr);

}  // namespace npemu::ansi
