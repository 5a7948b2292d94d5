// Windows: the prompt on the console (CONIN$/CONOUT$, like /dev/tty) with
// ENABLE_ECHO_INPUT off; stdin read through its handle (password.cpp: POSIX).
#include "password.hpp"

#include <windows.h>

#include <boost/nowide/convert.hpp>

namespace npnet {
namespace {

// A pipe or a file: bytes up to a newline or the end, one at a time so nothing
// past the line is consumed. The bytes are UTF-8, as on POSIX.
std::optional<std::string> read_line_bytes(HANDLE h) {
  std::string line;
  bool any = false;
  char c;
  DWORD got = 0;
  while (ReadFile(h, &c, 1, &got, nullptr) && got == 1) {
    any = true;
    if (c == '\n') break;
    line.push_back(c);
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (!any) return std::nullopt;
  return line;
}

// A console: UTF-16 from ReadConsoleW in line mode, up to the line end.
std::optional<std::string> read_line_console(HANDLE h) {
  std::wstring line;
  wchar_t buf[128];
  DWORD got = 0;
  bool any = false, ended = false;
  while (!ended && ReadConsoleW(h, buf, static_cast<DWORD>(sizeof buf / sizeof buf[0]), &got, nullptr) && got > 0) {
    any = true;
    for (DWORD i = 0; i < got && !ended; ++i) {
      if (buf[i] == L'\n' || buf[i] == L'\r') ended = true;
      else line.push_back(buf[i]);
    }
    SecureZeroMemory(buf, sizeof buf);
  }
  if (!any) return std::nullopt;
  std::string utf8 = boost::nowide::narrow(line);
  wipe(line);
  return utf8;
}

bool is_console(HANDLE h) {
  DWORD mode = 0;
  return h != nullptr && h != INVALID_HANDLE_VALUE && GetConsoleMode(h, &mode);
}

}  // namespace

std::optional<std::string> password_from_stdin() {
  HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
  if (in == nullptr || in == INVALID_HANDLE_VALUE) return std::nullopt;
  return is_console(in) ? read_line_console(in) : read_line_bytes(in);
}

bool stdin_is_terminal() { return is_console(GetStdHandle(STD_INPUT_HANDLE)); }

std::optional<std::string> password_from_terminal(const std::string& prompt) {
  HANDLE in = CreateFileW(L"CONIN$", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
                          nullptr, OPEN_EXISTING, 0, nullptr);
  if (in == INVALID_HANDLE_VALUE) return std::nullopt;
  HANDLE out = CreateFileW(L"CONOUT$", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
                           nullptr, OPEN_EXISTING, 0, nullptr);
  DWORD saved = 0;
  if (out == INVALID_HANDLE_VALUE || !GetConsoleMode(in, &saved)) {
    if (out != INVALID_HANDLE_VALUE) CloseHandle(out);
    CloseHandle(in);
    return std::nullopt;
  }
  // Echo off before the prompt shows: nothing typed after it is ever echoed.
  DWORD quiet = (saved | ENABLE_LINE_INPUT | ENABLE_PROCESSED_INPUT) & ~static_cast<DWORD>(ENABLE_ECHO_INPUT);
  std::wstring wprompt = boost::nowide::widen(prompt);
  DWORD put = 0;
  std::optional<std::string> line;
  bool prompted = SetConsoleMode(in, quiet) &&
                  WriteConsoleW(out, wprompt.c_str(), static_cast<DWORD>(wprompt.size()), &put, nullptr);
  if (prompted) {
    line = read_line_console(in);
    WriteConsoleW(out, L"\r\n", 2, &put, nullptr);  // the Enter that was not echoed
  }
  SetConsoleMode(in, saved);
  CloseHandle(out);
  CloseHandle(in);
  if (!prompted) return std::nullopt;
  return line ? line : std::optional<std::string>(std::string());
}

void wipe(std::string& secret) {
  if (!secret.empty()) SecureZeroMemory(secret.data(), secret.size());
  secret.clear();
}

void wipe(std::wstring& secret) {
  if (!secret.empty()) SecureZeroMemory(secret.data(), secret.size() * sizeof(wchar_t));
  secret.clear();
}

}  // namespace npnet
