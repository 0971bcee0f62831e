// The interpreter's driver: execution stacks, lazy translation, invoke() and trap reporting.
#include <pthread.h>
#include <sys/mman.h>

#include <algorithm>
#include <cstring>
#include <mutex>
#include <vector>

#include "interp/exec_state.h"
#include "interp/handler_table.h"
#include "interp/invoke.h"
#include "interp/ir_builder.h"
#include "interp/packed_values.h"
#include "interp/trap_frames.h"
#include "runtime/deadline_timer.h"
#include "runtime/trap_handler.h"

namespace wisp::interp {

const char* trap_message(TrapCode code) {
  switch (code) {
    case TrapCode::none: return "";
    case TrapCode::unreachable: return "unreachable";
    case TrapCode::div_zero: return "integer divide by zero";
    case TrapCode::int_overflow: return "integer overflow";
    case TrapCode::invalid_conversion: return "invalid conversion to integer";
    case TrapCode::memory_oob: return "out of bounds memory access";
    case TrapCode::table_oob: return "out of bounds table access";
    case TrapCode::undefined_element: return "undefined element";
    case TrapCode::uninitialized_element: return "uninitialized element";
    case TrapCode::indirect_mismatch: return "indirect call type mismatch";
    case TrapCode::null_func_ref: return "null function reference";
    case TrapCode::null_ref: return "null reference";
    case TrapCode::stack_exhausted: return "call stack exhausted";
    case TrapCode::pending_error: return "error";
    case TrapCode::out_of_fuel: return "all fuel consumed";
    case TrapCode::interrupted: return "interrupted";
    case TrapCode::exception: return "uncaught exception";
    case TrapCode::null_exception: return "null exception reference";
    case TrapCode::gc_heap_limit: return gc::kHeapLimitMessage;
    case TrapCode::null_struct: return "null structure reference";
    case TrapCode::null_array: return "null array reference";
    case TrapCode::null_i31: return "null i31 reference";
    case TrapCode::array_oob: return "out of bounds array access";
    case TrapCode::cast_failure: return "cast failure";
  }
  return "trap";
}

// ---- module code cache ---------------------------------------------------------------------------------

ModuleCode::ModuleCode(std::shared_ptr<const wasm::Module> m, const runtime::EngineConfig& c)
    : runtime::TierModuleCode(c), module(std::move(m)) {
  num_funcs = module ? module->bodies.size() : 0;
  funcs = std::make_unique<std::atomic<FuncCode*>[]>(num_funcs);
  for (size_t i = 0; i < num_funcs; ++i) funcs[i].store(nullptr, std::memory_order_relaxed);
}

ModuleCode::~ModuleCode() {
  for (size_t i = 0; i < num_funcs; ++i) delete funcs[i].load(std::memory_order_relaxed);
}

std::shared_ptr<ModuleCode> make_module_code(std::shared_ptr<const wasm::Module> module,
                                             const runtime::EngineConfig& config) {
  return std::make_shared<ModuleCode>(std::move(module), config);
}

Result<void> ensure_code(runtime::StoreData&, runtime::FuncInstance* func) {
  if (func->is_host() || func->entry.load(std::memory_order_acquire) != nullptr) return {};
  auto* mc = static_cast<ModuleCode*>(func->instance->code.get());
  if (mc == nullptr) return Error::usage("instance has no module code");
  const wasm::Module& m = *mc->module;
  size_t idx = func->index - m.num_imported_funcs;
  FuncCode* code = mc->funcs[idx].load(std::memory_order_acquire);
  if (code == nullptr) {
    Result<std::unique_ptr<FuncCode>> built = translate_function(m, func->index, mc->config);
    if (!built) return built.error();
    if (mc->tier_up) *built = mc->tier_up(std::move(*built), *mc);
    FuncCode* mine = built->release();
    FuncCode* expected = nullptr;
    if (mc->funcs[idx].compare_exchange_strong(expected, mine, std::memory_order_acq_rel)) {
      code = mine;
    } else {
      delete mine;  // another thread won the race
      code = expected;
    }
  }
  func->entry.store(code, std::memory_order_release);
  return {};
}

// ---- stacks --------------------------------------------------------------------------------------------

namespace {

// The stacks of dropped stores, kept for the next stores of the same limits: a host running one store
// per job would otherwise pay an mmap, a munmap (with its TLB flush) and first-touch faults for the
// value stack, and the same for the call stack's allocation, on every job. Stale contents are harmless:
// a store reuses its own stacks all the time, so the interpreter never reads a slot or frame it did not
// write. At most two are kept: each keeps resident the pages its last store touched (at worst the
// value stack limit, 64 MiB by default).
struct StackBuffers {
  char* slots;
  size_t slot_bytes;
  CallFrame* calls;
  size_t num_calls;
};
constexpr size_t kMaxCachedStacks = 2;

struct StackCache {
  std::mutex mu;
  std::vector<StackBuffers> free;
};
StackCache& stack_cache() {
  static StackCache* cache = new StackCache();  // never destroyed: stores may outlive statics
  return *cache;
}

constexpr size_t kEntryFrames = 64;  // call frames kept for the entry frames of nested invoke() levels

}  // namespace

ExecStacks::~ExecStacks() {
  if (slots && calls) {
    StackCache& c = stack_cache();
    std::lock_guard<std::mutex> lock(c.mu);
    if (c.free.size() < kMaxCachedStacks) {
      c.free.push_back({slots, slot_bytes, calls, max_calls + kEntryFrames});
      return;
    }
  }
  if (slots) munmap(slots, slot_bytes);
  delete[] calls;
}

namespace {

// Native stack that nested invoke() levels (host -> Wasm re-entry) may use: well inside the 8 MiB of a
// default main or pthread stack. AddressSanitizer gives every local of the loop dispatcher its own slot
// (no stack colouring: a 207 KB frame per level), so sanitizer builds allow 4 MiB.
#if defined(__SANITIZE_ADDRESS__)
#define WISP_ASAN_BUILD 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WISP_ASAN_BUILD 1
#endif
#endif
#ifdef WISP_ASAN_BUILD
constexpr uint64_t kMaxReentryNativeBytes = 4u << 20;
#else
constexpr uint64_t kMaxReentryNativeBytes = 1u << 20;
#endif
// What stays free below the deepest level on a small thread stack: the host function's own frames and
// the trap path (sanitizer builds have several times larger frames).
constexpr uint64_t kNativeStackMargin = 192u << 10;

// The calling thread's stack [lo, hi) ({0, 0} when unknown), looked up once per thread: glibc reads
// /proc/self/maps for the main thread, far too slow for every outermost call.
struct StackBounds {
  uintptr_t lo = 0, hi = 0;
  bool contains(const char* p) const {
    auto a = reinterpret_cast<uintptr_t>(p);
    return a >= lo && a < hi;
  }
};
const StackBounds& thread_stack() {
  thread_local StackBounds bounds = [] {
    StackBounds b;
#if defined(__linux__)
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
      void* addr = nullptr;
      size_t size = 0;
      if (pthread_attr_getstack(&attr, &addr, &size) == 0) {
        b.lo = reinterpret_cast<uintptr_t>(addr);
        b.hi = b.lo + size;
      }
      pthread_attr_destroy(&attr);
    }
#endif
    return b;
  }();
  return bounds;
}

// The native-stack address below which a nested invoke() level fails with "call stack exhausted":
// kMaxReentryNativeBytes below the outermost level, or less on a thread whose real stack is smaller
// (stacks grow down on every target wisp supports).
const char* native_stack_limit(const char* base) {
  uintptr_t b = reinterpret_cast<uintptr_t>(base);
  uintptr_t limit = b > kMaxReentryNativeBytes ? b - kMaxReentryNativeBytes : 0;
  const StackBounds& t = thread_stack();
  if (t.contains(base)) {
    uintptr_t room = b - t.lo;
    uintptr_t margin = room > 2 * kNativeStackMargin ? kNativeStackMargin : room / 2;
    limit = std::max(limit, t.lo + margin);
  }
  return reinterpret_cast<const char*>(limit);
}

// Whether a nested invoke() level at `here` is too deep. Frames off the thread's stack (ASan's fake
// stacks for use-after-return detection) can only be judged by their distance from the outermost one.
bool reentry_too_deep(const ExecStacks* s, const char* here) {
  if (here >= s->native_limit && here <= s->native_base) [[likely]] return false;
  const StackBounds& t = thread_stack();
  if (t.contains(here) && t.contains(s->native_base)) return here < s->native_limit;
  uintptr_t a = reinterpret_cast<uintptr_t>(here), b = reinterpret_cast<uintptr_t>(s->native_base);
  return (a < b ? b - a : a - b) > kMaxReentryNativeBytes;
}

// The return address of the entry frame: an op_exit in the dispatch mode of the code being run.
const uint32_t* exit_ir(runtime::DispatchMode mode) {
  static const auto words = [] {
    std::array<std::array<uint32_t, 2>, 2> a{};
    for (auto m : {runtime::DispatchMode::tailcall, runtime::DispatchMode::loop}) {
      uint64_t w = handler_word(HandlerId::op_exit, m);
      a[size_t(m)] = {uint32_t(w), uint32_t(w >> 32)};
    }
    return a;
  }();
  return words[size_t(mode)].data();
}

ExecStacks* stacks_of(runtime::StoreData& store) {
  if (!store.stacks) {
    auto* s = new ExecStacks();
    s->slot_bytes = std::max<uint64_t>(store.limits.max_value_stack_bytes, 4096);
    s->max_calls = size_t(store.limits.max_call_depth) + 1;
    {
      StackCache& c = stack_cache();
      std::lock_guard<std::mutex> lock(c.mu);
      for (size_t i = 0; i < c.free.size(); ++i) {
        if (c.free[i].slot_bytes == s->slot_bytes && c.free[i].num_calls == s->max_calls + kEntryFrames) {
          s->slots = c.free[i].slots;
          s->calls = c.free[i].calls;
          c.free.erase(c.free.begin() + static_cast<std::ptrdiff_t>(i));
          break;
        }
      }
    }
    if (!s->slots) {
      void* p = mmap(nullptr, s->slot_bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                     -1, 0);
      if (p == MAP_FAILED) {
        delete s;
        return nullptr;
      }
      s->slots = static_cast<char*>(p);
      s->calls = new CallFrame[s->max_calls + kEntryFrames];
    }
    s->sp = s->slots;
    s->slots_end = s->slots + s->slot_bytes;
    s->call_top = s->calls;
    s->calls_limit = s->calls + s->max_calls;
    s->entry_limit = s->calls + s->max_calls + kEntryFrames - 1;
    // Every instance of a store was built by the store's engine (the API checks module and store
    // engines match), so the store's mode is the mode of all code any invoke() on it reaches.
    s->mode = store.config.dispatch;
    s->exit_ir = exit_ir(s->mode);
    store.stacks.reset(s);
  }
  return static_cast<ExecStacks*>(store.stacks.get());
}

// Runs with a fault landing pad: a guard-page fault inside Wasm jumps back here. Not inlined: the
// landing pad's register spills stay out of invoke().
[[gnu::noinline]] void run_guarded(runtime::DispatchMode mode, const uint32_t* ip, char* fp, ExecState* st) {
  runtime::WasmActivation act;
  act.prev = runtime::current_activation();
  if (WISP_ACTIVATION_SET(act) == 0) {
    runtime::set_current_activation(&act);
    run(mode, ip, fp, st);
  } else {
    st->trap = TrapCode::memory_oob;
    st->trap_ip = nullptr;  // a fault has no IR position (an earlier host call may have left one)
  }
  runtime::set_current_activation(act.prev);
}

Error make_trap_error(ExecState& st) {
  Error e;
  if (st.trap == TrapCode::pending_error && st.error) {
    e = std::move(*st.error);
  } else if (st.trap == TrapCode::exception && st.exn) {
    e = Error::make(ErrorKind::Exception, "uncaught exception (tag " + st.exn->tag->debug_name + ")");
    e.exception = public_exception(*st.store, *st.exn);
  } else if (st.trap == TrapCode::stack_exhausted) {
    e = Error::exhaustion(trap_message(st.trap));
  } else if (st.trap == TrapCode::interrupted &&
             st.store->interrupt.load(std::memory_order_relaxed) == runtime::kInterruptDeadline) {
    e = Error::trap("deadline exceeded");  // Store::set_deadline
  } else {
    e = Error::trap(trap_message(st.trap));
  }
  add_level_frames(e, st);
  return e;
}

}  // namespace

