// Runs the mount suite as root inside a private mount namespace: the binary
// re-executes itself under `unshare -m --propagation private`, so every mount it
// makes vanishes with it and nothing reaches the host's table.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (geteuid() != 0) {
    std::puts("mount_integration: SKIPPED: needs root (mounts are made in a private namespace)");
    return 77;
  }
  if (!std::getenv("NPEMU_MOUNT_NS")) {
    setenv("NPEMU_MOUNT_NS", "1", 1);
    char self[4096];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0) return std::perror("readlink"), 1;
    self[n] = '\0';
    std::vector<char*> args{const_cast<char*>("unshare"), const_cast<char*>("-m"),
                            const_cast<char*>("--propagation"), const_cast<char*>("private"), self};
    for (int i = 1; i < argc; ++i) args.push_back(argv[i]);
    args.push_back(nullptr);
    execvp("unshare", args.data());
    std::perror("unshare");
    return 1;
  }
  doctest::Context ctx(argc, argv);
  return ctx.run();
}
