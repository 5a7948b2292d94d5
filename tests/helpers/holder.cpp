// A real process that holds something on a share until its stdin closes:
//   npemu_holder open FILE | cwd DIR | mmap FILE
// It prints "ready" once it holds it, so a test knows when to look.
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: npemu_holder open|cwd|mmap PATH\n");
    return 2;
  }
  const char* mode = argv[1];
  const char* path = argv[2];
  if (std::strcmp(mode, "open") == 0) {
    if (open(path, O_RDONLY) < 0) return perror("open"), 1;
  } else if (std::strcmp(mode, "cwd") == 0) {
    if (chdir(path) != 0) return perror("chdir"), 1;
  } else if (std::strcmp(mode, "mmap") == 0) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) return perror("open"), 1;
    if (mmap(nullptr, 1, PROT_READ, MAP_SHARED, fd, 0) == MAP_FAILED) return perror("mmap"), 1;
    close(fd);  // only the mapping holds it now
  } else {
    return 2;
  }
  std::puts("ready");
  std::fflush(stdout);
  char buf[64];
  while (read(0, buf, sizeof buf) > 0) {
  }
  return 0;
}
