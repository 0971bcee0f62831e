// Imports every wasi_snapshot_preview1 function (taking their addresses forces the imports), so linking
// checks all 46 names and signatures; then calls a harmless one of each family.
#include <stdio.h>
#include <wasi/api.h>

// wasi-libc dropped proc_raise from its header; import it by hand.
int32_t raw_proc_raise(int32_t sig)
    __attribute__((import_module("wasi_snapshot_preview1"), import_name("proc_raise")));

typedef void (*AnyFn)(void);
#define F(name) (AnyFn) & __wasi_##name

static AnyFn volatile all[] = {
    F(args_get), F(args_sizes_get), F(environ_get), F(environ_sizes_get), F(clock_res_get),
    F(clock_time_get), F(fd_advise), F(fd_allocate), F(fd_close), F(fd_datasync), F(fd_fdstat_get),
    F(fd_fdstat_set_flags), F(fd_fdstat_set_rights), F(fd_filestat_get), F(fd_filestat_set_size),
    F(fd_filestat_set_times), F(fd_pread), F(fd_prestat_get), F(fd_prestat_dir_name), F(fd_pwrite),
    F(fd_read), F(fd_readdir), F(fd_renumber), F(fd_seek), F(fd_sync), F(fd_tell), F(fd_write),
    F(path_create_directory), F(path_filestat_get), F(path_filestat_set_times), F(path_link), F(path_open),
    F(path_readlink), F(path_remove_directory), F(path_rename), F(path_symlink), F(path_unlink_file),
    F(poll_oneoff), F(proc_exit), (AnyFn)&raw_proc_raise, F(sched_yield), F(random_get), F(sock_accept), F(sock_recv),
    F(sock_send), F(sock_shutdown),
};

int main(void) {
  int n = 0;
  for (unsigned i = 0; i < sizeof all / sizeof all[0]; ++i) n += all[i] != 0;
  printf("imported %d functions\n", n);
  printf("sched_yield: %d\n", (int)__wasi_sched_yield());
  // Not a socket: sock_* fail with an errno, no crash.
  __wasi_fd_t fd;
  printf("sock_accept on a directory fails: %s\n", __wasi_sock_accept(3, 0, &fd) != 0 ? "yes" : "no");
  printf("sock_shutdown on stdout fails: %s\n", __wasi_sock_shutdown(1, __WASI_SDFLAGS_WR) != 0 ? "yes" : "no");
  return 0;
}
