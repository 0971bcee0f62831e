// The shared body vocabulary of the handlers (handlers.def), included by the translation units that
// compile them into a dispatch mode: dispatch.cc (loop) and dispatch_tailcall.cc (tail-call). Each
// includes this once, then defines WISP_DISPATCH and WISP_HANDLER for its mode (DESIGN.md §2).
#pragma once
#include <bit>
#include <cstring>
#include <string_view>
#include <type_traits>

#include "interp/exec_state.h"
#include "interp/gc_ops.h"
#include "interp/handler_table.h"
#include "interp/numeric.h"
#include "interp/operand_kinds.h"
#include "interp/simd.h"

namespace wisp::interp {

// Tail-call mode, compiled in when WISP_DISPATCH_TAILCALL=1 (dispatch_tailcall.cc).
uint64_t tailcall_handler_word(HandlerId id);
void run_tailcall(const uint32_t* ip, char* fp, ExecState* st);

namespace {

template <typename T>
inline T rd(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  return v;
}
template <typename T>
inline void wr(char* p, T v) {
  std::memcpy(p, &v, sizeof(T));
}
template <typename T>
inline auto sgn(T x) {
  return std::make_signed_t<T>(x);
}
inline uint64_t load_word(const uint32_t* ip) { return rd<uint64_t>(reinterpret_cast<const char*>(ip)); }

}  // namespace

// ---- shared body vocabulary ----------------------------------------------------------------------------
// A handler body sees its kinds string as `wisp_kinds_` (WISP_BODY): operands are named by their index in
// it, and their word positions, the checks of their kinds and the instruction length are computed from it
// at compile time (interp/operand_kinds.h). Reading an operand of another kind fails to compile.
#define WISP_BODY(kinds, ...)                                                 \
  {                                                                           \
    static_assert(valid_kinds(kinds));                                        \
    [[maybe_unused]] static constexpr std::string_view wisp_kinds_ = kinds;   \
    __VA_ARGS__                                                               \
  }
#define WISP_POS(k, allowed) (operand_pos(wisp_kinds_, (k), allowed))
#define WISP_OPD(k) (ip[WISP_POS(k, "ixo")])  // a 32-bit immediate, index or memory offset
#define WISP_SLOT(k) (fp + ip[WISP_POS(k, "s")])
#define WISP_S(T, k) rd<T>(WISP_SLOT(k))
#define WISP_SET(T, k, v) wr<T>(WISP_SLOT(k), (v))
#define WISP_IMM_PTR(k) (ip + WISP_POS(k, "I"))
#define WISP_IMM(T, k) \
  rd<T>(reinterpret_cast<const char*>(ip + WISP_POS(k, sizeof(T) == 4 ? "i" : sizeof(T) == 8 ? "I" : "")))
#define WISP_NEXT()                                  \
  do {                                               \
    ip += fixed_instruction_words(wisp_kinds_);      \
    WISP_DISPATCH();                                 \
  } while (0)
#define WISP_JUMP(k)                                 \
  do {                                               \
    ip += int32_t(ip[WISP_POS(k, "b")]);             \
    WISP_DISPATCH();                                 \
  } while (0)
// br_table: operand k is the count n, then n + 1 branch offsets; takes offset `i` (<= n).
#define WISP_TABLE_COUNT(k) (ip[WISP_POS(k, "T")])
#define WISP_TABLE_JUMP(k, i)                        \
  do {                                               \
    ip += int32_t(ip[WISP_POS(k, "T") + 1 + (i)]);   \
    WISP_DISPATCH();                                 \
  } while (0)
#define WISP_TRAP_CODE(code)  \
  do {                        \
    set_trap(st, (code), ip); \
    return;                   \
  } while (0)
#define WISP_TRAP(name) WISP_TRAP_CODE(TrapCode::name)
#define WISP_EXIT() return
#define WISP_RELOAD_MEM() (mem = mem_base_of(st))

namespace {

// A trap stops the run (the handler returns next): its code and the instruction that raised it.
inline void set_trap(ExecState* st, TrapCode code, const uint32_t* ip) {
  st->trap = code;
  st->trap_ip = ip;
}

// Effective addresses of the memory access forms (IrBuilder::AddrForm). A u32 address plus a u32 offset
// stays inside the guard reservation; the fused forms wrap their address arithmetic at 32 bits first.
inline uint64_t ea_plain(uint32_t addr, uint32_t offset) { return uint64_t(addr) + offset; }
inline uint64_t ea_add_imm(uint32_t addr, uint32_t imm, uint32_t offset) {
  return uint64_t(uint32_t(addr + imm)) + offset;
}
inline uint64_t ea_scaled(uint32_t base, uint32_t index, uint32_t shift, uint32_t offset) {
  return uint64_t(uint32_t(base + (index << shift))) + offset;
}
// The explicit bounds check of the _chk forms.
inline bool out_of_bounds(const ExecState* st, uint64_t ea, uint64_t width) {
  return st->mem0 == nullptr || ea + width > st->mem0->size;
}
// The address of a `width`-byte access at addr + offset in memory `x` of the running instance (the
// forms for memories other than memory 0), or nullptr when it is out of bounds. Overflow-safe for 64-bit
// addresses and offsets.
inline uint8_t* mem_x_at(const ExecState* st, uint32_t x, uint64_t addr, uint64_t offset, uint64_t width) {
  const runtime::MemoryInstance* m = st->inst->memories[x];
  uint64_t ea = addr + offset;
  if (ea < addr || ea > m->size || m->size - ea < width) return nullptr;
  return m->base + ea;
}
template <typename M>
inline M load_mem(const uint8_t* mem, uint64_t ea) {
  M v;
  std::memcpy(&v, mem + ea, sizeof(M));
  return v;
}
template <typename M>
inline void store_mem(uint8_t* mem, uint64_t ea, M v) {
  std::memcpy(mem + ea, &v, sizeof(M));
}

// Calls host function `callee` with its arguments and results at `args`; false after setting the trap.
inline bool call_host_at(ExecState* st, runtime::FuncInstance* callee, char* args, const uint32_t* ip) {
  st->trap_ip = ip;
  TrapCode t = call_host(st, callee, args);
  if (t != TrapCode::none) {
    set_trap(st, t, ip);
    return false;
  }
  return true;
}

// The entry of Wasm function `callee`, translating it on its first call: nullptr after setting the trap
// (translation failed). Forced inline into the call handlers, as everything on their path.
[[gnu::always_inline]] inline runtime::FuncEntry* entry_for_call(runtime::FuncInstance* callee, const uint32_t* ip,
                                                                  ExecState* st) {
  runtime::FuncEntry* entry = callee->entry.load(std::memory_order_acquire);
  if (entry == nullptr) {
    entry = code_for_call(st, callee);
    if (entry == nullptr) set_trap(st, TrapCode::pending_error, ip);
  }
  return entry;
}

// Makes `callee` the running function with its frame at `nfp`: zeroes its declared locals and switches
// to its instance (and memory) when that changes. Locals are zeroed by an inline loop, not memset: a libc
// call in a call handler forces a stack frame and spills of ip/fp/st/mem (bench/RESULTS.md: memset +
// spills were ~1/3 of a call's instructions in fib).
[[gnu::always_inline]] inline void start_frame(runtime::FuncInstance* callee, char* nfp,
                                               const runtime::FrameLayout& frame, ExecState* st, uint8_t*& mem) {
  st->func = callee;
  for (char *z = nfp + frame.locals_offset(), *e = z + frame.locals_bytes(); z < e; z += 8) {
    wr<uint64_t>(z, 0);
    __asm__("" : "+r"(z)); /* keeps the compiler from turning the loop back into memset */
  }
  if (callee->instance != st->inst) {
    st->inst = callee->instance;
    st->mem0 = st->inst->mem0;
    mem = mem_base_of(st);
  }
}

// Enters Wasm function `callee` with its frame at `nfp` (the argument slots), to return to `ret`: true
// with ip/fp/mem set for the caller to dispatch, or false after setting the trap. Forced inline: in
// tail-call mode the dispatch must stay in the handler, and ip/fp/mem must stay in registers. Each trap
// is set where it arises, as constants (returning its code would cost a register move on the hot path).
[[gnu::always_inline]] inline bool enter_function(runtime::FuncInstance* callee, char* nfp, const uint32_t* ret,
                                                  const uint32_t*& ip, char*& fp, ExecState* st, uint8_t*& mem) {
  runtime::FuncEntry* entry = entry_for_call(callee, ip, st);
  if (entry == nullptr) return false;
  const runtime::FrameLayout& frame = entry->frame;
  if (st->cs == st->cs_limit || nfp + frame.frame_bytes() > st->stack_limit) {
    set_trap(st, TrapCode::stack_exhausted, ip);
    return false;
  }
  *st->cs++ = CallFrame{ReturnAddress::ir(ret), fp, st->func};
  start_frame(callee, nfp, frame, st, mem);
  fp = nfp;
  ip = entry->interp_entry;
  return true;
}

// Moves the `n` argument slots of a tail call at `args` down to the frame base `fp` (args >= fp). A plain
// loop: calls take few arguments, and a vectorized copy's overlap and size checks would cost more.
[[gnu::always_inline]] inline void move_args(char* fp, const char* args, uint32_t n) {
  for (uint32_t i = 0; i < n; ++i) {
    wr<uint64_t>(fp + size_t(i) * 8, rd<uint64_t>(args + size_t(i) * 8));
    __asm__("" : "+r"(i)); /* keeps the compiler from vectorizing or calling memmove */
  }
}

// Tail-calls Wasm function `callee` from the frame at `fp`: moves the `n` argument slots at `args` to the
// frame base and enters the callee there, replacing the running function (its call stack entry becomes
// the callee's). True with ip/fp/mem set for dispatch, or false after setting the trap (before anything
// moved). Forced inline for the reasons of enter_function.
[[gnu::always_inline]] inline bool enter_tail(runtime::FuncInstance* callee, const char* args, uint32_t n,
                                              const uint32_t*& ip, char* fp, ExecState* st, uint8_t*& mem) {
  runtime::FuncEntry* entry = entry_for_call(callee, ip, st);
  if (entry == nullptr) return false;
  const runtime::FrameLayout& frame = entry->frame;
  if (fp + frame.frame_bytes() > st->stack_limit) {
    set_trap(st, TrapCode::stack_exhausted, ip);
    return false;
  }
  // The arguments sit above the frame base (in temporaries), so a forward copy never overwrites one
  // before it is read.
  move_args(fp, args, n);
  start_frame(callee, fp, frame, st, mem);
  ip = entry->interp_entry;
  return true;
}

}  // namespace

// Returns from the running function to the call stack's top entry (the results are at the frame base).
#define WISP_RETURN()                                                                  \
  do {                                                                                 \
    CallFrame* frame_ = --st->cs;                                                      \
    ip = frame_->ret.ir(); /* only IR returns are popped here (ReturnAddress) */       \
    fp = frame_->fp;                                                                   \
    runtime::FuncInstance* caller_ = frame_->func;                                     \
    st->func = caller_;                                                                \
    if (caller_ != nullptr && caller_->instance != st->inst) {                         \
      st->inst = caller_->instance;                                                    \
      st->mem0 = st->inst->mem0;                                                       \
      WISP_RELOAD_MEM();                                                               \
    }                                                                                  \
    WISP_DISPATCH();                                                                   \
  } while (0)

// A host call failed: an exception lands at its handler (from_caller: the host function was tail-called)
// and dispatch goes on there; anything else leaves the dispatch loop.
#define WISP_HOST_CALL_FAILED(from_caller)                                             \
  do {                                                                                 \
    Landing l_ = rethrow_landing(st, ip, fp, from_caller);                             \
    if (!l_.ip) WISP_EXIT();                                                           \
    ip = l_.ip;                                                                        \
    fp = l_.fp;                                                                        \
    WISP_RELOAD_MEM();                                                                 \
    WISP_DISPATCH();                                                                   \
  } while (0)

// Tail-calls `callee` with n_k (operand) argument slots at slot operand k. A host callee is called
// with its arguments moved to the frame base, and its results there are returned as the caller's.
#define WISP_TAIL_CALL(callee_expr, k, n_k)                                            \
  do {                                                                                 \
    runtime::FuncInstance* callee_ = (callee_expr);                                    \
    if (callee_->is_host()) {                                                          \
      move_args(fp, WISP_SLOT(k), WISP_OPD(n_k));                                      \
      if (!call_host_at(st, callee_, fp, ip)) {                                        \
        WISP_HOST_CALL_FAILED(true);                                                   \
      }                                                                                \
      WISP_RELOAD_MEM();                                                               \
      WISP_RETURN();                                                                   \
    }                                                                                  \
    if (!enter_tail(callee_, WISP_SLOT(k), WISP_OPD(n_k), ip, fp, st, mem)) WISP_EXIT(); \
    WISP_DISPATCH();                                                                   \
  } while (0)

// Calls `callee` with its frame at slot operand k; the instruction's length gives the return address.
// A macro around the helpers: it ends in dispatch, which must stay in the handler. A host function's
// return dispatches on its own path (merged with the callee's, the two cost register moves on both).
#define WISP_CALL(callee_expr, k)                                                      \
  do {                                                                                 \
    runtime::FuncInstance* callee_ = (callee_expr);                                    \
    const uint32_t* ret_ = ip + fixed_instruction_words(wisp_kinds_);                  \
    if (callee_->is_host()) {                                                          \
      if (!call_host_at(st, callee_, WISP_SLOT(k), ip)) {                              \
        WISP_HOST_CALL_FAILED(false);                                                  \
      }                                                                                \
      WISP_RELOAD_MEM();                                                               \
      ip = ret_;                                                                       \
      WISP_DISPATCH();                                                                 \
    }                                                                                  \
    if (!enter_function(callee_, WISP_SLOT(k), ret_, ip, fp, st, mem)) WISP_EXIT();    \
    WISP_DISPATCH();                                                                   \
  } while (0)

}  // namespace wisp::interp
