// npnet list: a table like `net use`, or --json for scripts (schema in docs/cli.md).
#include "commands.hpp"
#include "report.hpp"
#include "settings.hpp"
#include "text.hpp"

#include <npemu/npemu.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <vector>

namespace npnet {

std::string status_word(DWORD status) {
  switch (status) {
    case WN_SUCCESS: return "ok";
    case WN_NOT_CONNECTED: return "disconnected";
    default: return "unavailable";
  }
}

std::string status_title(DWORD status) {
  switch (status) {
    case WN_SUCCESS: return "OK";
    case WN_NOT_CONNECTED: return "Disconnected";
    default: return "Unavailable";
  }
}

namespace {

struct Entry {
  std::string status, title, local, remote, provider, type, user;
  bool remembered;
};

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

void print_json(const std::vector<Entry>& entries) {
  std::cout << "{\"schema\":\"npemu.list/1\",\"connections\":[";
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Entry& e = entries[i];
    std::cout << (i ? "," : "") << "{\"status\":" << json_string(e.status)
              << ",\"local\":" << json_string(e.local) << ",\"remote\":" << json_string(e.remote)
              << ",\"provider\":" << json_string(e.provider) << ",\"type\":" << json_string(e.type)
              << ",\"user\":" << json_string(e.user)
              << ",\"remembered\":" << (e.remembered ? "true" : "false") << "}";
  }
  std::cout << "]}\n";
}

std::string pad(const std::string& s, std::size_t width) {
  return s.size() >= width ? s + " " : s + std::string(width - s.size(), ' ');
}

// Deviceless connections to one share are told apart by what differs (their user);
// identical ones are one row with their number, as Windows counts uses of one.
struct Row {
  const Entry* e;
  std::size_t count;
  std::string note() const {
    if (!e->local.empty()) return "";
    std::string n = e->user.empty() ? "" : "user " + e->user;
    if (count > 1) n += (n.empty() ? "" : ", ") + std::to_string(count) + " connections";
    return n;
  }
};

std::vector<Row> rows_of(const std::vector<Entry>& entries) {
  std::vector<Row> rows;
  for (const auto& e : entries) {
    auto same = [&](const Row& r) {
      return e.local.empty() && r.e->local.empty() && r.e->title == e.title && r.e->remote == e.remote &&
             r.e->provider == e.provider && r.e->user == e.user;
    };
    auto it = std::find_if(rows.begin(), rows.end(), same);
    if (it == rows.end()) rows.push_back(Row{&e, 1});
    else ++it->count;
  }
  return rows;
}

// net use's first line: the default `npnet use /persistent:yes|no` set.
void print_default() {
  std::string error;
  auto settings = load_settings(&error);
  if (!settings) {
    std::cerr << "npnet: " << error << " (taken as /persistent:no)\n";
    settings = Settings{};
  }
  std::cout << (settings->persistent ? "New connections will be remembered.\n\n"
                                     : "New connections will not be remembered.\n\n");
}

void print_table(const std::vector<Entry>& entries, bool remembered_only) {
  if (!remembered_only) print_default();
  if (entries.empty()) {
    std::cout << (remembered_only ? "There are no remembered connections.\n" : "There are no entries in the list.\n");
    return;
  }
  auto rows = rows_of(entries);
  std::size_t wl = 8, wr = 8, wp = 0;
  for (const auto& r : rows) {
    wl = std::max(wl, r.e->local.size() + 2);
    wr = std::max(wr, r.e->remote.size() + 2);
    if (!r.note().empty()) wp = std::max(wp, r.e->provider.size() + 2);
  }
  std::string head = pad("Status", 14) + pad("Local", wl) + pad("Remote", wr) + "Provider";
  std::cout << head << "\n" << std::string(head.size() + 4, '-') << "\n";
  for (const auto& r : rows) {
    std::string note = r.note();
    std::cout << pad(r.e->title, 14) << pad(r.e->local, wl) << pad(r.e->remote, wr)
              << (note.empty() ? r.e->provider : pad(r.e->provider, wp) + note) << "\n";
  }
}

}  // namespace

int run_list(const ListOptions& o) {
  warn_if_no_config();
  npemu_connection* list = nullptr;
  DWORD count = 0;
  DWORD which = o.remembered ? NPEMU_LIST_REMEMBERED : NPEMU_LIST_CONNECTED | NPEMU_LIST_REMEMBERED;
  DWORD rc = npemu_list_connections(which, &list, &count);
  if (rc != WN_SUCCESS) return report_failure(rc, "");
  std::vector<Entry> entries;
  for (DWORD i = 0; i < count; ++i) {
    const npemu_connection& c = list[i];
    entries.push_back(Entry{status_word(c.status), status_title(c.status), narrow(c.local), narrow(c.remote), narrow(c.provider),
                            c.type == RESOURCETYPE_PRINT ? "print" : "disk", narrow(c.user), c.remembered != 0});
  }
  npemu_free_connections(list, count);
  if (o.json)
    print_json(entries);
  else
    print_table(entries, o.remembered);
  return kExitOk;
}

}  // namespace npnet
