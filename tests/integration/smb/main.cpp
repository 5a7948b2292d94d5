// The smb suite needs root (scripts/smbd-test runs smbd, which switches users):
// without it every case is skipped (exit 77 = ctest SKIP_RETURN_CODE).
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdio>
#include <unistd.h>

int main(int argc, char** argv) {
  if (geteuid() != 0) {
    std::puts("SKIP: the smb suite needs root (scripts/smbd-test starts a real smbd)");
    return 77;
  }
  doctest::Context ctx(argc, argv);
  return ctx.run();
}
