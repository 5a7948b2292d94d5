// POSIX: the prompt on /dev/tty through termios (password_win32.cpp: the console).
#include "password.hpp"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <cstring>
#include <iostream>

namespace npnet {
namespace {

// Reads up to a newline or EOF, byte by byte so nothing past the line is consumed.
std::optional<std::string> read_line(int fd) {
  std::string line;
  char c;
  bool any = false;
  for (;;) {
    ssize_t n = ::read(fd, &c, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    any = true;
    if (c == '\n') break;
    line.push_back(c);
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (!any) return std::nullopt;
  return line;
}

}  // namespace

std::optional<std::string> password_from_stdin() { return read_line(STDIN_FILENO); }

bool stdin_is_terminal() { return ::isatty(STDIN_FILENO) != 0; }

std::optional<std::string> password_from_terminal(const std::string& prompt) {
  int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return std::nullopt;
  termios saved{};
  if (::tcgetattr(fd, &saved) != 0) {
    ::close(fd);
    return std::nullopt;
  }
  termios quiet = saved;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  quiet.c_lflag |= ECHONL;
  // Echo off before the prompt shows: what is typed after it is never echoed nor flushed.
  if (::tcsetattr(fd, TCSAFLUSH, &quiet) != 0 || ::write(fd, prompt.data(), prompt.size()) < 0) {
    ::tcsetattr(fd, TCSAFLUSH, &saved);
    ::close(fd);
    return std::nullopt;
  }
  auto line = read_line(fd);
  ::tcsetattr(fd, TCSAFLUSH, &saved);
  ::close(fd);
  return line ? line : std::optional<std::string>(std::string());
}

void wipe(std::string& secret) {
  if (!secret.empty()) explicit_bzero(secret.data(), secret.size());
  secret.clear();
}

void wipe(std::wstring& secret) {
  if (!secret.empty()) explicit_bzero(secret.data(), secret.size() * sizeof(wchar_t));
  secret.clear();
}

}  // namespace npnet
