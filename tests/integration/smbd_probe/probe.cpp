// smbd_probe: a throw-away probe of libsmbclient (Samba 4.17, Debian 12) against
// the private server of scripts/smbd-test. It checks the basic operations the
// `smb` backend needs and measures timings and errno values. See README.md.
//
// usage: smbd_probe PORT SPOOL_DIR SMBD_PID
//   password: $NPEMU_TEST_PASSWORD (default npemu-test-pw); user: npemu
#include <libsmbclient.h>

#include <chrono>
#include <csignal>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using Clock = std::chrono::steady_clock;

struct Creds {
    std::string user;
    std::string password;
};

int failures = 0;

void check(bool ok, const std::string& what) {
    std::printf("%s %s\n", ok ? "ok  " : "FAIL", what.c_str());
    if (!ok) ++failures;
}

double ms_since(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

const char* errno_name(int e) {
    switch (e) {
    case 0: return "0";
    case EPERM: return "EPERM";
    case ENOENT: return "ENOENT";
    case EIO: return "EIO";
    case ENXIO: return "ENXIO";
    case EBADF: return "EBADF";
    case EAGAIN: return "EAGAIN";
    case ENOMEM: return "ENOMEM";
    case EACCES: return "EACCES";
    case EBUSY: return "EBUSY";
    case EEXIST: return "EEXIST";
    case ENODEV: return "ENODEV";
    case ENOTDIR: return "ENOTDIR";
    case EINVAL: return "EINVAL";
    case EPIPE: return "EPIPE";
    case ETIMEDOUT: return "ETIMEDOUT";
    case ECONNREFUSED: return "ECONNREFUSED";
    case ECONNRESET: return "ECONNRESET";
    case ECONNABORTED: return "ECONNABORTED";
    case EHOSTUNREACH: return "EHOSTUNREACH";
    case ENETUNREACH: return "ENETUNREACH";
    case ENOTCONN: return "ENOTCONN";
    case EHOSTDOWN: return "EHOSTDOWN";
    case ENOTSUP: return "ENOTSUP";
    default: return "?";
    }
}

void auth_fn(SMBCCTX* ctx, const char* /*server*/, const char* /*share*/,
             char* workgroup, int wglen, char* username, int unlen,
             char* password, int pwlen) {
    auto* c = static_cast<Creds*>(smbc_getOptionUserData(ctx));
    if (!c) return;
    std::snprintf(workgroup, wglen, "%s", "NPEMU");
    std::snprintf(username, unlen, "%s", c->user.c_str());
    std::snprintf(password, pwlen, "%s", c->password.c_str());
}

struct CtxOptions {
    Creds* creds = nullptr;
    uint16_t port = 0;
    int timeout_ms = -1;        // -1: keep libsmbclient's default
    bool no_auto_anonymous = true;
};

SMBCCTX* make_ctx(const CtxOptions& o) {
    SMBCCTX* ctx = smbc_new_context();
    if (!ctx) return nullptr;
    smbc_setDebug(ctx, 0);
    smbc_setOptionDebugToStderr(ctx, 1);
    smbc_setOptionUserData(ctx, o.creds);
    smbc_setFunctionAuthDataWithContext(ctx, auth_fn);
    smbc_setOptionUseKerberos(ctx, 0);
    smbc_setOptionFallbackAfterKerberos(ctx, 1);
    smbc_setOptionNoAutoAnonymousLogin(ctx, o.no_auto_anonymous ? 1 : 0);
    smbc_setPort(ctx, o.port);
    if (o.timeout_ms >= 0) smbc_setTimeout(ctx, o.timeout_ms);
    if (!smbc_init_context(ctx)) {
        int e = errno;
        smbc_free_context(ctx, 1);
        errno = e;
        return nullptr;
    }
    return ctx;
}

// opendir + read all entries; returns names, sets err to errno (0 on success).
std::vector<std::string> list_dir(SMBCCTX* ctx, const std::string& url, int& err) {
    std::vector<std::string> names;
    err = 0;
    errno = 0;
    SMBCFILE* d = smbc_getFunctionOpendir(ctx)(ctx, url.c_str());
    if (!d) { err = errno; return names; }
    while (struct smbc_dirent* de = smbc_getFunctionReaddir(ctx)(ctx, d)) names.emplace_back(de->name);
    smbc_getFunctionClosedir(ctx)(ctx, d);
    return names;
}

struct Outcome {
    int err;
    double ms;
};

// One fresh context, one opendir of url, free. Reports errno and elapsed time.
Outcome try_opendir(const CtxOptions& o, const std::string& url) {
    auto t0 = Clock::now();
    SMBCCTX* ctx = make_ctx(o);
    if (!ctx) return {errno, ms_since(t0)};
    int err = 0;
    list_dir(ctx, url, err);
    smbc_free_context(ctx, 1);
    return {err, ms_since(t0)};
}

void report(const char* what, const Outcome& r) {
    std::printf("      %-58s errno=%d (%s) %s, %.1f ms\n", what, r.err, errno_name(r.err),
                r.err ? std::strerror(r.err) : "success", r.ms);
}

std::set<std::string> dir_files(const std::string& dir) {
    std::set<std::string> s;
    std::error_code ec;
    for (auto& e : std::filesystem::directory_iterator(dir, ec)) s.insert(e.path().filename().string());
    return s;
}

std::string slurp(const std::string& path) {
    std::string out;
    if (FILE* f = std::fopen(path.c_str(), "rb")) {
        char buf[4096];
        size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
        std::fclose(f);
    }
    return out;
}

double time_process(const std::vector<std::string>& argv) {
    auto t0 = Clock::now();
    pid_t pid = fork();
    if (pid == 0) {
        int devnull = open("/dev/null", O_RDWR);
        dup2(devnull, 0); dup2(devnull, 1); dup2(devnull, 2);
        std::vector<char*> a;
        for (auto& s : argv) a.push_back(const_cast<char*>(s.c_str()));
        a.push_back(nullptr);
        execvp(a[0], a.data());
        _exit(127);
    }
    int st = 0;
    waitpid(pid, &st, 0);
    double ms = ms_since(t0);
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) return -1;
    return ms;
}