// ---- invoke --------------------------------------------------------------------------------------------

namespace {

// The rare cases of invoke(), out of line so the common path stays short: host functions, first calls
// (stacks not made, code not translated) and errors before running.
[[gnu::noinline]] bool invoke_host(runtime::StoreData& store, runtime::FuncInstance* func,
                                   const runtime::Value* args, runtime::Value* results, std::optional<Error>& err) {
  for (size_t i = 0; i < func->type->results.size(); ++i) results[i] = runtime::Value();  // unset: zero
  runtime::HostContext ctx{&store, nullptr};
  Result<void> r = call_host_function(func, ctx, args, results);
  if (r.ok()) return true;
  err.emplace(std::move(r.error()));
  return false;
}

[[gnu::noinline]] bool prepare_first_call(runtime::StoreData& store, runtime::FuncInstance* func,
                                          std::optional<Error>& err) {
  if (stacks_of(store) == nullptr) {
    err.emplace(Error::trap("cannot allocate the interpreter stack"));
    return false;
  }
  if (Result<void> ok = ensure_code(store, func); !ok) {
    err.emplace(std::move(ok.error()));
    return false;
  }
  return true;
}

[[gnu::noinline]] bool fail_exhausted(runtime::FuncInstance* func, std::optional<Error>& err) {
  Error e = Error::exhaustion("call stack exhausted");
  add_frame(e, func, nullptr, false);
  err.emplace(std::move(e));
  return false;
}

[[gnu::noinline]] bool fail_trapped(ExecState& st, std::optional<Error>& err) {
  err.emplace(make_trap_error(st));
  return false;
}

}  // namespace

