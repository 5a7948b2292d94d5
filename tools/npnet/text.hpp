// UTF-8 (argv, the terminal) <-> the API's wide strings, and the shapes of names.
#pragma once
#include <string>

namespace npnet {

std::wstring widen(const std::string& utf8);
std::string narrow(const wchar_t* wide);
bool looks_remote(const std::string& name);  // \\server..., //server..., smb://...
bool looks_device(const std::string& name);  // A:..Z: (with the colon), LPT1..LPT9 (colon optional)
std::string upper(std::string s);
std::string lower(std::string s);
// As the store spells a device: upper case, with the colon ("lpt1" → "LPT1:").
std::string device_display(const std::string& device);

}  // namespace npnet
