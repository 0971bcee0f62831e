// Registers the WASI functions with a Linker: each host function finds the caller's exported memory,
// wraps it in a bounds-checked GuestMemory and calls the implementation in functions_*.cc.
#include <string>

#include "wasi/functions.h"
#include "wisp/linker.h"
#include "wisp/memory.h"
#include "wisp/store.h"
#include "wisp/wasi.h"

namespace wisp {

namespace {

using wasi::Errno;
using wasi::GuestMemory;
using wasi::WasiCtx;

GuestMemory memory_of(Caller& c) {
  std::optional<Memory> m = c.memory("memory");
  if (!m) return {};
  Result<uint64_t> size = m->size(c.store());
  if (!size.ok()) return {};
  return GuestMemory(m->data(c.store()), *size);
}

// The state a call works on: the one bound by Wasi::add_to_linker, else the calling store's (Wasi::attach;
// one pointer load per call).
WasiCtx* ctx_for(WasiCtx* bound, Store& store) {
  if (bound) return bound;
  Wasi* w = Wasi::of(store);
  return w ? &w->ctx() : nullptr;
}

// A WASI function called in a store that has no state: a trap naming the function and the fix, which
// the host sees as the call's Error (never a crash).
Error no_context(std::string_view module, std::string_view name) {
  return Error::trap(std::string(module) + "::" + std::string(name) +
                     ": this store has no WASI context (wisp::Wasi::attach)");
}

// Bind<F>::make(ctx, ...) is a lambda with F's Wasm parameters, deduced from F's signature; a null ctx
// means the calling store's. `module` and `name` are literals.
template <auto F>
struct Bind;
template <class... A, Errno (*F)(WasiCtx&, const GuestMemory&, A...)>
struct Bind<F> {
  static auto make(WasiCtx* bound, std::string_view module, std::string_view name) {
    return [bound, module, name](Caller& c, A... a) -> Result<int32_t> {
      WasiCtx* ctx = ctx_for(bound, c.store());
      if (!ctx) [[unlikely]] return no_context(module, name);
      ctx->store = &c.store();
      GuestMemory m = memory_of(c);
      Errno r = F(*ctx, m, a...);
      if (r == wasi::fn::kStopRequested) [[unlikely]] {
        // A blocking call gave up for an interrupt or deadline: stop the guest with that trap.
        if (std::optional<Error> e = c.store().pending_interrupt()) return std::move(*e);
        r = wasi::kIntr;
      }
      return static_cast<int32_t>(r);
    };
  }
};

struct Definer {
  Linker& linker;
  WasiCtx* ctx;
  std::string_view module;
  Result<void> status;

