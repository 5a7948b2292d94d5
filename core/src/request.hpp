// Turning the API's wide-string arguments into core values, with the error code
// each malformed argument gets. Shared by the NP and WNet entry points.
#pragma once
#include "provider.hpp"
#include "status.hpp"

#include <string>

namespace npemu {

// NETRESOURCEW + credentials → AddRequest; *provider gets lpProvider ("" when unset).
Status read_add_request(const NETRESOURCEW* nr, LPCWSTR password, LPCWSTR user, DWORD flags,
                        AddRequest* req, std::string* provider);
// A name to cancel: a device or a remote name, validated; *name is its UTF-8 form.
Status read_cancel_name(LPCWSTR name, std::string* out);
// A local device name, validated and normalised ("z:" → "Z:", "lpt1" → "LPT1:"; "z" is no device).
Status read_device(LPCWSTR name, Device* out);

}  // namespace npemu
