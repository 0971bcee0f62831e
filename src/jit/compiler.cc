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
//   - instructions it does not compile (tail calls, throws, host calls, tables, bulk memory, memory.size
//     and grow, memories other than memory 0, SIMD, ...) end the machine code: it returns their IR
//     position and frame (JitExit), and the interpreter runs them with its own handlers;
//   - calls and returns between compiled functions stay in machine code, through helpers that do what
//     the interpreter's call and return do (the same CallFrame with an IR return address, the same
//     limits and instance switches) and then jump: so the call stack is the interpreter's (backtraces,
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
// instructions as long as their slots are written at the points where the interpreter may take over (the
// one-value write-through cache below is the first step).
// Tiering (Config::tier automatic): the IR then has op_tier_count at function entry and at loop headers;
// when a function's count runs out, the JIT compiles it on the spot and patches its IR in place (the
// FuncCode stays the one every caller, return address, site and exception handler refers to), and the
// machine code goes on from the counter's position: at a loop header that is on-stack replacement with
// nothing to convert, the frame being the interpreter's. op_tier_count compiles to nothing.
// Assembler: Xbyak (Debian's libxbyak-dev, header-only), code generated into a buffer and copied into
// the engine's CodeMemory (written, then made read-execute), position-independent.

#include <algorithm>
#include <atomic>
#include <climits>
#include <cstddef>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#define XBYAK_NO_OP_NAMES
#include <xbyak/xbyak.h>
#include <xbyak/xbyak_util.h>

#include "interp/exec_state.h"
#include "interp/handler_table.h"
#include "interp/invoke.h"
#include "interp/ir_builder.h"
#include "jit/code_info.h"
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

// Out-of-line helpers the machine code calls (System V ABI): the same expressions as the handlers.
uint64_t global_get(interp::ExecState* st, uint32_t i) { return st->inst->globals[i]->value.i64(); }
void global_set(interp::ExecState* st, uint32_t i, uint64_t v) {
  st->inst->globals[i]->value = runtime::Value::from_i64(v);
}

// Calls and returns between compiled functions stay in machine code but follow the interpreter's protocol
// exactly (enter_function / WISP_RETURN in interp/dispatch_body.h): the same CallFrame with an IR return
// address, the same limits, st->func and instance switches. So the call stack is the interpreter's, and
// exceptions, backtraces and stack exhaustion see no difference. Each helper either does the whole
// transfer and returns where to jump (machine code of the target function and its IR base), or does
// nothing and returns {nullptr}: the machine code then hands the instruction to the interpreter, which
// runs it (host callee, a callee not compiled, a trap to raise, the level's entry frame).
struct Jump {
  const uint8_t* target;
  const uint32_t* ir;
};

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

inline void switch_instance(interp::ExecState* st, runtime::InstanceData* inst) {
  if (inst != st->inst) {
    st->inst = inst;
    st->mem0 = inst->mem0;
  }
}

Jump enter_compiled(interp::ExecState* st, runtime::FuncInstance* callee, char* nfp, const uint32_t* ret, char* fp) {
  auto [j, n] = compiled_code(callee->entry.load(std::memory_order_acquire));
  if (j == nullptr) return {nullptr, nullptr};
  const runtime::FrameLayout& frame = j->frame;
  if (st->cs == st->cs_limit || nfp + frame.frame_bytes() > st->stack_limit) return {nullptr, nullptr};
  *st->cs++ = interp::CallFrame{interp::ReturnAddress::ir(ret), fp, st->func};
  st->func = callee;
  // An inline loop, as the interpreter's start_frame: few locals, and a libc call costs more.
  for (char *z = nfp + frame.locals_offset(), *e = z + frame.locals_bytes(); z < e; z += 8) {
    std::memset(z, 0, 8);
    __asm__("" : "+r"(z));  // keeps the compiler from turning the loop back into memset
  }
  switch_instance(st, callee->instance);
  return {n->native + n->native_at[0], j->code.data()};
}

Jump call_direct(interp::ExecState* st, uint32_t index, char* nfp, const uint32_t* ret, char* fp) {
  runtime::FuncInstance* callee = st->inst->funcs[index];
  if (callee->is_host()) return {nullptr, nullptr};
  return enter_compiled(st, callee, nfp, ret, fp);
}

// call_indirect: `ops` points at its operands (index slot, table, type, argument slot).
Jump call_indirect(interp::ExecState* st, const uint32_t* ops, char* fp, const uint32_t* ret) {
  uint32_t i;
  std::memcpy(&i, fp + ops[0], 4);
  runtime::TableInstance* table = st->inst->tables[ops[1]];
  if (i >= table->elems.size()) return {nullptr, nullptr};
  auto* callee = reinterpret_cast<runtime::FuncInstance*>(table->elems[i]);
  if (callee == nullptr || callee->type_id != st->inst->type_ids[ops[2]] || callee->is_host())
    return {nullptr, nullptr};
  return enter_compiled(st, callee, fp + ops[3], ret, fp);
}