  template <auto F>
  void def(std::string_view name) {
    if (!status.ok()) return;
    status = linker.func_wrap(module, name, Bind<F>::make(ctx, module, name));
  }
};

void define_common(Definer& d) {
  namespace f = wasi::fn;
  d.def<f::args_get>("args_get");
  d.def<f::args_sizes_get>("args_sizes_get");
  d.def<f::environ_get>("environ_get");
  d.def<f::environ_sizes_get>("environ_sizes_get");
  d.def<f::clock_res_get>("clock_res_get");
  d.def<f::clock_time_get>("clock_time_get");
  d.def<f::fd_advise>("fd_advise");
  d.def<f::fd_allocate>("fd_allocate");
  d.def<f::fd_close>("fd_close");
  d.def<f::fd_datasync>("fd_datasync");
  d.def<f::fd_fdstat_get>("fd_fdstat_get");
  d.def<f::fd_fdstat_set_flags>("fd_fdstat_set_flags");
  d.def<f::fd_fdstat_set_rights>("fd_fdstat_set_rights");
  d.def<f::fd_filestat_set_size>("fd_filestat_set_size");
  d.def<f::fd_filestat_set_times>("fd_filestat_set_times");
  d.def<f::fd_pread>("fd_pread");
  d.def<f::fd_prestat_get>("fd_prestat_get");
  d.def<f::fd_prestat_dir_name>("fd_prestat_dir_name");
  d.def<f::fd_pwrite>("fd_pwrite");
  d.def<f::fd_read>("fd_read");
  d.def<f::fd_readdir>("fd_readdir");
  d.def<f::fd_renumber>("fd_renumber");
  d.def<f::fd_sync>("fd_sync");
  d.def<f::fd_tell>("fd_tell");
  d.def<f::fd_write>("fd_write");
  d.def<f::path_create_directory>("path_create_directory");
  d.def<f::path_filestat_set_times>("path_filestat_set_times");
  d.def<f::path_link>("path_link");
  d.def<f::path_open>("path_open");
  d.def<f::path_readlink>("path_readlink");
  d.def<f::path_remove_directory>("path_remove_directory");
  d.def<f::path_rename>("path_rename");
  d.def<f::path_symlink>("path_symlink");
  d.def<f::path_unlink_file>("path_unlink_file");
  d.def<f::proc_raise>("proc_raise");
  d.def<f::sched_yield>("sched_yield");
  d.def<f::random_get>("random_get");
  d.def<f::sock_recv>("sock_recv");
  d.def<f::sock_send>("sock_send");
  d.def<f::sock_shutdown>("sock_shutdown");
  if (!d.status.ok()) return;
  // proc_exit unwinds the guest with an Error carrying the exit code.
  d.status = d.linker.func_wrap(d.module, "proc_exit", [bound = d.ctx, module = d.module](Caller& c, uint32_t code)
                                                           -> Result<void> {
    WasiCtx* ctx = ctx_for(bound, c.store());
    if (!ctx) [[unlikely]] return no_context(module, "proc_exit");
    ctx->exit_code = code <= 255 ? static_cast<int>(code) : 1;  // what a POSIX exit status can carry
    Error e = Error::trap("wasi proc_exit(" + std::to_string(code) + ")");
    e.exit_code = ctx->exit_code;
    return e;
  });
}

}  // namespace

std::vector<std::string_view> wasi_function_names(std::string_view module) {
  std::vector<std::string_view> names = {
      "args_get", "args_sizes_get", "environ_get", "environ_sizes_get", "clock_res_get", "clock_time_get",
      "fd_advise", "fd_allocate", "fd_close", "fd_datasync", "fd_fdstat_get", "fd_fdstat_set_flags",
      "fd_fdstat_set_rights", "fd_filestat_get", "fd_filestat_set_size", "fd_filestat_set_times", "fd_pread",
      "fd_prestat_get", "fd_prestat_dir_name", "fd_pwrite", "fd_read", "fd_readdir", "fd_renumber", "fd_seek",
      "fd_sync", "fd_tell", "fd_write", "path_create_directory", "path_filestat_get",
      "path_filestat_set_times", "path_link", "path_open", "path_readlink", "path_remove_directory",
      "path_rename", "path_symlink", "path_unlink_file", "poll_oneoff", "proc_exit", "proc_raise",
      "sched_yield", "random_get", "sock_recv", "sock_send", "sock_shutdown"};
  if (module == "wasi_snapshot_preview1") {
    names.push_back("sock_accept");
    return names;
  }
  if (module == "wasi_unstable") return names;
  return {};
}

namespace {

// Defines both modules' functions, bound to `ctx` or (null) working on the calling store's state.
Result<void> define_all(Linker& linker, WasiCtx* ctx) {
  namespace f = wasi::fn;
  Definer p1{linker, ctx, "wasi_snapshot_preview1", {}};
  define_common(p1);
  p1.def<f::fd_seek>("fd_seek");
  p1.def<f::fd_filestat_get>("fd_filestat_get");
  p1.def<f::path_filestat_get>("path_filestat_get");
  p1.def<f::poll_oneoff>("poll_oneoff");
  p1.def<f::sock_accept>("sock_accept");
  if (!p1.status.ok()) return p1.status;
  // preview0: the same functions with its own whence order, filestat and subscription layouts.
  Definer p0{linker, ctx, "wasi_unstable", {}};
  define_common(p0);
  p0.def<f::fd_seek0>("fd_seek");
  p0.def<f::fd_filestat_get0>("fd_filestat_get");
  p0.def<f::path_filestat_get0>("path_filestat_get");
  p0.def<f::poll_oneoff0>("poll_oneoff");
  return p0.status;
}

}  // namespace

Result<void> Wasi::add_to_linker(Linker& linker) { return define_all(linker, ctx_.get()); }

Result<void> add_wasi_to_linker(Linker& linker) { return define_all(linker, nullptr); }

}  // namespace wisp
