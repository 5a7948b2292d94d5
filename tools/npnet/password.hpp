// Passwords come from a prompt with echo off or from stdin, never from argv.
#pragma once
#include <optional>
#include <string>

namespace npnet {

// One line of stdin (without its line end); nullopt when stdin is empty.
std::optional<std::string> password_from_stdin();
// Prompts on /dev/tty with echo off; nullopt when there is no terminal.
std::optional<std::string> password_from_terminal(const std::string& prompt);
// Overwrites the memory before it is freed.
void wipe(std::string& secret);
void wipe(std::wstring& secret);

}  // namespace npnet