// Returns to the caller when it is compiled (its frame pointer: st->cs->fp, the popped frame).
Jump return_compiled(interp::ExecState* st) {
  interp::CallFrame* f = st->cs - 1;
  runtime::FuncInstance* caller = f->func;
  if (f == st->cs_base || caller == nullptr || f->ret.is_native()) return {nullptr, nullptr};
  auto [j, n] = compiled_code(caller->entry.load(std::memory_order_acquire));
  if (j == nullptr) return {nullptr, nullptr};
  const uint32_t* ip = f->ret.ir();
  st->cs = f;
  st->func = caller;
  switch_instance(st, caller->instance);
  return {n->native + n->native_at[size_t(ip - j->code.data())], j->code.data()};
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

void classify_simd(std::vector<Desc>& t);

const std::vector<Desc>& descs() {
  static const std::vector<Desc> table = [] {
    std::vector<Desc> t(interp::kNumHandlers);
    for (size_t i = 0; i < interp::kNumHandlers; ++i) t[i] = classify(HandlerId(i));
    for (HandlerId id : {HandlerId::op_copy_ss, HandlerId::op_copy2_ssss, HandlerId::op_const32_si,
                         HandlerId::op_const64_sI, HandlerId::op_i32_add_shl_sssi, HandlerId::op_select_ssss,
                         HandlerId::op_br_b, HandlerId::op_br_if_sb, HandlerId::op_br_unless_sb,
                         HandlerId::op_br_table_sT, HandlerId::op_check_i, HandlerId::op_global_get_sx,
                         HandlerId::op_global_set_xs, HandlerId::op_ref_is_null_ss,
                         HandlerId::op_ref_as_non_null_s, HandlerId::op_br_on_null_sb,
                         HandlerId::op_br_on_non_null_sb, HandlerId::op_call_xs,
                         HandlerId::op_call_indirect_sxxs, HandlerId::op_return,
                         HandlerId::op_tier_count})
      t[size_t(id)] = Desc{Cat::special, 0, false, false};
    classify_simd(t);
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
#pragma GCC diagnostic pop
static_assert(sizeof(std::atomic<uint8_t>) == 1);

using namespace Xbyak::util;

class Compiler : public Xbyak::CodeGenerator {
 public:
  Compiler(const interp::FuncCode& code, uint8_t* buffer, size_t size)
      : Xbyak::CodeGenerator(size, buffer), fc_(code), ir_(code.code.data()), n_(code.code.size()) {
    setDefaultJmpNEAR(true);
  }

  // Compiles the function; false when it has nothing worth compiling.
  bool run();

  std::vector<Kind> kinds;            // per instruction
  std::vector<uint32_t> starts;       // IR word of each instruction
  std::vector<int32_t> index_of;      // per IR word: instruction index, or -1
  std::vector<Xbyak::Label> labels;   // per instruction (defined at branch targets only)
  std::vector<uint32_t> offsets;      // per instruction: its code's offset from the start
  uint32_t native_count = 0;
  size_t text_size = 0;               // bytes of instructions (before the jump tables)

 private:
  const interp::FuncCode& fc_;
  const uint32_t* ir_;
  // A write-through register cache of one value: results are always stored to their slot, and rax may
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

  // Operands.
  Xbyak::Address slot32(uint32_t off) const { return dword[rbx + off]; }
  Xbyak::Address slot64(uint32_t off) const { return qword[rbx + off]; }
  void exit_at(uint32_t pos) {
    lea(rax, ptr[r13 + int32_t(pos * 4)]);
    jmp(epilogue_);
  }
  // A label that hands over at `pos` (emitted after the body).
  Xbyak::Label& slow(uint32_t pos) {
    stubs_.push_back(std::make_unique<Stub>());
    stubs_.back()->pos = pos;
    return stubs_.back()->label;
  }
  Xbyak::Label& target(uint32_t pos, int32_t rel) { return labels[size_t(index_of[size_t(int64_t(pos) + rel)])]; }
  // Loads operand `k` (slot or immediate, at word `w`) as a 32/64-bit integer into `r`.
  void load_int(const Xbyak::Reg64& r, char kind, const uint32_t* w, bool w64) {
    if (kind == 's') {
      if (w64) mov(r, slot64(*w)); else mov(r.cvt32(), slot32(*w));
    } else if (kind == 'i') {
      mov(r.cvt32(), w[0]);
    } else {  // 'I'
      uint64_t v = uint64_t(w[0]) | uint64_t(w[1]) << 32;
      mov(r, v);
    }
  }
  void load_float(const Xbyak::Xmm& x, char kind, const uint32_t* w, bool w64) {
    if (kind == 's') {
      if (w64) movsd(x, slot64(*w)); else movss(x, slot32(*w));
    } else {
      load_int(rdx, kind, w, w64);
      if (w64) movq(x, rdx); else movd(x, edx);
    }
  }
  // Results are written as whole 8-byte slots, i32/f32 ones too (their upper half is zero or don't-care,
  // as in the interpreter, where nothing reads it): an 8-byte read of the slot (copy, select, a later
  // register load) then forwards from the store instead of stalling on a narrower one.
  void store_int(uint32_t off, const Xbyak::Reg64& r, bool) { mov(slot64(off), r); }
  void store_bool(uint32_t off, void (Compiler::*setcc)(const Xbyak::Operand&)) {
    (this->*setcc)(al);
    movzx(eax, al);
    mov(slot64(off), rax);
  }
  // The effective address of a memory-0 access into rax (64-bit, zero-extended), for form `kinds`
  // with the address operands at words `w` (address slot first); returns the Address to use.
  Xbyak::RegExp effective_address(std::string_view form, uint32_t addr_slot, const uint32_t* extra, uint32_t offset);

  void call_helper(const void* fn) {
    // Always the 10-byte `mov rax, imm64` (REX.W B8), even when the address would fit the 5-byte form:
    // the code's length, hence every offset after it, then does not depend on where the binary is loaded
    // (golden listings, wisp inspect --asm).
    db(0x48);
    db(0xB8);
    dq(reinterpret_cast<uint64_t>(fn));
    call(rax);
  }
  // After a helper returned a Jump (rax: target, rdx: IR base) and rbx holds the new frame: reloads the
  // memory-0 base (the instance may have changed) and jumps.
  void jump_to_function() {
    Xbyak::Label no_memory, done;
    mov(r13, rdx);
    mov(rcx, qword[r15 + kStMem0]);
    test(rcx, rcx);
    jz(no_memory);
    mov(r14, qword[rcx + kMemBase]);
    jmp(done);
    L(no_memory);
    xor_(r14d, r14d);
    L(done);
    jmp(rax);
  }
  // The explicit-bounds-check forms: hands over (the interpreter traps) unless [ea, ea + width) lies in
  // memory 0 as it is now.
  Xbyak::RegExp checked_address(uint32_t addr_slot, uint32_t offset, uint32_t width, uint32_t pos) {
    Xbyak::Label& fail = slow(pos);
    mov(eax, slot32(addr_slot));
    mov(ecx, offset);
    CodeGenerator::add(rax, rcx);
    mov(rcx, qword[r15 + kStMem0]);
    test(rcx, rcx);
    jz(fail);
    lea(r8, ptr[rax + width]);
    cmp(r8, qword[rcx + kMemSize]);
    ja(fail);
    return r14 + rax;
  }
  Kind emit(HandlerId id, const Desc& d, const uint32_t* ip, uint32_t pos);
  Kind emit_special(HandlerId id, const uint32_t* ip, uint32_t pos);
  Kind emit_trunc(const Desc& d, const uint32_t* o, uint32_t pos);
  Kind emit_unop(const Desc& d, std::string_view name, const uint32_t* ip);
  void int_binop(uint8_t op, bool w64);
  bool int_binop_direct(uint8_t op, bool w64, char ka, const uint32_t* wa, char kb, const uint32_t* wb);
  void cond_jump(uint8_t op, Xbyak::Label& l);
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
  Xbyak::Address b = w64 ? slot64(*wb) : slot32(*wb);
  switch (op) {
    case i_add: CodeGenerator::add(a, b); break;
    case i_sub: CodeGenerator::sub(a, b); break;
    case i_mul: imul(a, b); break;
    case i_and: and_(a, b); break;
    case i_or: or_(a, b); break;
    case i_xor: xor_(a, b); break;
    default: cmp(a, b); break;
  }
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

Xbyak::RegExp Compiler::effective_address(std::string_view form, uint32_t addr_slot, const uint32_t* extra,
                                          uint32_t offset) {
  // Address arithmetic wraps at 32 bits (ea_add_imm / ea_scaled); the offset is added in 64 bits.
  // `extra`: the fused forms' immediate, or index slot and shift.
  mov(eax, slot32(addr_slot));
  if (form == "ssio") {
    CodeGenerator::add(eax, extra[0]);
  } else if (form == "sssio") {
    mov(ecx, slot32(extra[0]));
    CodeGenerator::shl(ecx, uint8_t(extra[1] & 31));
    CodeGenerator::add(eax, ecx);
  }
  if (offset <= 0x7fffffffu) return r14 + rax + int32_t(offset);
  mov(ecx, offset);
  CodeGenerator::add(rax, rcx);
  return r14 + rax;
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
      load_float(xmm0, kinds[1], wa, d.w64);
      load_float(xmm1, kinds[2], wb, d.w64);
      auto ucom = [&](const Xbyak::Xmm& x, const Xbyak::Xmm& y) {
        if (d.w64) ucomisd(x, y); else ucomiss(x, y);
      };
      switch (d.op) {
        case f_add: if (d.w64) addsd(xmm0, xmm1); else addss(xmm0, xmm1); break;
        case f_sub: if (d.w64) subsd(xmm0, xmm1); else subss(xmm0, xmm1); break;
        case f_mul: if (d.w64) mulsd(xmm0, xmm1); else mulss(xmm0, xmm1); break;
        case f_div: if (d.w64) divsd(xmm0, xmm1); else divss(xmm0, xmm1); break;
        case f_eq:
          ucom(xmm0, xmm1);
          sete(al);
          setnp(cl);
          and_(al, cl);
          movzx(eax, al);
          mov(slot64(o[0]), rax);
          return Kind::native;
        case f_ne:
          ucom(xmm0, xmm1);
          setne(al);
          setp(cl);
          or_(al, cl);
          movzx(eax, al);
          mov(slot64(o[0]), rax);
          return Kind::native;
        // Unordered sets CF, ZF and PF: `above` (CF=0, ZF=0) and `above or equal` (CF=0) are false.
        case f_lt: ucom(xmm1, xmm0); store_bool(o[0], &Compiler::seta); return Kind::native;
        case f_gt: ucom(xmm0, xmm1); store_bool(o[0], &Compiler::seta); return Kind::native;
        case f_le: ucom(xmm1, xmm0); store_bool(o[0], &Compiler::setae); return Kind::native;
        case f_ge: ucom(xmm0, xmm1); store_bool(o[0], &Compiler::setae); return Kind::native;
        default: return Kind::exit;
      }
      if (d.w64) movsd(slot64(o[0]), xmm0); else movq(slot64(o[0]), xmm0);
      return Kind::native;
    }
    case Cat::unop:
      return emit_unop(d, handler_info(id).name, ip);
    case Cat::br_cmp: {
      const uint32_t* wb = o + 1;
      const uint32_t* wt = wb + interp::kind_words(kinds[1]);
      if (int64_t(o[0]) != cache_in_) load_int(rax, 's', o, d.w64);
      if (kinds[1] == 's') {
        if (d.w64) cmp(rax, slot64(*wb)); else cmp(eax, slot32(*wb));
      } else if (kinds[1] == 'i') {
        cmp(eax, wb[0]);
      } else {
        load_int(rcx, 'I', wb, true);
        cmp(rax, rcx);
      }
      cond_jump(d.op, target(pos, int32_t(*wt)));
      return Kind::native;
    }
    case Cat::load: {
      // dst, address operands..., offset last.
      uint32_t offset = o[kinds.size() - 1];
      static constexpr uint32_t kLoadWidth[] = {4, 8, 1, 1, 2, 2, 4};
      Xbyak::RegExp ea = d.chk ? checked_address(o[1], offset, d.op == ld32 && d.to64 ? 4 : kLoadWidth[d.op], pos)
                               : effective_address(kinds, o[1], o + 2, offset);
      switch (LoadOp(d.op)) {
        case ld32: mov(eax, dword[ea]); break;
        case ld64: mov(rax, qword[ea]); break;
        case ld8s: if (d.to64) movsx(rax, byte[ea]); else movsx(eax, byte[ea]); break;
        case ld8u: movzx(eax, byte[ea]); break;
        case ld16s: if (d.to64) movsx(rax, word[ea]); else movsx(eax, word[ea]); break;
        case ld16u: movzx(eax, word[ea]); break;
        case ld32s: movsxd(rax, dword[ea]); break;
      }
      store_int(o[0], rax, d.to64);
      keep_rax_as(o[0]);
      return d.chk ? Kind::guarded : Kind::native;
    }
    case Cat::store: {
      // address, value, [imm | index, shift,] offset.
      uint32_t offset = o[kinds.size() - 1];
      if (d.op == 3) mov(rdx, slot64(o[1])); else mov(edx, slot32(o[1]));
      Xbyak::RegExp ea = d.chk ? checked_address(o[0], offset, 1u << d.op, pos)
                               : effective_address(kinds, o[0], o + 2, offset);
      switch (d.op) {
        case 0: mov(byte[ea], dl); break;
        case 1: mov(word[ea], dx); break;
        case 2: mov(dword[ea], edx); break;
        default: mov(qword[ea], rdx); break;
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
      if (d.w64) movsd(slot64(o[0]), xmm0); else movq(slot64(o[0]), xmm0);
      return Kind::native;
    }
    case Cat::special:
      return emit_special(id, ip, pos);
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
      if (d.w64) cmp(slot64(src), 0); else cmp(slot32(src), 0);
      store_bool(dst, &Compiler::sete);
      return Kind::native;
    case u_clz:
    case u_ctz:
    case u_popcnt: {
      bool ok = d.op == u_clz ? cpu().has(Xbyak::util::Cpu::tLZCNT)
                : d.op == u_ctz ? cpu().has(Xbyak::util::Cpu::tBMI1) : cpu().has(Xbyak::util::Cpu::tPOPCNT);
      if (!ok) return Kind::exit;
      Xbyak::Reg r = d.w64 ? Xbyak::Reg(rax) : Xbyak::Reg(eax);
      Xbyak::Address a = d.w64 ? slot64(src) : slot32(src);
      if (d.op == u_clz) lzcnt(r, a); else if (d.op == u_ctz) tzcnt(r, a); else popcnt(r, a);
      store_int(dst, rax, d.w64);
      return Kind::native;
    }
    case u_abs:
    case u_neg:
      if (!f) return Kind::exit;
      if (d.w64) {
        mov(rax, slot64(src));
        if (d.op == u_abs) btr(rax, 63); else btc(rax, 63);
      } else {
        mov(eax, slot32(src));
        if (d.op == u_abs) and_(eax, 0x7fffffff); else xor_(eax, 0x80000000u);
      }
      store_int(dst, rax, d.w64);
      return Kind::native;
    case u_ceil:
    case u_floor:
    case u_trunc:
    case u_nearest: {
      int mode = (d.op == u_nearest ? 0 : d.op == u_floor ? 1 : d.op == u_ceil ? 2 : 3) | 8;
      if (d.w64) {
        roundsd(xmm0, slot64(src), mode);
        movsd(slot64(dst), xmm0);
      } else {
        roundss(xmm0, slot32(src), mode);
        movq(slot64(dst), xmm0);
      }
      return Kind::native;
    }
    case u_sqrt:
      if (d.w64) {
        sqrtsd(xmm0, slot64(src));
        movsd(slot64(dst), xmm0);
      } else {
        sqrtss(xmm0, slot32(src));
        movq(slot64(dst), xmm0);
      }
      return Kind::native;
    case u_extend_i32_s:  // i64.extend_i32_s (named on i64)
      movsxd(rax, slot32(src));
      mov(slot64(dst), rax);
      return Kind::native;
    case u_extend_i32_u:
      mov(eax, slot32(src));
      mov(slot64(dst), rax);
      return Kind::native;
    case u_convert_i32_s:
    case u_convert_i32_u:
    case u_convert_i64_s: {
      // f32/f64.convert_*: the result type is the name's; d.w64 is the result's width here.
      if (d.op == u_convert_i32_s) {
        mov(eax, slot32(src));
        movsxd(rax, eax);
      } else if (d.op == u_convert_i32_u) {
        mov(eax, slot32(src));
      } else {
        mov(rax, slot64(src));
      }
      xorps(xmm0, xmm0);
      if (d.w64) {
        cvtsi2sd(xmm0, rax);
        movsd(slot64(dst), xmm0);
      } else {
        cvtsi2ss(xmm0, rax);
        movq(slot64(dst), xmm0);
      }
      return Kind::native;
    }
    case u_convert_i64_u: {
      // Below 2^63 as signed; above, halve keeping the low bit sticky (correct rounding), convert, double.
      Xbyak::Label big, done;
      mov(rax, slot64(src));
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
      if (d.w64) movsd(slot64(dst), xmm0); else movq(slot64(dst), xmm0);
      return Kind::native;
    }
    case u_demote:
      cvtsd2ss(xmm0, slot64(src));
      movq(slot64(dst), xmm0);
      return Kind::native;
    case u_promote:
      cvtss2sd(xmm0, slot32(src));
      movsd(slot64(dst), xmm0);
      return Kind::native;
    case u_extend8_s:
    case u_extend16_s:
    case u_extend32_s:
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
  Xbyak::Address src = from64 ? slot64(o[1]) : slot32(o[1]);
  Xbyak::Label& fail = slow(pos);
  if (!to64 && !is_unsigned) {
    if (from64) cvttsd2si(eax, src); else cvttss2si(eax, src);
    cmp(eax, 0x80000000u);
    je(fail);
    mov(slot64(o[0]), rax);
  } else {
    if (from64) cvttsd2si(rax, src); else cvttss2si(rax, src);
    if (!to64) {  // u32: a 64-bit result in [0, 2^32)
      mov(rcx, rax);
      shr(rcx, 32);
      jnz(fail);
      mov(slot64(o[0]), rax);
    } else {  // i64: not the sentinel; u64: below 2^63
      if (is_unsigned) {
        test(rax, rax);
        js(fail);
      } else {
        mov(rcx, uint64_t(1) << 63);
        cmp(rax, rcx);
        je(fail);
      }
      mov(slot64(o[0]), rax);
    }
  }
  return Kind::guarded;
}

Kind Compiler::emit_special(HandlerId id, const uint32_t* ip, uint32_t pos) {
  const uint32_t* o = ip + interp::kHandlerWords;
  switch (id) {
    case HandlerId::op_copy_ss:
      if (int64_t(o[1]) != cache_in_) mov(rax, slot64(o[1]));
      mov(slot64(o[0]), rax);
      keep_rax_as(o[0]);
      return Kind::native;
    case HandlerId::op_copy2_ssss:
      mov(rax, slot64(o[1]));
      mov(rcx, slot64(o[3]));
      mov(slot64(o[0]), rax);
      mov(slot64(o[2]), rcx);
      return Kind::native;
    case HandlerId::op_const32_si:
      mov(eax, o[1]);
      mov(slot64(o[0]), rax);
      keep_rax_as(o[0]);
      return Kind::native;
    case HandlerId::op_const64_sI:
      load_int(rax, 'I', o + 1, true);
      mov(slot64(o[0]), rax);
      keep_rax_as(o[0]);
      return Kind::native;
    case HandlerId::op_i32_add_shl_sssi:
      mov(eax, slot32(o[1]));
      mov(ecx, slot32(o[2]));
      CodeGenerator::shl(ecx, uint8_t(o[3] & 31));
      CodeGenerator::add(eax, ecx);
      mov(slot64(o[0]), rax);
      return Kind::native;
    case HandlerId::op_select_ssss:
      mov(rax, slot64(o[1]));
      mov(rcx, slot64(o[2]));
      cmp(slot32(o[3]), 0);
      cmove(rax, rcx);
      mov(slot64(o[0]), rax);
      keep_rax_as(o[0]);
      return Kind::native;
    case HandlerId::op_br_b:
      jmp(target(pos, int32_t(o[0])));
      return Kind::native;
    case HandlerId::op_br_if_sb:
      cmp(slot32(o[0]), 0);
      jne(target(pos, int32_t(o[1])));
      return Kind::native;
    case HandlerId::op_br_unless_sb:
      cmp(slot32(o[0]), 0);
      je(target(pos, int32_t(o[1])));
      return Kind::native;
    case HandlerId::op_br_on_null_sb:
      cmp(slot64(o[0]), 0);
      je(target(pos, int32_t(o[1])));
      return Kind::native;
    case HandlerId::op_br_on_non_null_sb:
      cmp(slot64(o[0]), 0);
      jne(target(pos, int32_t(o[1])));
      return Kind::native;
    case HandlerId::op_br_table_sT: {
      uint32_t count = o[1];
      tables_.push_back(std::make_unique<Table>());
      Table& t = *tables_.back();
      for (uint32_t i = 0; i <= count; ++i)
        t.targets.push_back(uint32_t(index_of[size_t(int64_t(pos) + int32_t(o[2 + i]))]));
      mov(eax, slot32(o[0]));
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
    case HandlerId::op_global_get_sx:
      mov(rdi, r15);
      mov(esi, o[1]);
      call_helper(reinterpret_cast<const void*>(&global_get));
      mov(slot64(o[0]), rax);
      return Kind::native;
    case HandlerId::op_global_set_xs:
      mov(rdi, r15);
      mov(esi, o[0]);
      mov(rdx, slot64(o[1]));
      call_helper(reinterpret_cast<const void*>(&global_set));
      return Kind::native;
    case HandlerId::op_ref_is_null_ss:
      cmp(slot64(o[1]), 0);
      store_bool(o[0], &Compiler::sete);
      return Kind::native;
    case HandlerId::op_call_xs:
    case HandlerId::op_call_indirect_sxxs: {
      bool direct = id == HandlerId::op_call_xs;
      uint32_t words = handler_info(id).words;
      uint32_t arg_slot = direct ? o[1] : o[3];
      mov(rdi, r15);
      if (direct) {
        mov(esi, o[0]);
        lea(rdx, ptr[rbx + arg_slot]);
        lea(rcx, ptr[r13 + int32_t((pos + words) * 4)]);
        mov(r8, rbx);
        call_helper(reinterpret_cast<const void*>(&call_direct));
      } else {
        lea(rsi, ptr[r13 + int32_t((pos + interp::kHandlerWords) * 4)]);
        mov(rdx, rbx);
        lea(rcx, ptr[r13 + int32_t((pos + words) * 4)]);
        call_helper(reinterpret_cast<const void*>(&call_indirect));
      }
      test(rax, rax);
      jz(slow(pos));
      lea(rbx, ptr[rbx + arg_slot]);
      jump_to_function();
      return Kind::guarded;
    }
    case HandlerId::op_return:
      mov(rdi, r15);
      call_helper(reinterpret_cast<const void*>(&return_compiled));
      test(rax, rax);
      jz(slow(pos));
      mov(rcx, qword[r15 + kStCs]);
      mov(rbx, qword[rcx + kFrameFp]);
      jump_to_function();
      return Kind::guarded;
    case HandlerId::op_ref_as_non_null_s:
      cmp(slot64(o[0]), 0);
      je(slow(pos));
      return Kind::guarded;
    case HandlerId::op_tier_count:  // compiled code counts nothing
      return Kind::native;
    default:
      return Kind::exit;
  }
}

#include "jit/compiler_simd.inc"

bool Compiler::run() {
  // Instruction boundaries.
  index_of.assign(n_ + 1, -1);
  for (uint32_t pos = 0; pos < n_;) {
    index_of[pos] = int32_t(starts.size());
    starts.push_back(pos);
    pos += uint32_t(interp::instruction_words(ir_ + pos));
  }
  index_of[n_] = int32_t(starts.size());  // one past the end (never a branch target, kept for safety)
  labels.resize(starts.size() + 1);
  offsets.assign(starts.size(), 0);
  kinds.assign(starts.size(), Kind::exit);

  // Entry trampoline (EnterFn): callee-saved registers, then fp, st, memory 0 base and IR base pinned in
  // rbx, r15, r14 and r13; the stack stays 16-byte aligned for helper calls.
  push(rbx);
  push(r13);
  push(r14);
  push(r15);
  CodeGenerator::sub(rsp, 8);
  mov(rbx, rdi);
  mov(r15, rsi);
  mov(r14, rcx);
  mov(r13, r8);
  jmp(rdx);
  L(epilogue_);
  mov(rdx, rbx);
  CodeGenerator::add(rsp, 8);
  pop(r15);
  pop(r14);
  pop(r13);
  pop(rbx);
  ret();

  // Instructions entered from elsewhere than the previous one: branch targets and exception landings
  // (the rest, the entry and whatever follows a non-`native` instruction, is known while emitting).
  std::vector<bool> entered(starts.size() + 1, false);
  for (size_t i = 0; i < starts.size(); ++i) {
    std::optional<HandlerId> id = interp::handler_from_word(load_word(ir_ + starts[i]));
    if (!id) continue;
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
  for (size_t i = 0; i < starts.size(); ++i) {
    uint32_t pos = starts[i];
    const uint32_t* ip = ir_ + pos;
    // Labels (costly in Xbyak: a hash map entry each) only where branches land; the rest by offset.
    if (entered[i]) L(labels[i]);
    offsets[i] = uint32_t(getSize());
    std::optional<HandlerId> id = interp::handler_from_word(load_word(ip));
    if (i == 0 || entered[i] || kinds[i - 1] != Kind::native) cache_in_ = vcache_in_ = -1;
    cache_out_ = vcache_out_ = -1;
    Kind k = Kind::exit;
    if (id) k = emit(*id, table[size_t(*id)], ip, pos);
    cache_in_ = k == Kind::exit ? -1 : cache_out_;
    vcache_in_ = k == Kind::exit ? -1 : vcache_out_;
    if (k == Kind::exit) exit_at(pos); else ++native_count;
    kinds[i] = k;
  }
  L(labels[starts.size()]);
  exit_at(uint32_t(n_));
  for (auto& s : stubs_) {
    L(s->label);
    exit_at(s->pos);
  }
  text_size = getSize();
  align(4);
  for (auto& t : tables_) {
    L(t->label);
    const uint8_t* base = t->label.getAddress();
    for (uint32_t target_index : t->targets)
      dd(uint32_t(int32_t(labels[target_index].getAddress() - base)));
  }
  emit_vconsts();
  return native_count > 0;
}

}  // namespace

namespace {

// One function's machine code before it is installed, and what compile() needs to publish it.
struct Generated {
  std::vector<uint8_t> bytes;
  std::vector<Kind> kinds;
  std::vector<uint32_t> starts;
  std::vector<uint32_t> offsets;  // per instruction, in `bytes`
  uint32_t native_count = 0;
  size_t text_size = 0;      // bytes of instructions (jump tables follow)
  uint32_t stubs_offset = 0;  // where the hand-overs at the IR's end and the slow-path stubs start
};

// Compiles `code` into `out`; false when nothing is worth compiling or the assembler failed (counted).
bool generate(const interp::FuncCode& code, Counters& c, Generated& out) {
  // Generous: the longest instruction sequence per IR word is well under 32 bytes.
  size_t cap = 4096 + code.code.size() * 48;
  std::unique_ptr<uint8_t[]> buffer(new uint8_t[cap]);  // not zeroed: Xbyak writes what it uses
  try {
    Compiler comp(code, buffer.get(), cap);
    if (!comp.run()) {
      c.not_compiled.fetch_add(1, std::memory_order_relaxed);
      c.exit_instrs.fetch_add(comp.starts.size(), std::memory_order_relaxed);
      return false;
    }
    out.kinds = std::move(comp.kinds);
    out.starts = std::move(comp.starts);
    out.offsets = std::move(comp.offsets);
    out.bytes.assign(comp.getCode(), comp.getCode() + comp.getSize());
    out.native_count = comp.native_count;
    out.text_size = comp.text_size;
    out.stubs_offset = uint32_t(comp.labels[out.starts.size()].getAddress() - comp.getCode());
  } catch (const std::exception&) {  // Xbyak: buffer too small, label too far
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
  c.exit_instrs.fetch_add(g.starts.size() - g.native_count, std::memory_order_relaxed);
  NativeCode nc;
  nc.native = native;
  nc.size = g.bytes.size();
  nc.text_size = g.text_size;
  nc.stubs_offset = g.stubs_offset;
  // Every instruction has machine code to jump to (the ones left to the interpreter hand over at once):
  // calls and returns between compiled functions jump to any of them.
  nc.native_at.assign(code.code.size(), 0);
  for (size_t i = 0; i < g.starts.size(); ++i) nc.native_at[g.starts[i]] = g.offsets[i];
  const NativeCode* n = memory.keep(std::move(nc));
  if (memory.perf_map && mc.module) perf_map_add(native, g.bytes.size(), *mc.module, code.func_index);

  const std::vector<Kind>& kinds = g.kinds;
  const std::vector<uint32_t>& starts = g.starts;
  // Where the interpreter enters machine code: a `native` instruction it may reach while interpreting,
  // i.e. the first one, one after any instruction machine code leaves to it, and exception landings.
  std::vector<bool> mark(starts.size(), false);
  for (size_t i = 0; i < starts.size(); ++i)
    if (kinds[i] == Kind::native && (i == 0 || kinds[i - 1] != Kind::native)) mark[i] = true;
  std::vector<int32_t> index_of(code.code.size() + 1, -1);
  for (size_t i = 0; i < starts.size(); ++i) index_of[starts[i]] = int32_t(i);
  for (const interp::FuncCode::Handler& h : code.handlers) {
    if (h.kind == interp::FuncCode::Handler::kDelegate || h.landing >= code.code.size()) continue;
    int32_t i = index_of[h.landing];
    if (i >= 0 && kinds[size_t(i)] == Kind::native) mark[size_t(i)] = true;
  }
  // Branch instructions left to the interpreter: their targets too (none of the forms compiled here
  // branches, except these, which the JIT compiles; kept general for the forms it does not).
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
  std::atomic_ref<const void*>(code.jit_data).store(n, std::memory_order_release);
  uint64_t resume_word = interp::handler_word(HandlerId::op_jit_resume, mc.config.dispatch);
  uint32_t halves[2];
  std::memcpy(halves, &resume_word, sizeof(halves));
  auto* words = const_cast<uint32_t*>(code.code.data());
  for (size_t i = 0; i < starts.size(); ++i) {
    if (!mark[i]) continue;
    uint32_t* w = words + starts[i];
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

bool compile_one(const interp::FuncCode& code, const interp::ModuleCode& mc, CodeMemory& memory) {
  Generated g;
  if (!generate(code, memory.counters, g)) return false;
  const uint8_t* native = memory.install(g.bytes);
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
  if (!compile_one(code, *mc, *memory)) give_up(code);
  return true;
}

}  // namespace

bool is_compiled(const runtime::FuncEntry& entry) { return compiled_code(&entry).code != nullptr; }

std::unique_ptr<interp::FuncCode> compile(std::unique_ptr<interp::FuncCode> code, const interp::ModuleCode& mc,
                                          CodeMemory& memory) {
  code->jit_resume = &resume;
  if (!compile_one(*code, mc, memory)) give_up(*code);
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
  for (uint32_t pos = 0; pos < n->native_at.size(); ++pos)
    if (n->native_at[pos] != 0) info.ir_map.emplace_back(n->native_at[pos], pos);
  info.ir_map.emplace_back(n->stubs_offset, uint32_t(code.code.size()));
  return info;
}

std::string_view helper_name(uint64_t address) {
  static const std::pair<const void*, std::string_view> kHelpers[] = {
      {reinterpret_cast<const void*>(&global_get), "global_get"},
      {reinterpret_cast<const void*>(&global_set), "global_set"},
      {reinterpret_cast<const void*>(&call_direct), "call_direct"},
      {reinterpret_cast<const void*>(&call_indirect), "call_indirect"},
      {reinterpret_cast<const void*>(&return_compiled), "return_compiled"},
      {reinterpret_cast<const void*>(&global_get128), "global_get128"},
      {reinterpret_cast<const void*>(&global_set128), "global_set128"}};
  for (const auto& [fn, name] : kHelpers)
    if (reinterpret_cast<uint64_t>(fn) == address) return name;
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
// executable once (code packing: the functions share pages, and one mmap/mprotect serves them all).
void compile_module(interp::ModuleCode& mc, CodeMemory& memory) {
  const wasm::Module& m = *mc.module;
  std::vector<std::unique_ptr<interp::FuncCode>> codes(mc.num_funcs);
  std::vector<Generated> gens(mc.num_funcs);
  std::vector<std::span<const uint8_t>> pieces;
  std::vector<size_t> which;
  for (size_t i = 0; i < mc.num_funcs; ++i) {
    Result<std::unique_ptr<interp::FuncCode>> built =
        interp::translate_function(m, uint32_t(m.num_imported_funcs + i), mc.config);
    if (!built) continue;  // reported when the function is prepared or called
    codes[i] = std::move(*built);
    codes[i]->jit_resume = &resume;
    if (generate(*codes[i], memory.counters, gens[i])) {
      pieces.push_back(gens[i].bytes);
      which.push_back(i);
    } else {
      give_up(*codes[i]);
    }
  }
  std::vector<const uint8_t*> at = memory.install_batch(pieces);
  for (size_t k = 0; k < which.size(); ++k) {
    size_t i = which[k];
    // The whole module over the limit: as many functions as fit, one mapping each.
    if (at[k] == nullptr) at[k] = memory.install(gens[i].bytes);
    if (at[k] == nullptr) {
      memory.counters.not_compiled.fetch_add(1, std::memory_order_relaxed);
      memory.counters.over_limit.fetch_add(1, std::memory_order_relaxed);
      give_up(*codes[i]);
    } else {
      publish(*codes[i], mc, memory, gens[i], at[k]);
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
