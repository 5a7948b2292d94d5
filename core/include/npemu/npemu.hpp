// The C++ face of <npemu/npemu.h> (C++17, header only): failures as exceptions that
// carry the WN_* code and npemu's sentence, file and print-job handles that close
// themselves, and the connection list as values.
//
//   npemu::connect(L"Z:", L"\\\\files\\public");  // NPAddConnection3
//   npemu::file f = npemu::file::open(L"Z:\\notes.txt", npemu::mode::read);
//   std::string text = f.read_all();      // f counts as an open file until it goes
//   npemu::cancel(L"Z:");                 // npemu::error WN_OPEN_FILES while f is open
//
// Every function throws npemu::error when the C call fails; nothing else is thrown
// but std::bad_alloc.
#ifndef NPEMU_NPEMU_HPP
#define NPEMU_NPEMU_HPP

#include <npemu/npemu.h>

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace npemu {

// A failed npemu call: code() is its WN_* code, detail() npemu's sentence for it
// (npemu_last_error), what() the code's name and meaning.
class error : public std::runtime_error {
 public:
  error(DWORD code, std::wstring detail)
      : std::runtime_error(std::string(npemu_error_name(code)) + ": " + npemu_error_text(code)),
        code_(code),
        detail_(std::move(detail)) {}
  DWORD code() const noexcept { return code_; }
  const std::wstring& detail() const noexcept { return detail_; }

 private:
  DWORD code_;
  std::wstring detail_;
};

// Throws npemu::error for anything but WN_SUCCESS, with this thread's last detail.
inline void check(DWORD rc) {
  if (rc == WN_SUCCESS) return;
  DWORD code = rc, length = 0;
  std::wstring text;
  if (npemu_last_error(&code, nullptr, &length) == WN_MORE_DATA && length > 0) {
    text.resize(length);
    if (npemu_last_error(&code, &text[0], &length) == WN_SUCCESS)
      text.resize(text.find(L'\0') == std::wstring::npos ? text.size() : text.find(L'\0'));
    else
      text.clear();
  }
  throw error(rc, std::move(text));
}

struct file_info {
  unsigned long long size = 0;
  bool is_directory = false;
  long long mtime = 0;  // seconds since 1970-01-01 UTC
};

// The size, kind and time of Z:\dir\file or \\server\share\dir\file.
inline file_info file_stat(std::wstring_view path) {
  std::wstring p(path);
  npemu_file_info info{};
  check(npemu_stat(p.c_str(), &info));
  return file_info{info.size, info.is_directory != 0, info.mtime};
}

struct dir_entry {
  std::wstring name;
  unsigned long long size = 0;
  bool is_directory = false;
  long long mtime = 0;
};

// The entries of Z:\dir or \\server\share\dir, without "." and "..".
inline std::vector<dir_entry> list_dir(std::wstring_view path) {
  std::wstring p(path);
  npemu_dir_entry* list = nullptr;
  DWORD count = 0;
  check(npemu_list_dir(p.c_str(), &list, &count));
  std::vector<dir_entry> out;
  try {
    out.reserve(count);
    for (DWORD i = 0; i < count; ++i)
      out.push_back(dir_entry{list[i].name, list[i].size, list[i].is_directory != 0, list[i].mtime});
  } catch (...) {
    npemu_free_dir(list, count);
    throw;
  }
  npemu_free_dir(list, count);
  return out;
}

// How file::open opens: or them (write | create | truncate).
namespace mode {
constexpr DWORD read = NPEMU_OPEN_READ;
constexpr DWORD write = NPEMU_OPEN_WRITE;
constexpr DWORD create = NPEMU_OPEN_CREATE;
constexpr DWORD truncate = NPEMU_OPEN_TRUNCATE;
}  // namespace mode

// An open file (or print job) on a connection. While it lives it counts as an
// open file of its connection for every process; after a forced cancel its reads
// and writes throw WN_NOT_CONNECTED.
class file {
 public:
  // how: npemu::mode flags, or'ed.
  static file open(std::wstring_view path, DWORD how) {
    std::wstring p(path);
    file f;
    check(npemu_open(p.c_str(), how, &f.handle_));
    return f;
  }
  // A print job on LPT1: or a printer share, submitted by close().
  static file print_job(std::wstring_view printer, std::wstring_view document = L"") {
    std::wstring p(printer), d(document);
    file f;
    check(npemu_print_open(p.c_str(), d.empty() ? nullptr : d.c_str(), &f.handle_));
    return f;
  }

  file() = default;
  file(file&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}
  file& operator=(file&& other) noexcept {
    if (this != &other) {
      discard();
      handle_ = std::exchange(other.handle_, nullptr);
    }
    return *this;
  }
  file(const file&) = delete;
  file& operator=(const file&) = delete;
  ~file() { discard(); }

  bool is_open() const noexcept { return handle_ != nullptr; }

  // Up to n bytes; 0 at the end.
  std::size_t read(void* buffer, std::size_t n) {
    DWORD got = 0;
    check(npemu_read(live(), buffer, clamp(n), &got));
    return got;
  }
  std::string read_all() {
    std::string out;
    char chunk[65536];
    while (std::size_t n = read(chunk, sizeof chunk)) out.append(chunk, n);
    return out;
  }
  std::size_t write(const void* buffer, std::size_t n) {
    DWORD put = 0;
    check(npemu_write(live(), buffer, clamp(n), &put));
    return put;
  }
  void write_all(std::string_view bytes) {
    while (!bytes.empty()) {
      std::size_t n = write(bytes.data(), bytes.size());
      if (n == 0) check(WN_NO_NETWORK);  // nothing taken: the connection stopped answering
      bytes.remove_prefix(n);
    }
  }
  // Closes now and reports the close's failure (a print job's submission); the
  // handle is gone either way.
  void close() { check(npemu_close(std::exchange(handle_, nullptr))); }

 private:
  npemu_file* live() const {
    if (!handle_) throw error(WN_BAD_HANDLE, L"the file is closed");
    return handle_;
  }
  static DWORD clamp(std::size_t n) { return n > 0x7fffffffu ? 0x7fffffffu : static_cast<DWORD>(n); }
  void discard() noexcept {
    if (handle_) npemu_close(std::exchange(handle_, nullptr));  // a destructor cannot report it
  }

  npemu_file* handle_ = nullptr;
};

// Connects `device` (L"Z:", L"LPT1:", any case; L"" for a deviceless connection) to
// `remote` (\\server\share[\path], //server/share, smb://server/share): NPAddConnection3
// with the resource type the device implies (an LPT port: RESOURCETYPE_PRINT, a
// drive: RESOURCETYPE_DISK, none: RESOURCETYPE_ANY). flags: CONNECT_UPDATE_PROFILE
// remembers the device (as Windows' HKCU\Network). user, password: std::nullopt for
// none (NULL: the provider's default), as NPAddConnection3 takes them; the copy of
// the password made for the call is overwritten before it is freed.
// Throws npemu::error: WN_BAD_LOCALNAME, WN_BAD_NETNAME (a bad name, or no provider
// serves it: the detail says which provider knows what), WN_ALREADY_CONNECTED,
// WN_BAD_DEV_TYPE, WN_BAD_PASSWORD, WN_NO_NETWORK, ...
inline void connect(std::wstring_view device, std::wstring_view remote, DWORD flags = 0,
                    std::optional<std::wstring_view> user = std::nullopt,
                    std::optional<std::wstring_view> password = std::nullopt) {
  std::wstring local(device), name(remote), who(user.value_or(L"")), secret(password.value_or(L""));
  bool port = local.size() >= 3 && (local[0] | 0x20) == L'l' && (local[1] | 0x20) == L'p' && (local[2] | 0x20) == L't';
  NETRESOURCEW nr{};
  nr.dwType = local.empty() ? RESOURCETYPE_ANY : port ? RESOURCETYPE_PRINT : RESOURCETYPE_DISK;
  nr.lpLocalName = local.empty() ? nullptr : &local[0];
  nr.lpRemoteName = &name[0];
  DWORD rc = NPAddConnection3(nullptr, &nr, password ? &secret[0] : nullptr, user ? &who[0] : nullptr, flags);
  for (volatile wchar_t& c : secret) c = L'\0';  // volatile: the wipe is not optimised away
  check(rc);
}

// Cancels `name`: a device (L"Z:") or a remote name (every deviceless connection to
// it): NPCancelConnection2. force: even while files or jobs are open (their handles
// then fail with WN_NOT_CONNECTED). flags: CONNECT_UPDATE_PROFILE (the default, as
// NPCancelConnection) also forgets a device's remembered entry; 0 keeps it.
// Throws npemu::error: WN_NOT_CONNECTED, WN_OPEN_FILES (the detail names the
// processes and files; nothing was changed), WN_BAD_LOCALNAME, WN_BAD_NETNAME.
inline void cancel(std::wstring_view name, bool force = false, DWORD flags = CONNECT_UPDATE_PROFILE) {
  std::wstring n(name);
  check(NPCancelConnection2(&n[0], force ? TRUE : FALSE, flags));
}

// The remote name `device` (L"Z:", L"LPT1:") is connected to: NPGetConnection.
// Throws npemu::error: WN_NOT_CONNECTED (also when its backend lost it: the detail
// says so), WN_CONNECTION_CLOSED (remembered, not connected), WN_BAD_LOCALNAME.
inline std::wstring get_connection(std::wstring_view device) {
  std::wstring local(device), remote(64, L'\0');
  for (;;) {
    DWORD length = static_cast<DWORD>(remote.size());
    DWORD rc = NPGetConnection(&local[0], &remote[0], &length);
    if (rc == WN_MORE_DATA && length > remote.size()) {
      remote.resize(length);  // length: the characters needed, with the NUL
      continue;
    }
    check(rc);
    remote.resize(remote.find(L'\0') == std::wstring::npos ? remote.size() : remote.find(L'\0'));
    return remote;
  }
}

struct connection {
  std::wstring local;  // L"Z:", L"LPT1:", or L"" for a deviceless connection
  std::wstring remote;
  std::wstring provider;
  std::wstring user;
  DWORD type = RESOURCETYPE_DISK;
  DWORD status = WN_SUCCESS;  // WN_SUCCESS, WN_NOT_CONNECTED (backend lost it), WN_CONNECTION_CLOSED (remembered only)
  bool remembered = false;
};

// The live table (NPEMU_LIST_CONNECTED), the profile (NPEMU_LIST_REMEMBERED) or both.
inline std::vector<connection> list_connections(DWORD which = NPEMU_LIST_CONNECTED) {
  npemu_connection* list = nullptr;
  DWORD count = 0;
  check(npemu_list_connections(which, &list, &count));
  std::vector<connection> out;
  try {
    out.reserve(count);
    for (DWORD i = 0; i < count; ++i)
      out.push_back(connection{list[i].local, list[i].remote, list[i].provider, list[i].user, list[i].type,
                               list[i].status, list[i].remembered != 0});
  } catch (...) {
    npemu_free_connections(list, count);
    throw;
  }
  npemu_free_connections(list, count);
  return out;
}

}  // namespace npemu

#endif  // NPEMU_NPEMU_HPP
