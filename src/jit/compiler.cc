// The baseline x86-64 compiler (DESIGN.md §10).
//
// Decision (the spike of issue 17): compile from the interpreter's slot IR, not from Wasm through the
// FuncDecoder. The IR has already resolved everything a baseline needs: operand forms (slot, immediate,
// fused), every value's slot, branch targets as IR positions, dead code removed, and FuncCode::sites maps
// each IR position to its Wasm offset. Compiling it instruction by instruction onto the same slots makes
// "same frames" exact: at every IR instruction boundary all state is in the frame, so JIT code can hand
// over to the interpreter at any IR position (it returns that position), and the interpreter can enter JIT
// code at any compiled instruction. This first step uses that both ways:
//   - the JIT takes the function's translated FuncCode and patches op_jit_resume over the handler words
//     of the instructions where the interpreter must re-enter machine code (function entry, the
//     instruction after a call or any other instruction left to the interpreter, exception landing pads);
//     every other IR instruction stays as it was, so the IR remains a complete, correct program;
//   - instructions it does not compile (SIMD on CPUs without SSE4.1, relaxed madd without FMA, ...) end it:
//     it returns their IR position and frame (JitExit), and the interpreter runs them with its own
//     handlers (WISP_JIT_EXITS=1 lists them per handler at exit);
//   - tables, bulk memory, memory.grow, GC allocation and the like call a helper that does what the
//     handler does through the same runtime function; when that traps, the helper sets the trap as the
//     handler would and the machine code returns an op_exit (ExecStacks::exit_ir), ending the run (as
//     unreachable does, after setting its trap);
//     throw, throw_ref and rethrow unwind through the handlers' runtime function and go on in machine code
//     at the landing pad when the catching function is compiled (emit_throw);
//   - calls, tail calls and returns between compiled functions stay in machine code, inline: it does what
//     the interpreter's call and return do (the same CallFrame with an IR return address, the same
//     limits and instance switches) and then jumps: so the call stack is the interpreter's (backtraces,
//     exceptions, `call stack exhausted` see no difference) and nothing recurses on the native stack;
//   - a trap found by machine code (division by zero, overflow, a failed fuel/interrupt check) also
//     returns the instruction's IR position: the interpreter runs it again and traps with the same
//     TrapCode and site. Memory 0 accesses use the guard pages exactly like the handlers: a fault inside
//     the reservation while the activation is set is the same Wasm trap (runtime/trap_handler_posix.cc
//     looks at the address, not at the code).
// Why not from Wasm: that compiler would rebuild all of this (forms, slots, fusions, site maps, the exact
// frame the interpreter expects at every hand-over point) a second time, and "same frames" would become a
// contract between two translators instead of a property of one. What the Wasm route gives more readily,
// a register cache over the value stack, fits here too: values may stay in registers between IR
// instructions as long as their slots are written at the points where the interpreter may take over.
// Register allocation (issue 17): per function, the most used slots are pinned to registers for the whole
// function: up to 8 GPRs (rbp and r12, callee-saved; rsi, rdi, r8, r9, r10, r11) and 13 xmm registers
// (xmm2-xmm14; xmm15 too in functions without v128 instructions, whose cache it is) by their uses
// weighted 8x per loop level (loops: the ranges of backward branches), params, declared locals and
// temporaries alike (a slot's class is the one most of its accesses use; a register
// holds the slot's 8 bytes whatever the type, so temporaries reused for other types stay exact).
//   - Write-back: a pinned slot's value lives in its register inside machine code (store_int/store_float
//     write the register only; the accessors read it), and the frame is made current where anything
//     else may look at it: every hand-over (exits and slow paths jump through one spill block to the
//     epilogue), before each instruction whose emitter is not register-aware, around helper calls
//     (caller-saved pins), before op_return only the result slots (the frame ends). Memory faults need
//     nothing: a trap ends the frame. Register-aware emitters never read a pinned slot from memory
//     (int_src/float_src make it current first when it is read as the other class).
//   - Entries from outside (native_at: function entry, after an instruction that hands over or calls, a
//     return address, exception landings, op_tier_count for OSR, targets of branches left to the
//     interpreter) go through a stub that loads every pinned register from its slot; an exit entered
//     from outside hands over without spilling (its registers were never loaded).
//   - Emitters that are not register-aware (register_aware(): any not written for this, e.g. SIMD,
//     tables, GC, calls) stay correct unchanged: the pins are spilled before them, and their own
//     hand-overs spill nothing (they may have used the registers); slots they name (and the next one for
//     v128 instructions: a v128 takes two) are never pinned, so they cannot write a pinned slot behind
//     its register's back; after their fall-through the caller-saved pins (after a call, all) are reloaded. When such an
//     emitter branches, its targets reload too, and the function stays write-through (results also go to
//     their slots, so a reload is right on every path into the target).
//   - Register-aware emitters use only rax, rcx, rdx, xmm0 and xmm1 as scratch (and rdi/rsi/rdx for
//     helper arguments, spilled before and reloaded after); the one-value rax cache stays for the rest.
// A slot is pinned when its weighted uses exceed the moves its register costs (choose_pins()), in every
// function (straight-line ones too: CoreMark's unrolled crcu16 runs 22% faster pinned). Not done yet:
// dropping dead stores of temporaries (needs liveness across hand-overs and branch targets), pins per
// loop region rather than per function, and spilling only what an exit's interpreter code reads.
// Tiering (Config::tier automatic): the IR then has op_tier_count at function entry and at loop headers;
// when a function's count runs out, the JIT compiles it on the spot and patches its IR in place (the
// FuncCode stays the one every caller, return address, site and exception handler refers to), and the
// machine code goes on from the counter's position: at a loop header that is on-stack replacement with
// nothing to convert, the frame being the interpreter's. op_tier_count compiles to nothing.
// Assembler: Xbyak (Debian's libxbyak-dev, header-only), with the most frequent forms encoded directly
// (fast_asm.h); branch targets are code offsets patched at the end, not Xbyak labels. Code is
// position-independent: a function tiered up alone is generated into a scratch buffer and copied into the
// engine's CodeMemory; a module compiled whole (tier jit) is generated straight into one reserved mapping
// (CodeMemory::begin_batch), made read-execute once all of it is written.

#include <algorithm>
#include <atomic>
#include <climits>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#define XBYAK_NO_OP_NAMES
#include <xbyak/xbyak.h>
#include <xbyak/xbyak_util.h>

#include "interp/exec_state.h"
#include "interp/gc_ops.h"
#include "interp/handler_table.h"
#include "interp/invoke.h"
#include "interp/ir_builder.h"
#include "interp/simd_portable.h"
#include "jit/code_info.h"
#include "jit/fast_asm.h"
#include "jit/jit.h"
#include "jit/perf_map.h"
#include "runtime/instance_data.h"

