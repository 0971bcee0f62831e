// Files and directories inside the preopened /sandbox: create, write, read, seek, truncate, pread/pwrite,
// append, stat, rename, unlink, mkdir/rmdir, readdir (sorted, without . and ..).
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int failures = 0;
#define CHECK(cond)                                             \
  do {                                                          \
    if (!(cond)) {                                              \
      printf("FAIL line %d: %s (errno %d)\n", __LINE__, #cond, errno); \
      ++failures;                                               \
    }                                                           \
  } while (0)

static int cmp(const void* a, const void* b) { return strcmp(*(char* const*)a, *(char* const*)b); }

static void list(const char* dir) {
  DIR* d = opendir(dir);
  CHECK(d != NULL);
  if (!d) return;
  char* names[64];
  int n = 0;
  struct dirent* e;
  while ((e = readdir(d)) && n < 64) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
    names[n++] = strdup(e->d_name);
  }
  closedir(d);
  qsort(names, (size_t)n, sizeof names[0], cmp);
  printf("%s:", dir);
  for (int i = 0; i < n; ++i) {
    printf(" %s", names[i]);
    free(names[i]);
  }
  printf("\n");
}

int main(void) {
  // Create and write.
  int fd = open("/sandbox/data.txt", O_CREAT | O_TRUNC | O_RDWR, 0644);
  CHECK(fd >= 0);
  CHECK(write(fd, "hello, world\n", 13) == 13);
  CHECK(lseek(fd, 0, SEEK_CUR) == 13);
  // Seek and read back.
  char buf[64] = {0};
  CHECK(lseek(fd, 7, SEEK_SET) == 7);
  CHECK(read(fd, buf, sizeof buf) == 6);
  printf("read after seek: %s", buf);
  CHECK(lseek(fd, -6, SEEK_END) == 7);
  // pwrite/pread do not move the offset.
  CHECK(pwrite(fd, "WORLD", 5, 7) == 5);
  memset(buf, 0, sizeof buf);
  CHECK(pread(fd, buf, 12, 0) == 12);
  printf("pread: %s\n", buf);
  CHECK(lseek(fd, 0, SEEK_CUR) == 7);
  struct stat st;
  CHECK(fstat(fd, &st) == 0);
  printf("size=%lld regular=%d\n", (long long)st.st_size, S_ISREG(st.st_mode) ? 1 : 0);
  CHECK(ftruncate(fd, 5) == 0);
  CHECK(fstat(fd, &st) == 0);
  printf("after truncate size=%lld\n", (long long)st.st_size);
  CHECK(close(fd) == 0);

  // Append mode.
  FILE* f = fopen("/sandbox/data.txt", "a");
  CHECK(f != NULL);
  fputs(" appended\n", f);
  fclose(f);
  f = fopen("/sandbox/data.txt", "r");
  CHECK(f != NULL);
  memset(buf, 0, sizeof buf);
  CHECK(fgets(buf, sizeof buf, f) != NULL);
  fclose(f);
  printf("after append: %s", buf);

  // stdio with a larger file: write lines, read them back.
  f = fopen("/sandbox/lines.txt", "w");
  for (int i = 0; i < 1000; ++i) fprintf(f, "line %d\n", i);
  fclose(f);
  f = fopen("/sandbox/lines.txt", "r");
  int count = 0;
  long sum = 0;
  char line[64];
  while (fgets(line, sizeof line, f)) {
    ++count;
    sum += atol(line + 5);
  }
  fclose(f);
  printf("lines=%d sum=%ld\n", count, sum);

  // Directories.
  CHECK(mkdir("/sandbox/dir", 0755) == 0);
  CHECK(mkdir("/sandbox/dir/sub", 0755) == 0);
  CHECK(mkdir("/sandbox/dir", 0755) == -1 && errno == EEXIST);
  CHECK(stat("/sandbox/dir", &st) == 0 && S_ISDIR(st.st_mode));
  // Rename a file into the directory; the old name is gone.
  CHECK(rename("/sandbox/data.txt", "/sandbox/dir/moved.txt") == 0);
  CHECK(stat("/sandbox/data.txt", &st) == -1 && errno == ENOENT);
  CHECK(stat("/sandbox/dir/moved.txt", &st) == 0 && st.st_size == 15);
  // Relative paths work from the preopen's cwd too (wasi-libc's chdir emulation).
  CHECK(chdir("/sandbox/dir") == 0);
  CHECK(access("moved.txt", F_OK) == 0);
  CHECK(access("sub", F_OK) == 0);
  CHECK(chdir("/sandbox") == 0);
  list("/sandbox");
  list("/sandbox/dir");
  // A directory with many entries (readdir needs several fd_readdir calls and cookies).
  CHECK(mkdir("/sandbox/many", 0755) == 0);
  for (int i = 0; i < 300; ++i) {
    char name[64];
    snprintf(name, sizeof name, "/sandbox/many/entry-with-a-longish-name-%03d", i);
    int t = open(name, O_CREAT | O_WRONLY, 0644);
    CHECK(t >= 0);
    close(t);
  }
  DIR* d = opendir("/sandbox/many");
  int entries = 0, again = 0;
  struct dirent* e;
  while ((e = readdir(d)))
    if (e->d_name[0] != '.') ++entries;
  rewinddir(d);
  while ((e = readdir(d)))
    if (e->d_name[0] != '.') ++again;
  closedir(d);
  printf("many: %d entries, %d after rewind\n", entries, again);

  // Errors.
  CHECK(rmdir("/sandbox/dir") == -1 && errno == ENOTEMPTY);
  CHECK(unlink("/sandbox/dir") == -1);
  CHECK(open("/sandbox/nope/x", O_RDONLY) == -1 && errno == ENOENT);
  CHECK(open("/sandbox/dir/moved.txt/x", O_RDONLY) == -1 && errno == ENOTDIR);
  CHECK(open("/sandbox/dir/moved.txt", O_CREAT | O_EXCL | O_WRONLY, 0644) == -1 && errno == EEXIST);
  CHECK(opendir("/sandbox/dir/moved.txt") == NULL && errno == ENOTDIR);
  // Cleanup.
  CHECK(unlink("/sandbox/dir/moved.txt") == 0);
  CHECK(rmdir("/sandbox/dir/sub") == 0);
  CHECK(rmdir("/sandbox/dir") == 0);
  CHECK(stat("/sandbox/dir", &st) == -1 && errno == ENOENT);
  list("/sandbox");
  printf("failures=%d\n", failures);
  return failures ? 1 : 0;
}
