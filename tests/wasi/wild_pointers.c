// Raw WASI calls with pointers and lengths outside linear memory: each must fail with an errno (the
// runtime never touches memory outside the guest's), and the program keeps running.
#include <stdio.h>
#include <wasi/api.h>

#define BAD ((void*)0xfffffff0u)

static void report(const char* what, __wasi_errno_t e) { printf("%s: %s\n", what, e ? "error" : "ok?!"); }

int main(void) {
  __wasi_size_t n;
  __wasi_ciovec_t iov = {(const uint8_t*)"x", 1};
  __wasi_ciovec_t huge = {(const uint8_t*)0x100, 0xfffffff0u};
  report("fd_write iovs", __wasi_fd_write(1, BAD, 1, &n));
  report("fd_write buffer", __wasi_fd_write(1, &huge, 1, &n));
  report("fd_write result", __wasi_fd_write(1, &iov, 1, BAD));
  __wasi_iovec_t riov = {(uint8_t*)BAD, 16};
  report("fd_read buffer", __wasi_fd_read(0, &riov, 1, &n));
  report("args_sizes_get", __wasi_args_sizes_get(BAD, &n));
  report("args_get", __wasi_args_get(BAD, BAD));
  report("environ_get", __wasi_environ_get(BAD, BAD));
  report("random_get", __wasi_random_get(BAD, 64));
  report("clock_time_get", __wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1, BAD));
  report("fd_fdstat_get", __wasi_fd_fdstat_get(1, BAD));
  report("fd_prestat_get", __wasi_fd_prestat_get(3, BAD));
  report("fd_prestat_dir_name", __wasi_fd_prestat_dir_name(3, BAD, 8));
  __wasi_fd_t fd;
  report("path_open result", __wasi_path_open(3, 0, "x", __WASI_OFLAGS_CREAT, __WASI_RIGHTS_FD_READ, 0, 0, BAD));
  report("path_filestat_get", __wasi_path_filestat_get(3, 0, ".", BAD));
  report("fd_filestat_get", __wasi_fd_filestat_get(3, BAD));
  __wasi_event_t ev;
  report("poll_oneoff", __wasi_poll_oneoff(BAD, &ev, 1, &n));
  (void)fd;
  printf("still alive\n");
  return 0;
}
