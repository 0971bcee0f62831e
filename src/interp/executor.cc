// The interpreter's driver: execution stacks, lazy translation, invoke() and trap reporting.
#include <sys/mman.h>

#include <algorithm>
#include <cstring>

#include "interp/exec_state.h"
#include "interp/handler_table.h"
#include "interp/invoke.h"
#include "interp/ir_builder.h"
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
    case TrapCode::stack_exhausted: return "call stack exhausted";
    case TrapCode::pending_error: return "error";
    case TrapCode::out_of_fuel: return "all fuel consumed";
    case TrapCode::interrupted: return "interrupted";
  }
  return "trap";
}

// ---- module code cache ---------------------------------------------------------------------------------

ModuleCode::ModuleCode(std::shared_ptr<const wasm::Module> m, const runtime::EngineConfig& c)
    : module(std::move(m)), config(c) {
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
  if (func->is_host() || func->code.load(std::memory_order_acquire) != nullptr) return {};
  ModuleCode* mc = func->instance->code.get();
  if (mc == nullptr) return Error::usage("instance has no module code");
  const wasm::Module& m = *mc->module;
  size_t idx = func->index - m.num_imported_funcs;
  FuncCode* code = mc->funcs[idx].load(std::memory_order_acquire);
  if (code == nullptr) {
    Result<std::unique_ptr<FuncCode>> built = translate_function(m, func->index, mc->config);
    if (!built) return built.error();
    FuncCode* mine = built->release();
    FuncCode* expected = nullptr;
    if (mc->funcs[idx].compare_exchange_strong(expected, mine, std::memory_order_acq_rel)) {
      code = mine;
    } else {
      delete mine;  // another thread won the race
      code = expected;
    }
  }
  func->code.store(code, std::memory_order_release);
  return {};
}

// ---- stacks --------------------------------------------------------------------------------------------

void destroy_exec_stacks(ExecStacks* s) {
  if (s == nullptr) return;
  if (s->slots) munmap(s->slots, s->slot_bytes);
  delete[] s->calls;
  delete s;
}