namespace wisp::jit {

namespace {

using interp::HandlerId;
using interp::handler_info;

// A function's machine code: its entry trampoline at `native`, and per IR word the offset in it of the
// instruction starting there. Owned by the engine's CodeMemory; FuncCode::jit_data points here once the
// function is compiled (the IR itself is patched in place: see compile()).
const NativeCode* native_of(const interp::FuncCode& code) {
  return static_cast<const NativeCode*>(
      std::atomic_ref<const void*>(code.jit_data).load(std::memory_order_acquire));
}

// Machine code entry: runs from `target` on the frame at `fp`; returns the IR position and frame to go on at.
using EnterFn = interp::JitExit (*)(char* fp, interp::ExecState* st, const void* target, uint8_t* mem,
                                    const uint32_t* ir);

// UBSan's -fsanitize=function (clang) checks an indirect call's target by reading a signature word just
// before it: machine code starts a page, so that read faults. The call is correct by construction.
#if defined(__clang__)
#define WISP_JIT_NO_FUNCTION_SANITIZER __attribute__((no_sanitize("function")))
#else
#define WISP_JIT_NO_FUNCTION_SANITIZER
#endif

bool compile_hot(const interp::FuncCode& code, interp::ExecState* st);

// FuncCode::jit_resume: from op_jit_resume (the function is compiled) or op_tier_count (it is hot: compile
// it first; when that fails, the interpreter goes on at `ip`).
WISP_JIT_NO_FUNCTION_SANITIZER
interp::JitExit resume(const interp::FuncCode& code, const uint32_t* ip, char* fp, interp::ExecState* st) {
  const NativeCode* n = native_of(code);
  if (n == nullptr) {
    if (!compile_hot(code, st)) return {ip, fp};
    n = native_of(code);
  }
  if (n->native == nullptr) {  // not compilable: count no more
    std::atomic_ref<int32_t>(code.hotness).store(INT32_MAX, std::memory_order_relaxed);
    return {ip, fp};
  }
  auto enter = reinterpret_cast<EnterFn>(reinterpret_cast<uintptr_t>(n->native));
  return enter(fp, st, n->native + n->native_at[size_t(ip - code.code.data())], interp::mem_base_of(st),
               code.code.data());
}

uint64_t load_word(const uint32_t* ip) {
  uint64_t w;
  std::memcpy(&w, ip, sizeof(w));
  return w;
}

// ---- hand-over statistics (WISP_JIT_EXITS=1 in the environment) ------------------------------------
// Which IR instructions are left to the interpreter, per handler, printed to stderr at exit: `static`,
// the instructions of compiled functions left uncompiled plus every instruction of functions not compiled;
// `taken`, the hand-overs machine code made while running (an uncompiled instruction, a slow path, a call
// or return the helpers could not make). Off (no code emitted, nothing printed) unless asked for.
struct ExitStats {
  bool on = false;
  std::atomic<uint64_t> fixed[interp::kNumHandlers] = {};
  uint64_t taken[interp::kNumHandlers] = {};  // incremented by machine code (racy across threads: a statistic)
  uint64_t taken_end = 0;                     // hand-overs at the IR's end (falling off the function)
  ExitStats() {
    const char* e = std::getenv("WISP_JIT_EXITS");
    on = e != nullptr && *e != 0 && std::string_view(e) != "0";
  }
  ~ExitStats() {
    if (!on) return;
    std::vector<std::pair<uint64_t, size_t>> rows;
    uint64_t total_fixed = 0, total_taken = taken_end;
    for (size_t i = 0; i < interp::kNumHandlers; ++i) {
      uint64_t f = fixed[i].load(std::memory_order_relaxed);
      total_fixed += f;
      total_taken += taken[i];
      if (f != 0 || taken[i] != 0) rows.emplace_back(taken[i], i);
    }
    std::sort(rows.begin(), rows.end(), [&](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : fixed[a.second].load() > fixed[b.second].load();
    });
    std::fprintf(stderr, "jit hand-overs: %14s %10s  handler\n", "taken", "static");
    for (const auto& [t, i] : rows)
      std::fprintf(stderr, "jit hand-overs: %14llu %10llu  %s\n", static_cast<unsigned long long>(t),
                   static_cast<unsigned long long>(fixed[i].load()),
                   std::string(handler_info(HandlerId(i)).name).c_str());
    std::fprintf(stderr, "jit hand-overs: %14llu %10llu  (total; %llu at the IR's end)\n",
                 static_cast<unsigned long long>(total_taken), static_cast<unsigned long long>(total_fixed),
                 static_cast<unsigned long long>(taken_end));
  }
};
ExitStats& exit_stats() {
  static ExitStats s;
  return s;
}

// Out-of-line helpers the machine code calls (System V ABI): the same expressions as the handlers.
uint64_t global_get(interp::ExecState* st, uint32_t i) { return st->inst->globals[i]->value.i64(); }
void global_set(interp::ExecState* st, uint32_t i, uint64_t v) {
  st->inst->globals[i]->value = runtime::Value::from_i64(v);
}

// ---- out-of-line instructions (tables, bulk memory, memory.grow, GC allocation and bulk operations) ----
// Each does what its handler does, through the same runtime function, on the operands of the instruction
// at `ip` (frame `fp`): true when done, or false after setting the trap exactly as the handler would
// (st->trap, st->trap_ip = ip, st->error); the machine code then leaves the run at an op_exit (see
// Compiler::trap_exit_), as a handler's trap does. So a trapping instruction is not run twice (bulk
// operations charge fuel before they check bounds).
using OpHelper = bool (*)(interp::ExecState* st, char* fp, const uint32_t* ip);

namespace ops {

using interp::TrapCode;
template <typename T>
T rd(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  return v;
}
template <typename T>
void wr(char* p, T v) {
  std::memcpy(p, &v, sizeof(T));
}
// Operand `k` of the instruction at `ip` (every form below has one word per operand).
inline uint32_t opd(const uint32_t* ip, size_t k) { return ip[interp::kHandlerWords + k]; }
template <typename T>
T sl(const char* fp, const uint32_t* ip, size_t k) {
  return rd<T>(fp + opd(ip, k));
}
inline bool done(interp::ExecState* st, TrapCode t, const uint32_t* ip) {
  if (t == TrapCode::none) return true;
  st->trap = t;
  st->trap_ip = ip;
  return false;
}

bool memory_fill(interp::ExecState* st, char* fp, const uint32_t* ip) {
  return done(st, interp::memory_fill(st, sl<uint32_t>(fp, ip, 0), sl<uint32_t>(fp, ip, 1), sl<uint32_t>(fp, ip, 2)), ip);
}
bool memory_copy(interp::ExecState* st, char* fp, const uint32_t* ip) {
  return done(st, interp::memory_copy(st, sl<uint32_t>(fp, ip, 0), sl<uint32_t>(fp, ip, 1), sl<uint32_t>(fp, ip, 2)), ip);
}
bool memory_init(interp::ExecState* st, char* fp, const uint32_t* ip) {
  return done(st, interp::memory_init(st, opd(ip, 0), sl<uint32_t>(fp, ip, 1), sl<uint32_t>(fp, ip, 2),
                                      sl<uint32_t>(fp, ip, 3)), ip);
}
bool data_drop(interp::ExecState* st, char*, const uint32_t* ip) {
  interp::data_drop(st, opd(ip, 0));
  return true;
}
bool memory_grow(interp::ExecState* st, char* fp, const uint32_t* ip) {
  wr<uint64_t>(fp + opd(ip, 0), interp::memory_grow(st, sl<uint32_t>(fp, ip, 1)));
  return true;
}
bool memory_size_x(interp::ExecState* st, char* fp, const uint32_t* ip) {
  wr<uint64_t>(fp + opd(ip, 0), uint32_t(st->inst->memories[opd(ip, 1)]->pages()));
  return true;
}
bool memory_grow_x(interp::ExecState* st, char* fp, const uint32_t* ip) {
  wr<uint64_t>(fp + opd(ip, 0), interp::memory_grow_x(st, opd(ip, 2), sl<uint32_t>(fp, ip, 1)));
  return true;
}
bool memory_fill_x(interp::ExecState* st, char* fp, const uint32_t* ip) {
  return done(st, interp::memory_fill_x(st, opd(ip, 0), sl<uint32_t>(fp, ip, 1), sl<uint32_t>(fp, ip, 2),
                                        sl<uint32_t>(fp, ip, 3)), ip);
}
bool memory_copy_x(interp::ExecState* st, char* fp, const uint32_t* ip) {
  return done(st, interp::memory_copy_x(st, opd(ip, 0), opd(ip, 1), sl<uint32_t>(fp, ip, 2), sl<uint32_t>(fp, ip, 3),
                                        sl<uint32_t>(fp, ip, 4)), ip);
}
bool memory_init_x(interp::ExecState* st, char* fp, const uint32_t* ip) {
  return done(st, interp::memory_init_x(st, opd(ip, 0), opd(ip, 1), sl<uint32_t>(fp, ip, 2), sl<uint32_t>(fp, ip, 3),
                                        sl<uint32_t>(fp, ip, 4)), ip);
}
bool memory_size_m64(interp::ExecState* st, char* fp, const uint32_t* ip) {
  wr<uint64_t>(fp + opd(ip, 0), st->inst->memories[opd(ip, 1)]->pages());
  return true;
}
bool memory_grow_m64(interp::ExecState* st, char* fp, const uint32_t* ip) {
  wr<uint64_t>(fp + opd(ip, 0), interp::memory_grow64_x(st, opd(ip, 2), sl<uint64_t>(fp, ip, 1)));
  return true;
}
bool memory_fill_m64(interp::ExecState* st, char* fp, const uint32_t* ip) {
  return done(st, interp::memory_fill_x(st, opd(ip, 0), sl<uint64_t>(fp, ip, 1), sl<uint32_t>(fp, ip, 2),
                                        sl<uint64_t>(fp, ip, 3)), ip);
}
bool memory_copy_m64(interp::ExecState* st, char* fp, const uint32_t* ip) {
  uint32_t wide = opd(ip, 2);
  uint64_t d = wide & 1 ? sl<uint64_t>(fp, ip, 3) : sl<uint32_t>(fp, ip, 3);
  uint64_t s = wide & 2 ? sl<uint64_t>(fp, ip, 4) : sl<uint32_t>(fp, ip, 4);
  uint64_t n = wide == 3 ? sl<uint64_t>(fp, ip, 5) : sl<uint32_t>(fp, ip, 5);
  return done(st, interp::memory_copy_x(st, opd(ip, 0), opd(ip, 1), d, s, n), ip);
}
bool memory_init_m64(interp::ExecState* st, char* fp, const uint32_t* ip) {
  return done(st, interp::memory_init_x(st, opd(ip, 0), opd(ip, 1), sl<uint64_t>(fp, ip, 2), sl<uint32_t>(fp, ip, 3),
                                        sl<uint32_t>(fp, ip, 4)), ip);
}

// Tables: `I` is the index type (uint32_t, or uint64_t for table64).
template <typename I>
bool table_get(interp::ExecState* st, char* fp, const uint32_t* ip) {
  uint64_t v = 0;
  if (!done(st, interp::table_get(st, opd(ip, 1), sl<I>(fp, ip, 2), &v), ip)) return false;
  wr<uint64_t>(fp + opd(ip, 0), v);
  return true;
}
template <typename I>
bool table_set(interp::ExecState* st, char* fp, const uint32_t* ip) {
  return done(st, interp::table_set(st, opd(ip, 0), sl<I>(fp, ip, 1), sl<uint64_t>(fp, ip, 2)), ip);
}
bool table_size(interp::ExecState* st, char* fp, const uint32_t* ip) {
  wr<uint64_t>(fp + opd(ip, 0), interp::table_size(st, opd(ip, 1)));
  return true;
}
bool table_size_t64(interp::ExecState* st, char* fp, const uint32_t* ip) {
  wr<uint64_t>(fp + opd(ip, 0), uint64_t(st->inst->tables[opd(ip, 1)]->elems.size()));
  return true;
}
bool table_grow(interp::ExecState* st, char* fp, const uint32_t* ip) {
  uint32_t delta = sl<uint32_t>(fp, ip, 3);
  if (!done(st, interp::charge_table_grow(st, delta), ip)) return false;
  wr<uint64_t>(fp + opd(ip, 0), interp::table_grow(st, opd(ip, 1), sl<uint64_t>(fp, ip, 2), delta));
  return true;
}
bool table_grow_t64(interp::ExecState* st, char* fp, const uint32_t* ip) {
  uint64_t delta = sl<uint64_t>(fp, ip, 3);
  if (!done(st, interp::charge_table_grow(st, delta), ip)) return false;
  wr<uint64_t>(fp + opd(ip, 0), interp::table_grow64(st, opd(ip, 1), sl<uint64_t>(fp, ip, 2), delta));
  return true;
}
template <typename I>
bool table_fill(interp::ExecState* st, char* fp, const uint32_t* ip) {
  return done(st, interp::table_fill(st, opd(ip, 0), sl<I>(fp, ip, 1), sl<uint64_t>(fp, ip, 2), sl<I>(fp, ip, 3)), ip);
}
bool table_copy(interp::ExecState* st, char* fp, const uint32_t* ip) {
  return done(st, interp::table_copy(st, opd(ip, 0), opd(ip, 1), sl<uint32_t>(fp, ip, 2), sl<uint32_t>(fp, ip, 3),
                                     sl<uint32_t>(fp, ip, 4)), ip);
}
bool table_copy_t64(interp::ExecState* st, char* fp, const uint32_t* ip) {
  uint32_t wide = opd(ip, 2);
  uint64_t d = wide & 1 ? sl<uint64_t>(fp, ip, 3) : sl<uint32_t>(fp, ip, 3);
  uint64_t s = wide & 2 ? sl<uint64_t>(fp, ip, 4) : sl<uint32_t>(fp, ip, 4);
  uint64_t n = wide == 3 ? sl<uint64_t>(fp, ip, 5) : sl<uint32_t>(fp, ip, 5);
  return done(st, interp::table_copy(st, opd(ip, 0), opd(ip, 1), d, s, n), ip);
}
template <typename I>
bool table_init(interp::ExecState* st, char* fp, const uint32_t* ip) {
  return done(st, interp::table_init(st, opd(ip, 0), opd(ip, 1), sl<I>(fp, ip, 2), sl<uint32_t>(fp, ip, 3),
                                     sl<uint32_t>(fp, ip, 4)), ip);
}
bool elem_drop(interp::ExecState* st, char*, const uint32_t* ip) {
  interp::elem_drop(st, opd(ip, 0));
  return true;
}

// GC: allocation (may collect: every live value is in a frame slot when these run) and bulk operations.
inline bool set_ref(interp::ExecState* st, TrapCode t, const uint32_t* ip, char* fp, uint64_t out) {
  if (!done(st, t, ip)) return false;
  wr<uint64_t>(fp + opd(ip, 0), out);
  return true;
}
bool struct_new(interp::ExecState* st, char* fp, const uint32_t* ip, const char* args) {
  uint64_t site_bits = uint64_t(opd(ip, 1)) | uint64_t(opd(ip, 2)) << 32;
  uint64_t r = interp::gc_struct_new(st, reinterpret_cast<const interp::GcStructSite*>(site_bits), args, fp);
  return set_ref(st, r == 0 ? TrapCode::gc_heap_limit : TrapCode::none, ip, fp, r);
}
bool struct_new_args(interp::ExecState* st, char* fp, const uint32_t* ip) {  // "sIs": the I takes words 1-2
  return struct_new(st, fp, ip, fp + opd(ip, 3));
}
bool struct_new_default(interp::ExecState* st, char* fp, const uint32_t* ip) { return struct_new(st, fp, ip, nullptr); }
bool array_new(interp::ExecState* st, char* fp, const uint32_t* ip) {
  uint64_t out = 0;
  TrapCode t = interp::gc_array_new(st, opd(ip, 1), opd(ip, 2), fp + opd(ip, 3), sl<uint32_t>(fp, ip, 4), fp, &out);
  return set_ref(st, t, ip, fp, out);
}
bool array_new_default(interp::ExecState* st, char* fp, const uint32_t* ip) {
  uint64_t out = 0;
  TrapCode t = interp::gc_array_new(st, opd(ip, 1), opd(ip, 2), nullptr, sl<uint32_t>(fp, ip, 3), fp, &out);
  return set_ref(st, t, ip, fp, out);
}
bool array_new_fixed(interp::ExecState* st, char* fp, const uint32_t* ip) {
  uint64_t out = 0;
  TrapCode t = interp::gc_array_new_fixed(st, opd(ip, 1), opd(ip, 2), opd(ip, 3), fp + opd(ip, 4), fp, &out);
  return set_ref(st, t, ip, fp, out);
}
bool array_new_data(interp::ExecState* st, char* fp, const uint32_t* ip) {
  uint64_t out = 0;
  TrapCode t = interp::gc_array_new_data(st, opd(ip, 1), opd(ip, 2), opd(ip, 3), sl<uint32_t>(fp, ip, 4),
                                         sl<uint32_t>(fp, ip, 5), fp, &out);
  return set_ref(st, t, ip, fp, out);
}
bool array_new_elem(interp::ExecState* st, char* fp, const uint32_t* ip) {
  uint64_t out = 0;
  TrapCode t = interp::gc_array_new_elem(st, opd(ip, 1), opd(ip, 2), sl<uint32_t>(fp, ip, 3), sl<uint32_t>(fp, ip, 4),
                                         fp, &out);
  return set_ref(st, t, ip, fp, out);
}
bool array_fill(interp::ExecState* st, char* fp, const uint32_t* ip) {
  return done(st, interp::gc_array_fill(st, sl<uint64_t>(fp, ip, 0), sl<uint32_t>(fp, ip, 1), fp + opd(ip, 2),
                                        sl<uint32_t>(fp, ip, 3)), ip);
}
bool array_copy(interp::ExecState* st, char* fp, const uint32_t* ip) {
  return done(st, interp::gc_array_copy(st, sl<uint64_t>(fp, ip, 0), sl<uint32_t>(fp, ip, 1), sl<uint64_t>(fp, ip, 2),
                                        sl<uint32_t>(fp, ip, 3), sl<uint32_t>(fp, ip, 4)), ip);
}
bool array_init_data(interp::ExecState* st, char* fp, const uint32_t* ip) {
  return done(st, interp::gc_array_init_data(st, opd(ip, 0), sl<uint64_t>(fp, ip, 1), sl<uint32_t>(fp, ip, 2),
                                             sl<uint32_t>(fp, ip, 3), sl<uint32_t>(fp, ip, 4)), ip);
}
bool array_init_elem(interp::ExecState* st, char* fp, const uint32_t* ip) {
  return done(st, interp::gc_array_init_elem(st, opd(ip, 0), sl<uint64_t>(fp, ip, 1), sl<uint32_t>(fp, ip, 2),
                                             sl<uint32_t>(fp, ip, 3), sl<uint32_t>(fp, ip, 4)), ip);
}
bool any_convert_extern(interp::ExecState* st, char* fp, const uint32_t* ip) {
  uint64_t out = 0;
  TrapCode t = interp::gc_convert(st, sl<uint64_t>(fp, ip, 1), true, fp, &out);  // before `out` is read: argument
  return set_ref(st, t, ip, fp, out);                                               // order is unspecified
}
bool extern_convert_any(interp::ExecState* st, char* fp, const uint32_t* ip) {
  uint64_t out = 0;
  TrapCode t = interp::gc_convert(st, sl<uint64_t>(fp, ip, 1), false, fp, &out);  // before `out` is read: argument
  return set_ref(st, t, ip, fp, out);                                               // order is unspecified
}
// ref.test and the casts (the machine code tests the result).
bool ref_test(const interp::ExecState* st, uint64_t bits, uint32_t heap, uint32_t flags) {
  return interp::gc_ref_test(st, bits, heap, flags);
}

}  // namespace ops

// The instructions done by an OpHelper, and the helpers' names (wisp inspect --asm).
struct OpHelperEntry {
  HandlerId id;
  OpHelper fn;
  std::string_view name;
};
#define WISP_JIT_OP(id, fn) {HandlerId::id, &ops::fn, #fn}
const OpHelperEntry kOpHelpers[] = {
    WISP_JIT_OP(op_memory_fill_sss, memory_fill),
    WISP_JIT_OP(op_memory_copy_sss, memory_copy),
    WISP_JIT_OP(op_memory_init_xsss, memory_init),
    WISP_JIT_OP(op_data_drop_x, data_drop),
    WISP_JIT_OP(op_memory_grow_ss, memory_grow),
    WISP_JIT_OP(op_memory_size_sx, memory_size_x),
    WISP_JIT_OP(op_memory_grow_ssx, memory_grow_x),
    WISP_JIT_OP(op_memory_fill_xsss, memory_fill_x),
    WISP_JIT_OP(op_memory_copy_xxsss, memory_copy_x),
    WISP_JIT_OP(op_memory_init_xxsss, memory_init_x),
    WISP_JIT_OP(op_memory_size_m64_sx, memory_size_m64),
    WISP_JIT_OP(op_memory_grow_m64_ssx, memory_grow_m64),
    WISP_JIT_OP(op_memory_fill_m64_xsss, memory_fill_m64),
    WISP_JIT_OP(op_memory_copy_m64_xxxsss, memory_copy_m64),
    WISP_JIT_OP(op_memory_init_m64_xxsss, memory_init_m64),
    WISP_JIT_OP(op_table_get_sxs, table_get<uint32_t>),
    WISP_JIT_OP(op_table_set_xss, table_set<uint32_t>),
    WISP_JIT_OP(op_table_size_sx, table_size),
    WISP_JIT_OP(op_table_grow_sxss, table_grow),
    WISP_JIT_OP(op_table_fill_xsss, table_fill<uint32_t>),
    WISP_JIT_OP(op_table_copy_xxsss, table_copy),
    WISP_JIT_OP(op_table_init_xxsss, table_init<uint32_t>),
    WISP_JIT_OP(op_table_get_t64_sxs, table_get<uint64_t>),
    WISP_JIT_OP(op_table_set_t64_xss, table_set<uint64_t>),
    WISP_JIT_OP(op_table_size_t64_sx, table_size_t64),
    WISP_JIT_OP(op_table_grow_t64_sxss, table_grow_t64),
    WISP_JIT_OP(op_table_fill_t64_xsss, table_fill<uint64_t>),
    WISP_JIT_OP(op_table_copy_t64_xxxsss, table_copy_t64),
    WISP_JIT_OP(op_table_init_t64_xxsss, table_init<uint64_t>),
    WISP_JIT_OP(op_elem_drop_x, elem_drop),
    WISP_JIT_OP(op_struct_new_sIs, struct_new_args),
    WISP_JIT_OP(op_struct_new_default_sI, struct_new_default),
    WISP_JIT_OP(op_array_new_sxiss, array_new),
    WISP_JIT_OP(op_array_new_default_sxis, array_new_default),
    WISP_JIT_OP(op_array_new_fixed_sxiis, array_new_fixed),
    WISP_JIT_OP(op_array_new_data_sxixss, array_new_data),
    WISP_JIT_OP(op_array_new_elem_sxxss, array_new_elem),
    WISP_JIT_OP(op_array_fill_ssss, array_fill),
    WISP_JIT_OP(op_array_copy_sssss, array_copy),
    WISP_JIT_OP(op_array_init_data_xssss, array_init_data),
    WISP_JIT_OP(op_array_init_elem_xssss, array_init_elem),
    WISP_JIT_OP(op_any_convert_extern_ss, any_convert_extern),
    WISP_JIT_OP(op_extern_convert_any_ss, extern_convert_any),
};
#undef WISP_JIT_OP

// Per handler: its OpHelper, or nullptr.
const std::vector<OpHelper>& op_helpers() {
  static const std::vector<OpHelper> t = [] {
    std::vector<OpHelper> v(interp::kNumHandlers, nullptr);
    for (const OpHelperEntry& e : kOpHelpers) v[size_t(e.id)] = e.fn;
    return v;
  }();
  return t;
}

// Whether a std::vector's first word is its data pointer (libstdc++ and libc++ both): the machine code
// then reads an instance's arrays (globals, functions, memories) directly; otherwise it calls helpers.
bool vector_data_first() {
  static const bool ok = [] {
    std::vector<void*> v(1);
    void* first;
    std::memcpy(&first, static_cast<const void*>(&v), sizeof(first));
    return first == static_cast<void*>(v.data());
  }();
  return ok;
}

// Whether a function's published code is the JIT's and runs machine code (is_compiled).
struct Compiled {
  const interp::FuncCode* code;
  const NativeCode* native;
};
Compiled compiled_code(const runtime::FuncEntry* e) {
  if (e == nullptr || e->tier != runtime::Tier::interp) return {nullptr, nullptr};
  const interp::FuncCode& c = interp::interp_code(*e);
  if (c.jit_resume != &resume) return {nullptr, nullptr};
  const NativeCode* n = native_of(c);
  if (n == nullptr || n->native == nullptr) return {nullptr, nullptr};
  return {&c, n};
}

// ---- throw, throw_ref, rethrow ----------------------------------------------------------------------
// What their handlers do (interp/handlers.def), through the same runtime functions: the exception is
// made and unwound to its handler (the call stack, st->func, st->inst and st->mem0 switched to the
// landing frame's, the payload in its slots), or the trap set as the handler sets it. Returns the machine
// code to go on at when the landing function is compiled (its native_at entry: it loads the pins), else
// nullptr; `out` says where the interpreter goes on then: the landing, or an op_exit after a trap.
struct ThrowOut {
  const uint32_t* ip;
  char* fp;
  const uint32_t* ir;  // the landing function's IR (r13), when machine code goes on
};
const void* land_after_throw(interp::ExecState* st, bool landed, const uint32_t* ip, char* fp, ThrowOut* out) {
  out->fp = fp;
  out->ir = nullptr;
  if (!landed) {
    out->ip = st->stacks->exit_ir;
    return nullptr;
  }
  out->ip = ip;
  Compiled c = compiled_code(st->func->entry.load(std::memory_order_acquire));
  const uint32_t* base = c.code != nullptr ? c.code->code.data() : nullptr;
  if (c.native == nullptr || c.native->native_at.empty() || ip < base || ip >= base + c.code->code.size()) {
    if (exit_stats().on) {
      std::optional<HandlerId> id = interp::handler_from_word(load_word(ip));
      if (id) ++exit_stats().taken[size_t(*id)];
    }
    return nullptr;
  }
  out->ir = base;
  return c.native->native + c.native->native_at[size_t(ip - base)];
}
const void* throw_tag(interp::ExecState* st, char* fp, const uint32_t* ip, ThrowOut* out) {
  const uint32_t* o = ip + interp::kHandlerWords;
  gc::ExnObject* exn = interp::new_exception(st, o[0], fp + o[1], fp);
  if (exn == nullptr) {
    st->trap = interp::TrapCode::gc_heap_limit;
    st->trap_ip = ip;
    return land_after_throw(st, false, ip, fp, out);
  }
  bool landed = interp::throw_exception(st, exn, ip, fp, false);
  return land_after_throw(st, landed, ip, fp, out);
}
const void* throw_ref(interp::ExecState* st, char* fp, const uint32_t* ip, ThrowOut* out) {
  uint64_t bits;
  std::memcpy(&bits, fp + ip[interp::kHandlerWords], 8);
  auto* exn = reinterpret_cast<gc::ExnObject*>(bits);
  if (exn == nullptr) {
    st->trap = interp::TrapCode::null_exception;
    st->trap_ip = ip;
    return land_after_throw(st, false, ip, fp, out);
  }
  bool landed = interp::throw_exception(st, exn, ip, fp, false);
  return land_after_throw(st, landed, ip, fp, out);
}
const void* rethrow(interp::ExecState* st, char* fp, const uint32_t* ip, ThrowOut* out) {
  uint64_t bits;
  std::memcpy(&bits, fp + ip[interp::kHandlerWords], 8);
  bool landed = interp::throw_exception(st, reinterpret_cast<gc::ExnObject*>(bits), ip, fp, false);
  return land_after_throw(st, landed, ip, fp, out);
}

// ---- handler classification ------------------------------------------------------------------------
// A handler's name is op_<operator>_<kinds> (handlers.def); the JIT classifies handlers once by name.

enum class Cat : uint8_t {
  exit,      // left to the interpreter
  ibin,      // integer binary operator (op: IntOp)
  idiv,      // integer division / remainder (op: 0 div_s, 1 div_u, 2 rem_s, 3 rem_u)
  fbin,      // float binary operator (op: FloatOp)
  unop,      // unary operator (op: UnOp)
  br_cmp,    // fused compare + branch (op: IntOp of the compare)
  load,      // memory 0 guarded load (op: LoadOp)
  store,     // memory 0 guarded store (op: width log2)
  trunc,     // float to integer truncation, trapping or saturating (op: TruncOp bits)
  fminmax,   // f32/f64 min (op 0) and max (op 1)
  special,   // the rest, by HandlerId
  cover,     // tables, bulk memory, memory.size/grow, GC, globals, ref.func: emit_cover, by HandlerId
  load_x,    // a load from another memory or a 64-bit one (as `load`; chk: the address is 64-bit)
  store_x,   // a store to another memory or a 64-bit one (as `store`; chk: the address is 64-bit)
  simd,      // v128 instructions, by HandlerId (compiler_simd.inc)
};
// TruncOp bits: the source is f64, the result is i64, unsigned, saturating.
constexpr uint8_t kTruncF64 = 1, kTruncI64 = 2, kTruncUnsigned = 4, kTruncSat = 8;

enum IntOp : uint8_t { i_add, i_sub, i_mul, i_and, i_or, i_xor, i_shl, i_shr_s, i_shr_u, i_rotl, i_rotr,
                       i_eq, i_ne, i_lt_s, i_lt_u, i_gt_s, i_gt_u, i_le_s, i_le_u, i_ge_s, i_ge_u, kNumIntOps };
constexpr std::string_view kIntOpNames[] = {"add", "sub", "mul", "and", "or", "xor", "shl", "shr_s", "shr_u",
                                            "rotl", "rotr", "eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s",
                                            "le_u", "ge_s", "ge_u"};
enum FloatOp : uint8_t { f_add, f_sub, f_mul, f_div, f_copysign, f_eq, f_ne, f_lt, f_gt, f_le, f_ge, kNumFloatOps };
constexpr std::string_view kFloatOpNames[] = {"add", "sub", "mul", "div", "copysign", "eq",
                                              "ne", "lt", "gt", "le", "ge"};
enum UnOp : uint8_t {
  u_eqz, u_clz, u_ctz, u_popcnt, u_abs, u_neg, u_ceil, u_floor, u_trunc, u_nearest, u_sqrt,
  u_extend_i32_s, u_extend_i32_u, u_convert_i32_s, u_convert_i32_u, u_convert_i64_s, u_demote, u_promote,
  u_extend8_s, u_extend16_s, u_extend32_s, u_convert_i64_u, kNumUnOps
};
constexpr std::string_view kUnOpNames[] = {
    "eqz", "clz", "ctz", "popcnt", "abs", "neg", "ceil", "floor", "trunc", "nearest", "sqrt",
    "extend_i32_s", "extend_i32_u", "convert_i32_s", "convert_i32_u", "convert_i64_s", "demote_f64",
    "promote_f32", "extend8_s", "extend16_s", "extend32_s", "convert_i64_u"};
// Loads: memory width and extension.
enum LoadOp : uint8_t { ld32, ld64, ld8s, ld8u, ld16s, ld16u, ld32s };

struct Desc {
  Cat cat = Cat::exit;
  uint8_t op = 0;
  bool w64 = false;      // operates on 64-bit integers / f64
  bool to64 = false;     // loads: result is i64
  bool chk = false;      // loads/stores: the explicit-bounds-check form (_sso_chk)
};

template <size_t N>
int find_name(const std::string_view (&names)[N], std::string_view s) {
  for (size_t i = 0; i < N; ++i)
    if (names[i] == s) return int(i);
  return -1;
}

// Memory-0 loads and stores of `name` (op_<name>_<kinds>, prefix and kinds removed).
Desc classify_memory(std::string_view name) {
  bool is_i64 = name.starts_with("i64_"), is_f64 = name.starts_with("f64_");
  bool is_i32 = name.starts_with("i32_"), is_f32 = name.starts_with("f32_");
  std::string_view rest = name.size() > 4 ? name.substr(4) : std::string_view();
  if (is_i32 || is_i64 || is_f32 || is_f64) {
    bool wide = is_i64 || is_f64;
    if (rest == "load") return Desc{Cat::load, uint8_t(wide ? ld64 : ld32), wide, wide};
    if (rest == "load8_s") return Desc{Cat::load, ld8s, false, wide};
    if (rest == "load8_u") return Desc{Cat::load, ld8u, false, wide};
    if (rest == "load16_s") return Desc{Cat::load, ld16s, false, wide};
    if (rest == "load16_u") return Desc{Cat::load, ld16u, false, wide};
    if (is_i64 && rest == "load32_s") return Desc{Cat::load, ld32s, false, true};
    if (is_i64 && rest == "load32_u") return Desc{Cat::load, ld32, false, true};
    if (rest == "store") return Desc{Cat::store, uint8_t(wide ? 3 : 2), wide, false};
    if (rest == "store8") return Desc{Cat::store, 0, wide, false};
    if (rest == "store16") return Desc{Cat::store, 1, wide, false};
    if (is_i64 && rest == "store32") return Desc{Cat::store, 2, true, false};
  }
  return Desc{};
}

Desc classify(HandlerId id) {
  const interp::HandlerInfo& info = handler_info(id);
  std::string_view name = info.name, kinds = info.kinds;
  Desc d;
  if (!name.starts_with("op_")) return d;
  name.remove_prefix(3);
  if (kinds.empty()) return d;  // op_return, op_unreachable, ...: special or exit (by id)
  // The name's form is the kinds string, lower-cased for the generated families (op_i64_add_ssi has
  // kinds "ssI"); anything else (_chk, _m64 and other variants) is not classified here.
  std::string suffix = "_" + std::string(kinds), lower = suffix;
  for (char& ch : lower) ch = char(ch == 'I' ? 'i' : ch);
  if (name.ends_with(suffix)) {
    name.remove_suffix(suffix.size());
  } else if (name.ends_with(lower)) {
    name.remove_suffix(lower.size());
  } else if (kinds == "sso" && name.ends_with("_sso_chk")) {
    name.remove_suffix(8);
    Desc m = classify_memory(name);
    m.chk = true;
    return m;
  } else {
    return d;
  }
  bool is_i32 = name.starts_with("i32_"), is_i64 = name.starts_with("i64_");
  bool is_f32 = name.starts_with("f32_"), is_f64 = name.starts_with("f64_");
  std::string_view rest = name.size() > 4 ? name.substr(4) : std::string_view();
  bool bin_form = kinds == "sss" || kinds == "ssi" || kinds == "sis" || kinds == "ssI" || kinds == "sIs";
  if ((is_i32 || is_i64) && bin_form) {
    if (int op = find_name(kIntOpNames, rest); op >= 0) return Desc{Cat::ibin, uint8_t(op), is_i64, false};
    constexpr std::string_view divs[] = {"div_s", "div_u", "rem_s", "rem_u"};
    if (int op = find_name(divs, rest); op >= 0) return Desc{Cat::idiv, uint8_t(op), is_i64, false};
  }
  if ((is_f32 || is_f64) && bin_form) {
    if (int op = find_name(kFloatOpNames, rest); op >= 0) return Desc{Cat::fbin, uint8_t(op), is_f64, false};
  }
  if ((is_i32 || is_i64) && kinds == "ss" && rest.starts_with("trunc_")) {
    std::string_view t = rest.substr(6);
    uint8_t bits = is_i64 ? kTruncI64 : 0;
    if (t.starts_with("sat_")) {
      bits |= kTruncSat;
      t.remove_prefix(4);
    }
    if (t == "f32_s" || t == "f32_u" || t == "f64_s" || t == "f64_u") {
      if (t.starts_with("f64")) bits |= kTruncF64;
      if (t.ends_with("_u")) bits |= kTruncUnsigned;
      return Desc{Cat::trunc, bits, is_i64, false};
    }
  }
  if ((is_f32 || is_f64) && bin_form && (rest == "min" || rest == "max"))
    return Desc{Cat::fminmax, uint8_t(rest == "max"), is_f64, false};
  if ((is_i32 || is_i64 || is_f32 || is_f64) && kinds == "ss") {
    if (int op = find_name(kUnOpNames, rest); op >= 0) {
      // The operand width: i64/f64 ops, and conversions from them; `w64` = the result type is 64-bit
      // for the integer ones (set per op at emission from the name).
      return Desc{Cat::unop, uint8_t(op), is_i64 || is_f64, false};
    }
  }
  if (name.starts_with("br_if_") && (kinds == "ssb" || kinds == "sib" || kinds == "sIb")) {
    std::string_view cmp = name.substr(6);
    bool c64 = cmp.starts_with("i64_");
    if (cmp.starts_with("i32_") || c64) {
      if (int op = find_name(kIntOpNames, cmp.substr(4)); op >= int(i_eq)) return Desc{Cat::br_cmp, uint8_t(op), c64, false};
    }
  }
  if (kinds == "sso" || kinds == "ssio" || kinds == "sssio") return classify_memory(name);
  return d;
}

// Calls, tail calls and returns the JIT compiles besides op_call_xs, op_call_indirect_sxxs and op_return
// (Compiler::emit_call).
constexpr HandlerId kCallIds[] = {HandlerId::op_call_indirect_t64_sxxs, HandlerId::op_call_ref_ss,
                                  HandlerId::op_return_call_xsi, HandlerId::op_return_call_indirect_sxxsi,
                                  HandlerId::op_return_call_indirect_t64_sxxsi, HandlerId::op_return_call_ref_ssi};
// Throws and unreachable (Compiler::emit_throw).
constexpr HandlerId kThrowIds[] = {HandlerId::op_unreachable, HandlerId::op_throw_xs, HandlerId::op_throw_ref_s,
                                   HandlerId::op_rethrow_s};
// The instructions emit_cover compiles: the OpHelper ones, the inline ones by name, and the loads and
// stores of memories other than memory 0 or 64-bit (op_<name>[_m64]_ssxI).
Desc classify_cover(HandlerId id) {
  if (op_helpers()[size_t(id)] != nullptr) return Desc{Cat::cover};
  std::string_view name = handler_info(id).name;
  for (std::string_view prefix : {"op_struct_get_", "op_struct_set_", "op_array_get_", "op_array_set_"})
    if (name.starts_with(prefix)) return Desc{Cat::cover};
  for (HandlerId c : {HandlerId::op_array_len_ss, HandlerId::op_ref_i31_ss, HandlerId::op_i31_get_s_ss,
                      HandlerId::op_i31_get_u_ss, HandlerId::op_ref_eq_sss, HandlerId::op_ref_test_ssii,
                      HandlerId::op_ref_cast_sii, HandlerId::op_br_on_cast_sbii, HandlerId::op_br_on_cast_fail_sbii,
                      HandlerId::op_memory_size_s, HandlerId::op_ref_func_sx, HandlerId::op_global_get_sx,
                      HandlerId::op_global_set_xs})
    if (id == c) return Desc{Cat::cover};
  if (handler_info(id).kinds == "ssxI" && name.starts_with("op_") && name.ends_with("_ssxI")) {
    name.remove_prefix(3);
    name.remove_suffix(5);
    bool m64 = name.ends_with("_m64");
    if (m64) name.remove_suffix(4);
    Desc m = classify_memory(name);
    if (m.cat != Cat::load && m.cat != Cat::store) return Desc{};
    m.cat = m.cat == Cat::load ? Cat::load_x : Cat::store_x;
    m.chk = m64;
    return m;
  }
  return Desc{};
}
void classify_simd(std::vector<Desc>& t);

const std::vector<Desc>& descs() {
  static const std::vector<Desc> table = [] {
    std::vector<Desc> t(interp::kNumHandlers);
    for (size_t i = 0; i < interp::kNumHandlers; ++i) t[i] = classify(HandlerId(i));
    for (HandlerId id : {HandlerId::op_copy_ss, HandlerId::op_copy2_ssss, HandlerId::op_const32_si,
                         HandlerId::op_const64_sI, HandlerId::op_i32_add_shl_sssi, HandlerId::op_select_ssss,
                         HandlerId::op_br_b, HandlerId::op_br_if_sb, HandlerId::op_br_unless_sb,
                         HandlerId::op_br_table_sT, HandlerId::op_check_i, HandlerId::op_ref_is_null_ss,
                         HandlerId::op_ref_as_non_null_s, HandlerId::op_br_on_null_sb,
                         HandlerId::op_br_on_non_null_sb, HandlerId::op_call_xs,
                         HandlerId::op_call_indirect_sxxs, HandlerId::op_return,
                         HandlerId::op_tier_count})
      t[size_t(id)] = Desc{Cat::special, 0, false, false};
    for (HandlerId id : kCallIds) t[size_t(id)] = Desc{Cat::special, 0, false, false};
    for (HandlerId id : kThrowIds) t[size_t(id)] = Desc{Cat::special, 0, false, false};
    for (size_t i = 0; i < interp::kNumHandlers; ++i)
      if (Desc c = classify_cover(HandlerId(i)); c.cat != Cat::exit) t[i] = c;
    classify_simd(t);
    return t;
  }();
  return table;
}

// Per handler, what the register allocation asks of it (by name, once).
struct IdFlags {
  bool call_like = false;  // op_call*, op_return*: the frame is left (or ended)
  bool float_name = false;  // op_f32_* / op_f64_*
  bool branches = false;    // has a branch operand ('b' or 'T')
};
const std::vector<IdFlags>& id_flags() {
  static const std::vector<IdFlags> table = [] {
    std::vector<IdFlags> t(interp::kNumHandlers);
    for (size_t i = 0; i < interp::kNumHandlers; ++i) {
      const interp::HandlerInfo& info = handler_info(HandlerId(i));
      std::string_view name = info.name, kinds = info.kinds;
      t[i].call_like = name.starts_with("op_call") || name.starts_with("op_return");
      t[i].float_name = name.starts_with("op_f");
      t[i].branches = kinds.find_first_of("bT") != std::string_view::npos;
    }
    return t;
  }();
  return table;
}

// How an instruction's machine code relates to the interpreter (see the top of the file).
enum class Kind : uint8_t {
  native,    // compiled; never hands over at its own position: the interpreter may enter here
  guarded,   // compiled; hands over at its own position when it would trap (the interpreter re-runs it)
  exit,      // not compiled: hands over at its own position
};

// Field offsets the machine code uses. ExecState and StoreData are not standard-layout (std::optional,
// std::atomic members); offsetof on them is what every supported compiler implements.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
constexpr int32_t kStStore = int32_t(offsetof(interp::ExecState, store));
constexpr int32_t kStMem0 = int32_t(offsetof(interp::ExecState, mem0));
constexpr int32_t kStCs = int32_t(offsetof(interp::ExecState, cs));
constexpr int32_t kFrameFp = int32_t(offsetof(interp::CallFrame, fp));
constexpr int32_t kMemBase = int32_t(offsetof(runtime::MemoryInstance, base));
constexpr int32_t kMemSize = int32_t(offsetof(runtime::MemoryInstance, size));
constexpr int32_t kFuelEnabled = int32_t(offsetof(runtime::StoreData, fuel_enabled));
constexpr int32_t kFuel = int32_t(offsetof(runtime::StoreData, fuel));
constexpr int32_t kInterrupt = int32_t(offsetof(runtime::StoreData, interrupt));
constexpr int32_t kInterruptChecks = int32_t(offsetof(runtime::StoreData, interrupt_checks));
constexpr int32_t kStInst = int32_t(offsetof(interp::ExecState, inst));
constexpr int32_t kStStacks = int32_t(offsetof(interp::ExecState, stacks));
constexpr int32_t kStacksExitIr = int32_t(offsetof(interp::ExecStacks, exit_ir));
constexpr int32_t kInstFuncs = int32_t(offsetof(runtime::InstanceData, funcs));
constexpr int32_t kInstMemories = int32_t(offsetof(runtime::InstanceData, memories));
constexpr int32_t kInstGlobals = int32_t(offsetof(runtime::InstanceData, globals));
constexpr int32_t kGlobalValue = int32_t(offsetof(runtime::GlobalInstance, value));
constexpr int32_t kInstTypeIds = int32_t(offsetof(runtime::InstanceData, type_ids));
constexpr int32_t kFuncTypeId = int32_t(offsetof(runtime::FuncInstance, type_id));
#pragma GCC diagnostic pop
static_assert(sizeof(std::atomic<uint8_t>) == 1);
constexpr int32_t kObjLength = int32_t(offsetof(gc::ObjHeader, length));
constexpr int32_t kObjPayload = int32_t(sizeof(gc::ObjHeader));
constexpr int32_t kObjKind = int32_t(offsetof(gc::ObjHeader, kind));
constexpr int32_t kObjTypeId = int32_t(offsetof(gc::ObjHeader, type_id));

// Calls and returns between compiled functions (Compiler::emit_call) read the runtime's structures from
// machine code: the fields below, and std::vector's begin/end pointers (its first two words in libstdc++
// and libc++; checked once at run time, calls are left to the interpreter otherwise).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
constexpr int32_t kStFunc = int32_t(offsetof(interp::ExecState, func));
constexpr int32_t kStCsLimit = int32_t(offsetof(interp::ExecState, cs_limit));
constexpr int32_t kStStackLimit = int32_t(offsetof(interp::ExecState, stack_limit));
constexpr int32_t kFrameRet = int32_t(offsetof(interp::CallFrame, ret));
constexpr int32_t kFrameFunc = int32_t(offsetof(interp::CallFrame, func));
constexpr int32_t kFuncInstance = int32_t(offsetof(runtime::FuncInstance, instance));
constexpr int32_t kFuncEntry = int32_t(offsetof(runtime::FuncInstance, entry));
constexpr int32_t kEntrySlots = int32_t(offsetof(runtime::FuncEntry, frame) + offsetof(runtime::FrameLayout, frame_slots));
constexpr int32_t kEntryIr = int32_t(offsetof(runtime::FuncEntry, interp_entry));
constexpr int32_t kCodeJitData = int32_t(offsetof(interp::FuncCode, jit_data));
constexpr int32_t kNativeBase = int32_t(offsetof(NativeCode, native));
constexpr int32_t kNativeAtFromIr = int32_t(offsetof(NativeCode, at_from_ir));
constexpr int32_t kEntryNative = int32_t(offsetof(runtime::FuncEntry, native_entry));
constexpr int32_t kInstTables = int32_t(offsetof(runtime::InstanceData, tables));
constexpr int32_t kInstMem0 = int32_t(offsetof(runtime::InstanceData, mem0));
constexpr int32_t kTableElems = int32_t(offsetof(runtime::TableInstance, elems));
#pragma GCC diagnostic pop
static_assert(sizeof(interp::CallFrame) == 24 && sizeof(std::atomic<runtime::FuncEntry*>) == 8);
static_assert(sizeof(runtime::RefBits) == 8 && sizeof(runtime::FuncInstance*) == 8);

bool vector_layout_known() {
  static const bool known = [] {
    std::vector<uint64_t> v(3);
    if (sizeof(v) < 2 * sizeof(void*)) return false;
    const void* w[2];
    std::memcpy(w, reinterpret_cast<const unsigned char*>(&v), sizeof(w));
    return w[0] == v.data() && w[1] == v.data() + 3;
  }();
  return known;
}

// What the compiler knows of the module for calls: which direct callees the module defines itself (they
// run in the caller's instance), and the frames of callees translated already (their locals are zeroed
// by straight-line code, their frame size a constant).
struct CallContext {
  const interp::ModuleCode* mc = nullptr;
  // compile_module's functions, translated and not yet published, by defined-function index (or empty).
  std::span<const std::unique_ptr<interp::FuncCode>> batch;

