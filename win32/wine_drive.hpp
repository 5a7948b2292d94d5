// Drive letters under Wine: Wine's DefineDosDeviceW records a link that no file
// open follows (DESIGN.md, "Windows under Wine"), so under Wine a drive is made
// through Wine's own mount manager (IOCTL_MOUNTMGR_DEFINE_UNIX_DRIVE).
#pragma once
#include <optional>
#include <string>

namespace npemu::win32 {

// True when running under Wine (ntdll exports wine_get_version).
bool running_under_wine();

// The Unix path of a Windows path (Wine's kernel32 wine_get_unix_file_name).
std::optional<std::string> wine_unix_path(const std::wstring& windows_path);

// Makes `letter` a remote drive leading to unix_path / removes it. 0 or a Win32 error.
unsigned long wine_define_drive(wchar_t letter, const std::string& unix_path);
unsigned long wine_remove_drive(wchar_t letter);
// The Unix directory the drive leads to, nullopt when the letter is free.
std::optional<std::string> wine_drive_unix_path(wchar_t letter);

}  // namespace npemu::win32
