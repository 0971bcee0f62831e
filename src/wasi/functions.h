// The WASI functions over a context and a checked guest memory, independent of the embedding API
// (bind.cc registers them). Each returns a WASI errno; argument names follow the witx.
// Functions whose preview0 layout differs have a `*0` twin.
#pragma once
#include <sys/uio.h>
#include <time.h>

#include <cstdint>
#include <vector>

#include "wasi/abi.h"
#include "wasi/ctx.h"
#include "wasi/guest_memory.h"

namespace wisp::wasi::fn {

using Ctx = WasiCtx;
using Mem = GuestMemory;

// args / environ / clocks / random / process (functions_misc.cc)
Errno args_get(Ctx&, const Mem&, uint32_t argv, uint32_t argv_buf);
Errno args_sizes_get(Ctx&, const Mem&, uint32_t argc_out, uint32_t buf_size_out);
Errno environ_get(Ctx&, const Mem&, uint32_t environ, uint32_t environ_buf);
Errno environ_sizes_get(Ctx&, const Mem&, uint32_t count_out, uint32_t buf_size_out);
Errno clock_res_get(Ctx&, const Mem&, uint32_t id, uint32_t res_out);
Errno clock_time_get(Ctx&, const Mem&, uint32_t id, uint64_t precision, uint32_t time_out);
Errno random_get(Ctx&, const Mem&, uint32_t buf, uint32_t len);
Errno proc_raise(Ctx&, const Mem&, uint32_t sig);
Errno sched_yield(Ctx&, const Mem&);
Errno poll_oneoff(Ctx&, const Mem&, uint32_t in, uint32_t out, uint32_t nsubscriptions, uint32_t nevents_out);
Errno poll_oneoff0(Ctx&, const Mem&, uint32_t in, uint32_t out, uint32_t nsubscriptions, uint32_t nevents_out);
Errno sock_accept(Ctx&, const Mem&, uint32_t fd, uint32_t flags, uint32_t fd_out);
Errno sock_recv(Ctx&, const Mem&, uint32_t fd, uint32_t ri_data, uint32_t ri_data_len, uint32_t ri_flags,
                uint32_t ro_datalen_out, uint32_t ro_flags_out);
Errno sock_send(Ctx&, const Mem&, uint32_t fd, uint32_t si_data, uint32_t si_data_len, uint32_t si_flags,
                uint32_t so_datalen_out);
Errno sock_shutdown(Ctx&, const Mem&, uint32_t fd, uint32_t how);

// fd_* (functions_fd.cc)
Errno fd_advise(Ctx&, const Mem&, uint32_t fd, uint64_t offset, uint64_t len, uint32_t advice);
Errno fd_allocate(Ctx&, const Mem&, uint32_t fd, uint64_t offset, uint64_t len);
Errno fd_close(Ctx&, const Mem&, uint32_t fd);
Errno fd_datasync(Ctx&, const Mem&, uint32_t fd);
Errno fd_fdstat_get(Ctx&, const Mem&, uint32_t fd, uint32_t stat_out);
Errno fd_fdstat_set_flags(Ctx&, const Mem&, uint32_t fd, uint32_t flags);
Errno fd_fdstat_set_rights(Ctx&, const Mem&, uint32_t fd, uint64_t base, uint64_t inheriting);
Errno fd_filestat_get(Ctx&, const Mem&, uint32_t fd, uint32_t stat_out);
Errno fd_filestat_get0(Ctx&, const Mem&, uint32_t fd, uint32_t stat_out);
Errno fd_filestat_set_size(Ctx&, const Mem&, uint32_t fd, uint64_t size);
Errno fd_filestat_set_times(Ctx&, const Mem&, uint32_t fd, uint64_t atim, uint64_t mtim, uint32_t fst_flags);
Errno fd_pread(Ctx&, const Mem&, uint32_t fd, uint32_t iovs, uint32_t iovs_len, uint64_t offset, uint32_t nread_out);
Errno fd_prestat_get(Ctx&, const Mem&, uint32_t fd, uint32_t prestat_out);
Errno fd_prestat_dir_name(Ctx&, const Mem&, uint32_t fd, uint32_t path, uint32_t path_len);
Errno fd_pwrite(Ctx&, const Mem&, uint32_t fd, uint32_t iovs, uint32_t iovs_len, uint64_t offset,
                uint32_t nwritten_out);
Errno fd_read(Ctx&, const Mem&, uint32_t fd, uint32_t iovs, uint32_t iovs_len, uint32_t nread_out);
Errno fd_readdir(Ctx&, const Mem&, uint32_t fd, uint32_t buf, uint32_t buf_len, uint64_t cookie,
                 uint32_t bufused_out);
Errno fd_renumber(Ctx&, const Mem&, uint32_t fd, uint32_t to);
Errno fd_seek(Ctx&, const Mem&, uint32_t fd, int64_t offset, uint32_t whence, uint32_t newoffset_out);
Errno fd_seek0(Ctx&, const Mem&, uint32_t fd, int64_t offset, uint32_t whence, uint32_t newoffset_out);
Errno fd_sync(Ctx&, const Mem&, uint32_t fd);
Errno fd_tell(Ctx&, const Mem&, uint32_t fd, uint32_t offset_out);
Errno fd_write(Ctx&, const Mem&, uint32_t fd, uint32_t iovs, uint32_t iovs_len, uint32_t nwritten_out);

// path_* (functions_path.cc)
Errno path_create_directory(Ctx&, const Mem&, uint32_t fd, uint32_t path, uint32_t path_len);
Errno path_filestat_get(Ctx&, const Mem&, uint32_t fd, uint32_t flags, uint32_t path, uint32_t path_len,
                        uint32_t stat_out);
Errno path_filestat_get0(Ctx&, const Mem&, uint32_t fd, uint32_t flags, uint32_t path, uint32_t path_len,
                         uint32_t stat_out);
Errno path_filestat_set_times(Ctx&, const Mem&, uint32_t fd, uint32_t flags, uint32_t path, uint32_t path_len,
                              uint64_t atim, uint64_t mtim, uint32_t fst_flags);
Errno path_link(Ctx&, const Mem&, uint32_t old_fd, uint32_t old_flags, uint32_t old_path, uint32_t old_path_len,
                uint32_t new_fd, uint32_t new_path, uint32_t new_path_len);
Errno path_open(Ctx&, const Mem&, uint32_t fd, uint32_t dirflags, uint32_t path, uint32_t path_len, uint32_t oflags,
                uint64_t rights_base, uint64_t rights_inheriting, uint32_t fdflags, uint32_t fd_out);
Errno path_readlink(Ctx&, const Mem&, uint32_t fd, uint32_t path, uint32_t path_len, uint32_t buf, uint32_t buf_len,
                    uint32_t bufused_out);
Errno path_remove_directory(Ctx&, const Mem&, uint32_t fd, uint32_t path, uint32_t path_len);
Errno path_rename(Ctx&, const Mem&, uint32_t fd, uint32_t old_path, uint32_t old_path_len, uint32_t new_fd,
                  uint32_t new_path, uint32_t new_path_len);
Errno path_symlink(Ctx&, const Mem&, uint32_t old_path, uint32_t old_path_len, uint32_t fd, uint32_t new_path,
                   uint32_t new_path_len);
Errno path_unlink_file(Ctx&, const Mem&, uint32_t fd, uint32_t path, uint32_t path_len);

// Shared helpers.
// Not a WASI errno: a blocking call gave up because the guest must stop (an interrupt or a passed deadline
// of its store); bind.cc turns it into the store's trap.
constexpr Errno kStopRequested = 0xFFFF;
// How often a blocking call of an interruptible store looks at the interrupt flag while it waits.
constexpr int kStopCheckMs = 20;
// Whether the store of the current call is interruptible, and whether its guest must stop now.
bool interruptible(const Ctx& c);
bool stop_requested(const Ctx& c);
// Called before a host read/write/accept on `e` that may block (pipes, terminals, sockets): with an
// emulated O_NONBLOCK (flags set by the guest on a descriptor it does not own) kAgain when not ready; for
// an interruptible store it waits in kStopCheckMs slices and returns kStopRequested when the guest must
// stop. Otherwise kSuccess at once: the call blocks as the OS makes it.
Errno wait_ready(Ctx& c, const FdEntry& e, short poll_events);
// Whether the guest's fd_fdstat_set_flags(NONBLOCK) is emulated for `e` (a borrowed host descriptor:
// inherited stdio or an embedder's socket, whose open file description the host shares).
bool emulated_nonblock(const FdEntry& e);
// Converts fd_filestat_set_times / path_filestat_set_times arguments to host timespecs (EINVAL on bad flags).
Errno times_from_flags(uint64_t atim, uint64_t mtim, uint32_t fst_flags, struct timespec* out2);
// The host iovecs of a guest iovec array (EFAULT on any bad pointer), capped at IOV_MAX entries.
Errno guest_iovecs(const Mem& m, uint32_t iovs, uint32_t iovs_len, std::vector<struct iovec>& out);

}  // namespace wisp::wasi::fn