namespace {

// Native stack that nested invoke() levels (host -> Wasm re-entry) may use: well inside the 8 MiB of a
// default main or pthread stack, even with sanitizer-sized frames.
constexpr uint64_t kMaxReentryNativeBytes = 1u << 20;

ExecStacks* stacks_of(runtime::StoreData& store) {
  if (!store.stacks) {
    auto* s = new ExecStacks();
    s->slot_bytes = std::max<uint64_t>(store.limits.max_value_stack_bytes, 4096);
    void* p = mmap(nullptr, s->slot_bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                   -1, 0);
    if (p == MAP_FAILED) {
      delete s;
      return nullptr;
    }
    s->slots = static_cast<char*>(p);
    s->sp = s->slots;
    s->max_calls = size_t(store.limits.max_call_depth) + 1;
    s->calls = new CallFrame[s->max_calls + 64];  // room for the entry frames of nested levels
    s->call_top = s->calls;
    store.stacks.reset(s);
  }
  return store.stacks.get();
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

// Runs with a fault landing pad: a guard-page fault inside Wasm jumps back here.
void run_guarded(runtime::DispatchMode mode, const uint32_t* ip, char* fp, ExecState* st) {
  runtime::WasmActivation act;
  act.prev = runtime::current_activation();
  if (sigsetjmp(act.jump, 0) == 0) {
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

bool invoke(runtime::StoreData& store, runtime::FuncInstance* func, const runtime::Value* args,
            runtime::Value* results, std::optional<Error>& err) {
  auto fail = [&err](Error e) {
    err.emplace(std::move(e));
    return false;
  };
  if (func->is_host()) {
    runtime::HostContext ctx{&store, nullptr};
    Result<void> r = func->host(ctx, args, results);
    return r.ok() || fail(std::move(r.error()));
  }
  ExecStacks* s = store.stacks ? store.stacks.get() : stacks_of(store);
  if (s == nullptr) return fail(Error::trap("cannot allocate the interpreter stack"));
  // Translated already on every call but the first: skip ensure_code (and its Result) then.
  FuncCode* code = func->code.load(std::memory_order_acquire);
  if (code == nullptr) {
    Result<void> ok = ensure_code(store, func);
    if (!ok) return fail(std::move(ok.error()));
    code = func->code.load(std::memory_order_acquire);
  }
  const wasm::FuncType& type = *func->type;
  size_t np = type.params.size(), nr = type.results.size();

  char* fp = s->sp;
  char* limit = s->slots + s->slot_bytes;
  if (fp + code->frame_bytes() > limit || s->call_top + 2 > s->calls + s->max_calls + 63) {
    Error e = Error::exhaustion("call stack exhausted");
    add_frame(e, func, nullptr, false);
    return fail(std::move(e));
  }
  // Values are packed by slot width (a v128 takes two slots). Fixed-size copies and an inline zeroing
  // loop for few locals: a variable-length memcpy/memset is a libc call per value.
  for (size_t i = 0, off = 0; i < np; ++i) {
    if (type.params[i].slots() == 1) {
      std::memcpy(fp + off, args[i].bytes, 8);
      off += 8;
    } else {
      std::memcpy(fp + off, args[i].bytes, 16);
      off += 16;
    }
  }
  char* locals = fp + size_t(code->num_params) * 8;
  if (code->num_locals <= 16) {
    for (char *z = locals, *e = locals + size_t(code->num_locals) * 8; z < e; z += 8) {
      std::memset(z, 0, 8);
      __asm__("" : "+r"(z));  // keeps the compiler from turning the loop back into a memset call
    }
  } else {
    std::memset(locals, 0, size_t(code->num_locals) * 8);
  }

  // Re-entry through host functions recurses natively: bound it before the native stack overflows.
  const char* here = static_cast<const char*>(__builtin_frame_address(0));
  if (s->levels == 0) {
    s->native_base = here;
  } else if (uint64_t(here < s->native_base ? s->native_base - here : here - s->native_base) > kMaxReentryNativeBytes) {
    Error e = Error::exhaustion("call stack exhausted");
    add_frame(e, func, nullptr, false);
    return fail(std::move(e));
  }
  ++s->levels;
  struct LevelGuard {
    ExecStacks* s;
    ~LevelGuard() { --s->levels; }
  } level_guard{s};

  ExecState st;
  st.store = &store;
  st.stacks = s;
  st.func = func;
  st.inst = func->instance;
  st.mem0 = st.inst->mem0;
  st.cs_base = s->call_top;
  st.cs = s->call_top;
  // Every instance of a store shares its engine, so one mode holds for all code this call reaches.
  const runtime::DispatchMode mode = func->instance->code->config.dispatch;
  *st.cs++ = CallFrame{exit_ir(mode), fp, nullptr};
  st.cs_limit = std::min(s->calls + s->max_calls, st.cs_base + s->max_calls);
  st.stack_limit = limit;

  char* saved_sp = s->sp;
  CallFrame* saved_top = s->call_top;
  s->sp = fp + code->frame_bytes();
  s->call_top = st.cs;
  run_guarded(mode, code->code.data(), fp, &st);
  s->sp = saved_sp;
  s->call_top = saved_top;

  if (st.trap != TrapCode::none) return fail(make_trap_error(st));
  for (size_t i = 0, off = 0; i < nr; ++i) {
    results[i] = runtime::Value();
    if (type.results[i].slots() == 1) {
      std::memcpy(results[i].bytes, fp + off, 8);
      off += 8;
    } else {
      std::memcpy(results[i].bytes, fp + off, 16);
      off += 16;
    }
  }
  return true;
}

Result<void> invoke(runtime::StoreData& store, runtime::FuncInstance* func, const runtime::Value* args,
                    runtime::Value* results) {
  std::optional<Error> err;
  if (invoke(store, func, args, results, err)) return {};
  return std::move(*err);
}

}  // namespace wisp::interp
