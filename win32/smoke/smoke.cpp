// Temporary smoke test: proves that the mingw-w64 toolchain, the cross-built Boost and SQLite,
// mpr and Wine work together. Prints "smoke: all ok" and exits 0 when every check passes.
#include <boost/filesystem.hpp>
#include <boost/interprocess/sync/interprocess_mutex.hpp>
#include <boost/nowide/convert.hpp>
#include <boost/nowide/cstdio.hpp>
#include <boost/nowide/iostream.hpp>
#include <sqlite3.h>

#include <windows.h>
#include <winnetwk.h>

#include <algorithm>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace fs = boost::filesystem;
namespace nw = boost::nowide;

namespace {

int failures = 0;

void check(bool ok, const std::string& what) {
    nw::cout << (ok ? "ok   " : "FAIL ") << what << '\n';
    if (!ok) ++failures;
}

void filesystem_check(const fs::path& base) {
    const fs::path dir = base / nw::widen("dir-\xC3\xA9\xE2\x82\xAC");  // "dir-é€"
    fs::remove_all(dir);
    check(fs::create_directories(dir / "sub"), "boost::filesystem create_directories");
    {
        // On Windows path::string() is in the ANSI code page; go through the wide form.
        FILE* f = nw::fopen(nw::narrow((dir / "file.txt").wstring()).c_str(), "wb");
        check(f != nullptr, "boost::nowide::fopen on a UTF-8 path");
        if (f) { std::fputs("hello\n", f); std::fclose(f); }
    }
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir))
        names.push_back(nw::narrow(e.path().filename().wstring()));
    std::sort(names.begin(), names.end());
    check(names == std::vector<std::string>{"file.txt", "sub"}, "boost::filesystem directory_iterator");
    check(fs::file_size(dir / "file.txt") == 6, "boost::filesystem file_size");
    check(fs::remove_all(dir) == 3, "boost::filesystem remove_all");
}

void nowide_check() {
    const std::string utf8 = "\\\\srv\\\xC3\xA9t\xC3\xA9-\xF0\x9F\x93\x81";  // \\srv\été-📁
    const std::wstring wide = nw::widen(utf8);
    check(wide == L"\\\\srv\\\u00e9t\u00e9-\U0001F4C1", "boost::nowide::widen (incl. a surrogate pair)");
    check(wide.size() == 12, "UTF-16 length");
    check(nw::narrow(wide) == utf8, "boost::nowide::narrow round trip");
}

int exec(sqlite3* db, const char* sql) {
    char* err = nullptr;
    int rc = sqlite3_exec(db, sql, nullptr, nullptr, &err);
    if (rc != SQLITE_OK) nw::cout << "sqlite: " << (err ? err : "?") << '\n';
    sqlite3_free(err);
    return rc;
}

void sqlite_check(const fs::path& base) {
    const std::string file = nw::narrow((base / "smoke.db").wstring());
    fs::remove(base / "smoke.db"); fs::remove(base / "smoke.db-wal"); fs::remove(base / "smoke.db-shm");
    check(sqlite3_threadsafe() == 1, "sqlite3_threadsafe() == 1");
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    check(rc == SQLITE_OK, "sqlite3_open_v2");
    if (rc != SQLITE_OK) { sqlite3_close(db); return; }

    std::string mode;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA journal_mode=WAL", -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        mode = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    check(mode == "wal", "PRAGMA journal_mode=WAL -> " + mode);

    check(exec(db, "CREATE TABLE conn(local TEXT, remote TEXT NOT NULL)") == SQLITE_OK, "create table");
    check(exec(db, "BEGIN; INSERT INTO conn VALUES('Z:', '\\\\files\\public'); COMMIT") == SQLITE_OK,
          "insert in a transaction");

    // A second connection from another thread sees the committed row (WAL shared memory).
    std::string remote;
    std::thread reader([&] {
        sqlite3* db2 = nullptr;
        if (sqlite3_open_v2(file.c_str(), &db2, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
            sqlite3_stmt* q = nullptr;
            if (sqlite3_prepare_v2(db2, "SELECT remote FROM conn WHERE local = ?1", -1, &q, nullptr) == SQLITE_OK) {
                sqlite3_bind_text(q, 1, "Z:", -1, SQLITE_STATIC);
                if (sqlite3_step(q) == SQLITE_ROW)
                    remote = reinterpret_cast<const char*>(sqlite3_column_text(q, 0));
            }
            sqlite3_finalize(q);
        }
        sqlite3_close(db2);
    });
    reader.join();
    check(remote == "\\\\files\\public", "select from a second connection on another thread");
    check(fs::exists(base / "smoke.db-wal"), "WAL file exists");
    sqlite3_close(db);
}

void mpr_check() {
    WCHAR remote[MAX_PATH] = L"";
    DWORD len = MAX_PATH;
    DWORD rc = WNetGetConnectionW(L"Q:", remote, &len);
    // Q: is no network drive in a fresh prefix: WN_NOT_CONNECTED (2250) on Windows; Wine answers
    // from the drive type (ERROR_BAD_DEVICE 1200 for a drive that does not exist).
    nw::cout << "WNetGetConnectionW(L\"Q:\") = " << rc << '\n';
    check(rc == ERROR_NOT_CONNECTED || rc == ERROR_BAD_DEVICE || rc == ERROR_NO_NET_OR_BAD_PATH,
          "WNetGetConnectionW on an unconnected drive");
}

void threads_check() {
    std::mutex m;
    int n = 0;
    std::vector<std::thread> ts;
    for (int i = 0; i < 4; ++i)
        ts.emplace_back([&] { for (int k = 0; k < 1000; ++k) { std::lock_guard<std::mutex> g(m); ++n; } });
    for (auto& t : ts) t.join();
    boost::interprocess::interprocess_mutex im;
    im.lock(); im.unlock();
    check(n == 4000, "std::thread + std::mutex (posix-threads g++), interprocess_mutex");
}

}  // namespace

int main() {
    try {
        const fs::path base = fs::temp_directory_path() /
                              ("npemu-win-smoke-" + std::to_string(GetCurrentProcessId()));
        fs::create_directories(base);
        nowide_check();
        filesystem_check(base);
        sqlite_check(base);
        threads_check();
        mpr_check();
        fs::remove_all(base);
    } catch (const std::exception& e) {
        nw::cout << "FAIL exception: " << e.what() << '\n';
        ++failures;
    }
    nw::cout << (failures ? "smoke: FAILED" : "smoke: all ok") << std::endl;
    return failures ? 1 : 0;
}