  bool defined(uint32_t func_index) const {
    return mc != nullptr && mc->module != nullptr && func_index >= mc->module->num_imported_funcs &&
           func_index - mc->module->num_imported_funcs < mc->num_funcs;
  }
  const runtime::FrameLayout* frame_of(uint32_t func_index) const {
    if (!defined(func_index)) return nullptr;
    size_t i = func_index - mc->module->num_imported_funcs;
    if (i < batch.size() && batch[i]) return &batch[i]->frame;
    const interp::FuncCode* f = mc->funcs[i].load(std::memory_order_acquire);
    return f != nullptr ? &f->frame : nullptr;
  }
};

using namespace Xbyak::util;

// Compiler's per-function arrays, kept per thread between functions (their allocations reused).
struct CompilerBuffers {
  std::vector<Kind> kinds;
  std::vector<uint32_t> starts, offsets, entries;
  std::vector<int32_t> index_of, ids;
  std::vector<std::pair<uint32_t, uint32_t>> branch_fixups;
  std::vector<bool> entered, reload_at, call_like, entry;
};

class Compiler : public FastAssembler {
 public:
  Compiler(const interp::FuncCode& code, uint8_t* buffer, size_t size)
      : FastAssembler(size, buffer), fc_(code), ir_(code.code.data()), n_(code.code.size()) {
    setDefaultJmpNEAR(true);
  }

  // Compiles the function; false when it has nothing worth compiling.
  bool run();

  std::vector<Kind> kinds;            // per instruction
  std::vector<uint32_t> starts;       // IR word of each instruction
  std::vector<int32_t> index_of;      // per IR word: instruction index, or -1
  std::vector<uint32_t> offsets;      // per instruction: its code's offset from the start
  std::vector<uint32_t> entries;      // per instruction: where it is entered from outside (native_at)
  uint32_t native_count = 0;
  size_t text_size = 0;               // bytes of instructions (before the jump tables)
  uint32_t end_offset = 0;            // where the hand-over at the IR's end starts (the stubs follow)
  CallContext calls;                  // for emit_call
  // Takes `b`'s arrays for its own (emptied), or gives them back (after run()).
  void swap_buffers(CompilerBuffers& b) {
    kinds.swap(b.kinds);
    starts.swap(b.starts);
    offsets.swap(b.offsets);
    entries.swap(b.entries);
    index_of.swap(b.index_of);
    ids_.swap(b.ids);
    branch_fixups_.swap(b.branch_fixups);
    bufs_.entered.swap(b.entered);  // run()'s
    bufs_.reload_at.swap(b.reload_at);
    bufs_.call_like.swap(b.call_like);
    bufs_.entry.swap(b.entry);
    kinds.clear();
    starts.clear();
    offsets.clear();
    entries.clear();
    index_of.clear();
    ids_.clear();
    branch_fixups_.clear();
  }

 private:
  const interp::FuncCode& fc_;
  const uint32_t* ir_;
  // A write-through register cache of one value (for slots not pinned): results are stored, and rax may
  // still hold the 8 bytes of slot `cache_in_` when the next instruction starts (-1: nothing known). Only
  // straight-line code keeps it: it is dropped at every instruction machine code can be entered at from
  // elsewhere (branch targets, after anything that may hand over or call, landings). An emitter that
  // leaves rax equal to its destination slot says so in `cache_out_`; any other emitter drops it.
  int64_t cache_in_ = -1;
  int64_t cache_out_ = -1;
  void keep_rax_as(uint32_t slot) { cache_out_ = int64_t(slot); }
  // Loads operands a (into rax) and b (into rcx), using rax when it holds one of them.
  void load_pair(char ka, const uint32_t* wa, char kb, const uint32_t* wb, bool w64) {
    bool a_hit = ka == 's' && int64_t(*wa) == cache_in_;
    bool b_hit = kb == 's' && int64_t(*wb) == cache_in_;
    if (b_hit) {
      if (w64) mov(rcx, rax); else mov(ecx, eax);
    }
    if (!a_hit) load_int(rax, ka, wa, w64);
    if (!b_hit) load_int(rcx, kb, wb, w64);
  }
  size_t n_;
  Xbyak::Label epilogue_;
  struct Stub {
    Xbyak::Label label;
    uint32_t pos;
    bool spill;  // false in non-aware code: the frame was made current before it (its registers may not be)
  };
  std::vector<std::unique_ptr<Stub>> stubs_;
  struct Table {
    Xbyak::Label label;
    std::vector<uint32_t> targets;  // instruction indices
  };
  std::vector<std::unique_ptr<Table>> tables_;
  static const Xbyak::util::Cpu& cpu() {
    static const Xbyak::util::Cpu c;  // cpuid is slow under virtualisation: once per process
    return c;
  }

  // Pinned slots (see the top of the file). pin_[slot index]: 0 none, 1..8 gpr_reg(p - 1), 9..21
  // xmm2..xmm14; pins_: every pinned slot (byte offset, pin).
  // xmm15 is pinned only in functions without v128 instructions: it is the SIMD emitters' one-value
  // v128 cache (vcache_in_).
  static constexpr int kNumGprPins = 8, kNumCalleeSavedPins = 2, kFirstXmmPin = 9, kNumXmmPins = 13;
  static const Xbyak::Reg64& gpr_reg(int k) {
    static const Xbyak::Reg64 regs[kNumGprPins] = {Xbyak::util::rbp, Xbyak::util::r12, Xbyak::util::rsi,
                                                   Xbyak::util::rdi, Xbyak::util::r8,  Xbyak::util::r9,
                                                   Xbyak::util::r10, Xbyak::util::r11};
    return regs[k];
  }
  std::vector<int8_t> pin_;
  std::vector<std::pair<uint32_t, int8_t>> pins_;
  int pin_of(uint32_t off) const {
    size_t s = off / 8;
    return off % 8 == 0 && s < pin_.size() ? pin_[s] : 0;
  }
  static bool is_gpr_pin(int p) { return p >= 1 && p <= kNumGprPins; }
  static bool is_xmm_pin(int p) { return p >= kFirstXmmPin; }
  static bool is_callee_saved_pin(int p) { return p >= 1 && p <= kNumCalleeSavedPins; }
  static const Xbyak::Reg64& gpr_pin(int p) { return gpr_reg(p - 1); }
  static Xbyak::Xmm xmm_pin(int p) { return Xbyak::Xmm(p - kFirstXmmPin + 2); }
  // Loads pinned registers from their slots: all, or the caller-saved ones (after code that may have
  // called out or used them as scratch).
  void reload_pins(bool all) {
    for (const auto& [off, p] : pins_) {
      if (!all && is_callee_saved_pin(p)) continue;
      if (is_gpr_pin(p)) mov(gpr_pin(p), slot64(off)); else movsd(xmm_pin(p), slot64(off));
    }
  }
  // Write-back (write_back_): results go to the registers only, and these store them to their slots
  // before the frame is looked at (every hand-over, non-aware emitters, helper calls).
  bool write_back_ = false;
  void spill_pins(bool all) {
    if (!write_back_) return;
    for (const auto& [off, p] : pins_) {
      if (!all && is_callee_saved_pin(p)) continue;
      if (is_gpr_pin(p)) mov(slot64(off), gpr_pin(p)); else movsd(slot64(off), xmm_pin(p));
    }
  }
  void spill_results() {
    if (!write_back_) return;
    for (const auto& [off, p] : pins_) {
      if (off / 8 >= fc_.frame.num_results) continue;
      if (is_gpr_pin(p)) mov(slot64(off), gpr_pin(p)); else movsd(slot64(off), xmm_pin(p));
    }
  }
  // Makes slot `off` current in memory (before a read of it as the other class, from memory).
  void sync_slot(uint32_t off) {
    int p = pin_of(off);
    if (!write_back_ || p == 0) return;
    if (is_gpr_pin(p)) mov(slot64(off), gpr_pin(p)); else movsd(slot64(off), xmm_pin(p));
  }
  Xbyak::Label spill_exit_;  // spills the pins, then the epilogue
  Xbyak::Label self_entry_;  // the function's entry, before the pins are loaded (self calls jump here)
  void choose_pins();
  std::vector<int32_t> ids_;  // per instruction: its HandlerId, or -1
  std::optional<HandlerId> id_at(size_t i) const {
    return ids_[i] < 0 ? std::nullopt : std::optional<HandlerId>(HandlerId(ids_[i]));
  }
  static bool register_aware(HandlerId id, const Desc& d);

  // Operands.
  Xbyak::Address slot32(uint32_t off) const { return dword[rbx + off]; }
  Xbyak::Address slot64(uint32_t off) const { return qword[rbx + off]; }
  bool in_unaware_ = false;  // emitting a non-aware instruction (see exit_at)
  void exit_at(uint32_t pos, bool spill = true) {
    if (exit_stats().on) count_exit(pos);
    lea(rax, ptr[r13 + int32_t(pos * 4)]);
    jmp(write_back_ && spill ? spill_exit_ : epilogue_);
  }
  // WISP_JIT_EXITS: counts a hand-over at `pos` (rax is free: it is about to hold the IR position).
  void count_exit(uint32_t pos) {
    ExitStats& s = exit_stats();
    std::optional<HandlerId> id = pos < n_ ? interp::handler_from_word(load_word(ir_ + pos)) : std::nullopt;
    mov(rax, reinterpret_cast<uint64_t>(id ? &s.taken[size_t(*id)] : &s.taken_end));
    inc(qword[rax]);
  }
  // A label that hands over at `pos` (emitted after the body).
  Xbyak::Label& slow(uint32_t pos) {
    stubs_.push_back(std::make_unique<Stub>());
    stubs_.back()->pos = pos;
    stubs_.back()->spill = !in_unaware_;
    return stubs_.back()->label;
  }
  // A branch target: an instruction by index (starts.size(): the IR's end). Jumps to it are encoded as
  // Xbyak encodes a jump to a label (short backwards when in reach, near forwards) and forward ones
  // patched at the end of run(): an Xbyak label costs hash-map entries and allocations.
  struct BranchTarget {
    uint32_t index;
  };
  BranchTarget target(uint32_t pos, int32_t rel) { return {uint32_t(index_of[size_t(int64_t(pos) + rel)])}; }
  std::vector<std::pair<uint32_t, uint32_t>> branch_fixups_;  // (offset of a rel32, target index)
  CompilerBuffers bufs_;  // run()'s bool arrays (entered .. entry; the rest unused)
  uint32_t emitting_ = 0;  // the instruction being emitted: targets up to it are placed
  uint32_t target_offset(uint32_t index) const { return index < offsets.size() ? offsets[index] : end_offset; }
  void jump_to(BranchTarget t, int cc) {  // cc: x86 condition code, or -1 (jmp)
    uint8_t b[16] = {};
    size_t k = 0;
    if (t.index <= emitting_) {
      uint32_t disp = target_offset(t.index) - uint32_t(getSize());
      if (disp - 2 + 0x80 < 0x100) {
        b[0] = uint8_t(cc < 0 ? 0xEB : 0x70 | cc);
        b[1] = uint8_t(disp - 2);
        put(b, 2);
        return;
      }
      if (cc >= 0) b[k++] = 0x0F;
      b[k++] = uint8_t(cc < 0 ? 0xE9 : 0x80 | cc);
      uint32_t rel = disp - uint32_t(k + 4);
      std::memcpy(b + k, &rel, 4);
      put(b, k + 4);
      return;
    }
    if (cc >= 0) b[k++] = 0x0F;
    b[k++] = uint8_t(cc < 0 ? 0xE9 : 0x80 | cc);
    std::memset(b + k, 0, 4);
    put(b, k + 4);
    branch_fixups_.emplace_back(uint32_t(getSize() - 4), t.index);
  }
  using CodeGenerator::je;
  using CodeGenerator::jmp;
  using CodeGenerator::jne;
  using CodeGenerator::jnz;
  using CodeGenerator::jz;
  void jmp(BranchTarget t) { jump_to(t, -1); }
  void je(BranchTarget t) { jump_to(t, 0x4); }
  void jz(BranchTarget t) { jump_to(t, 0x4); }
  void jne(BranchTarget t) { jump_to(t, 0x5); }
  void jnz(BranchTarget t) { jump_to(t, 0x5); }
  // Loads operand `k` (slot or immediate, at word `w`) as a 32/64-bit integer into `r`.
  void load_int(const Xbyak::Reg64& r, char kind, const uint32_t* w, bool w64) {
    if (kind == 's') {
      int p = pin_of(*w);
      if (is_gpr_pin(p)) {
        if (w64) mov(r, gpr_pin(p)); else mov(r.cvt32(), gpr_pin(p).cvt32());
      } else if (is_xmm_pin(p)) {
        if (w64) movq(r, xmm_pin(p)); else movd(r.cvt32(), xmm_pin(p));
      } else if (w64) {
        mov(r, slot64(*w));
      } else {
        mov(r.cvt32(), slot32(*w));
      }
    } else if (kind == 'i') {
      mov(r.cvt32(), w[0]);
    } else {  // 'I'
      uint64_t v = uint64_t(w[0]) | uint64_t(w[1]) << 32;
      mov(r, v);
    }
  }
  // rax_ok: rax is as at the instruction's start (it may hold the slot: cache_in_).
  void load_float(const Xbyak::Xmm& x, char kind, const uint32_t* w, bool w64, bool rax_ok = false) {
    if (kind == 's') {
      int p = pin_of(*w);
      if (is_xmm_pin(p)) {
        if (x.getIdx() != xmm_pin(p).getIdx()) movaps(x, xmm_pin(p));
      } else if (is_gpr_pin(p)) {
        if (w64) movq(x, gpr_pin(p)); else movd(x, gpr_pin(p).cvt32());
      } else if (rax_ok && p == 0 && int64_t(*w) == cache_in_) {
        if (w64) movq(x, rax); else movd(x, eax);
      } else if (w64) {
        movsd(x, slot64(*w));
      } else {
        movss(x, slot32(*w));
      }
    } else {
      if (w64) movsd(x, float_imm(kind, w, true)); else movss(x, float_imm(kind, w, false));
    }
  }
  // An immediate operand's bits (as load_int would put them in a register) from the constant pool.
  Xbyak::Address float_imm(char kind, const uint32_t* w, bool w64) {
    uint64_t bits = kind == 'i' ? uint64_t(w[0]) : (uint64_t(w[0]) | uint64_t(w[1]) << 32);
    if (!w64) bits &= 0xffffffffu;
    const Xbyak::Label* label = nullptr;
    for (auto& c : vconsts_)
      if (c->lo == bits && c->hi == 0) label = &c->label;
    if (label == nullptr) {
      vconsts_.push_back(std::make_unique<VConst>());
      vconsts_.back()->lo = bits;
      label = &vconsts_.back()->label;
    }
    return w64 ? qword[rip + *label] : dword[rip + *label];
  }
  // Results are written as whole 8-byte slots, i32/f32 ones too (their upper half is zero or don't-care,
  // as in the interpreter, where nothing reads it): an 8-byte read of the slot (copy, select, a later
  // register load) then forwards from the store instead of stalling on a narrower one.
  // Every result goes through these (write-through: the slot, and its pinned register if it has one).
  void store_int(uint32_t off, const Xbyak::Reg64& r, bool = true) {
    int p = pin_of(off);
    if (!write_back_ || p == 0) mov(slot64(off), r);
    if (is_gpr_pin(p) && gpr_pin(p).getIdx() != r.getIdx()) mov(gpr_pin(p), r);
    if (is_xmm_pin(p)) movq(xmm_pin(p), r);
  }
  void store_float(uint32_t off, const Xbyak::Xmm& x, bool w64) {
    int p = pin_of(off);
    if (!write_back_ || p == 0) {
      if (w64) movsd(slot64(off), x); else movq(slot64(off), x);
    }
    if (is_xmm_pin(p) && xmm_pin(p).getIdx() != x.getIdx()) movaps(xmm_pin(p), x);
    if (is_gpr_pin(p)) movq(gpr_pin(p), x);
  }
  // A flag as 0/1 into slot `off`: rax holds it after, unless the slot has a GPR of its own.
  void store_bool(uint32_t off, void (Compiler::*setcc)(const Xbyak::Operand&)) {
    (this->*setcc)(al);
    if (int p = pin_of(off); is_gpr_pin(p)) {
      movzx(gpr_pin(p).cvt32(), al);
      store_int(off, gpr_pin(p));
      cache_out_ = -1;
      return;
    }
    movzx(eax, al);
    store_int(off, rax);
  }
  // A slot read as a source operand: its pinned register when it has one of the right class, else the
  // slot itself (made current first when pinned to the other class).
  template <typename F>
  void int_src(uint32_t off, bool w64, F&& f) {
    int p = pin_of(off);
    if (is_gpr_pin(p)) {
      if (w64) f(gpr_pin(p)); else f(gpr_pin(p).cvt32());
      return;
    }
    sync_slot(off);
    if (w64) {
      f(slot64(off));
    } else {
      f(slot32(off));
    }
  }
  template <typename F>
  void float_src(uint32_t off, bool w64, F&& f) {
    int p = pin_of(off);
    if (is_xmm_pin(p)) {
      f(xmm_pin(p));
      return;
    }
    sync_slot(off);
    if (w64) f(slot64(off)); else f(slot32(off));
  }
  // The effective address of a memory-0 access into rax (64-bit, zero-extended), for form `kinds`
  // with the address operands at words `w` (address slot first); returns the Address to use.
  Xbyak::RegExp effective_address(std::string_view form, uint32_t addr_slot, const uint32_t* extra, uint32_t offset,
                                  bool rax_cached = false, const Xbyak::Reg64& r = Xbyak::util::rax);
  // rax is as it was before the instruction (which wrote `dst` only): the one-value cache goes on.
  void rax_untouched(uint32_t dst) { cache_out_ = int64_t(dst) == cache_in_ ? -1 : cache_in_; }

