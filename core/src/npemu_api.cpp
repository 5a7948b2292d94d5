// npemu's own C functions: the last-error detail and the file API.
#include <npemu/npemu.h>

#include "engine.hpp"
#include "last_error.hpp"
#include "request.hpp"
#include "wide.hpp"
#include "wn_codes.hpp"

#include <boost/filesystem/operations.hpp>

#include <cstdlib>
#include <cstring>
#include <set>

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

LPWSTR dup_wide(const std::string& s) {
  std::wstring w = to_wide(s);
  auto* out = static_cast<LPWSTR>(std::calloc(w.size() + 1, sizeof(WCHAR)));
  if (out) std::memcpy(out, w.c_str(), (w.size() + 1) * sizeof(WCHAR));
  return out;
}

// Hands rows to the caller as a calloc'ed C array (NULL and 0 when there are none).
// fill(row, &entry) gives false when a string could not be allocated; then all
// that was made is freed with free_list and nothing is handed out.
template <class Entry, class Item, class Fill>
Status to_c_array(const std::vector<Item>& rows, Entry** list, LPDWORD count, Fill fill,
                  void (*free_list)(Entry*, DWORD)) {
  if (rows.empty()) return Status::success();
  auto* out = static_cast<Entry*>(std::calloc(rows.size(), sizeof(Entry)));
  if (!out) return Status::fail(WN_OUT_OF_MEMORY, "no memory for the list");
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (!fill(rows[i], &out[i])) {
      free_list(out, static_cast<DWORD>(i + 1));
      return Status::fail(WN_OUT_OF_MEMORY, "no memory for the list");
    }
  }
  *list = out;
  *count = static_cast<DWORD>(rows.size());
  return Status::success();
}

struct Row {
  std::string local, remote, provider, user;
  DWORD type, status;
  bool remembered;
};

