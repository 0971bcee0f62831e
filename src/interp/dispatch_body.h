// The shared body vocabulary of the handlers (handlers.def), included by the translation units that
// compile them into a dispatch mode: dispatch.cc (loop) and dispatch_tailcall.cc (tail-call). Each
// includes this once, then defines WISP_DISPATCH and WISP_HANDLER for its mode (DESIGN.md §2).
#pragma once
#include <bit>
#include <cstring>
#include <type_traits>

#include "interp/exec_state.h"
#include "interp/handler_table.h"
#include "interp/numeric.h"
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
#define WISP_OPD(k) (ip[2 + (k)])
#define WISP_S(T, k) rd<T>(fp + WISP_OPD(k))
#define WISP_SET(T, k, v) wr<T>(fp + WISP_OPD(k), (v))
#define WISP_IMM(T, k) rd<T>(reinterpret_cast<const char*>(ip + 2 + (k)))
#define WISP_NEXT(n)  \
  do {                \
    ip += 2 + (n);    \
    WISP_DISPATCH();  \
  } while (0)
#define WISP_JUMP(k)                            \
  do {                                          \
    int32_t off_ = int32_t(WISP_OPD(k));        \
    ip += off_;                                 \
    WISP_DISPATCH();                            \
  } while (0)
#define WISP_TRAP_CODE(code) \
  do {                       \
    st->trap = (code);       \
    st->trap_ip = ip;        \
    return;                  \
  } while (0)
#define WISP_TRAP(name) WISP_TRAP_CODE(TrapCode::name)
#define WISP_EXIT() return
#define WISP_RELOAD_MEM() (mem = mem_base_of(st))
// Locals are zeroed by an inline loop, not memset: a libc call in a call handler forces a stack frame and
// spills of ip/fp/st/mem (bench/RESULTS.md: memset + spills were ~1/3 of a call's instructions in fib).
#define WISP_ENTER(callee_expr, argoff, nops)                                                   \
  do {                                                                                          \
    runtime::FuncInstance* callee_ = (callee_expr);                                             \
    const uint32_t* ret_ip_ = ip + 2 + (nops);                                                  \
    char* nfp_ = fp + (argoff);                                                                 \
    if (callee_->is_host()) {                                                                   \
      st->trap_ip = ip;                                                                         \
      TrapCode t_ = call_host(st, callee_, nfp_);                                               \
      if (t_ != TrapCode::none) WISP_TRAP_CODE(t_);                                             \
      WISP_RELOAD_MEM();                                                                        \
      ip = ret_ip_;                                                                             \
      WISP_DISPATCH();                                                                          \
    }                                                                                           \
    FuncCode* code_ = callee_->code.load(std::memory_order_acquire);                            \
    if (code_ == nullptr) {                                                                     \
      code_ = code_for_call(st, callee_);                                                       \
      if (code_ == nullptr) WISP_TRAP(pending_error);                                           \
    }                                                                                           \
    if (st->cs == st->cs_limit || nfp_ + code_->frame_bytes() > st->stack_limit)               \
      WISP_TRAP(stack_exhausted);                                                               \
    *st->cs++ = CallFrame{ret_ip_, fp, st->func};                                               \
    st->func = callee_;                                                                         \
    for (char *z_ = nfp_ + size_t(code_->num_params) * 8, *e_ = z_ + size_t(code_->num_locals) * 8; \
         z_ < e_; z_ += 8) {                                                                    \
      wr<uint64_t>(z_, 0);                                                                      \
      __asm__("" : "+r"(z_)); /* keeps the compiler from turning the loop back into memset */   \
    }                                                                                           \
    if (callee_->instance != st->inst) {                                                        \
      st->inst = callee_->instance;                                                             \
      st->mem0 = st->inst->mem0;                                                                \
      WISP_RELOAD_MEM();                                                                        \
    }                                                                                           \
    fp = nfp_;                                                                                  \
    ip = code_->code.data();                                                                    \
    WISP_DISPATCH();                                                                            \
  } while (0)

}  // namespace wisp::interp
