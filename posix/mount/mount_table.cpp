#include "mount_table.hpp"

#include <libmount/libmount.h>

#include <memory>
#include <utility>
#include <vector>

namespace npemu::posix {
namespace {

using Table = std::unique_ptr<libmnt_table, decltype(&mnt_unref_table)>;

Table read_table() {
  Table tb(mnt_new_table(), &mnt_unref_table);
  if (tb && mnt_table_parse_file(tb.get(), "/proc/self/mountinfo") != 0) tb.reset();
  return tb;
}

std::string str(const char* s) { return s ? s : ""; }

MountEntry entry_of(libmnt_fs* fs) {
  MountEntry e;
  e.id = mnt_fs_get_id(fs);
  e.target = str(mnt_fs_get_target(fs));
  e.fstype = str(mnt_fs_get_fstype(fs));
  e.source = str(mnt_fs_get_source(fs));
  e.root = str(mnt_fs_get_root(fs));
  e.devno = static_cast<unsigned long>(mnt_fs_get_devno(fs));
  return e;
}

bool is_prefix_dir(const std::string& dir, const std::string& path) {
  if (dir == "/") return true;
  return path.compare(0, dir.size(), dir) == 0 && (path.size() == dir.size() || path[dir.size()] == '/');
}

// Walks the table in order; mountinfo lists a mount after the one it covers, so the
// last match is the topmost.
template <class Match>
std::optional<MountEntry> last_match(Match match) {
  Table tb = read_table();
  if (!tb) return std::nullopt;
  std::unique_ptr<libmnt_iter, decltype(&mnt_free_iter)> it(mnt_new_iter(MNT_ITER_FORWARD), &mnt_free_iter);
  if (!it) return std::nullopt;
  std::optional<MountEntry> found;
  libmnt_fs* fs = nullptr;
  while (mnt_table_next_fs(tb.get(), it.get(), &fs) == 0)
    if (match(fs)) found = entry_of(fs);
  return found;
}

}  // namespace

std::optional<MountEntry> mount_at(const std::string& target) {
  // Of the mounts stacked at the path, the topmost is the one no other is mounted on.
  std::vector<std::pair<MountEntry, int>> stack;  // entry, parent id
  Table tb = read_table();
  if (!tb) return std::nullopt;
  std::unique_ptr<libmnt_iter, decltype(&mnt_free_iter)> it(mnt_new_iter(MNT_ITER_FORWARD), &mnt_free_iter);
  libmnt_fs* fs = nullptr;
  while (it && mnt_table_next_fs(tb.get(), it.get(), &fs) == 0)
    if (str(mnt_fs_get_target(fs)) == target) stack.emplace_back(entry_of(fs), mnt_fs_get_parent_id(fs));
  for (const auto& [e, parent] : stack) {
    bool covered = false;
    for (const auto& other : stack) covered = covered || other.second == e.id;
    if (!covered) return e;
  }
  return std::nullopt;
}

std::optional<MountEntry> mount_containing(const std::string& path) {
  std::size_t best = 0;
  return last_match([&](libmnt_fs* fs) {
    std::string t = str(mnt_fs_get_target(fs));
    if (!is_prefix_dir(t, path) || t.size() < best) return false;
    best = t.size();
    return true;
  });
}

}  // namespace npemu::posix
