// UTF-8 (argv, the terminal) <-> the API's wide strings.
#pragma once
#include <string>

namespace npnet {

std::wstring widen(const std::string& utf8);
std::string narrow(const wchar_t* wide);
bool looks_remote(const std::string& name);  // \\server..., //server..., smb://...

}  // namespace npnet