void stats(const char* what, std::vector<double> v) {
    std::sort(v.begin(), v.end());
    double sum = 0;
    for (double x : v) sum += x;
    std::printf("      %-40s n=%zu min=%.1f median=%.1f mean=%.1f max=%.1f ms\n", what, v.size(),
                v.front(), v[v.size() / 2], sum / v.size(), v.back());
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: %s PORT SPOOL_DIR SMBD_PID\n", argv[0]);
        return 2;
    }
    const uint16_t port = static_cast<uint16_t>(std::atoi(argv[1]));
    const std::string spool = argv[2];
    const pid_t smbd_pid = static_cast<pid_t>(std::atoi(argv[3]));
    const char* pw_env = std::getenv("NPEMU_TEST_PASSWORD");
    Creds good{"npemu", pw_env && *pw_env ? pw_env : "npemu-test-pw"};
    Creds bad{"npemu", good.password + "-wrong"};
    Creds anon{"", ""};
    const std::string srv = "smb://127.0.0.1";

    std::printf("== basic operations (port %u via smbc_setPort)\n", port);
    CtxOptions o{&good, port};
    SMBCCTX* ctx = make_ctx(o);
    check(ctx != nullptr, "smbc_new_context + smbc_init_context");
    if (!ctx) return 1;
    std::printf("      default smbc_getTimeout = %d ms\n", smbc_getTimeout(ctx));

    int err = 0;
    auto names = list_dir(ctx, srv + "/secure", err);
    check(err == 0, "opendir smb://127.0.0.1/secure (" + std::to_string(names.size()) + " entries)");

    const std::string file = srv + "/secure/probe-file.txt";
    const std::string payload = "npemu probe payload\n";
    SMBCFILE* f = smbc_getFunctionCreat(ctx)(ctx, file.c_str(), 0644);
    check(f != nullptr, "creat " + file);
    if (f) {
        ssize_t n = smbc_getFunctionWrite(ctx)(ctx, f, payload.data(), payload.size());
        check(n == static_cast<ssize_t>(payload.size()), "write");
        check(smbc_getFunctionClose(ctx)(ctx, f) == 0, "close after write");
    }
    f = smbc_getFunctionOpen(ctx)(ctx, file.c_str(), O_RDONLY, 0);
    check(f != nullptr, "open for reading");
    if (f) {
        char buf[256] = {};
        ssize_t n = smbc_getFunctionRead(ctx)(ctx, f, buf, sizeof buf);
        check(n == static_cast<ssize_t>(payload.size()) && payload == std::string(buf, n), "read back the same bytes");
        smbc_getFunctionClose(ctx)(ctx, f);
    }
    names = list_dir(ctx, srv + "/secure", err);
    check(std::find(names.begin(), names.end(), "probe-file.txt") != names.end(), "file appears in the listing");
    check(smbc_getFunctionUnlink(ctx)(ctx, file.c_str()) == 0, "unlink");

    // share enumeration of the server (needs srvsvc via samba-dcerpcd)
    names = list_dir(ctx, srv, err);
    {
        std::string all;
        for (auto& n : names) all += n + " ";
        check(err == 0 && std::find(names.begin(), names.end(), "laser") != names.end(),
              "opendir smb://127.0.0.1 lists shares: " + all);
    }

    // print job
    auto before = dir_files(spool);
    const std::string job = "npemu probe print job\n";
    errno = 0;
    f = smbc_getFunctionOpenPrintJob(ctx)(ctx, (srv + "/laser/probe-job").c_str());
    check(f != nullptr, std::string("smbc_open_print_job smb://127.0.0.1/laser/probe-job") +
                            (f ? "" : std::string(" errno=") + std::strerror(errno)));
    if (f) {
        check(smbc_getFunctionWrite(ctx)(ctx, f, job.data(), job.size()) == static_cast<ssize_t>(job.size()),
              "write print data");
        check(smbc_getFunctionClose(ctx)(ctx, f) == 0, "close print job");
        bool arrived = false;
        auto t0 = Clock::now();
        while (!arrived && ms_since(t0) < 5000) {
            for (auto& n : dir_files(spool)) {
                if (!before.count(n) && n[0] != '.' && slurp(spool + "/" + n) == job) arrived = true;
            }
            if (!arrived) usleep(20000);
        }
        check(arrived, "job arrived in " + spool + " after " + std::to_string(static_cast<int>(ms_since(t0))) + " ms");
    }
    smbc_free_context(ctx, 1);

    // port in the URL instead of smbc_setPort
    {
        CtxOptions u{&good, 0};
        auto r = try_opendir(u, "smb://127.0.0.1:" + std::to_string(port) + "/secure");
        std::printf("      port in URL (smb://127.0.0.1:%u/secure, smbc_setPort 0): errno=%d (%s)\n", port, r.err,
                    errno_name(r.err));
    }

    std::printf("== timings\n");
    {
        std::vector<double> v;
        for (int i = 0; i < 20; ++i) {
            auto r = try_opendir(o, srv + "/secure");
            if (r.err) { check(false, "timing connect"); break; }
            v.push_back(r.ms);
        }
        if (!v.empty()) stats("new context + opendir secure + free:", v);
        std::vector<double> p;
        for (int i = 0; i < 10; ++i) {
            double ms = time_process({"smbclient", "-p", std::to_string(port), "//127.0.0.1/public", "-N", "-c", "ls"});
            if (ms < 0) { check(false, "smbclient -c ls exited non-zero"); break; }
            p.push_back(ms);
        }
        if (!p.empty()) stats("smbclient -N -c ls (whole process):", p);
    }

    std::printf("== errno values (fresh context, opendir)\n");
    report("wrong password, NoAutoAnonymousLogin=1", try_opendir({&bad, port, -1, true}, srv + "/secure"));
    report("wrong password, NoAutoAnonymousLogin=0 (default)", try_opendir({&bad, port, -1, false}, srv + "/secure"));
    report("wrong password, server enumeration smb://127.0.0.1", try_opendir({&bad, port, -1, true}, srv));
    {
        Creds stranger{"nosuchuser", "whatever"};  // 'map to guest = Bad User' makes it guest
        report("unknown user on secure share", try_opendir({&stranger, port, -1, true}, srv + "/secure"));
        report("unknown user on public share", try_opendir({&stranger, port, -1, true}, srv + "/public"));
    }
    report("anonymous on secure share", try_opendir({&anon, port, -1, false}, srv + "/secure"));
    report("anonymous on public share", try_opendir({&anon, port, -1, false}, srv + "/public"));
    report("unknown share (smb://127.0.0.1/nosuch)", try_opendir(o, srv + "/nosuch"));
    report("missing dir in share (secure/nosuch)", try_opendir(o, srv + "/secure/nosuch"));
    report("printer share opened as a directory (laser)", try_opendir(o, srv + "/laser"));
    {
        CtxOptions d{&good, 1};  // port 1: nothing listens there
        report("server down (nothing on 127.0.0.1:1)", try_opendir(d, srv + "/secure"));
    }
    {
        CtxOptions q{&good, port};
        SMBCCTX* c = make_ctx(q);
        errno = 0;
        SMBCFILE* j = smbc_getFunctionOpenPrintJob(c)(c, (srv + "/public/x").c_str());
        int e = j ? 0 : errno;
        if (j) smbc_getFunctionClose(c)(c, j);
        smbc_free_context(c, 1);
        report("smbc_open_print_job on a disk share (public)", {e, 0});
    }

    std::printf("== hung server (SIGSTOP)\n");
    if (smbd_pid > 0) {
        // (a) only the listening parent stopped: new connections are accepted by the
        // kernel (backlog) but never served.
        kill(smbd_pid, SIGSTOP);
        report("parent stopped, new conn, timeout 2000 ms", try_opendir({&good, port, 2000, true}, srv + "/secure"));
        report("parent stopped, new conn, default timeout", try_opendir({&good, port, -1, true}, srv + "/secure"));
        kill(smbd_pid, SIGCONT);

        // (b) an established session, then the whole process group (parent and the
        // per-connection child) stopped.
        SMBCCTX* c = make_ctx({&good, port, 2000, true});
        list_dir(c, srv + "/secure", err);
        SMBCFILE* h = smbc_getFunctionCreat(c)(c, (srv + "/secure/hang.txt").c_str(), 0644);
        kill(-smbd_pid, SIGSTOP);
        auto t0 = Clock::now();
        list_dir(c, srv + "/secure", err);
        report("group stopped, existing session, opendir (timeout 2000)", {err, ms_since(t0)});
        t0 = Clock::now();
        errno = 0;
        ssize_t n = h ? smbc_getFunctionWrite(c)(c, h, "x", 1) : -1;
        report("group stopped, write on an open handle", {n < 0 ? errno : 0, ms_since(t0)});
        t0 = Clock::now();
        smbc_free_context(c, 1);
        report("group stopped, smbc_free_context(ctx, 1)", {0, ms_since(t0)});
        kill(-smbd_pid, SIGCONT);
        usleep(200000);
        // the server is usable again
        report("after SIGCONT, new connection", try_opendir(o, srv + "/secure"));
        CtxOptions cl{&good, port};
        SMBCCTX* c2 = make_ctx(cl);
        smbc_getFunctionUnlink(c2)(c2, (srv + "/secure/hang.txt").c_str());
        smbc_free_context(c2, 1);
    }

    std::printf("%s: %d failure(s)\n", failures ? "FAILED" : "PASSED", failures);
    return failures ? 1 : 0;
}