  void call_helper(const void* fn) {
    // Always the 10-byte `mov rax, imm64` (REX.W B8), even when the address would fit the 5-byte form:
    // the code's length, hence every offset after it, then does not depend on where the binary is loaded
    // (golden listings, wisp inspect --asm).
    db(0x48);
    db(0xB8);
    dq(reinterpret_cast<uint64_t>(fn));
    call(rax);
  }
  // The explicit-bounds-check forms: hands over (the interpreter traps) unless [ea, ea + width) lies in
  // memory 0 as it is now.
  Xbyak::RegExp checked_address(uint32_t addr_slot, uint32_t offset, uint32_t width, uint32_t pos) {
    Xbyak::Label& fail = slow(pos);
    load_int(rax, 's', &addr_slot, false);
    mov(ecx, offset);
    CodeGenerator::add(rax, rcx);
    mov(rcx, qword[r15 + kStMem0]);
    test(rcx, rcx);
    jz(fail);
    // ea + width <= size as ea <= size - width (no scratch register beyond rax and rcx: r8 is a pin).
    mov(rcx, qword[rcx + kMemSize]);
    CodeGenerator::sub(rcx, width);
    jb(fail);
    cmp(rax, rcx);
    ja(fail);
    return r14 + rax;
  }
  Kind emit(HandlerId id, const Desc& d, const uint32_t* ip, uint32_t pos);
  Kind emit_special(HandlerId id, const uint32_t* ip, uint32_t pos);
  // Calls, tail calls and returns (emit_call and its parts).
  Xbyak::Label return_;
  bool return_emitted_ = false;
  // Where each call of this function returns to (the code of the instruction after it), by IR position:
  // a return to this same function (recursion) jumps there directly.
  std::vector<std::pair<uint32_t, std::unique_ptr<Xbyak::Label>>> ret_labels_;
  Xbyak::Label& ret_label(uint32_t ret_pos) {
    for (auto& [pos, label] : ret_labels_)
      if (pos == ret_pos) return *label;
    ret_labels_.emplace_back(ret_pos, std::make_unique<Xbyak::Label>());
    return *ret_labels_.back().second;
  }
  static bool pushes_frame(HandlerId id) {
    return id == HandlerId::op_call_xs || id == HandlerId::op_call_indirect_sxxs ||
           id == HandlerId::op_call_indirect_t64_sxxs || id == HandlerId::op_call_ref_ss;
  }
  Kind emit_call(HandlerId id, const uint32_t* ip, uint32_t pos);
  void emit_return(Xbyak::Label& fail);
  void callee_from_table(uint32_t index_slot, uint32_t table, uint32_t type, bool t64, Xbyak::Label& fail);
  void enter_callee(bool same_instance, const runtime::FrameLayout* frame, uint32_t args, bool tail,
                    uint32_t n_args, uint32_t ret_pos, Xbyak::Label& fail);
  void switch_instance_to(const Xbyak::Reg64& inst);
  void self_call(uint32_t args, bool tail, uint32_t n_args, uint32_t ret_pos, Xbyak::Label& fail);
  void move_args(uint32_t args, uint32_t n_args);
  void zero_entry_locals();
 public:
  uint32_t call_entry = 0;  // offset of the entry calls from machine code jump to (NativeCode::entry)
 private:
  // Element `index` of an array of `size`-byte elements at rax, as a displacement (rdx when too far).
  Xbyak::RegExp index_disp(uint32_t index, uint32_t size) {
    if (uint64_t(index) * size <= INT32_MAX) return rax + int32_t(index * size);
    mov(edx, index);
    return rax + rdx * int(size);
  }
  // Tables, bulk memory, memory.size/grow, other memories, GC, globals (Cat::cover, load_x, store_x).
  Xbyak::Label trap_exit_;  // leaves the run at an op_exit: an OpHelper set the trap
  bool trap_exit_used_ = false;
  Kind emit_cover(HandlerId id, const Desc& d, const uint32_t* ip, uint32_t pos);
  Kind emit_throw(HandlerId id, const uint32_t* ip, uint32_t pos);  // and unreachable
  Kind emit_mem_x(const Desc& d, const uint32_t* o, uint32_t pos);
  Kind emit_gc_access(std::string_view name, const uint32_t* o, uint32_t pos);
  void ref_test_inline(uint32_t ref_slot, uint32_t heap, uint32_t flags);
  Kind emit_struct_new(const uint32_t* o, uint32_t pos);
  void reload_mem0();
  void emit_trap_exit();
  Kind emit_trunc(const Desc& d, const uint32_t* o, uint32_t pos);
  Kind emit_unop(const Desc& d, std::string_view name, const uint32_t* ip);
  void int_binop(uint8_t op, bool w64);
  void shift_imm(uint8_t op, const Xbyak::Reg& a, uint8_t n);
  void int_op_imm(uint8_t op, const Xbyak::Reg& a, uint32_t i32);
  void int_op_operand(uint8_t op, const Xbyak::Reg& a, const Xbyak::Operand& b);
  void int_binop_shift_cl(uint8_t op, const Xbyak::Reg& a);
  bool emit_ibin_pinned(const Desc& d, char ka, const uint32_t* wa, char kb, const uint32_t* wb, uint32_t dst);
  bool emit_farith_pinned(const Desc& d, char ka, const uint32_t* wa, char kb, const uint32_t* wb, uint32_t dst);
  // Flags of (slot == 0).
  void test_zero(uint32_t off, bool w64) {
    int p = pin_of(off);
    if (is_gpr_pin(p)) {
      if (w64) test(gpr_pin(p), gpr_pin(p)); else test(gpr_pin(p).cvt32(), gpr_pin(p).cvt32());
    } else {
      sync_slot(off);
      if (w64) cmp(slot64(off), 0); else cmp(slot32(off), 0);
    }
  }
  bool int_binop_direct(uint8_t op, bool w64, char ka, const uint32_t* wa, char kb, const uint32_t* wb);
  [[maybe_unused]] void cond_jump(uint8_t op, Xbyak::Label& l);  // (branch targets: the overload below)
  void cond_jump(uint8_t op, BranchTarget t);
  // SIMD (compiler_simd.inc): the emitter and its constant pool (emitted after the jump tables).
  struct VConst {
    Xbyak::Label label;
    uint64_t lo = 0, hi = 0;
  };
  std::vector<std::unique_ptr<VConst>> vconsts_;
  // The SIMD emitter's own one-value cache, as rax's above: xmm15 may hold the 16 bytes of slot
  // `vcache_in_` when the next instruction starts (results are always stored to their slots too).
  int64_t vcache_in_ = -1;
  int64_t vcache_out_ = -1;
  Kind emit_simd(HandlerId id, const uint32_t* ip, uint32_t pos);
  Xbyak::RegExp x_address(uint32_t mem, uint32_t addr_slot, const uint32_t* offset, uint32_t width, bool addr64,
                          uint32_t pos);
  Xbyak::Address vconst(uint64_t lo, uint64_t hi);
  void emit_vconsts();

};

// a (in rax) op b with b as an immediate or a memory operand, without loading it into rcx first: false
// (nothing emitted) when that form does not apply (b in rax, a wide immediate, a shift by a slot).
bool Compiler::int_binop_direct(uint8_t op, bool w64, char ka, const uint32_t* wa, char kb, const uint32_t* wb) {
  bool b_imm = kb == 'i' || kb == 'I';
  int64_t imm = 0;
  if (kb == 'i') imm = w64 ? int64_t(int32_t(wb[0])) : int64_t(wb[0]);
  if (kb == 'I') {
    uint64_t v = uint64_t(wb[0]) | uint64_t(wb[1]) << 32;
    if (int64_t(v) != int64_t(int32_t(uint32_t(v)))) return false;
    imm = int64_t(v);
  }
  if (!b_imm && (kb != 's' || int64_t(*wb) == cache_in_)) return false;
  bool shift = op == i_shl || op == i_shr_s || op == i_shr_u || op == i_rotl || op == i_rotr;
  if (shift && !b_imm) return false;
  if (!(ka == 's' && int64_t(*wa) == cache_in_)) load_int(rax, ka, wa, w64);
  Xbyak::Reg a = w64 ? Xbyak::Reg(rax) : Xbyak::Reg(eax);
  if (shift) {
    uint8_t n = uint8_t(imm & (w64 ? 63 : 31));
    switch (op) {
      case i_shl: CodeGenerator::shl(a, n); break;
      case i_shr_s: sar(a, n); break;
      case i_shr_u: shr(a, n); break;
      case i_rotl: rol(a, n); break;
      default: ror(a, n); break;
    }
    return true;
  }
  if (b_imm) {
    // A 32-bit operation takes the immediate's low 32 bits; a 64-bit one sign-extends 32 (checked above).
    uint32_t i32 = uint32_t(imm);
    switch (op) {
      case i_add: CodeGenerator::add(a, i32); break;
      case i_sub: CodeGenerator::sub(a, i32); break;
      case i_mul: imul(a, a, int(int32_t(i32))); break;
      case i_and: and_(a, i32); break;
      case i_or: or_(a, i32); break;
      case i_xor: xor_(a, i32); break;
      default: cmp(a, i32); break;  // the compares
    }
    return true;
  }
  int_src(*wb, w64, [&](const Xbyak::Operand& b) { int_op_operand(op, a, b); });
  return true;
}

void Compiler::shift_imm(uint8_t op, const Xbyak::Reg& a, uint8_t n) {
  switch (op) {
    case i_shl: CodeGenerator::shl(a, n); break;
    case i_shr_s: sar(a, n); break;
    case i_shr_u: shr(a, n); break;
    case i_rotl: rol(a, n); break;
    default: ror(a, n); break;
  }
}

// A 32-bit operation takes the immediate's low 32 bits; a 64-bit one sign-extends 32 (checked by callers).
void Compiler::int_op_imm(uint8_t op, const Xbyak::Reg& a, uint32_t i32) {
  switch (op) {
    case i_add: CodeGenerator::add(a, i32); break;
    case i_sub: CodeGenerator::sub(a, i32); break;
    case i_mul: imul(a, a, int(int32_t(i32))); break;
    case i_and: and_(a, i32); break;
    case i_or: or_(a, i32); break;
    case i_xor: xor_(a, i32); break;
    default: cmp(a, i32); break;  // the compares
  }
}

void Compiler::int_op_operand(uint8_t op, const Xbyak::Reg& a, const Xbyak::Operand& b) {
  switch (op) {
    case i_add: CodeGenerator::add(a, b); break;
    case i_sub: CodeGenerator::sub(a, b); break;
    case i_mul: imul(a, b); break;
    case i_and: and_(a, b); break;
    case i_or: or_(a, b); break;
    case i_xor: xor_(a, b); break;
    default: cmp(a, b); break;
  }
}

void Compiler::int_binop_shift_cl(uint8_t op, const Xbyak::Reg& a) {
  switch (op) {
    case i_shl: CodeGenerator::shl(a, cl); break;
    case i_shr_s: sar(a, cl); break;
    case i_shr_u: shr(a, cl); break;
    case i_rotl: rol(a, cl); break;
    default: ror(a, cl); break;
  }
}

// An integer binary operator with a pinned operand or destination: computed in the destination's
// register when it has one (dst = a op b), else in rax; compares straight from the registers. False
// (nothing emitted) when nothing is pinned: the rax-cache forms below apply.
bool Compiler::emit_ibin_pinned(const Desc& d, char ka, const uint32_t* wa, char kb, const uint32_t* wb,
                                uint32_t dst) {
  bool w64 = d.w64;
  int pa = ka == 's' ? pin_of(*wa) : 0, pb = kb == 's' ? pin_of(*wb) : 0, pd = pin_of(dst);
  if (!is_gpr_pin(pa) && !is_gpr_pin(pb) && !is_gpr_pin(pd)) return false;
  auto sized = [&](const Xbyak::Reg64& r) -> Xbyak::Reg { return w64 ? Xbyak::Reg(r) : Xbyak::Reg(r.cvt32()); };
  bool shift = d.op == i_shl || d.op == i_shr_s || d.op == i_shr_u || d.op == i_rotl || d.op == i_rotr;
  // b: an immediate (32 bits, sign-extended for i64), a register, or a slot operand.
  bool b_imm = false;
  uint32_t imm = 0;
  if (kb == 'i') {
    b_imm = true;
    imm = wb[0];
  } else if (kb == 'I') {
    uint64_t v = uint64_t(wb[0]) | uint64_t(wb[1]) << 32;
    if (int64_t(v) == int64_t(int32_t(uint32_t(v)))) {
      b_imm = true;
      imm = uint32_t(v);
    }
  }
  bool b_cached = kb == 's' && !is_gpr_pin(pb) && int64_t(*wb) == cache_in_;
  bool b_in_rcx = false;
  if (!b_imm && (kb != 's' || shift || b_cached)) {  // b into rcx first: a may go to rax
    if (b_cached) mov(rcx, rax); else load_int(rcx, kb, wb, w64);
    b_in_rcx = true;
  }
  auto apply_b = [&](const Xbyak::Reg& a) {
    if (shift) {
      if (b_imm) shift_imm(d.op, a, uint8_t(imm & (w64 ? 63 : 31))); else int_binop_shift_cl(d.op, a);
    } else if (b_imm) {
      int_op_imm(d.op, a, imm);
    } else if (b_in_rcx) {
      int_op_operand(d.op, a, sized(rcx));
    } else {
      int_src(*wb, w64, [&](const Xbyak::Operand& b) { int_op_operand(d.op, a, b); });
    }
  };
  if (d.op >= i_eq) {
    if (is_gpr_pin(pa)) {
      apply_b(sized(gpr_pin(pa)));
    } else {
      if (!(ka == 's' && int64_t(*wa) == cache_in_)) load_int(rax, ka, wa, w64);
      apply_b(sized(rax));
    }
    static constexpr void (Compiler::*kSet[])(const Xbyak::Operand&) = {
        &Compiler::sete, &Compiler::setne, &Compiler::setl, &Compiler::setb, &Compiler::setg,
        &Compiler::seta, &Compiler::setle, &Compiler::setbe, &Compiler::setge, &Compiler::setae};
    store_bool(dst, kSet[d.op - i_eq]);
    if (!is_gpr_pin(pd)) keep_rax_as(dst);
    return true;
  }
  // The accumulator: dst's register, unless b lives there and a is another value.
  bool b_is_dst = kb == 's' && *wb == dst && !(ka == 's' && *wa == dst);
  const Xbyak::Reg64& acc = is_gpr_pin(pd) && !b_is_dst ? gpr_pin(pd) : rax;
  if (ka == 's' && is_gpr_pin(pa)) {
    if (gpr_pin(pa).getIdx() != acc.getIdx()) mov(sized(acc), sized(gpr_pin(pa)));
  } else if (ka == 's' && int64_t(*wa) == cache_in_) {
    if (acc.getIdx() != rax.getIdx()) mov(sized(acc), sized(rax));
  } else {
    load_int(acc, ka, wa, w64);
  }
  apply_b(sized(acc));
  store_int(dst, acc);
  if (acc.getIdx() == rax.getIdx()) keep_rax_as(dst); else rax_untouched(dst);
  return true;
}

// f32/f64 add, sub, mul, div of a slot b: computed in the destination's register when it is pinned,
// b straight from its register or slot.
bool Compiler::emit_farith_pinned(const Desc& d, char ka, const uint32_t* wa, char kb, const uint32_t* wb,
                                  uint32_t dst) {
  int pd = pin_of(dst);
  bool b_is_dst = kb == 's' && *wb == dst && !(ka == 's' && *wa == dst);
  Xbyak::Xmm acc = is_xmm_pin(pd) && !b_is_dst ? xmm_pin(pd) : xmm0;
  load_float(acc, ka, wa, d.w64, true);
  auto apply = [&](const Xbyak::Operand& b) {
    switch (d.op) {
      case f_add: if (d.w64) addsd(acc, b); else addss(acc, b); break;
      case f_sub: if (d.w64) subsd(acc, b); else subss(acc, b); break;
      case f_mul: if (d.w64) mulsd(acc, b); else mulss(acc, b); break;
      default: if (d.w64) divsd(acc, b); else divss(acc, b); break;
    }
  };
  if (kb == 's') float_src(*wb, d.w64, apply); else apply(float_imm(kb, wb, d.w64));
  store_float(dst, acc, d.w64);
  rax_untouched(dst);
  return true;
}

void Compiler::int_binop(uint8_t op, bool w64) {
  Xbyak::Reg a = w64 ? Xbyak::Reg(rax) : Xbyak::Reg(eax);
  Xbyak::Reg b = w64 ? Xbyak::Reg(rcx) : Xbyak::Reg(ecx);
  switch (op) {
    case i_add: CodeGenerator::add(a, b); break;
    case i_sub: CodeGenerator::sub(a, b); break;
    case i_mul: imul(a, b); break;
    case i_and: and_(a, b); break;
    case i_or: or_(a, b); break;
    case i_xor: xor_(a, b); break;
    case i_shl: CodeGenerator::shl(a, cl); break;
    case i_shr_s: sar(a, cl); break;
    case i_shr_u: shr(a, cl); break;
    case i_rotl: rol(a, cl); break;
    case i_rotr: ror(a, cl); break;
    default: break;
  }
}

// Jumps to `l` when the compare `op` of the last cmp holds.
void Compiler::cond_jump(uint8_t op, Xbyak::Label& l) {
  switch (op) {
    case i_eq: je(l); break;
    case i_ne: jne(l); break;
    case i_lt_s: jl(l); break;
    case i_lt_u: jb(l); break;
    case i_gt_s: jg(l); break;
    case i_gt_u: ja(l); break;
    case i_le_s: jle(l); break;
    case i_le_u: jbe(l); break;
    case i_ge_s: jge(l); break;
    case i_ge_u: jae(l); break;
    default: break;
  }
}

void Compiler::cond_jump(uint8_t op, BranchTarget t) {
  switch (op) {
    case i_eq: jump_to(t, 0x4); break;
    case i_ne: jump_to(t, 0x5); break;
    case i_lt_s: jump_to(t, 0xC); break;
    case i_lt_u: jump_to(t, 0x2); break;
    case i_gt_s: jump_to(t, 0xF); break;
    case i_gt_u: jump_to(t, 0x7); break;
    case i_le_s: jump_to(t, 0xE); break;
    case i_le_u: jump_to(t, 0x6); break;
    case i_ge_s: jump_to(t, 0xD); break;
    case i_ge_u: jump_to(t, 0x3); break;
    default: break;
  }
}

Xbyak::RegExp Compiler::effective_address(std::string_view form, uint32_t addr_slot, const uint32_t* extra,
                                          uint32_t offset, bool rax_cached, const Xbyak::Reg64& r) {
  // Address arithmetic wraps at 32 bits (ea_add_imm / ea_scaled); the offset is added in 64 bits.
  // `extra`: the fused forms' immediate, or index slot and shift. The address goes to `r` (rax, or a
  // register the caller gives, whose own value is not needed: then rax is left as it was); a 32-bit lea
  // computes the wrapped sum from registers (whatever their upper halves hold) in one instruction.
  int pa = pin_of(addr_slot);
  bool cached = rax_cached && pa == 0 && int64_t(addr_slot) == cache_in_;  // rax holds the slot's 8 bytes
  std::optional<Xbyak::Reg64> in_reg;
  if (is_gpr_pin(pa)) in_reg = gpr_pin(pa); else if (cached) in_reg = rax;
  uint32_t shift = form == "sssio" ? extra[1] & 31 : 0;
  if (form == "ssio" && in_reg) {
    lea(r.cvt32(), ptr[*in_reg + int32_t(extra[0])]);
  } else if (form == "sssio" && shift <= 3) {
    Xbyak::Reg64 b = r;
    if (in_reg) b = *in_reg; else load_int(r, 's', &addr_slot, false);
    Xbyak::Reg64 index = rcx;
    if (int pi = pin_of(extra[0]); is_gpr_pin(pi)) index = gpr_pin(pi); else load_int(rcx, 's', extra, false);
    lea(r.cvt32(), ptr[b + index * (1 << shift)]);
  } else {
    if (in_reg) mov(r.cvt32(), in_reg->cvt32()); else load_int(r, 's', &addr_slot, false);
    if (form == "ssio") {
      CodeGenerator::add(r.cvt32(), extra[0]);
    } else if (form == "sssio") {
      load_int(rcx, 's', extra, false);
      CodeGenerator::shl(ecx, uint8_t(shift));
      CodeGenerator::add(r.cvt32(), ecx);
    }
  }
  if (offset <= 0x7fffffffu) return r14 + r + int32_t(offset);
  mov(ecx, offset);
  CodeGenerator::add(r, rcx);
  return r14 + r;
}

Kind Compiler::emit(HandlerId id, const Desc& d, const uint32_t* ip, uint32_t pos) {
  std::string_view kinds = handler_info(id).kinds;
  const uint32_t* o = ip + interp::kHandlerWords;  // operand words
  switch (d.cat) {
    case Cat::exit:
      return Kind::exit;
    case Cat::ibin: {
      // dst, a, b: a and b each a slot or an immediate.
      const uint32_t* wa = o + 1;
      const uint32_t* wb = wa + interp::kind_words(kinds[1]);
      if (emit_ibin_pinned(d, kinds[1], wa, kinds[2], wb, o[0])) return Kind::native;
      keep_rax_as(o[0]);
      if (int_binop_direct(d.op, d.w64, kinds[1], wa, kinds[2], wb)) {
        // done: b was an immediate or a slot operand of the instruction itself
      } else {
        load_pair(kinds[1], wa, kinds[2], wb, d.w64);
        if (d.op >= i_eq) {
          if (d.w64) cmp(rax, rcx); else cmp(eax, ecx);
        } else {
          int_binop(d.op, d.w64);
        }
      }
      if (d.op >= i_eq) {
        static constexpr void (Compiler::*kSet[])(const Xbyak::Operand&) = {
            &Compiler::sete, &Compiler::setne, &Compiler::setl, &Compiler::setb, &Compiler::setg,
            &Compiler::seta, &Compiler::setle, &Compiler::setbe, &Compiler::setge, &Compiler::setae};
        store_bool(o[0], kSet[d.op - i_eq]);
      } else {
        store_int(o[0], rax, d.w64);
      }
      return Kind::native;
    }
    case Cat::idiv: {
      const uint32_t* wa = o + 1;
      const uint32_t* wb = wa + interp::kind_words(kinds[1]);
      load_pair(kinds[1], wa, kinds[2], wb, d.w64);
      keep_rax_as(o[0]);
      Xbyak::Reg a = d.w64 ? Xbyak::Reg(rax) : Xbyak::Reg(eax);
      Xbyak::Reg b = d.w64 ? Xbyak::Reg(rcx) : Xbyak::Reg(ecx);
      test(b, b);
      jz(slow(pos));
      Xbyak::Label divide, done;
      bool is_signed = d.op == 0 || d.op == 2;
      if (is_signed) {
        cmp(b, -1);
        jne(divide);
        if (d.op == 0) {  // INT_MIN / -1 overflows: trap; otherwise negate
          if (d.w64) {
            mov(rdx, uint64_t(1) << 63);
            cmp(rax, rdx);
          } else {
            cmp(eax, 0x80000000u);
          }
          je(slow(pos));
          neg(a);
        } else {  // x rem -1 is 0 (idiv would fault on INT_MIN)
          xor_(eax, eax);
        }
        jmp(done);
        L(divide);
        if (d.w64) cqo(); else cdq();
        idiv(b);
      } else {
        xor_(edx, edx);
        div(b);
      }
      if (d.op >= 2) mov(d.w64 ? Xbyak::Reg(rax) : Xbyak::Reg(eax), d.w64 ? Xbyak::Reg(rdx) : Xbyak::Reg(edx));
      L(done);
      store_int(o[0], rax, d.w64);
      return Kind::guarded;
    }
    case Cat::fbin: {
      const uint32_t* wa = o + 1;
      const uint32_t* wb = wa + interp::kind_words(kinds[1]);
      if (d.op == f_copysign) {
        load_int(rax, kinds[1], wa, d.w64);
        load_int(rcx, kinds[2], wb, d.w64);
        if (d.w64) {
          btr(rax, 63);
          shr(rcx, 63);
          CodeGenerator::shl(rcx, 63);
          or_(rax, rcx);
        } else {
          and_(eax, 0x7fffffff);
          and_(ecx, 0x80000000u);
          or_(eax, ecx);
        }
        store_int(o[0], rax, d.w64);
        return Kind::native;
      }
      if (d.op <= f_div && emit_farith_pinned(d, kinds[1], wa, kinds[2], wb, o[0])) return Kind::native;
      // Compares read pinned operands from their registers (xmm0/xmm1 stand for them below).
      Xbyak::Xmm fa = xmm0, fb = xmm1;
      if (int p = kinds[1] == 's' ? pin_of(*wa) : 0; is_xmm_pin(p)) fa = xmm_pin(p); else load_float(xmm0, kinds[1], wa, d.w64, true);
      if (int p = kinds[2] == 's' ? pin_of(*wb) : 0; is_xmm_pin(p)) fb = xmm_pin(p); else load_float(xmm1, kinds[2], wb, d.w64, true);
      auto ucom = [&](const Xbyak::Xmm& x, const Xbyak::Xmm& y) {
        const Xbyak::Xmm& rx = x.getIdx() == 0 ? fa : fb;
        const Xbyak::Xmm& ry = y.getIdx() == 0 ? fa : fb;
        if (d.w64) ucomisd(rx, ry); else ucomiss(rx, ry);
      };
      switch (d.op) {  // (add, sub, mul and div: emit_farith_pinned)
        case f_eq:
          ucom(xmm0, xmm1);
          sete(al);
          setnp(cl);
          and_(al, cl);
          movzx(eax, al);
          store_int(o[0], rax);
          return Kind::native;
        case f_ne:
          ucom(xmm0, xmm1);
          setne(al);
          setp(cl);
          or_(al, cl);
          movzx(eax, al);
          store_int(o[0], rax);
          return Kind::native;
        // Unordered sets CF, ZF and PF: `above` (CF=0, ZF=0) and `above or equal` (CF=0) are false.
        case f_lt: ucom(xmm1, xmm0); store_bool(o[0], &Compiler::seta); return Kind::native;
        case f_gt: ucom(xmm0, xmm1); store_bool(o[0], &Compiler::seta); return Kind::native;
        case f_le: ucom(xmm1, xmm0); store_bool(o[0], &Compiler::setae); return Kind::native;
        case f_ge: ucom(xmm0, xmm1); store_bool(o[0], &Compiler::setae); return Kind::native;
        default: break;
      }
      return Kind::exit;
    }
    case Cat::unop:
      return emit_unop(d, handler_info(id).name, ip);
    case Cat::br_cmp: {
      const uint32_t* wb = o + 1;
      const uint32_t* wt = wb + interp::kind_words(kinds[1]);
      Xbyak::Reg a = d.w64 ? Xbyak::Reg(rax) : Xbyak::Reg(eax);
      if (int pa = pin_of(o[0]), pb = kinds[1] == 's' ? pin_of(*wb) : 0;
          pa == 0 && int64_t(o[0]) != cache_in_ && is_gpr_pin(pb)) {
        // a in memory, b in a register: b against a's slot, the condition mirrored.
        static constexpr uint8_t kMirror[] = {i_eq, i_ne, i_gt_s, i_gt_u, i_lt_s, i_lt_u, i_ge_s, i_ge_u, i_le_s, i_le_u};
        if (d.w64) cmp(gpr_pin(pb), slot64(o[0])); else cmp(gpr_pin(pb).cvt32(), slot32(o[0]));
        cond_jump(kMirror[d.op - i_eq], target(pos, int32_t(*wt)));
        rax_untouched(UINT32_MAX);
        return Kind::native;
      } else if (is_gpr_pin(pa)) {
        a = d.w64 ? Xbyak::Reg(gpr_pin(pa)) : Xbyak::Reg(gpr_pin(pa).cvt32());
        rax_untouched(UINT32_MAX);
      } else if (int64_t(o[0]) != cache_in_) {
        load_int(rax, 's', o, d.w64);
      } else {
        rax_untouched(UINT32_MAX);
      }
      if (kinds[1] == 's') {
        int_src(*wb, d.w64, [&](const Xbyak::Operand& b) { cmp(a, b); });
      } else if (kinds[1] == 'i') {
        cmp(a, wb[0]);
      } else {
        load_int(rcx, 'I', wb, true);
        cmp(a, rcx);
      }
      cond_jump(d.op, target(pos, int32_t(*wt)));
      return Kind::native;
    }
    case Cat::load: {
      // dst, address operands..., offset last.
      uint32_t offset = o[kinds.size() - 1];
      static constexpr uint32_t kLoadWidth[] = {4, 8, 1, 1, 2, 2, 4};
      // Into a pinned destination: its register computes the address too (rax is left as it was), unless
      // it is also the index, read after the base.
      int pd0 = pin_of(o[0]);
      bool own = !d.chk && is_gpr_pin(pd0) && !(kinds == "sssio" && o[2] == o[0]);
      Xbyak::RegExp ea = d.chk ? checked_address(o[1], offset, d.op == ld32 && d.to64 ? 4 : kLoadWidth[d.op], pos)
                               : effective_address(kinds, o[1], o + 2, offset, true, own ? gpr_pin(pd0) : rax);
      if (int pd = pin_of(o[0]); is_xmm_pin(pd) && (d.op == ld32 || d.op == ld64) && !(d.op == ld32 && d.to64)) {
        if (d.op == ld64) movsd(xmm_pin(pd), qword[ea]); else movss(xmm_pin(pd), dword[ea]);
        store_float(o[0], xmm_pin(pd), true);
        return d.chk ? Kind::guarded : Kind::native;
      }
      int pd = pin_of(o[0]);
      const Xbyak::Reg64& r = is_gpr_pin(pd) ? gpr_pin(pd) : rax;
      switch (LoadOp(d.op)) {
        case ld32: mov(r.cvt32(), dword[ea]); break;
        case ld64: mov(r, qword[ea]); break;
        case ld8s: if (d.to64) movsx(r, byte[ea]); else movsx(r.cvt32(), byte[ea]); break;
        case ld8u: movzx(r.cvt32(), byte[ea]); break;
        case ld16s: if (d.to64) movsx(r, word[ea]); else movsx(r.cvt32(), word[ea]); break;
        case ld16u: movzx(r.cvt32(), word[ea]); break;
        case ld32s: movsxd(r, dword[ea]); break;
      }
      store_int(o[0], r);
      if (!is_gpr_pin(pd)) keep_rax_as(o[0]); else if (own) rax_untouched(o[0]);
      return d.chk ? Kind::guarded : Kind::native;
    }
    case Cat::store: {
      // address, value, [imm | index, shift,] offset.
      uint32_t offset = o[kinds.size() - 1];
      int pv = pin_of(o[1]);
      // The address in rcx when nothing else needs it there (no index loaded into it, no wide offset):
      // rax then stays as it was, and may itself be the value.
      bool in_rcx = !d.chk && offset <= 0x7fffffffu &&
                    (kinds != "sssio" || ((o[3] & 31) <= 3 && is_gpr_pin(pin_of(o[2]))));
      if (in_rcx) rax_untouched(UINT32_MAX);
      if (is_xmm_pin(pv) && d.op >= 2) {
        Xbyak::RegExp ea = d.chk ? checked_address(o[0], offset, 1u << d.op, pos)
                                 : effective_address(kinds, o[0], o + 2, offset, true, in_rcx ? rcx : rax);
        if (d.op == 3) movsd(qword[ea], xmm_pin(pv)); else movss(dword[ea], xmm_pin(pv));
        return d.chk ? Kind::guarded : Kind::native;
      }
      Xbyak::Reg64 v = rdx;
      if (is_gpr_pin(pv)) {
        v = gpr_pin(pv);
      } else if (in_rcx && pv == 0 && int64_t(o[1]) == cache_in_) {
        v = rax;  // holds the value's 8 bytes
      } else {
        load_int(rdx, 's', o + 1, d.op == 3);
      }
      Xbyak::RegExp ea = d.chk ? checked_address(o[0], offset, 1u << d.op, pos)
                               : effective_address(kinds, o[0], o + 2, offset, true, in_rcx ? rcx : rax);
      switch (d.op) {
        case 0: mov(byte[ea], v.cvt8()); break;
        case 1: mov(word[ea], v.cvt16()); break;
        case 2: mov(dword[ea], v.cvt32()); break;
        default: mov(qword[ea], v); break;
      }
      return d.chk ? Kind::guarded : Kind::native;
    }
    case Cat::trunc:
      return emit_trunc(d, o, pos);
    case Cat::fminmax: {
      const uint32_t* wa = o + 1;
      const uint32_t* wb = wa + interp::kind_words(kinds[1]);
      load_float(xmm0, kinds[1], wa, d.w64);
      load_float(xmm1, kinds[2], wb, d.w64);
      // NaN in: a NaN out (the sum quiets it); equal operands (+0 and -0 included): the sign bits
      // decide (or for min, and for max); otherwise minss/maxss.
      Xbyak::Label nan, differ, done;
      if (d.w64) ucomisd(xmm0, xmm1); else ucomiss(xmm0, xmm1);
      jp(nan);
      jne(differ);
      if (d.op == 0) orps(xmm0, xmm1); else andps(xmm0, xmm1);
      jmp(done);
      L(nan);
      if (d.w64) addsd(xmm0, xmm1); else addss(xmm0, xmm1);
      jmp(done);
      L(differ);
      if (d.w64) {
        if (d.op == 0) minsd(xmm0, xmm1); else maxsd(xmm0, xmm1);
      } else {
        if (d.op == 0) minss(xmm0, xmm1); else maxss(xmm0, xmm1);
      }
      L(done);
      store_float(o[0], xmm0, d.w64);
      return Kind::native;
    }
    case Cat::special:
      return emit_special(id, ip, pos);
    case Cat::cover:
    case Cat::load_x:
    case Cat::store_x:
      return emit_cover(id, d, ip, pos);
    case Cat::simd:
      return emit_simd(id, ip, pos);
  }
  return Kind::exit;
}

Kind Compiler::emit_unop(const Desc& d, std::string_view name, const uint32_t* ip) {
  const uint32_t* o = ip + interp::kHandlerWords;
  uint32_t dst = o[0], src = o[1];
  bool f = name.starts_with("op_f");
  switch (UnOp(d.op)) {
    case u_eqz:
      int_src(src, d.w64, [&](const Xbyak::Operand& a) { cmp(a, 0); });
      store_bool(dst, &Compiler::sete);
      return Kind::native;
    case u_clz:
    case u_ctz:
    case u_popcnt: {
      bool ok = d.op == u_clz ? cpu().has(Xbyak::util::Cpu::tLZCNT)
                : d.op == u_ctz ? cpu().has(Xbyak::util::Cpu::tBMI1) : cpu().has(Xbyak::util::Cpu::tPOPCNT);
      if (!ok) return Kind::exit;
      Xbyak::Reg r = d.w64 ? Xbyak::Reg(rax) : Xbyak::Reg(eax);
      int_src(src, d.w64, [&](const Xbyak::Operand& a) {
        if (d.op == u_clz) lzcnt(r, a); else if (d.op == u_ctz) tzcnt(r, a); else popcnt(r, a);
      });
      store_int(dst, rax, d.w64);
      return Kind::native;
    }
    case u_abs:
    case u_neg:
      if (!f) return Kind::exit;
      load_int(rax, 's', &src, d.w64);
      if (d.w64) {
        if (d.op == u_abs) btr(rax, 63); else btc(rax, 63);
      } else {
        if (d.op == u_abs) and_(eax, 0x7fffffff); else xor_(eax, 0x80000000u);
      }
      store_int(dst, rax, d.w64);
      return Kind::native;
    case u_ceil:
    case u_floor:
    case u_trunc:
    case u_nearest: {
      int mode = (d.op == u_nearest ? 0 : d.op == u_floor ? 1 : d.op == u_ceil ? 2 : 3) | 8;
      float_src(src, d.w64, [&](const Xbyak::Operand& a) {
        if (d.w64) roundsd(xmm0, a, uint8_t(mode)); else roundss(xmm0, a, uint8_t(mode));
      });
      store_float(dst, xmm0, d.w64);
      return Kind::native;
    }
    case u_sqrt:
      float_src(src, d.w64, [&](const Xbyak::Operand& a) {
        if (d.w64) sqrtsd(xmm0, a); else sqrtss(xmm0, a);
      });
      store_float(dst, xmm0, d.w64);
      return Kind::native;
    case u_extend_i32_s:  // i64.extend_i32_s (named on i64)
      int_src(src, false, [&](const Xbyak::Operand& a) { movsxd(rax, a); });
      store_int(dst, rax);
      return Kind::native;
    case u_extend_i32_u:
      load_int(rax, 's', &src, false);
      store_int(dst, rax);
      return Kind::native;
    case u_convert_i32_s:
    case u_convert_i32_u:
    case u_convert_i64_s: {
      // f32/f64.convert_*: the result type is the name's; d.w64 is the result's width here.
      if (d.op == u_convert_i32_s) {
        int_src(src, false, [&](const Xbyak::Operand& a) { movsxd(rax, a); });
      } else {
        load_int(rax, 's', &src, d.op == u_convert_i64_s);
      }
      xorps(xmm0, xmm0);
      if (d.w64) cvtsi2sd(xmm0, rax); else cvtsi2ss(xmm0, rax);
      store_float(dst, xmm0, d.w64);
      return Kind::native;
    }
    case u_convert_i64_u: {
      // Below 2^63 as signed; above, halve keeping the low bit sticky (correct rounding), convert, double.
      Xbyak::Label big, done;
      load_int(rax, 's', &src, true);
      xorps(xmm0, xmm0);
      test(rax, rax);
      js(big);
      if (d.w64) cvtsi2sd(xmm0, rax); else cvtsi2ss(xmm0, rax);
      jmp(done);
      L(big);
      mov(rcx, rax);
      shr(rcx, 1);
      and_(eax, 1);
      or_(rcx, rax);
      if (d.w64) {
        cvtsi2sd(xmm0, rcx);
        addsd(xmm0, xmm0);
      } else {
        cvtsi2ss(xmm0, rcx);
        addss(xmm0, xmm0);
      }
      L(done);
      store_float(dst, xmm0, d.w64);
      return Kind::native;
    }
    case u_demote:
      float_src(src, true, [&](const Xbyak::Operand& a) { cvtsd2ss(xmm0, a); });
      store_float(dst, xmm0, false);
      return Kind::native;
    case u_promote:
      float_src(src, false, [&](const Xbyak::Operand& a) { cvtss2sd(xmm0, a); });
      store_float(dst, xmm0, true);
      return Kind::native;
    case u_extend8_s:
    case u_extend16_s:
    case u_extend32_s:
      sync_slot(src);
      if (d.w64) {
        if (d.op == u_extend8_s) movsx(rax, byte[rbx + src]);
        else if (d.op == u_extend16_s) movsx(rax, word[rbx + src]);
        else movsxd(rax, slot32(src));
      } else {
        if (d.op == u_extend8_s) movsx(eax, byte[rbx + src]);
        else if (d.op == u_extend16_s) movsx(eax, word[rbx + src]);
        else return Kind::exit;
      }
      store_int(dst, rax, d.w64);
      return Kind::native;
    default:
      return Kind::exit;
  }
}

// Truncations: cvtt* gives the answer whenever it is in range; anything else (NaN, out of range, the
// sentinel value itself, u64 results >= 2^63) goes to the interpreter, which traps or saturates exactly.
Kind Compiler::emit_trunc(const Desc& d, const uint32_t* o, uint32_t pos) {
  bool from64 = d.op & kTruncF64, to64 = d.op & kTruncI64, is_unsigned = d.op & kTruncUnsigned;
  Xbyak::Label& fail = slow(pos);
  if (!to64 && !is_unsigned) {
    float_src(o[1], from64, [&](const Xbyak::Operand& src) {
      if (from64) cvttsd2si(eax, src); else cvttss2si(eax, src);
    });
    cmp(eax, 0x80000000u);
    je(fail);
    store_int(o[0], rax);
  } else {
    float_src(o[1], from64, [&](const Xbyak::Operand& src) {
      if (from64) cvttsd2si(rax, src); else cvttss2si(rax, src);
    });
    if (!to64) {  // u32: a 64-bit result in [0, 2^32)
      mov(rcx, rax);
      shr(rcx, 32);
      jnz(fail);
      store_int(o[0], rax);
    } else {  // i64: not the sentinel; u64: below 2^63
      if (is_unsigned) {
        test(rax, rax);
        js(fail);
      } else {
        mov(rcx, uint64_t(1) << 63);
        cmp(rax, rcx);
        je(fail);
      }
      store_int(o[0], rax);
    }
  }
  return Kind::guarded;
}

Kind Compiler::emit_special(HandlerId id, const uint32_t* ip, uint32_t pos) {
  const uint32_t* o = ip + interp::kHandlerWords;
  switch (id) {
    case HandlerId::op_unreachable: case HandlerId::op_throw_xs: case HandlerId::op_throw_ref_s:
    case HandlerId::op_rethrow_s:
      return emit_throw(id, ip, pos);
    case HandlerId::op_copy_ss:
      if (int ps = pin_of(o[1]), pd = pin_of(o[0]); is_xmm_pin(ps) && is_xmm_pin(pd)) {
        store_float(o[0], xmm_pin(ps), true);
        rax_untouched(o[0]);
        return Kind::native;
      }
      // Into a pinned register directly (not through rax).
      if (int ps = pin_of(o[1]), pd = pin_of(o[0]); is_gpr_pin(pd)) {
        if (ps == 0 && int64_t(o[1]) == cache_in_) mov(gpr_pin(pd), rax); else load_int(gpr_pin(pd), 's', o + 1, true);
        store_int(o[0], gpr_pin(pd));
        rax_untouched(o[0]);
        return Kind::native;
      } else if (is_xmm_pin(pd) && ps == 0 && int64_t(o[1]) != cache_in_) {
        movsd(xmm_pin(pd), slot64(o[1]));
        store_float(o[0], xmm_pin(pd), true);
        rax_untouched(o[0]);
        return Kind::native;
      }
      if (int64_t(o[1]) != cache_in_ || is_gpr_pin(pin_of(o[1]))) load_int(rax, 's', o + 1, true);
      store_int(o[0], rax);
      keep_rax_as(o[0]);
      return Kind::native;
    case HandlerId::op_copy2_ssss:  // in order, as the handler
      load_int(rax, 's', o + 1, true);
      store_int(o[0], rax);
      load_int(rcx, 's', o + 3, true);
      store_int(o[2], rcx);
      return Kind::native;
    case HandlerId::op_const32_si:
      if (int p = pin_of(o[0]); is_gpr_pin(p)) {
        if (o[1] == 0) xor_(gpr_pin(p).cvt32(), gpr_pin(p).cvt32()); else mov(gpr_pin(p).cvt32(), o[1]);
        store_int(o[0], gpr_pin(p));
        rax_untouched(o[0]);
        return Kind::native;
      }
      mov(eax, o[1]);
      store_int(o[0], rax);
      keep_rax_as(o[0]);
      return Kind::native;
    case HandlerId::op_const64_sI:
      load_int(rax, 'I', o + 1, true);
      store_int(o[0], rax);
      keep_rax_as(o[0]);
      return Kind::native;
    case HandlerId::op_i32_add_shl_sssi: {
      // dst = a + (b << k) in one 32-bit lea (k <= 3) from the operands' registers when they have them
      // (rax when it holds one), into dst's register when it is pinned.
      uint32_t k = o[3] & 31;
      int pa = pin_of(o[1]), pb = pin_of(o[2]), pd = pin_of(o[0]);
      Xbyak::Reg64 b = rcx;
      if (is_gpr_pin(pb) && k <= 3) b = gpr_pin(pb);
      else if (pb == 0 && int64_t(o[2]) == cache_in_) mov(ecx, eax);
      else load_int(rcx, 's', o + 2, false);
      bool rax_kept = true;
      Xbyak::Reg64 a = rax;
      if (is_gpr_pin(pa)) {
        a = gpr_pin(pa);
      } else if (!(pa == 0 && int64_t(o[1]) == cache_in_)) {
        load_int(rax, 's', o + 1, false);
        rax_kept = false;
      }
      Xbyak::Reg64 r = is_gpr_pin(pd) ? gpr_pin(pd) : rax;
      if (k <= 3) {
        lea(r.cvt32(), ptr[a + b * (1 << k)]);
      } else {
        CodeGenerator::shl(ecx, uint8_t(k));
        lea(r.cvt32(), ptr[a + rcx]);
      }
      store_int(o[0], r);
      if (r.getIdx() == rax.getIdx()) keep_rax_as(o[0]); else if (rax_kept) rax_untouched(o[0]);
      return Kind::native;
    }
    case HandlerId::op_select_ssss:
      // Into the destination's register when it is pinned (and neither b nor the condition), else rax;
      // b straight from its register or slot (cmov reads it whatever the condition).
      if (int pd = pin_of(o[0]); is_gpr_pin(pd) && o[2] != o[0] && o[3] != o[0]) {
        const Xbyak::Reg64& r = gpr_pin(pd);
        if (o[1] != o[0]) {
          if (pin_of(o[1]) == 0 && int64_t(o[1]) == cache_in_) mov(r, rax); else load_int(r, 's', o + 1, true);
        }
        int_src(o[3], false, [&](const Xbyak::Operand& c) { cmp(c, 0); });
        int_src(o[2], true, [&](const Xbyak::Operand& b) { cmove(r, b); });
        store_int(o[0], r);
        rax_untouched(o[0]);
        return Kind::native;
      }
      load_int(rax, 's', o + 1, true);
      int_src(o[3], false, [&](const Xbyak::Operand& c) { cmp(c, 0); });
      int_src(o[2], true, [&](const Xbyak::Operand& b) { cmove(rax, b); });
      store_int(o[0], rax);
      keep_rax_as(o[0]);
      return Kind::native;
    case HandlerId::op_br_b:
      jmp(target(pos, int32_t(o[0])));
      return Kind::native;
    case HandlerId::op_br_if_sb:
      test_zero(o[0], false);
      jne(target(pos, int32_t(o[1])));
      rax_untouched(UINT32_MAX);
      return Kind::native;
    case HandlerId::op_br_unless_sb:
      test_zero(o[0], false);
      je(target(pos, int32_t(o[1])));
      rax_untouched(UINT32_MAX);
      return Kind::native;
    case HandlerId::op_br_on_null_sb:
      test_zero(o[0], true);
      je(target(pos, int32_t(o[1])));
      return Kind::native;
    case HandlerId::op_br_on_non_null_sb:
      test_zero(o[0], true);
      jne(target(pos, int32_t(o[1])));
      return Kind::native;
    case HandlerId::op_br_table_sT: {
      uint32_t count = o[1];
      tables_.push_back(std::make_unique<Table>());
      Table& t = *tables_.back();
      for (uint32_t i = 0; i <= count; ++i)
        t.targets.push_back(uint32_t(index_of[size_t(int64_t(pos) + int32_t(o[2 + i]))]));
      load_int(rax, 's', o, false);
      mov(ecx, count);
      cmp(eax, ecx);
      cmova(eax, ecx);
      lea(rcx, ptr[rip + t.label]);
      movsxd(rax, dword[rcx + rax * 4]);
      CodeGenerator::add(rax, rcx);
      jmp(rax);
      return Kind::native;
    }
    case HandlerId::op_check_i: {
      // The same conditions as the handler; on failure the interpreter runs the check (and traps)
      // before any fuel is taken here.
      uint32_t cost = o[0];
      Xbyak::Label& fail = slow(pos);
      Xbyak::Label no_fuel, no_interrupt, done;
      mov(rax, qword[r15 + kStStore]);
      cmp(byte[rax + kFuelEnabled], 0);
      je(no_fuel);
      mov(ecx, cost);
      cmp(qword[rax + kFuel], rcx);
      jb(fail);
      L(no_fuel);
      cmp(byte[rax + kInterruptChecks], 0);
      je(no_interrupt);
      cmp(byte[rax + kInterrupt], 0);
      jne(fail);
      L(no_interrupt);
      cmp(byte[rax + kFuelEnabled], 0);
      je(done);
      CodeGenerator::sub(qword[rax + kFuel], rcx);
      L(done);
      return Kind::guarded;
    }
    case HandlerId::op_ref_is_null_ss:
      test_zero(o[1], true);
      store_bool(o[0], &Compiler::sete);
      return Kind::native;
    case HandlerId::op_call_xs:
    case HandlerId::op_call_indirect_sxxs:
    case HandlerId::op_call_indirect_t64_sxxs:
    case HandlerId::op_call_ref_ss:
    case HandlerId::op_return_call_xsi:
    case HandlerId::op_return_call_indirect_sxxsi:
    case HandlerId::op_return_call_indirect_t64_sxxsi:
    case HandlerId::op_return_call_ref_ssi:
    case HandlerId::op_return:
      return emit_call(id, ip, pos);
    case HandlerId::op_ref_as_non_null_s:
      test_zero(o[0], true);
      je(slow(pos));
      return Kind::guarded;
    case HandlerId::op_tier_count:  // compiled code counts nothing
      return Kind::native;
    default:
      return Kind::exit;
  }
}

// ---- calls and returns --------------------------------------------------------------------------------
// Calls and returns between compiled functions stay in machine code and follow the interpreter's protocol
// exactly (enter_function, enter_tail and WISP_RETURN in interp/dispatch_body.h): the same checks and
// limits, the same CallFrame with an IR return address, st->func, zeroed locals, instance switches. So the
// call stack is the interpreter's, and exceptions, backtraces and stack exhaustion see no difference. The
// checks come first and change nothing: whenever one fails (a host or untranslated callee, one not
// compiled, a trap to raise, the level's entry frame, an interpreted caller), the instruction is handed
// to the interpreter, which runs it from the start. Registers: rsi the callee, rdx its FuncEntry, rax the
// machine code to jump to, rcx the call stack top; the rest of the frame's registers are given up (the
// instruction after a call is entered from a return: nothing is cached across it).
Kind Compiler::emit_call(HandlerId id, const uint32_t* ip, uint32_t pos) {
  if (!vector_layout_known()) return Kind::exit;
  const uint32_t* o = ip + interp::kHandlerWords;
  if (id == HandlerId::op_return) {
    // One return sequence per function, at its first op_return (they are all alike, and the
    // interpreter runs any of them the same way when it is handed one).
    if (return_emitted_) {
      jmp(return_);
    } else {
      return_emitted_ = true;
      L(return_);
      emit_return(slow(pos));
    }
    return Kind::guarded;
  }
  Xbyak::Label& fail = slow(pos);
  uint32_t ret_pos = pos + handler_info(id).words;
  switch (id) {
    case HandlerId::op_call_xs:
    case HandlerId::op_return_call_xsi: {
      bool tail = id == HandlerId::op_return_call_xsi;
      uint32_t index = o[0];
      if (index == fc_.func_index) {
        self_call(o[1], tail, tail ? o[2] : 0, ret_pos, fail);
        break;
      }
      mov(rax, qword[r15 + kStInst]);
      mov(rax, qword[rax + kInstFuncs]);
      mov(rsi, qword[index_disp(index, 8)]);
      // A function the module defines runs in the caller's instance: not a host function, no switch.
      bool same = calls.defined(index);
      const runtime::FrameLayout* frame = index == fc_.func_index ? &fc_.frame : calls.frame_of(index);
      enter_callee(same, same ? frame : nullptr, o[1], tail, tail ? o[2] : 0, ret_pos, fail);
      break;
    }
    case HandlerId::op_call_indirect_sxxs:
    case HandlerId::op_call_indirect_t64_sxxs:
    case HandlerId::op_return_call_indirect_sxxsi:
    case HandlerId::op_return_call_indirect_t64_sxxsi: {
      bool tail = id == HandlerId::op_return_call_indirect_sxxsi || id == HandlerId::op_return_call_indirect_t64_sxxsi;
      bool t64 = id == HandlerId::op_call_indirect_t64_sxxs || id == HandlerId::op_return_call_indirect_t64_sxxsi;
      callee_from_table(o[0], o[1], o[2], t64, fail);
      enter_callee(false, nullptr, o[3], tail, tail ? o[4] : 0, ret_pos, fail);
      break;
    }
    case HandlerId::op_call_ref_ss:
    case HandlerId::op_return_call_ref_ssi: {
      bool tail = id == HandlerId::op_return_call_ref_ssi;
      mov(rsi, slot64(o[0]));
      test(rsi, rsi);
      jz(fail);  // null: the interpreter traps
      enter_callee(false, nullptr, o[1], tail, tail ? o[2] : 0, ret_pos, fail);
      break;
    }
    default:
      return Kind::exit;
  }
  // The next instruction's code starts here: where returns to this call land.
  if (pushes_frame(id)) L(ret_label(ret_pos));
  return Kind::guarded;
}

// call_indirect's callee into rsi: the table bounds check, null check and type-id compare of the handler
// (a mismatch goes to the interpreter, which also accepts a GC subtype, or traps).
void Compiler::callee_from_table(uint32_t index_slot, uint32_t table, uint32_t type, bool t64, Xbyak::Label& fail) {
  mov(rcx, qword[r15 + kStInst]);
  mov(rax, qword[rcx + kInstTables]);
  mov(rax, qword[index_disp(table, 8)]);
  if (t64) mov(rdx, slot64(index_slot)); else mov(edx, slot32(index_slot));
  mov(rsi, qword[rax + kTableElems]);
  mov(rdi, qword[rax + kTableElems + 8]);
  CodeGenerator::sub(rdi, rsi);
  shr(rdi, 3);
  cmp(rdx, rdi);
  jae(fail);
  mov(rsi, qword[rsi + rdx * 8]);
  test(rsi, rsi);
  jz(fail);
  mov(rax, qword[rcx + kInstTypeIds]);
  mov(eax, dword[index_disp(type, 4)]);
  cmp(eax, dword[rsi + kFuncTypeId]);
  jne(fail);
}

// Enters the callee in rsi: with its frame at slot `args` (a call returning to `ret_pos`), or, for a tail
// call, at this frame's base with the `n_args` argument slots at `args` moved there. `frame`: the callee's
// layout when known at compile time.
void Compiler::enter_callee(bool same_instance, const runtime::FrameLayout* frame, uint32_t args, bool tail,
                            uint32_t n_args, uint32_t ret_pos, Xbyak::Label& fail) {
  if (!same_instance) {
    mov(rdi, qword[rsi + kFuncInstance]);  // kept in rdi for the instance switch below
    test(rdi, rdi);
    je(fail);  // a host function
  }
  mov(rdx, qword[rsi + kFuncEntry]);
  test(rdx, rdx);
  jz(fail);  // not translated yet
  mov(rax, qword[rdx + kEntryNative]);
  test(rax, rax);
  jz(fail);  // not compiled (yet), or not compilable
  // The limits: a call frame, and the callee's frame in the value stack.
  if (!tail) {
    mov(rcx, qword[r15 + kStCs]);
    cmp(rcx, qword[r15 + kStCsLimit]);
    je(fail);
  }
  uint32_t nfp = tail ? 0 : args;
  if (frame != nullptr && uint64_t(nfp) + frame->frame_bytes() <= INT32_MAX) {
    lea(r8, ptr[rbx + int32_t(nfp + frame->frame_bytes())]);
  } else {
    mov(r8d, dword[rdx + kEntrySlots]);
    lea(r8, ptr[rbx + r8 * 8 + nfp]);
  }
  cmp(r8, qword[r15 + kStStackLimit]);
  ja(fail);
  // Committed: nothing fails from here.
  if (!tail) {
    lea(r8, ptr[r13 + int32_t(ret_pos * 4)]);
    mov(qword[rcx + kFrameRet], r8);
    mov(qword[rcx + kFrameFp], rbx);
    mov(r8, qword[r15 + kStFunc]);
    mov(qword[rcx + kFrameFunc], r8);
    CodeGenerator::add(qword[r15 + kStCs], int32_t(sizeof(interp::CallFrame)));
  } else {
    move_args(args, n_args);
  }
  mov(qword[r15 + kStFunc], rsi);
  // The callee zeroes its declared locals (at NativeCode::entry).
  if (!same_instance) switch_instance_to(rdi);
  if (!tail) lea(rbx, ptr[rbx + args]);
  mov(r13, qword[rdx + kEntryIr]);
  jmp(rax);
}

// A call of the function itself: the callee is the running function (st->func, unchanged), compiled (this
// code), in this instance, with this frame layout and IR; its code starts at the first instruction. A tail
// call needs no stack check: the frame stays where it is, and it fitted.
void Compiler::self_call(uint32_t args, bool tail, uint32_t n_args, uint32_t ret_pos, Xbyak::Label& fail) {
  const runtime::FrameLayout& frame = fc_.frame;
  if (tail) {
    move_args(args, n_args);
  } else {
    mov(rcx, qword[r15 + kStCs]);
    cmp(rcx, qword[r15 + kStCsLimit]);
    je(fail);
    if (uint64_t(args) + frame.frame_bytes() <= INT32_MAX) {
      lea(r8, ptr[rbx + int32_t(args + frame.frame_bytes())]);
    } else {
      mov(r8, frame.frame_bytes());
      lea(r8, ptr[rbx + r8 + args]);
    }
    cmp(r8, qword[r15 + kStStackLimit]);
    ja(fail);
    lea(r8, ptr[r13 + int32_t(ret_pos * 4)]);
    mov(qword[rcx + kFrameRet], r8);
    mov(qword[rcx + kFrameFp], rbx);
    mov(r8, qword[r15 + kStFunc]);
    mov(qword[rcx + kFrameFunc], r8);
    CodeGenerator::add(qword[r15 + kStCs], int32_t(sizeof(interp::CallFrame)));
  }
  if (!tail) lea(rbx, ptr[rbx + args]);
  jmp(self_entry_);  // zeroes the locals
}

// A tail call's `n_args` argument slots at `args` to the frame base: a forward copy (they lie above it).
void Compiler::move_args(uint32_t args, uint32_t n_args) {
  if (n_args <= 16) {
    for (uint32_t k = 0; k < n_args; ++k) {
      mov(r8, slot64(args + 8 * k));
      mov(slot64(8 * k), r8);
    }
    return;
  }
  Xbyak::Label copy;
  xor_(ecx, ecx);
  L(copy);
  mov(r8, qword[rbx + rcx * 8 + args]);
  mov(qword[rbx + rcx * 8], r8);
  inc(ecx);
  cmp(ecx, n_args);
  jb(copy);
}

// At the call entry (NativeCode::entry): zeroes the declared locals that the function may read before it
// writes them. The straight-line code from the first instruction is scanned: a local whose first access
// there is a write by an instruction that always writes its whole slot needs no zeroing (fib's first
// instruction sets its local). Calls from machine code come here (the caller zeroes nothing); the
// interpreter zeroes before it enters at native_at[0], which is after this.
void Compiler::zero_entry_locals() {
  const runtime::FrameLayout& frame = fc_.frame;
  uint32_t params = frame.num_params, locals = frame.num_locals;
  if (locals == 0) return;
  std::vector<bool> zero(locals, true), seen(locals, false);
  auto local = [&](uint32_t off) -> int64_t {
    if (off % 8 != 0 || off / 8 < params || off / 8 - params >= locals) return -1;
    return int64_t(off / 8 - params);
  };
  const std::vector<Desc>& table = descs();
  for (size_t i = 0; i < starts.size(); ++i) {
    std::optional<HandlerId> id = id_at(i);
    if (!id) break;
    const Desc& d = table[size_t(*id)];
    std::string_view k = handler_info(*id).kinds;
    bool bin = k == "sss" || k == "ssi" || k == "sis" || k == "ssI" || k == "sIs";
    bool writes = *id == HandlerId::op_const32_si || *id == HandlerId::op_const64_sI || *id == HandlerId::op_copy_ss ||
                  ((d.cat == Cat::ibin || d.cat == Cat::fbin) && bin) || (d.cat == Cat::unop && k == "ss");
    if (!writes) break;
    const uint32_t* o = ir_ + starts[i] + interp::kHandlerWords;
    // Sources first (an operand may be the destination too), then the destination o[0].
    for (size_t j = 1; j < k.size(); ++j)
      if (k[j] == 's')
        if (int64_t l = local(o[j]); l >= 0) seen[size_t(l)] = true;
    if (int64_t l = local(o[0]); l >= 0 && !seen[size_t(l)]) {
      seen[size_t(l)] = true;
      zero[size_t(l)] = false;
    }
  }
  std::vector<uint32_t> offs;  // byte offsets of the slots to zero
  for (uint32_t l = 0; l < locals; ++l)
    if (zero[l]) offs.push_back((params + l) * 8);
  if (offs.empty()) return;
  if (offs.size() <= 16 && uint64_t(offs.back()) + 8 <= INT32_MAX) {
    // 8-byte stores (a 16-byte one would often straddle cache lines, frames being 8-byte aligned, and
    // the slots' 8-byte loads that follow may not forward from it).
    xor_(r8d, r8d);
    for (uint32_t off : offs) mov(qword[rbx + off], r8);
    return;
  }
  Xbyak::Label loop;
  xor_(r8d, r8d);
  mov(ecx, params);
  lea(rdi, ptr[rbx + rcx * 8]);
  mov(ecx, locals);
  L(loop);
  mov(qword[rdi], r8);
  CodeGenerator::add(rdi, 8);
  dec(ecx);
  jnz(loop);
}

// Makes `inst` (not rcx) the running instance when it is not already, with its memory 0 (st->mem0, r14).
void Compiler::switch_instance_to(const Xbyak::Reg64& inst) {
  Xbyak::Label same;
  cmp(inst, qword[r15 + kStInst]);
  je(same);
  mov(qword[r15 + kStInst], inst);
  mov(rcx, qword[inst + kInstMem0]);
  mov(qword[r15 + kStMem0], rcx);
  xor_(r14d, r14d);
  test(rcx, rcx);
  jz(same);
  mov(r14, qword[rcx + kMemBase]);
  L(same);
}

// op_return: pops the call stack's top entry and jumps to the caller's code at the return position when
// the caller is compiled (the instruction's offset from native_at); otherwise the interpreter returns.
void Compiler::emit_return(Xbyak::Label& fail) {
  constexpr int32_t kTop = -int32_t(sizeof(interp::CallFrame));
  // In a recursive function (one that calls itself directly), a return to this same function (the caller
  // is the running function: the same instance, IR and code) from one of its few calls: compares the
  // return address with theirs and jumps to the code after the call. The caller is the running function
  // when the return address is this IR's, checked (st->func) unless the address is that of a direct call
  // of the function itself (`call #self`, which calls the caller itself) and the function makes no other
  // tail call than of itself: then the frame's callee is the caller, and only it returns there.
  std::vector<uint32_t> self_rets, other_rets;
  bool recursive = false, foreign_tail = false;
  for (uint32_t start : starts) {
    std::optional<HandlerId> id = interp::handler_from_word(load_word(ir_ + start));
    if (!id) continue;
    bool self = (id == HandlerId::op_call_xs || id == HandlerId::op_return_call_xsi) &&
                ir_[start + interp::kHandlerWords] == fc_.func_index;
    if (pushes_frame(*id)) (self ? self_rets : other_rets).push_back(start + handler_info(*id).words);
    if (id == HandlerId::op_call_xs && self) recursive = true;
    if (handler_info(*id).name.starts_with("op_return_call") && !self) foreign_tail = true;
  }
  if (!recursive || self_rets.size() + other_rets.size() > 4) {
    self_rets.clear();
    other_rets.clear();
  }
  if (foreign_tail) {
    other_rets.insert(other_rets.end(), self_rets.begin(), self_rets.end());
    self_rets.clear();
  }
  auto pop_to = [&](uint32_t ret) {
    mov(rbx, qword[rcx + kTop + kFrameFp]);
    CodeGenerator::sub(qword[r15 + kStCs], int32_t(sizeof(interp::CallFrame)));
    jmp(ret_label(ret));
  };
  Xbyak::Label general;
  mov(rcx, qword[r15 + kStCs]);
  if (self_rets.size() == 1 && other_rets.empty()) {
    lea(r8, ptr[r13 + int32_t(self_rets[0] * 4)]);
    cmp(qword[rcx + kTop + kFrameRet], r8);
    jne(general);
    pop_to(self_rets[0]);
    L(general);
    mov(rsi, qword[rcx + kTop + kFrameFunc]);
    mov(rdi, qword[rcx + kTop + kFrameRet]);
  } else {
    mov(rsi, qword[rcx + kTop + kFrameFunc]);
    mov(rdi, qword[rcx + kTop + kFrameRet]);
    for (uint32_t ret : self_rets) {
      Xbyak::Label next;
      lea(r8, ptr[r13 + int32_t(ret * 4)]);
      cmp(rdi, r8);
      jne(next);
      pop_to(ret);
      L(next);
    }
    if (!other_rets.empty()) {
      cmp(rsi, qword[r15 + kStFunc]);
      jne(general);
      for (uint32_t ret : other_rets) {
        Xbyak::Label next;
        lea(r8, ptr[r13 + int32_t(ret * 4)]);
        cmp(rdi, r8);
        jne(next);
        pop_to(ret);
        L(next);
      }
    }
    L(general);
  }
  test(rsi, rsi);
  jz(fail);  // this level's entry frame
  test(dil, 1);
  jnz(fail);  // a native return address (ReturnAddress)
  mov(rdx, qword[rsi + kFuncEntry]);
  cmp(qword[rdx + kEntryNative], 0);
  je(fail);  // not compiled (then jit_data is null or not compilable's)
  mov(rax, qword[rdx + kCodeJitData]);
  mov(r13, qword[rdx + kEntryIr]);
  // native_at has one 4-byte entry per 4-byte IR word: at_from_ir turns the return address into its entry.
  mov(r8, qword[rax + kNativeAtFromIr]);
  mov(edi, dword[r8 + rdi]);
  CodeGenerator::add(rdi, qword[rax + kNativeBase]);
  mov(rbx, qword[rcx + kTop + kFrameFp]);
  CodeGenerator::sub(qword[r15 + kStCs], int32_t(sizeof(interp::CallFrame)));
  mov(qword[r15 + kStFunc], rsi);
  mov(rax, qword[rsi + kFuncInstance]);
  switch_instance_to(rax);
  jmp(rdi);
}

// The emitters that read and write slots through the accessors above (pinned registers included) and
// use no caller-saved register but rax, rcx, rdx, xmm0 and xmm1 (helper calls reload the pins).
bool Compiler::register_aware(HandlerId id, const Desc& d) {
  switch (d.cat) {
    case Cat::ibin: case Cat::idiv: case Cat::fbin: case Cat::unop: case Cat::br_cmp: case Cat::load:
    case Cat::store: case Cat::trunc: case Cat::fminmax:
      return true;
    case Cat::special:
      break;
    default:
      return false;
  }
  switch (id) {
    case HandlerId::op_copy_ss: case HandlerId::op_copy2_ssss: case HandlerId::op_const32_si:
    case HandlerId::op_const64_sI: case HandlerId::op_i32_add_shl_sssi: case HandlerId::op_select_ssss:
    case HandlerId::op_br_b: case HandlerId::op_br_if_sb: case HandlerId::op_br_unless_sb:
    case HandlerId::op_br_table_sT: case HandlerId::op_check_i:
    case HandlerId::op_ref_is_null_ss: case HandlerId::op_ref_as_non_null_s:
    case HandlerId::op_br_on_null_sb: case HandlerId::op_br_on_non_null_sb: case HandlerId::op_tier_count:
    case HandlerId::op_unreachable:
      return true;
    default:
      return false;
  }
}

// Picks the slots to pin (see the top of the file): params and declared locals that only register-aware
// emitters access, by uses weighted 8x per loop level (loops: the ranges of backward branches), each
// worth more than the moves its register costs (a store before and a load after every call and every
// hand-over; a store before every instruction that is not register-aware, and a load after it for
// caller-saved registers).
void Compiler::choose_pins() {
  uint32_t nlocal = fc_.frame.frame_slots;  // params, locals and temporaries
  if (nlocal == 0) return;
  size_t n = starts.size();
  const std::vector<Desc>& table = descs();
  const std::vector<IdFlags>& flags = id_flags();
  std::vector<int32_t> loop_diff(n + 1, 0);
  for (size_t i = 0; i < n; ++i) {
    std::optional<HandlerId> id = id_at(i);
    if (!id || !flags[size_t(*id)].branches) continue;
    interp::for_each_operand(ir_ + starts[i], handler_info(*id).kinds, [&](char kind, const uint32_t* w) {
      auto note = [&](int32_t rel) {
        int64_t t = int64_t(starts[i]) + rel;
        if (t < 0 || size_t(t) > n_ || index_of[size_t(t)] < 0 || size_t(index_of[size_t(t)]) > i) return;
        ++loop_diff[size_t(index_of[size_t(t)])];
        --loop_diff[i + 1];
      };
      if (kind == 'b') note(int32_t(*w));
      if (kind == 'T')
        for (uint32_t k = 0; k <= w[0]; ++k) note(int32_t(w[1 + k]));
    });
  }
  // Straight-line functions are pinned too (the weights are then plain use counts): clang unrolls small
  // loops (CoreMark's crcu16 is 112 IR instructions with no branch), and their temporaries would otherwise
  // make a store and a load each.
  std::vector<uint64_t> w_int(nlocal, 0), w_float(nlocal, 0), w_any(nlocal, 0);
  std::vector<bool> banned(nlocal, false);
  uint64_t unaware_weight = 0, call_weight = 0, exit_weight = 0;
  bool any_wide = false;  // without v128 instructions, xmm15 (their cache) is a pin too
  int32_t depth = 0;
  for (size_t i = 0; i < n; ++i) {
    depth += loop_diff[i];
    uint64_t w = uint64_t(1) << (3 * std::clamp(depth, 0, 6));
    std::optional<HandlerId> id = id_at(i);
    if (!id) continue;
    const Desc& d = table[size_t(*id)];
    if (d.cat == Cat::exit) {  // handed over (slots named there need nothing): a spill and a reload
      exit_weight += 2 * w;
      continue;
    }
    bool aware = register_aware(*id, d);
    if (!aware) unaware_weight += w;
    bool call_like = flags[size_t(*id)].call_like;
    if (call_like) call_weight += 2 * w;  // a store before, a load after
    // Only v128 instructions name 16-byte operands (the SIMD ones, and GC accesses of v128 fields): the
    // slot after any other's operand is not touched (banning it kept e.g. the temporary after a
    // global.get's result out of registers in whole functions).
    bool wide = d.cat == Cat::simd || handler_info(*id).name.find("v128") != std::string_view::npos;
    any_wide = any_wide || wide;
    bool f = flags[size_t(*id)].float_name;
    // Which operands (by index) hold floats, as the emitter reads them; copies count for either class.
    auto float_operand = [&](int k) {
      switch (d.cat) {
        case Cat::fbin: return d.op != f_copysign && (k > 0 || d.op <= f_div);
        case Cat::fminmax: return true;
        case Cat::unop: return f && (k == 0 || (d.op != u_convert_i32_s && d.op != u_convert_i32_u &&
                                                d.op != u_convert_i64_s && d.op != u_convert_i64_u));
        case Cat::trunc: return k == 1;
        case Cat::load: return f && k == 0;
        case Cat::store: return f && k == 1;
        default: return false;
      }
    };
    bool neutral = *id == HandlerId::op_copy_ss || *id == HandlerId::op_copy2_ssss || *id == HandlerId::op_select_ssss;
    int k = 0;
    interp::for_each_operand(ir_ + starts[i], handler_info(*id).kinds, [&](char kind, const uint32_t* wp) {
      if (kind == 's' && *wp % 8 == 0 && *wp / 8 < nlocal) {
        uint32_t slot = *wp / 8;
        if (!aware) {  // and the next slot when a v128 may be written there (a call's results: reloaded after it)
          banned[slot] = true;
          if (slot + 1 < nlocal && wide) banned[slot + 1] = true;
        }
        else if (neutral && k != 3) w_any[slot] += w;
        else if (float_operand(k)) w_float[slot] += w;
        else w_int[slot] += w;
      }
      ++k;
    });
  }
  struct Cand {
    uint64_t weight;
    uint32_t slot;
    bool is_float;
  };
  std::vector<Cand> cands;
  for (uint32_t slot = 0; slot < nlocal; ++slot) {
    uint64_t total = w_int[slot] + w_float[slot] + w_any[slot];
    if (!banned[slot] && total >= 2) cands.push_back({total, slot, w_float[slot] > w_int[slot]});
  }
  std::sort(cands.begin(), cands.end(), [](const Cand& a, const Cand& b) {
    return a.weight != b.weight ? a.weight > b.weight : a.slot < b.slot;
  });
  pin_.assign(nlocal, 0);
  int next_gpr = 0, next_xmm = 0;
  for (const Cand& c : cands) {
    int p = 0;
    // Costs: a store before and a load after each hand-over and call; a store before each non-aware
    // instruction and, for caller-saved registers, a load after.
    uint64_t cost = exit_weight + call_weight + unaware_weight;
    if (c.is_float) {
      if (next_xmm < kNumXmmPins + (any_wide ? 0 : 1) && c.weight > cost + unaware_weight) p = kFirstXmmPin + next_xmm++;
    } else if (next_gpr < kNumGprPins) {
      bool callee_saved = next_gpr < kNumCalleeSavedPins;
      if (c.weight > cost + (callee_saved ? 0 : unaware_weight)) p = 1 + next_gpr++;
    }
    if (p == 0) continue;
    pin_[c.slot] = int8_t(p);
    pins_.emplace_back(c.slot * 8, int8_t(p));
  }
}

// ---- tables, bulk memory, memory.size/grow, other memories, GC, globals ------------------------------

// ---- unreachable, throw, throw_ref, rethrow ------------------------------------------------------------

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
constexpr int32_t kStTrap = int32_t(offsetof(interp::ExecState, trap));
constexpr int32_t kStTrapIp = int32_t(offsetof(interp::ExecState, trap_ip));
#pragma GCC diagnostic pop
static_assert(sizeof(interp::TrapCode) == 1 && sizeof(ThrowOut) == 24);

// unreachable sets the trap as its handler does and leaves at an op_exit (no slot is read: register-aware,
// nothing spilled). The throws call their helper (land_after_throw), which unwinds; then machine code goes
// on at the landing when that function is compiled, or hands over to the interpreter there (or at the
// op_exit after a trap or an exception leaving this level).
Kind Compiler::emit_throw(HandlerId id, const uint32_t* ip, uint32_t pos) {
  (void)ip;
  if (id == HandlerId::op_unreachable) {
    mov(byte[r15 + kStTrap], uint8_t(interp::TrapCode::unreachable));
    lea(rax, ptr[r13 + int32_t(pos * 4)]);
    mov(qword[r15 + kStTrapIp], rax);
    jmp(trap_exit_);
    trap_exit_used_ = true;
    return Kind::native;
  }
  const void* fn = id == HandlerId::op_throw_xs     ? reinterpret_cast<const void*>(&throw_tag)
                   : id == HandlerId::op_throw_ref_s ? reinterpret_cast<const void*>(&throw_ref)
                                                     : reinterpret_cast<const void*>(&rethrow);
  CodeGenerator::sub(rsp, 32);  // the ThrowOut (32 bytes: calls stay 16-byte aligned)
  mov(rdi, r15);
  mov(rsi, rbx);
  lea(rdx, ptr[r13 + int32_t(pos * 4)]);
  mov(rcx, rsp);
  call_helper(fn);
  mov(rbx, qword[rsp + 8]);
  mov(rcx, qword[rsp]);
  mov(r13, qword[rsp + 16]);
  CodeGenerator::add(rsp, 32);
  Xbyak::Label native;
  test(rax, rax);
  jnz(native);
  mov(rax, rcx);  // the interpreter goes on there (the landing, or an op_exit)
  jmp(epilogue_);
  L(native);
  mov(r8, rax);
  reload_mem0();  // the landing's instance may be another
  jmp(r8);
  return Kind::native;
}

void Compiler::emit_trap_exit() {
  if (!trap_exit_used_) return;
  L(trap_exit_);
  mov(rax, qword[r15 + kStStacks]);
  mov(rax, qword[rax + kStacksExitIr]);
  jmp(epilogue_);
}

// Memory 0's base into r14 again (after memory.grow, which may move an unguarded memory).
void Compiler::reload_mem0() {
  Xbyak::Label no_memory;
  mov(rcx, qword[r15 + kStMem0]);
  xor_(r14d, r14d);
  test(rcx, rcx);
  jz(no_memory);
  mov(r14, qword[rcx + kMemBase]);
  L(no_memory);
}

Kind Compiler::emit_cover(HandlerId id, const Desc& d, const uint32_t* ip, uint32_t pos) {
  const uint32_t* o = ip + interp::kHandlerWords;
  if (d.cat == Cat::load_x || d.cat == Cat::store_x) return emit_mem_x(d, o, pos);
  if (id == HandlerId::op_struct_new_sIs) {
    if (Kind k = emit_struct_new(o, pos); k != Kind::exit) return k;
  }
  if (OpHelper fn = op_helpers()[size_t(id)]; fn != nullptr) {
    mov(rdi, r15);
    mov(rsi, rbx);
    lea(rdx, ptr[r13 + int32_t(pos * 4)]);
    call_helper(reinterpret_cast<const void*>(fn));
    test(al, al);
    jz(trap_exit_);
    trap_exit_used_ = true;
    if (id == HandlerId::op_memory_grow_ss || id == HandlerId::op_memory_grow_ssx ||
        id == HandlerId::op_memory_grow_m64_ssx)
      reload_mem0();
    return Kind::native;
  }
  std::string_view name = handler_info(id).name;
  bool arrays_inline = vector_data_first();
  switch (id) {
    case HandlerId::op_global_get_sx:
      if (!arrays_inline || o[1] > INT32_MAX / 8) {
        mov(rdi, r15);
        mov(esi, o[1]);
        call_helper(reinterpret_cast<const void*>(&global_get));
        mov(slot64(o[0]), rax);
        return Kind::native;
      }
      mov(rax, qword[r15 + kStInst]);
      mov(rax, qword[rax + kInstGlobals]);
      mov(rax, qword[rax + int32_t(o[1] * 8)]);
      mov(rax, qword[rax + kGlobalValue]);
      mov(slot64(o[0]), rax);
      keep_rax_as(o[0]);
      return Kind::native;
    case HandlerId::op_global_set_xs:
      if (!arrays_inline || o[0] > INT32_MAX / 8) {
        mov(rdi, r15);
        mov(esi, o[0]);
        mov(rdx, slot64(o[1]));
        call_helper(reinterpret_cast<const void*>(&global_set));
        return Kind::native;
      }
      // Value::from_i64: the 8 bytes, the rest of the 16 zero.
      mov(rax, qword[r15 + kStInst]);
      mov(rax, qword[rax + kInstGlobals]);
      mov(rax, qword[rax + int32_t(o[0] * 8)]);
      mov(rcx, slot64(o[1]));
      mov(qword[rax + kGlobalValue], rcx);
      mov(qword[rax + kGlobalValue + 8], 0);
      return Kind::native;
    case HandlerId::op_ref_func_sx:
      if (!arrays_inline || o[1] > INT32_MAX / 8) return Kind::exit;
      mov(rax, qword[r15 + kStInst]);
      mov(rax, qword[rax + kInstFuncs]);
      mov(rax, qword[rax + int32_t(o[1] * 8)]);
      mov(slot64(o[0]), rax);
      return Kind::native;
    case HandlerId::op_memory_size_s:
      mov(rax, qword[r15 + kStMem0]);
      mov(rax, qword[rax + kMemSize]);
      CodeGenerator::shr(rax, 16);
      mov(slot64(o[0]), rax);
      return Kind::native;
    case HandlerId::op_array_len_ss:
      mov(rax, slot64(o[1]));
      test(rax, rax);
      jz(slow(pos));
      mov(eax, dword[rax + kObjLength]);
      mov(slot64(o[0]), rax);
      return Kind::guarded;
    case HandlerId::op_ref_i31_ss:
      mov(eax, slot32(o[1]));
      and_(eax, 0x7fffffff);
      lea(rax, ptr[rax + rax + 1]);
      mov(slot64(o[0]), rax);
      return Kind::native;
    case HandlerId::op_i31_get_s_ss:
    case HandlerId::op_i31_get_u_ss:
      // The low 32 bits hold the value shifted left by one (gc::i31_bits).
      mov(rax, slot64(o[1]));
      test(rax, rax);
      jz(slow(pos));
      if (id == HandlerId::op_i31_get_s_ss) sar(eax, 1); else CodeGenerator::shr(eax, 1);
      mov(slot64(o[0]), rax);
      return Kind::guarded;
    case HandlerId::op_ref_eq_sss:
      mov(rax, slot64(o[1]));
      cmp(rax, slot64(o[2]));
      store_bool(o[0], &Compiler::sete);
      return Kind::native;
    case HandlerId::op_ref_test_ssii:
    case HandlerId::op_ref_cast_sii:
    case HandlerId::op_br_on_cast_sbii:
    case HandlerId::op_br_on_cast_fail_sbii: {
      // Operands: ref.test dst, ref, heap, flags; ref.cast ref, heap, flags; br_on_cast* ref, branch, heap, flags.
      bool test_op = id == HandlerId::op_ref_test_ssii, cast = id == HandlerId::op_ref_cast_sii;
      const uint32_t* w = test_op ? o + 1 : o;  // the reference, then (casts) heap type and flags
      const uint32_t* type = test_op || cast ? w + 1 : w + 2;
      ref_test_inline(w[0], type[0], type[1]);
      if (test_op) {
        mov(slot64(o[0]), rax);
        return Kind::native;
      }
      test(eax, eax);
      if (cast) {
        jz(slow(pos));
        return Kind::guarded;
      }
      if (id == HandlerId::op_br_on_cast_sbii) jnz(target(pos, int32_t(w[1]))); else jz(target(pos, int32_t(w[1])));
      return Kind::native;
    }
    default:
      break;
  }
  if (name.starts_with("op_struct_") || name.starts_with("op_array_")) return emit_gc_access(name, o, pos);
  return Kind::exit;
}

// struct.new: the allocation (which may collect) by gc_struct_new, then the fields copied from their
// argument slots by the site's layout, known here. At the heap limit it hands over: the interpreter runs
// the instruction again and traps (or succeeds, should a collection have freed enough meanwhile).
Kind Compiler::emit_struct_new(const uint32_t* o, uint32_t pos) {
  uint64_t site_bits = uint64_t(o[1]) | uint64_t(o[2]) << 32;
  const auto* site = reinterpret_cast<const interp::GcStructSite*>(site_bits);
  const gc::StructLayout& l = site->layout;
  if (l.storage.size() > 32) return Kind::exit;  // the OpHelper's loop instead
  mov(rdi, r15);
  mov(rsi, site_bits);
  xor_(edx, edx);
  mov(rcx, rbx);
  call_helper(reinterpret_cast<const void*>(&interp::gc_struct_new));
  test(rax, rax);
  jz(slow(pos));
  for (size_t i = 0; i < l.storage.size(); ++i) {
    Xbyak::RegExp src = rbx + int32_t(o[3] + site->arg_offsets[i]);
    Xbyak::RegExp at = rax + int32_t(kObjPayload + l.offsets[i]);
    switch (gc::storage_size(l.storage[i])) {
      case 1: mov(cl, byte[src]); mov(byte[at], cl); break;
      case 2: mov(cx, word[src]); mov(word[at], cx); break;
      case 4: mov(ecx, dword[src]); mov(dword[at], ecx); break;
      case 8: mov(rcx, qword[src]); mov(qword[at], rcx); break;
      default: movdqu(xmm0, ptr[src]); movdqu(ptr[at], xmm0); break;
    }
  }
  mov(slot64(o[0]), rax);
  return Kind::guarded;
}

// ref.test and the casts: eax = whether the reference in `ref_slot` is in heap type `heap` (GcCastFlags
// `flags`), as gc_ref_test decides: inline for null, abstract types and an exact type match, the
// helper for the rest (a declared subtype: the supertype display).
void Compiler::ref_test_inline(uint32_t ref_slot, uint32_t heap, uint32_t flags) {
  using wasm::HeapKind;
  Xbyak::Label yes, no, call, done;
  mov(rax, slot64(ref_slot));
  test(rax, rax);
  jz(flags & interp::kCastNullable ? yes : no);
  if (wasm::is_abstract_heap(heap)) {
    switch (HeapKind(heap)) {
      case HeapKind::any:
      case HeapKind::func:
      case HeapKind::extern_:
      case HeapKind::exn: jmp(yes); break;
      case HeapKind::none:
      case HeapKind::nofunc:
      case HeapKind::noextern:
      case HeapKind::noexn: jmp(no); break;
      case HeapKind::i31:
        test(al, 1);
        jnz(yes);
        jmp(no);
        break;
      case HeapKind::eq:  // i31, struct or array
        test(al, 1);
        jnz(yes);
        cmp(byte[rax + kObjKind], uint8_t(gc::ObjKind::Array));
        jbe(yes);
        jmp(no);
        break;
      case HeapKind::struct_:
      case HeapKind::array:
        test(al, 1);
        jnz(no);
        cmp(byte[rax + kObjKind], uint8_t(HeapKind(heap) == HeapKind::struct_ ? gc::ObjKind::Struct : gc::ObjKind::Array));
        je(yes);
        jmp(no);
        break;
      default:
        jmp(call);
        break;
    }
  } else {
    bool exact = vector_data_first() && heap <= uint32_t(INT32_MAX / 4);
    if (flags & interp::kCastFuncs) {
      if (exact) mov(ecx, dword[rax + kFuncTypeId]);
    } else {
      test(al, 1);
      jnz(no);
      cmp(byte[rax + kObjKind], uint8_t(gc::ObjKind::Array));  // structs and arrays have type ids
      ja(no);
      if (exact) mov(ecx, dword[rax + kObjTypeId]);
    }
    if (exact) {  // the canonical id of the running module's type `heap`
      mov(rdx, qword[r15 + kStInst]);
      mov(rdx, qword[rdx + kInstTypeIds]);
      cmp(ecx, dword[rdx + int32_t(heap * 4)]);
      je(yes);
    }
  }
  L(call);
  mov(rdi, r15);
  mov(rsi, rax);
  mov(edx, heap);
  mov(ecx, flags);
  call_helper(reinterpret_cast<const void*>(&ops::ref_test));
  movzx(eax, al);
  jmp(done);
  L(yes);
  mov(eax, 1);
  jmp(done);
  L(no);
  xor_(eax, eax);
  L(done);
}

// struct.get/set and array.get/set: a null reference (or an index out of bounds) hands over, and the
// interpreter traps with the handler's message and site. Fields and elements at their payload offsets.
Kind Compiler::emit_gc_access(std::string_view name, const uint32_t* o, uint32_t pos) {
  bool is_struct = name.starts_with("op_struct_");
  name.remove_prefix(is_struct ? 10 : 9);
  bool get = name.starts_with("get_");
  if (!get && !name.starts_with("set_")) return Kind::exit;
  name.remove_prefix(4);
  name.remove_suffix(4);  // _ssi / _sss
  // Element size and, for gets, the load.
  uint32_t size = 0;
  int load = -1;  // LoadOp, or -1 for v128
  if (get) {
    struct G { std::string_view n; uint32_t size; int load; };
    static constexpr G kGets[] = {{"i32", 4, ld32},  {"i64", 8, ld64},   {"i8_s", 1, ld8s}, {"i8_u", 1, ld8u},
                                  {"i16_s", 2, ld16s}, {"i16_u", 2, ld16u}, {"v128", 16, -1}};
    for (const G& g : kGets)
      if (g.n == name) {
        size = g.size;
        load = g.load;
      }
  } else {
    for (uint32_t n : {1u, 2u, 4u, 8u, 16u})
      if (name == std::to_string(n)) size = n;
  }
  if (size == 0) return Kind::exit;
  // Operands: struct.get dst, obj, offset; struct.set obj, value, offset; array.get dst, arr, index;
  // array.set arr, index, value.
  uint32_t ref = get ? o[1] : o[0];
  Xbyak::Label& fail = slow(pos);
  mov(rax, slot64(ref));
  test(rax, rax);
  jz(fail);
  Xbyak::RegExp at = rax + kObjPayload;
  if (is_struct) {
    if (o[2] > uint32_t(INT32_MAX - kObjPayload)) return Kind::exit;
    at = rax + int32_t(kObjPayload + o[2]);
  } else {
    mov(ecx, slot32(get ? o[2] : o[1]));
    cmp(ecx, dword[rax + kObjLength]);
    jae(fail);
    if (size == 16) {
      CodeGenerator::shl(rcx, 4);
      at = rax + rcx + kObjPayload;
    } else {
      at = rax + rcx * int(size) + kObjPayload;
    }
  }
  if (get) {
    if (load < 0) {
      movdqu(xmm0, ptr[at]);
      movdqu(ptr[rbx + o[0]], xmm0);
      return Kind::guarded;
    }
    switch (LoadOp(load)) {
      case ld32: mov(eax, dword[at]); break;
      case ld64: mov(rax, qword[at]); break;
      case ld8s: movsx(eax, byte[at]); break;
      case ld8u: movzx(eax, byte[at]); break;
      case ld16s: movsx(eax, word[at]); break;
      case ld16u: movzx(eax, word[at]); break;
      case ld32s: movsxd(rax, dword[at]); break;
    }
    store_int(o[0], rax, true);
    keep_rax_as(o[0]);
    return Kind::guarded;
  }
  uint32_t value = is_struct ? o[1] : o[2];
  switch (size) {
    case 1: mov(dl, byte[rbx + value]); mov(byte[at], dl); break;
    case 2: mov(dx, word[rbx + value]); mov(word[at], dx); break;
    case 4: mov(edx, slot32(value)); mov(dword[at], edx); break;
    case 8: mov(rdx, slot64(value)); mov(qword[at], rdx); break;
    default: movdqu(xmm0, ptr[rbx + value]); movdqu(ptr[at], xmm0); break;
  }
  return Kind::guarded;
}

// Loads and stores of a memory other than memory 0, or of a 64-bit memory: the instance's memory and an
// explicit bounds check (mem_x_at: overflow-safe for 64-bit addresses and offsets); out of bounds hands
// over. Loads: dst, address, memory, offset (I); stores: address, value, memory, offset.
Kind Compiler::emit_mem_x(const Desc& d, const uint32_t* o, uint32_t pos) {
  if (!vector_data_first() || o[2] > INT32_MAX / 8) return Kind::exit;
  bool load = d.cat == Cat::load_x, addr64 = d.chk;
  static constexpr uint32_t kLoadWidth[] = {4, 8, 1, 1, 2, 2, 4};
  uint32_t width = load ? (d.op == ld32 && d.to64 ? 4 : kLoadWidth[d.op]) : 1u << d.op;
  uint64_t offset = uint64_t(o[3]) | uint64_t(o[4]) << 32;
  Xbyak::Label& fail = slow(pos);
  mov(rax, qword[r15 + kStInst]);
  mov(rax, qword[rax + kInstMemories]);
  mov(rax, qword[rax + int32_t(o[2] * 8)]);
  uint32_t addr = load ? o[1] : o[0];
  if (addr64) mov(rcx, slot64(addr)); else mov(ecx, slot32(addr));
  if (offset != 0) {
    if (offset <= INT32_MAX) {
      CodeGenerator::add(rcx, uint32_t(offset));
    } else {
      mov(rdx, offset);
      CodeGenerator::add(rcx, rdx);
    }
    if (addr64 || offset > UINT32_MAX) jc(fail);  // a u32 address plus a u32 offset never carries
  }
  lea(rdx, ptr[rcx + width]);  // ea + width: it carries only when ea > 2^64 - 16, out of bounds anyway
  if (addr64) {
    cmp(rdx, rcx);
    jb(fail);
  }
  cmp(rdx, qword[rax + kMemSize]);
  ja(fail);
  mov(rax, qword[rax + kMemBase]);
  Xbyak::RegExp at = rax + rcx;
  if (load) {
    switch (LoadOp(d.op)) {
      case ld32: mov(eax, dword[at]); break;
      case ld64: mov(rax, qword[at]); break;
      case ld8s: if (d.to64) movsx(rax, byte[at]); else movsx(eax, byte[at]); break;
      case ld8u: movzx(eax, byte[at]); break;
      case ld16s: if (d.to64) movsx(rax, word[at]); else movsx(eax, word[at]); break;
      case ld16u: movzx(eax, word[at]); break;
      case ld32s: movsxd(rax, dword[at]); break;
    }
    store_int(o[0], rax, d.to64);
    keep_rax_as(o[0]);
    return Kind::guarded;
  }
  switch (d.op) {
    case 0: mov(dl, byte[rbx + o[1]]); mov(byte[at], dl); break;
    case 1: mov(dx, word[rbx + o[1]]); mov(word[at], dx); break;
    case 2: mov(edx, slot32(o[1])); mov(dword[at], edx); break;
    default: mov(rdx, slot64(o[1])); mov(qword[at], rdx); break;
  }
  return Kind::guarded;
}

#include "jit/compiler_simd.inc"

// The entry trampoline and epilogue (see run()), the same bytes in every function: assembled once.
struct Trampoline {
  uint8_t bytes[64];
  size_t enter_size, size;  // bytes up to the epilogue; in all
};
const Trampoline& trampoline() {
  static const Trampoline t = [] {
    Trampoline r{};
    Xbyak::CodeGenerator g(sizeof(r.bytes), r.bytes);
    g.push(rbx);
    g.push(rbp);
    g.push(r12);
    g.push(r13);
    g.push(r14);
    g.push(r15);
    g.sub(rsp, 8);
    g.mov(rbx, rdi);
    g.mov(r15, rsi);
    g.mov(r14, rcx);
    g.mov(r13, r8);
    g.jmp(rdx);
    r.enter_size = g.getSize();
    g.mov(rdx, rbx);  // the epilogue
    g.add(rsp, 8);
    g.pop(r15);
    g.pop(r14);
    g.pop(r13);
    g.pop(r12);
    g.pop(rbp);
    g.pop(rbx);
    g.ret();
    r.size = g.getSize();
    return r;
  }();
  return t;
}

bool Compiler::run() {
  // Instruction boundaries.
  index_of.assign(n_ + 1, -1);
  starts.reserve(n_ / 2 + 1);  // an instruction takes at least its two handler words
  ids_.reserve(n_ / 2 + 1);
  for (uint32_t pos = 0; pos < n_;) {
    index_of[pos] = int32_t(starts.size());
    starts.push_back(pos);
    std::optional<HandlerId> id = interp::handler_from_word(load_word(ir_ + pos));
    ids_.push_back(id ? int32_t(*id) : -1);
    pos += uint32_t(interp::instruction_words(ir_ + pos));
  }
  index_of[n_] = int32_t(starts.size());  // one past the end (never a branch target, kept for safety)
  offsets.assign(starts.size(), 0);
  kinds.assign(starts.size(), Kind::exit);

  // Entry trampoline (EnterFn): callee-saved registers, then fp, st, memory 0 base and IR base pinned in
  // rbx, r15, r14 and r13; the stack stays 16-byte aligned for helper calls.
  choose_pins();
  const Trampoline& tramp = trampoline();
  put(tramp.bytes, tramp.enter_size);
  L(epilogue_);
  put(tramp.bytes + tramp.enter_size, tramp.size - tramp.enter_size);

  // Instructions entered from elsewhere than the previous one: branch targets and exception landings
  // (the rest, the entry and whatever follows a non-`native` instruction, is known while emitting).
  const std::vector<IdFlags>& flags = id_flags();
  std::vector<bool>& entered = bufs_.entered;
  entered.assign(starts.size() + 1, false);
  for (size_t i = 0; i < starts.size(); ++i) {
    std::optional<HandlerId> id = id_at(i);
    if (!id || !flags[size_t(*id)].branches) continue;
    interp::for_each_operand(ir_ + starts[i], handler_info(*id).kinds, [&](char kind, const uint32_t* w) {
      auto note = [&](int32_t rel) {
        int64_t t = int64_t(starts[i]) + rel;
        if (t >= 0 && size_t(t) <= n_ && index_of[size_t(t)] >= 0) entered[size_t(index_of[size_t(t)])] = true;
      };
      if (kind == 'b') note(int32_t(*w));
      if (kind == 'T')
        for (uint32_t k = 0; k <= w[0]; ++k) note(int32_t(w[1 + k]));
    });
  }
  for (const interp::FuncCode::Handler& h : fc_.handlers)
    if (h.landing < n_ && index_of[h.landing] >= 0) entered[size_t(index_of[h.landing])] = true;

  const std::vector<Desc>& table = descs();
  // Targets of branches of emitters that are not register-aware: they reload the caller-saved pins.
  std::vector<bool>& reload_at = bufs_.reload_at;
  reload_at.assign(starts.size() + 1, false);
  if (!pins_.empty()) {
    for (size_t i = 0; i < starts.size(); ++i) {
      std::optional<HandlerId> id = id_at(i);
      if (!id || !flags[size_t(*id)].branches || register_aware(*id, table[size_t(*id)]) || table[size_t(*id)].cat == Cat::exit) continue;
      interp::for_each_operand(ir_ + starts[i], handler_info(*id).kinds, [&](char kind, const uint32_t* w) {
        auto note = [&](int32_t rel) {
          int64_t t = int64_t(starts[i]) + rel;
          if (t >= 0 && size_t(t) <= n_ && index_of[size_t(t)] >= 0) reload_at[size_t(index_of[size_t(t)])] = true;
        };
        if (kind == 'b') note(int32_t(*w));
        if (kind == 'T')
          for (uint32_t k = 0; k <= w[0]; ++k) note(int32_t(w[1 + k]));
      });
    }
  }
  // Write-back unless a non-aware emitter branches: its targets reload registers from slots, which other
  // paths into them would have to make current first.
  write_back_ = !pins_.empty() && std::find(reload_at.begin(), reload_at.end(), true) == reload_at.end();
  std::vector<bool>& call_like = bufs_.call_like;
  call_like.assign(starts.size(), false);
  uint32_t entry0 = 0;
  for (size_t i = 0; i < starts.size(); ++i) {
    uint32_t pos = starts[i];
    const uint32_t* ip = ir_ + pos;
    // The function's entry loads the pins on the way in (nothing falls into it: no stub and jump).
    if (i == 0) {
      // Where calls from machine code enter (NativeCode::entry; self calls too): the declared locals are
      // zeroed here, by the callee, then the pins are loaded from the new frame.
      L(self_entry_);
      call_entry = uint32_t(getSize());
      zero_entry_locals();
      if (!pins_.empty()) {
        entry0 = uint32_t(getSize());
        reload_pins(true);
      }
    }
    offsets[i] = uint32_t(getSize());
    emitting_ = uint32_t(i);
    std::optional<HandlerId> id = id_at(i);
    if (i == 0 || entered[i] || kinds[i - 1] != Kind::native) cache_in_ = vcache_in_ = -1;
    if (reload_at[i]) reload_pins(false);
    cache_out_ = vcache_out_ = -1;
    Kind k = Kind::exit;
    // Non-aware code may read any slot: the frame made current first (its own hand-overs then spill
    // nothing: it may have used the registers).
    in_unaware_ = id && table[size_t(*id)].cat != Cat::exit && !register_aware(*id, table[size_t(*id)]);
    if (in_unaware_ && *id == HandlerId::op_return) {
      spill_results();  // the frame ends: only its results are read
    } else if (in_unaware_) {
      spill_pins(true);
    }
    if (id) k = emit(*id, table[size_t(*id)], ip, pos);
    cache_in_ = k == Kind::exit ? -1 : cache_out_;
    vcache_in_ = k == Kind::exit ? -1 : vcache_out_;
    if (k == Kind::exit && id && exit_stats().on) exit_stats().fixed[size_t(*id)].fetch_add(1, std::memory_order_relaxed);
    if (k == Kind::exit) exit_at(pos, !in_unaware_); else ++native_count;
    in_unaware_ = false;
    kinds[i] = k;
    if (id) {
      call_like[i] = id_flags()[size_t(*id)].call_like;
      // After code that keeps values in the frame only and may use any caller-saved register (a helper
      // call, scratch registers): the pins are reloaded on its fall-through path (after a call, all).
      if (k != Kind::exit && !pins_.empty() && !register_aware(*id, table[size_t(*id)])) {
        reload_pins(call_like[i]);
        cache_in_ = -1;
      }
    }
  }
  end_offset = uint32_t(getSize());
  emitting_ = uint32_t(starts.size());
  exit_at(uint32_t(n_));
  if (write_back_) {
    L(spill_exit_);
    spill_pins(true);
    jmp(epilogue_);
  }
  for (auto& s : stubs_) {
    L(s->label);
    exit_at(s->pos, s->spill);
  }
  // Where machine code is entered from outside (native_at: the interpreter, calls and returns): with
  // pinned slots, a stub that loads the pins and jumps to the instruction. Entered: the first
  // instruction, any after one that hands over or calls, exception landings, loop headers' tier-up
  // counters (OSR) and targets of branches left to the interpreter (as in publish()).
  entries = offsets;
  if (!pins_.empty()) {
    std::vector<bool>& entry = bufs_.entry;
    entry.assign(starts.size(), false);
    for (size_t i = 0; i < starts.size(); ++i)
      if (i == 0 || kinds[i - 1] != Kind::native || call_like[i - 1]) entry[i] = true;
    for (const interp::FuncCode::Handler& h : fc_.handlers)
      if (h.landing < n_ && index_of[h.landing] >= 0) entry[size_t(index_of[h.landing])] = true;
    for (size_t i = 0; i < starts.size(); ++i) {
      std::optional<HandlerId> id = id_at(i);
      if (!id) continue;
      if (*id == HandlerId::op_tier_count) entry[i] = true;
      if (kinds[i] != Kind::exit || !flags[size_t(*id)].branches) continue;
      interp::for_each_operand(ir_ + starts[i], handler_info(*id).kinds, [&](char kind, const uint32_t* w) {
        auto note = [&](int32_t rel) {
          int64_t t = int64_t(starts[i]) + rel;
          if (t >= 0 && size_t(t) < n_ && index_of[size_t(t)] >= 0) entry[size_t(index_of[size_t(t)])] = true;
        };
        if (kind == 'b') note(int32_t(*w));
        if (kind == 'T')
          for (uint32_t k = 0; k <= w[0]; ++k) note(int32_t(w[1 + k]));
      });
    }
    if (!starts.empty()) entries[0] = entry0;
    for (size_t i = 1; i < starts.size(); ++i) {
      if (!entry[i]) continue;
      entries[i] = uint32_t(getSize());
      if (kinds[i] == Kind::exit) {  // hands over at once: nothing to load (nor to spill)
        exit_at(starts[i], false);
        continue;
      }
      reload_pins(true);
      jmp(reinterpret_cast<const void*>(getCode() + offsets[i]), T_NEAR);
    }
  }
  emit_trap_exit();
  text_size = getSize();
  for (const auto& [at, index] : branch_fixups_) {
    uint32_t rel = target_offset(index) - (at + 4);
    std::memcpy(top_ + at, &rel, 4);
  }
  align(4);
  for (auto& t : tables_) {
    L(t->label);
    auto base = uint32_t(getSize());
    for (uint32_t target_index : t->targets) dd(target_offset(target_index) - base);
  }
  emit_vconsts();
  return native_count > 0;
}

}  // namespace

namespace {

// One function's machine code, generated into a buffer (its final place, or a scratch buffer copied
// into code memory), and what publish() needs: only per-IR-word offsets and the positions to patch are
// kept (a module's functions all wait for their installation at once under Config::tier jit).
struct Generated {
  NativeCode nc;                    // native_at, entry_bodies and sizes as offsets from the code's start
  std::vector<uint32_t> resume_at;  // IR positions that get op_jit_resume (see publish())
  uint32_t native_count = 0, exit_count = 0;
  uint32_t call_entry = 0;          // where calls from machine code enter (Compiler::call_entry)
};

// Room for `code`'s machine code. Generous: the longest instruction sequence per IR word is well under
// 32 bytes; with pinned registers, an entry stub (at most one per two words) loads up to 21 of them (10
// bytes each) and jumps, and a non-aware instruction (at least 3 words) has up to 21 stores before it
// and loads after it. Pages of a buffer it does not use are never touched.
size_t code_capacity(const interp::FuncCode& code) { return 4096 + code.code.size() * (48 + 200); }

// Where the interpreter enters machine code (op_jit_resume is patched there): a `native` instruction it
// may reach while interpreting, i.e. the first one, one after any instruction machine code leaves to it,
// exception landings, and targets of branches left to the interpreter (none of the forms compiled here
// branches, except these, which the JIT compiles; kept general for the forms it does not).
void find_resume_points(const interp::FuncCode& code, const std::vector<Kind>& kinds,
                        const std::vector<uint32_t>& starts, const std::vector<int32_t>& index_of,
                        std::vector<uint32_t>& out) {
  std::vector<bool> mark(starts.size(), false);
  for (size_t i = 0; i < starts.size(); ++i)
    if (kinds[i] == Kind::native && (i == 0 || kinds[i - 1] != Kind::native)) mark[i] = true;
  for (const interp::FuncCode::Handler& h : code.handlers) {
    if (h.kind == interp::FuncCode::Handler::kDelegate || h.landing >= code.code.size()) continue;
    int32_t i = index_of[h.landing];
    if (i >= 0 && kinds[size_t(i)] == Kind::native) mark[size_t(i)] = true;
  }
  for (size_t i = 0; i < starts.size(); ++i) {
    if (kinds[i] != Kind::exit) continue;
    const uint32_t* ip = code.code.data() + starts[i];
    std::optional<HandlerId> id = interp::handler_from_word(load_word(ip));
    if (!id) continue;
    interp::for_each_operand(ip, handler_info(*id).kinds, [&](char kind, const uint32_t* w) {
      auto mark_target = [&](int32_t rel) {
        int64_t t = int64_t(starts[i]) + rel;
        if (t < 0 || size_t(t) >= code.code.size()) return;
        int32_t ti = index_of[size_t(t)];
        if (ti >= 0 && kinds[size_t(ti)] == Kind::native) mark[size_t(ti)] = true;
      };
      if (kind == 'b') mark_target(int32_t(*w));
      if (kind == 'T')
        for (uint32_t k = 0; k <= w[0]; ++k) mark_target(int32_t(w[1 + k]));
    });
  }
  for (size_t i = 0; i < starts.size(); ++i)
    if (mark[i]) out.push_back(starts[i]);
}

// Compiles `code` into `buffer` (`cap` bytes; `limited`: smaller than code_capacity(), by the code memory
// limit) and fills `out`; false when nothing is worth compiling or the assembler failed (counted).
bool generate(const interp::FuncCode& code, Counters& c, Generated& out, const CallContext& calls, uint8_t* buffer,
              size_t cap, bool limited) {
  try {
    thread_local CompilerBuffers buffers;
    Compiler comp(code, buffer, cap);  // not zeroed: Xbyak writes what it uses
    comp.calls = calls;
    comp.swap_buffers(buffers);
    struct GiveBack {
      Compiler& comp;
      ~GiveBack() {
        comp.swap_buffers(buffers);
        if (buffers.index_of.capacity() > (size_t(1) << 16)) buffers = CompilerBuffers();  // a large function's
      }
    } give_back{comp};
    if (!comp.run() || comp.hasUndefinedLabel()) {  // a jump left unresolved: never install it
      c.not_compiled.fetch_add(1, std::memory_order_relaxed);
      c.exit_instrs.fetch_add(comp.starts.size(), std::memory_order_relaxed);
      return false;
    }
    NativeCode& nc = out.nc;
    nc.size = comp.getSize();
    nc.text_size = comp.text_size;
    nc.stubs_offset = comp.end_offset;
    // Every instruction has machine code to jump to (the ones left to the interpreter hand over at once):
    // calls and returns between compiled functions jump to any of them.
    nc.native_at.assign(code.code.size(), 0);
    for (size_t i = 0; i < comp.starts.size(); ++i) {
      nc.native_at[comp.starts[i]] = comp.entries[i];
      if (comp.entries[i] != comp.offsets[i]) nc.entry_bodies.emplace_back(comp.starts[i], comp.offsets[i]);
    }
    find_resume_points(code, comp.kinds, comp.starts, comp.index_of, out.resume_at);
    out.native_count = comp.native_count;
    out.call_entry = comp.call_entry;
    out.exit_count = uint32_t(comp.starts.size() - comp.native_count);
  } catch (const Xbyak::Error& e) {  // buffer too small, label too far
    c.not_compiled.fetch_add(1, std::memory_order_relaxed);
    if (limited && int(e) == Xbyak::ERR_CODE_IS_TOO_BIG) c.over_limit.fetch_add(1, std::memory_order_relaxed);
    return false;
  } catch (const std::exception&) {
    c.not_compiled.fetch_add(1, std::memory_order_relaxed);
    return false;
  }
  return true;
}

// Publishes `g`, installed at `native`, for `code`: its NativeCode, then op_jit_resume over the handler
// words of the instructions where the interpreter enters machine code. `code` may already be running in
// other threads (tier-up): the IR is patched in place, one aligned 32-bit word at a time, and only where
// the new handler word differs from the old in one half (always so in loop dispatch, where handler words
// are ids, and in practice in tail-call dispatch, where they are addresses inside one binary); a position
// not patched just stays interpreted. Either word is a correct program at every moment: the NativeCode is
// published (release) before any op_jit_resume appears.
void publish(const interp::FuncCode& code, const interp::ModuleCode& mc, CodeMemory& memory, Generated& g,
             const uint8_t* native) {
  Counters& c = memory.counters;
  c.native_instrs.fetch_add(g.native_count, std::memory_order_relaxed);
  c.exit_instrs.fetch_add(g.exit_count, std::memory_order_relaxed);
  size_t size = g.nc.size;
  g.nc.native = native;
  g.nc.entry = native + g.call_entry;  // zeroes the declared locals, loads the pinned registers, if any
  const NativeCode* n = memory.keep(std::move(g.nc));
  const_cast<NativeCode*>(n)->at = n->native_at.data();  // its final place (calls and returns read it)
  const_cast<NativeCode*>(n)->at_from_ir =
      reinterpret_cast<uintptr_t>(n->native_at.data()) - reinterpret_cast<uintptr_t>(code.code.data());
  if (memory.perf_map && mc.module) perf_map_add(native, size, *mc.module, code.func_index);

  std::atomic_ref<const void*>(code.jit_data).store(n, std::memory_order_release);
  // Calls and returns from machine code test this one word (after jit_data: non-null means compiled).
  const_cast<interp::FuncCode&>(code).native_entry.store(n->entry, std::memory_order_release);
  uint64_t resume_word = interp::handler_word(HandlerId::op_jit_resume, mc.config.dispatch);
  uint32_t halves[2];
  std::memcpy(halves, &resume_word, sizeof(halves));
  auto* words = const_cast<uint32_t*>(code.code.data());
  for (uint32_t pos : g.resume_at) {
    uint32_t* w = words + pos;
    bool same0 = w[0] == halves[0], same1 = w[1] == halves[1];
    if (!same0 && !same1) continue;
    if (!same0) std::atomic_ref<uint32_t>(w[0]).store(halves[0], std::memory_order_release);
    if (!same1) std::atomic_ref<uint32_t>(w[1]).store(halves[1], std::memory_order_release);
  }
  c.compiled.fetch_add(1, std::memory_order_relaxed);
}

const NativeCode kNotCompilable{};

// Marks `code` as one the JIT leaves to the interpreter.
void give_up(const interp::FuncCode& code) {
  std::atomic_ref<int32_t>(code.hotness).store(INT32_MAX, std::memory_order_relaxed);
  std::atomic_ref<const void*>(code.jit_data).store(&kNotCompilable, std::memory_order_release);
}

// A scratch buffer per thread for functions compiled one at a time (then copied into their pages): kept
// between compilations unless it grew large.
struct Scratch {
  std::unique_ptr<uint8_t[]> bytes;
  size_t size = 0;
  uint8_t* get(size_t n) {
    if (n > size) {
      bytes.reset(new uint8_t[n]);  // not zeroed
      size = n;
    }
    return bytes.get();
  }
  void trim() {
    if (size > (size_t(1) << 20)) bytes.reset(), size = 0;
  }
};

bool compile_one(const interp::FuncCode& code, const interp::ModuleCode& mc, CodeMemory& memory,
                 const CallContext& calls) {
  thread_local Scratch scratch;
  size_t cap = code_capacity(code);
  uint8_t* buffer = scratch.get(cap);
  Generated g;
  bool ok = generate(code, memory.counters, g, calls, buffer, cap, false);
  const uint8_t* native = ok ? memory.install(std::span<const uint8_t>(buffer, g.nc.size)) : nullptr;
  scratch.trim();
  if (!ok) return false;
  if (native == nullptr) {
    memory.counters.not_compiled.fetch_add(1, std::memory_order_relaxed);
    memory.counters.over_limit.fetch_add(1, std::memory_order_relaxed);
    return false;
  }
  publish(code, mc, memory, g, native);
  return true;
}

// A hot function (op_tier_count ran out): compiles it once, whichever thread gets there first.
bool compile_hot(const interp::FuncCode& code, interp::ExecState* st) {
  const auto* mc = static_cast<const interp::ModuleCode*>(st->func->instance->code.get());
  auto* memory = dynamic_cast<CodeMemory*>(mc->config.tier_state.get());
  if (memory == nullptr) return false;
  std::lock_guard<std::mutex> lock(memory->compile_mutex());
  if (native_of(code) != nullptr) return true;  // another thread compiled it (or gave up)
  if (!compile_one(code, *mc, *memory, CallContext{mc, {}})) give_up(code);
  return true;
}

}  // namespace

bool is_compiled(const runtime::FuncEntry& entry) { return compiled_code(&entry).code != nullptr; }

std::unique_ptr<interp::FuncCode> compile(std::unique_ptr<interp::FuncCode> code, const interp::ModuleCode& mc,
                                          CodeMemory& memory) {
  code->jit_resume = &resume;
  if (!compile_one(*code, mc, memory, CallContext{&mc, {}})) give_up(*code);
  return code;
}

// code_info.h (here: it knows `resume` and the helpers' addresses).
std::optional<CodeInfo> code_info(const interp::FuncCode& code) {
  if (code.jit_resume != &resume) return std::nullopt;
  const NativeCode* n = native_of(code);
  if (n == nullptr || n->native == nullptr) return std::nullopt;
  CodeInfo info;
  info.start = n->native;
  info.size = n->size;
  info.text_size = n->text_size;
  // Instruction starts are the words with code (the entry trampoline comes first: no start is at 0); the
  // IR itself cannot be walked, op_jit_resume being patched over some of its handler words.
  auto body = n->entry_bodies.begin();
  for (uint32_t pos = 0; pos < n->native_at.size(); ++pos) {
    if (n->native_at[pos] == 0) continue;
    uint32_t at = n->native_at[pos];
    if (body != n->entry_bodies.end() && body->first == pos) at = (body++)->second;  // not its entry stub
    info.ir_map.emplace_back(at, pos);
  }
  info.ir_map.emplace_back(n->stubs_offset, uint32_t(code.code.size()));
  return info;
}

std::string_view helper_name(uint64_t address) {
  static const std::pair<const void*, std::string_view> kHelpers[] = {
      {reinterpret_cast<const void*>(&global_get), "global_get"},
      {reinterpret_cast<const void*>(&global_set), "global_set"},
      {reinterpret_cast<const void*>(&global_get128), "global_get128"},
      {reinterpret_cast<const void*>(&global_set128), "global_set128"},
      {reinterpret_cast<const void*>(&throw_tag), "throw"}, {reinterpret_cast<const void*>(&throw_ref), "throw_ref"},
      {reinterpret_cast<const void*>(&rethrow), "rethrow"}};
  for (const auto& [fn, name] : kHelpers)
    if (reinterpret_cast<uint64_t>(fn) == address) return name;
  for (const OpHelperEntry& e : kOpHelpers)
    if (reinterpret_cast<uint64_t>(e.fn) == address) return e.name;
  if (reinterpret_cast<uint64_t>(&ops::ref_test) == address) return "ref_test";
  return {};
}

std::shared_ptr<CodeMemory> make_engine_state(size_t limit_bytes) { return std::make_shared<CodeMemory>(limit_bytes); }

namespace {

// Every translated function before it is published: with tier-up counters, it is only made ready for them
// (compiled when hot); without (Config::tier jit), compiled now unless the module's batch did it.
std::unique_ptr<interp::FuncCode> tier_up(std::unique_ptr<interp::FuncCode> code, const interp::ModuleCode& mc) {
  auto* memory = dynamic_cast<CodeMemory*>(mc.config.tier_state.get());
  if (memory == nullptr) return code;
  code->jit_resume = &resume;
  if (mc.config.tier_up_threshold != 0) {
    code->hotness = int32_t(std::min<uint32_t>(mc.config.tier_up_threshold, INT32_MAX));
    return code;
  }
  return compile(std::move(code), mc, *memory);
}

// Config::tier jit: every function of the module translated and compiled now, into one mapping made
// executable once (code packing: the functions share pages, and one mmap/mprotect serves them all). The
// code is generated in place (CodeMemory::begin_batch); when nothing can be reserved, function by function.
void compile_module(interp::ModuleCode& mc, CodeMemory& memory) {
  const wasm::Module& m = *mc.module;
  std::vector<std::unique_ptr<interp::FuncCode>> codes(mc.num_funcs);
  size_t room = 0;
  for (size_t i = 0; i < mc.num_funcs; ++i) {
    Result<std::unique_ptr<interp::FuncCode>> built =
        interp::translate_function(m, uint32_t(m.num_imported_funcs + i), mc.config);
    if (!built) continue;  // reported when the function is prepared or called
    codes[i] = std::move(*built);
    codes[i]->jit_resume = &resume;
    room += code_capacity(*codes[i]) + 15;
  }
  // Generated once all are translated: calls between them then know their callees' frames.
  CallContext calls{&mc, codes};
  CodeMemory::Batch batch = memory.begin_batch(room);
  if (batch.base == nullptr) {
    for (size_t i = 0; i < mc.num_funcs; ++i)
      if (codes[i] && !compile_one(*codes[i], mc, memory, calls)) give_up(*codes[i]);
  } else {
    std::vector<Generated> gens(mc.num_funcs);
    std::vector<size_t> at(mc.num_funcs, SIZE_MAX);  // offset in the batch
    for (size_t i = 0; i < mc.num_funcs; ++i) {
      if (!codes[i]) continue;
      size_t off = (batch.used + 15) & ~size_t(15);
      size_t cap = code_capacity(*codes[i]);
      size_t left = off < batch.size ? batch.size - off : 0;
      if (generate(*codes[i], memory.counters, gens[i], calls, batch.base + off, std::min(cap, left), left < cap)) {
        at[i] = off;
        batch.used = off + gens[i].nc.size;
      } else {
        give_up(*codes[i]);
      }
    }
    bool installed = memory.end_batch(batch);
    for (size_t i = 0; i < mc.num_funcs; ++i) {
      if (at[i] == SIZE_MAX) continue;
      if (installed) {
        publish(*codes[i], mc, memory, gens[i], batch.base + at[i]);
      } else {
        memory.counters.not_compiled.fetch_add(1, std::memory_order_relaxed);
        give_up(*codes[i]);
      }
    }
  }
  for (size_t i = 0; i < mc.num_funcs; ++i) {
    if (!codes[i]) continue;
    interp::FuncCode* expected = nullptr;
    if (mc.funcs[i].compare_exchange_strong(expected, codes[i].get(), std::memory_order_acq_rel)) codes[i].release();
  }
}

}  // namespace

const runtime::Executor& executor() {
  static const runtime::Executor kJit = [] {
    runtime::Executor e = interp::executor();
    e.make_module_code = [](std::shared_ptr<const wasm::Module> module, const runtime::EngineConfig& config)
        -> std::shared_ptr<runtime::TierModuleCode> {
      std::shared_ptr<interp::ModuleCode> mc = interp::make_module_code(std::move(module), config);
      mc->tier_up = &tier_up;
      auto* memory = dynamic_cast<CodeMemory*>(config.tier_state.get());
      if (memory != nullptr && config.tier_up_threshold == 0 && !config.lazy_translation && mc->module)
        compile_module(*mc, *memory);
      return mc;
    };
    return e;
  }();
  return kJit;
}

}  // namespace wisp::jit