bool invoke(runtime::StoreData& store, runtime::FuncInstance* func, const runtime::Value* args,
            runtime::Value* results, std::optional<Error>& err) {
  if (func->is_host()) [[unlikely]]
    return invoke_host(store, func, args, results, err);
  runtime::FuncEntry* entry = func->entry.load(std::memory_order_acquire);
  if (entry == nullptr || !store.stacks) [[unlikely]] {
    if (!prepare_first_call(store, func, err)) return false;
    entry = func->entry.load(std::memory_order_acquire);
  }
  const runtime::FrameLayout& frame = entry->frame;
  auto* s = static_cast<ExecStacks*>(store.stacks.get());
  const wasm::FuncType& type = *func->type;

  char* fp = s->sp;
  if (fp + frame.frame_bytes() > s->slots_end || s->call_top >= s->entry_limit) [[unlikely]]
    return fail_exhausted(func, err);
  pack_values(type.params, args, fp);
  // An inline zeroing loop for few locals: a variable-length memset is a libc call.
  char* locals = fp + frame.locals_offset();
  if (frame.num_locals <= 16) {
    for (char *z = locals, *e = locals + frame.locals_bytes(); z < e; z += 8) {
      std::memset(z, 0, 8);
      __asm__("" : "+r"(z));  // keeps the compiler from turning the loop back into a memset call
    }
  } else {
    std::memset(locals, 0, frame.locals_bytes());
  }

  // Re-entry through host functions recurses natively: bound it before the native stack overflows.
  const char* here = static_cast<const char*>(__builtin_frame_address(0));
  if (s->levels == 0) {
    s->native_base = here;
    s->native_limit = native_stack_limit(here);
  } else if (reentry_too_deep(s, here)) [[unlikely]] {
    return fail_exhausted(func, err);
  }

  ExecState st;
  st.store = &store;
  st.stacks = s;
  st.func = func;
  st.inst = func->instance;
  st.mem0 = st.inst->mem0;
  CallFrame* saved_top = s->call_top;
  st.cs_base = saved_top;
  *saved_top = CallFrame{ReturnAddress::ir(s->exit_ir), fp, nullptr};
  st.cs = saved_top + 1;
  st.cs_limit = s->calls_limit;
  st.stack_limit = s->slots_end;

  s->sp = fp + frame.frame_bytes();
  s->call_top = st.cs;
  ++s->levels;
  run_guarded(s->mode, entry->interp_entry, fp, &st);  // handlers do not throw
  --s->levels;
  s->sp = fp;
  s->call_top = saved_top;

  if (st.trap != TrapCode::none) [[unlikely]]
    return fail_trapped(st, err);
  unpack_values(type.results, fp, results);
  return true;
}

Result<void> invoke(runtime::StoreData& store, runtime::FuncInstance* func, const runtime::Value* args,
                    runtime::Value* results) {
  std::optional<Error> err;
  if (invoke(store, func, args, results, err)) return {};
  return std::move(*err);
}

// ---- the execution seam ------------------------------------------------------------------------------

const runtime::Executor& executor() {
  static constexpr runtime::Executor kInterpreter{
      .make_module_code = [](std::shared_ptr<const wasm::Module> module, const runtime::EngineConfig& config)
          -> std::shared_ptr<runtime::TierModuleCode> { return make_module_code(std::move(module), config); },
      .prepare = ensure_code,
      .call = invoke,
  };
  return kInterpreter;
}

}  // namespace wisp::interp