std::vector<Row> list_rows(Engine& e, DWORD which) {
  std::vector<Row> rows;
  auto profile = e.profile();
  auto remembered = [&](const std::string& local) {
    for (const auto& p : profile)
      if (!local.empty() && p.local == local) return true;
    return false;
  };
  std::set<std::string> alive_devices, listed_devices;
  auto live = e.connections();
  for (const auto& lc : live)
    if (!lc.connection.local.empty() && lc.alive) alive_devices.insert(lc.connection.local);
  if (which & NPEMU_LIST_CONNECTED) {
    for (const auto& lc : live) {
      const Connection& c = lc.connection;
      rows.push_back({c.local, c.remote, c.provider, c.user, c.type,
                      lc.alive ? DWORD{WN_SUCCESS} : DWORD{WN_NOT_CONNECTED}, remembered(c.local)});
      if (!c.local.empty()) listed_devices.insert(c.local);
    }
  }
  if (which & NPEMU_LIST_REMEMBERED) {
    for (const auto& p : profile) {
      if (listed_devices.count(p.local)) continue;  // already listed from the live table
      bool up = alive_devices.count(p.local) != 0;
      rows.push_back({p.local, p.remote, p.provider, p.user, p.type,
                      up ? DWORD{WN_SUCCESS} : DWORD{WN_CONNECTION_CLOSED}, true});
    }
  }
  return rows;
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

void npemu_free_dir(npemu_dir_entry* lpEntries, DWORD nCount) {
  if (!lpEntries) return;
  for (DWORD i = 0; i < nCount; ++i) std::free(lpEntries[i].name);
  std::free(lpEntries);
}

DWORD npemu_list_dir(LPCWSTR lpPath, npemu_dir_entry** lpEntries, LPDWORD lpCount) {
  return run_entry([&] {
    if (!lpEntries || !lpCount) return Status::fail(WN_BAD_POINTER, "lpEntries or lpCount is NULL");
    *lpEntries = nullptr;
    *lpCount = 0;
    std::string path;
    Status st = read_path(lpPath, "lpPath", &path);
    if (!st.ok()) return st;
    return with_engine([&](Engine& e) {
      std::vector<FileInfo> found;
      Status listed = e.list(path, &found);
      if (!listed.ok()) return listed;
      return to_c_array(found, lpEntries, lpCount, [](const FileInfo& f, npemu_dir_entry* out) {
        *out = npemu_dir_entry{dup_wide(f.name), f.size, f.directory ? 1u : 0u, f.mtime};
        return out->name != nullptr;
      }, &npemu_free_dir);
    });
  });
}

const char* npemu_error_name(DWORD code) { return wn_name(code); }

const char* npemu_error_text(DWORD code) { return wn_meaning(code); }

void npemu_free_connections(npemu_connection* lpList, DWORD nCount) {
  if (!lpList) return;
  for (DWORD i = 0; i < nCount; ++i) {
    std::free(lpList[i].local);
    std::free(lpList[i].remote);
    std::free(lpList[i].provider);
    std::free(lpList[i].user);
  }
  std::free(lpList);
}

DWORD npemu_list_connections(DWORD dwWhich, npemu_connection** lpList, LPDWORD lpCount) {
  return run_entry([&] {
    if (!lpList || !lpCount) return Status::fail(WN_BAD_POINTER, "lpList or lpCount is NULL");
    *lpList = nullptr;
    *lpCount = 0;
    if (dwWhich == 0 || (dwWhich & ~DWORD{NPEMU_LIST_CONNECTED | NPEMU_LIST_REMEMBERED}))
      return Status::fail(WN_BAD_VALUE, "dwWhich must be NPEMU_LIST_CONNECTED and/or NPEMU_LIST_REMEMBERED");
    return with_engine([&](Engine& e) {
      return to_c_array(list_rows(e, dwWhich), lpList, lpCount, [](const Row& r, npemu_connection* out) {
        *out = npemu_connection{dup_wide(r.local), dup_wide(r.remote), dup_wide(r.provider),
                                dup_wide(r.user), r.type, r.status, r.remembered ? 1u : 0u};
        return out->local && out->remote && out->provider && out->user;
      }, &npemu_free_connections);
    });
  });
}

DWORD npemu_provider_name(DWORD dwIndex, LPWSTR lpName, LPDWORD lpnLength) {
  return run_entry([&] {
    if (!lpnLength) return Status::fail(WN_BAD_POINTER, "lpnLength is NULL");
    return with_engine([&](Engine& e) {
      const auto& providers = e.providers();
      if (dwIndex >= providers.size()) return Status::fail(WN_NO_MORE_ENTRIES, "no more providers");
      DWORD rc = copy_out(providers[dwIndex]->name(), lpName, lpnLength);
      return rc == WN_SUCCESS ? Status::success() : Status::fail(rc, "the buffer is too small");
    });
  });
}

DWORD npemu_forget(LPCWSTR lpLocalName) {
  return run_entry([&] {
    Device dev;
    Status st = read_device(lpLocalName, &dev);
    if (!st.ok()) return st;
    return with_engine([&](Engine& e) {
      Connection c;
      if (e.get_connection(dev.name, &c).ok())
        return Status::fail(WN_ALREADY_CONNECTED, dev.name + " is connected to " + c.remote + ": cancel it instead");
      return e.forget(dev.name);
    });
  });
}

DWORD npemu_config_file(LPWSTR lpPath, LPDWORD lpnLength, LPDWORD lpExists) {
  return run_entry([&] {
    if (!lpnLength) return Status::fail(WN_BAD_POINTER, "lpnLength is NULL");
    std::string root = resolve_home_dir();
    if (root.empty()) return Status::fail(WN_CANNOT_OPEN_PROFILE, "no NPEMU_HOME and no home directory");
    std::string file = Home{root}.config_file();
    if (lpExists) {
      boost::system::error_code ec;
      *lpExists = boost::filesystem::is_regular_file(file, ec) ? 1 : 0;
    }
    DWORD rc = copy_out(file, lpPath, lpnLength);
    return rc == WN_SUCCESS ? Status::success() : Status::fail(rc, "the buffer is too small");
  });
}

}  // extern "C"
