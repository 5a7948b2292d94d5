#include "enum_handles.hpp"

#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace npemu {
namespace {

struct EnumState {
  std::mutex mu;
  std::vector<NetEntry> entries;
  std::size_t next = 0;
};

std::mutex g_mu;
std::unordered_map<std::uintptr_t, std::shared_ptr<EnumState>> g_handles;
std::uintptr_t g_next_id = 0x4E500000;  // never 0, never INVALID_HANDLE_VALUE

std::shared_ptr<EnumState> find(HANDLE h) {
  std::lock_guard<std::mutex> lock(g_mu);
  auto it = g_handles.find(reinterpret_cast<std::uintptr_t>(h));
  return it == g_handles.end() ? nullptr : it->second;
}

}  // namespace

HANDLE open_enum_handle(std::vector<NetEntry> entries) {
  auto st = std::make_shared<EnumState>();
  st->entries = std::move(entries);
  std::lock_guard<std::mutex> lock(g_mu);
  std::uintptr_t id = g_next_id += 4;
  g_handles.emplace(id, std::move(st));
  return reinterpret_cast<HANDLE>(id);
}

Status enum_next(HANDLE h, LPDWORD count, LPVOID buf, LPDWORD size, Charset cs) {
  if (!count || !size) return Status::fail(WN_BAD_POINTER, "lpcCount and lpBufferSize are required");
  auto st = find(h);
  if (!st) return Status::fail(WN_BAD_HANDLE, "not an open enumeration handle");
  if (!buf && *size != 0) return Status::fail(WN_BAD_POINTER, "lpBuffer is NULL but lpBufferSize is not 0");
  if (*count == 0) return Status::fail(WN_BAD_VALUE, "*lpcCount is 0: ask for at least one entry (or 0xFFFFFFFF)");
  std::lock_guard<std::mutex> lock(st->mu);
  if (st->next >= st->entries.size()) {
    *count = 0;
    return Status::fail(WN_NO_MORE_ENTRIES, "no more entries");
  }
  std::size_t bytes = 0;
  std::size_t n = entries_fitting(st->entries, st->next, *count, buf ? *size : 0, &bytes, cs);
  if (n == 0) {
    *size = static_cast<DWORD>(st->entries[st->next].packed_size(cs));
    return Status::fail(WN_MORE_DATA, "the buffer cannot hold the next entry");
  }
  pack_entries(st->entries, st->next, n, buf, cs);
  st->next += n;
  *count = static_cast<DWORD>(n);
  return Status::success();
}

Status close_enum_handle(HANDLE h) {
  std::lock_guard<std::mutex> lock(g_mu);
  if (g_handles.erase(reinterpret_cast<std::uintptr_t>(h)) == 0)
    return Status::fail(WN_BAD_HANDLE, "not an open enumeration handle");
  return Status::success();
}

}  // namespace npemu
