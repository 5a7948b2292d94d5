// Passwords come from a prompt with echo off or from stdin, never from argv.
#pragma once
#include <optional>
#include <string>

namespace npnet {

// One line of stdin (without its line end); nullopt when stdin is empty.
std::optional<std::string> password_from_stdin();
// Prompts on the terminal with echo off (/dev/tty with termios; on Windows the
// console, CONIN$/CONOUT$, without ENABLE_ECHO_INPUT); nullopt when there is none.
std::optional<std::string> password_from_terminal(const std::string& prompt);
// Whether stdin is a terminal (a prompt may be shown).
bool stdin_is_terminal();
// Overwrites the memory before it is freed.
void wipe(std::string& secret);
void wipe(std::wstring& secret);

}  // namespace npnet
