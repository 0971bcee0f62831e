// Every escape from the preopened /sandbox must fail. The driver places /sandbox/../outside/secret on
// the host next to the sandbox directory; reading it (or anything else outside) would be an escape.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int escapes = 0;

static void expect_fail(const char* what, int result) {
  if (result >= 0) {
    printf("ESCAPED: %s\n", what);
    ++escapes;
  } else {
    printf("blocked: %s\n", what);
  }
}

static int try_open(const char* path) {
  int fd = open(path, O_RDONLY);
  if (fd >= 0) close(fd);
  return fd;
}

static int try_stat(const char* path) {
  struct stat st;
  return stat(path, &st);
}

static int try_opendir(const char* path) {
  DIR* d = opendir(path);
  if (!d) return -1;
  closedir(d);
  return 0;
}

int main(void) {
  expect_fail("absolute host path", try_open("/etc/passwd"));
  expect_fail("dotdot from preopen", try_open("/sandbox/../outside/secret"));
  expect_fail("dotdot via subdir", (mkdir("/sandbox/sub", 0755), try_open("/sandbox/sub/../../outside/secret")));
  expect_fail("stat of preopen parent", try_stat("/sandbox/.."));
  expect_fail("opendir of preopen parent", try_opendir("/sandbox/.."));
  expect_fail("relative dotdot from cwd", (chdir("/sandbox"), try_open("../outside/secret")));
  expect_fail("many dotdots", try_open("/sandbox/sub/../../../../../../etc/passwd"));

  // Symlinks whose targets leave the sandbox: created (maybe) but never followed out.
  symlink("../outside", "/sandbox/out_rel");
  expect_fail("relative symlink to outside dir", try_open("/sandbox/out_rel/secret"));
  symlink("../outside/secret", "/sandbox/out_file");
  expect_fail("relative symlink to outside file", try_open("/sandbox/out_file"));
  expect_fail("stat through escaping symlink", try_stat("/sandbox/out_file"));
  symlink("/etc/passwd", "/sandbox/abs_file");
  expect_fail("absolute symlink", try_open("/sandbox/abs_file"));
  symlink("/", "/sandbox/abs_root");
  expect_fail("absolute symlink to root", try_opendir("/sandbox/abs_root/etc"));
  symlink("sub/../..", "/sandbox/sneaky");
  expect_fail("symlink climbing through subdir", try_open("/sandbox/sneaky/outside/secret"));
  symlink("../../outside", "/sandbox/sub/deep");
  expect_fail("symlink in subdir to outside", try_open("/sandbox/sub/deep/secret"));

  // Creating things outside.
  expect_fail("create file outside", open("/sandbox/../outside/created", O_CREAT | O_WRONLY, 0644));
  expect_fail("mkdir outside", mkdir("/sandbox/../outside/newdir", 0755));
  expect_fail("create through escaping symlink", open("/sandbox/out_rel/created2", O_CREAT | O_WRONLY, 0644));
  int fd = open("/sandbox/inside.txt", O_CREAT | O_WRONLY, 0644);
  close(fd);
  expect_fail("rename to outside", rename("/sandbox/inside.txt", "/sandbox/../outside/moved"));
  expect_fail("rename from outside", rename("/sandbox/../outside/secret", "/sandbox/stolen"));
  expect_fail("hard link to outside file", link("/sandbox/../outside/secret", "/sandbox/hardlink"));
  // Linking the symlink itself is harmless; reading outside through the new name is not.
  expect_fail("hard link through escaping symlink",
              link("/sandbox/out_file", "/sandbox/hardlink2") == 0 ? try_open("/sandbox/hardlink2") : -1);
  expect_fail("unlink outside", unlink("/sandbox/../outside/secret"));
  expect_fail("rmdir of preopen parent", rmdir("/sandbox/.."));
  // A directory swapped for an escaping symlink after it was used.
  mkdir("/sandbox/swap", 0755);
  int ok = try_open("/sandbox/inside.txt");
  printf("inside still readable: %s\n", ok >= 0 ? "yes" : "no");
  rmdir("/sandbox/swap");
  symlink("../outside", "/sandbox/swap");
  expect_fail("directory replaced by escaping symlink", try_open("/sandbox/swap/secret"));
  printf("escapes=%d\n", escapes);
  return escapes ? 1 : 0;
}
