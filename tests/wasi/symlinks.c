// Symlinks and hard links inside the sandbox: symlink, readlink, lstat vs stat, following a link to read,
// links to directories, dangling links, loops, hard link counts.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int failures = 0;
#define CHECK(cond)                                                    \
  do {                                                                 \
    if (!(cond)) {                                                     \
      printf("FAIL line %d: %s (errno %d)\n", __LINE__, #cond, errno); \
      ++failures;                                                      \
    }                                                                  \
  } while (0)

int main(void) {
  CHECK(mkdir("/sandbox/d", 0755) == 0);
  FILE* f = fopen("/sandbox/d/target.txt", "w");
  fputs("through the link\n", f);
  fclose(f);

  CHECK(symlink("d/target.txt", "/sandbox/link") == 0);
  char buf[128] = {0};
  ssize_t n = readlink("/sandbox/link", buf, sizeof buf - 1);
  CHECK(n == 12);
  printf("readlink: %s\n", buf);

  struct stat st, lst;
  CHECK(stat("/sandbox/link", &st) == 0 && S_ISREG(st.st_mode));
  CHECK(lstat("/sandbox/link", &lst) == 0 && S_ISLNK(lst.st_mode));
  printf("stat size=%lld lstat is link=%d\n", (long long)st.st_size, S_ISLNK(lst.st_mode) ? 1 : 0);

  f = fopen("/sandbox/link", "r");
  CHECK(f != NULL);
  memset(buf, 0, sizeof buf);
  if (f) {
    fgets(buf, sizeof buf, f);
    fclose(f);
  }
  printf("read via link: %s", buf);

  // A link to a directory, used in the middle of a path.
  CHECK(symlink("d", "/sandbox/dirlink") == 0);
  CHECK(access("/sandbox/dirlink/target.txt", R_OK) == 0);
  CHECK(symlink("target.txt", "/sandbox/d/sibling") == 0);
  CHECK(stat("/sandbox/dirlink/sibling", &st) == 0 && st.st_size == 17);

  // Dangling link: lstat works, stat fails with ENOENT.
  CHECK(symlink("missing", "/sandbox/dangling") == 0);
  CHECK(lstat("/sandbox/dangling", &lst) == 0);
  CHECK(stat("/sandbox/dangling", &st) == -1 && errno == ENOENT);

  // Loops.
  CHECK(symlink("loop_b", "/sandbox/loop_a") == 0);
  CHECK(symlink("loop_a", "/sandbox/loop_b") == 0);
  CHECK(open("/sandbox/loop_a", O_RDONLY) == -1 && errno == ELOOP);

  // Hard links share the inode and count.
  CHECK(link("/sandbox/d/target.txt", "/sandbox/hard") == 0);
  CHECK(stat("/sandbox/hard", &st) == 0);
  printf("nlink=%d\n", (int)st.st_nlink);
  CHECK(unlink("/sandbox/hard") == 0);
  CHECK(stat("/sandbox/d/target.txt", &st) == 0);
  printf("nlink after unlink=%d\n", (int)st.st_nlink);

  // Removing a link removes the link, not its target.
  CHECK(unlink("/sandbox/link") == 0);
  CHECK(access("/sandbox/d/target.txt", F_OK) == 0);
  // Renaming a link moves the link.
  CHECK(rename("/sandbox/dirlink", "/sandbox/dirlink2") == 0);
  CHECK(access("/sandbox/dirlink2/target.txt", F_OK) == 0);
  printf("failures=%d\n", failures);
  return failures ? 1 : 0;
}
