// npemu's own C functions: the last-error detail and the file API.
#include <npemu/npemu.h>

#include "engine.hpp"
#include "last_error.hpp"
#include "wide.hpp"

using namespace npemu;

struct npemu_file {
  std::unique_ptr<File> file;
};

namespace {


Status read_path(LPCWSTR p, const char* what, std::string* out) {
  if (!p) return Status::fail(WN_BAD_POINTER, std::string(what) + " is NULL");
  auto s = to_utf8(p, 32767);
  if (!s) return Status::fail(WN_BAD_NETNAME, std::string(what) + " is not a valid string");
  *out = std::move(*s);
  return Status::success();
}

}  // namespace

extern "C" {

DWORD npemu_last_error(LPDWORD lpCode, LPWSTR lpText, LPDWORD lpnLength) {
  if (!lpCode || !lpnLength) return WN_BAD_POINTER;
  const Status& st = last_status();
  *lpCode = st.code;
  return copy_out(st.detail, lpText, lpnLength);
}

void npemu_reload(void) { Engine::reset(); }

DWORD npemu_open(LPCWSTR lpPath, DWORD dwMode, npemu_file** lpFile) {
  return run_entry([&] {
    if (!lpFile) return Status::fail(WN_BAD_POINTER, "lpFile is NULL");
    *lpFile = nullptr;
    std::string path;
    Status st = read_path(lpPath, "lpPath", &path);
    if (!st.ok()) return st;
    return with_engine([&](Engine& e) {
      auto h = std::make_unique<npemu_file>();
      Status opened = e.open_file(path, dwMode, &h->file);
      if (opened.ok()) *lpFile = h.release();
      return opened;
    });
  });
}

DWORD npemu_print_open(LPCWSTR lpPrinter, LPCWSTR lpDocument, npemu_file** lpFile) {
  return run_entry([&] {
    if (!lpFile) return Status::fail(WN_BAD_POINTER, "lpFile is NULL");
    *lpFile = nullptr;
    std::string printer, document;
    Status st = read_path(lpPrinter, "lpPrinter", &printer);
    if (st.ok()) st = read_path(lpDocument ? lpDocument : L"document", "lpDocument", &document);
    if (!st.ok()) return st;
    return with_engine([&](Engine& e) {
      auto h = std::make_unique<npemu_file>();
      Status opened = e.open_job(printer, document, &h->file);
      if (opened.ok()) *lpFile = h.release();
      return opened;
    });
  });
}

DWORD npemu_read(npemu_file* file, LPVOID lpBuffer, DWORD nSize, LPDWORD lpnRead) {
  return run_entry([&] {
    if (!file || !file->file) return Status::fail(WN_BAD_HANDLE, "not an open npemu file");
    if ((!lpBuffer && nSize) || !lpnRead) return Status::fail(WN_BAD_POINTER, "NULL buffer or count");
    std::size_t got = 0;
    Status st = file->file->read(lpBuffer, nSize, &got);
    *lpnRead = static_cast<DWORD>(got);
    return st;
  });
}

DWORD npemu_write(npemu_file* file, const void* lpBuffer, DWORD nSize, LPDWORD lpnWritten) {
  return run_entry([&] {
    if (!file || !file->file) return Status::fail(WN_BAD_HANDLE, "not an open npemu file");
    if ((!lpBuffer && nSize) || !lpnWritten) return Status::fail(WN_BAD_POINTER, "NULL buffer or count");
    std::size_t put = 0;
    Status st = file->file->write(lpBuffer, nSize, &put);
    *lpnWritten = static_cast<DWORD>(put);
    return st;
  });
}

DWORD npemu_close(npemu_file* file) {
  return run_entry([&] {
    if (!file) return Status::fail(WN_BAD_HANDLE, "not an npemu file");
    std::unique_ptr<npemu_file> owned(file);
    return owned->file ? owned->file->close() : Status::success();
  });
}

DWORD npemu_stat(LPCWSTR lpPath, npemu_file_info* lpInfo) {
  return run_entry([&] {
    if (!lpInfo) return Status::fail(WN_BAD_POINTER, "lpInfo is NULL");
    std::string path;
    Status st = read_path(lpPath, "lpPath", &path);
    if (!st.ok()) return st;
    return with_engine([&](Engine& e) {
      FileInfo info;
      Status found = e.stat(path, &info);
      if (found.ok()) *lpInfo = npemu_file_info{info.size, info.directory ? 1u : 0u, info.mtime};
      return found;
    });
  });
}

}  // extern "C"
