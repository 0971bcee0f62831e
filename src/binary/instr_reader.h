// A raw instruction reader: decodes one instruction and its immediates from bytes, driven by the
// immediate kinds of wasm/opcodes.def and wasm/simd_opcodes.def (0xFD prefix). The module decoder frames
// constant expressions with it and the tools (print, inspect) list code with it. Unlike
// validate::FuncDecoder it does no typing and visits unreachable code too, which a printer needs.
// Structural errors only (Malformed).
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "binary/type_reader.h"
#include "util/error.h"
#include "wasm/opcodes.h"
#include "wasm/simd_opcodes.h"
#include "wasm/types.h"

namespace wisp::binary {

class ByteReader;

struct Instr {
  wasm::Op op = wasm::Op::nop;  // Op::nop for SIMD instructions (see `simd`)
  bool simd = false;            // a 0xFD-prefixed instruction: `simd_op` says which
  wasm::SimdOp simd_op{};
  size_t offset = 0;  // of the opcode byte
  size_t end = 0;     // one past the last immediate byte

  // Block types: exactly one of empty / single / type index.
  enum class Block : uint8_t { empty, single, index } block = Block::empty;
  wasm::ValType type;  // Block::single, ref.null's type (funcref/externref), select_t's first type
  std::vector<wasm::ValType> select_types;  // select_t (the whole vector)
  // GC: ref.test / ref.cast's type is `type`; br_on_cast(_fail) has rt1 in `type`, rt2 in `type2`, the
  // label in `a`. struct.get etc.: type index `a`, field `b`; array.new_fixed: type `a`, length `b`.
  wasm::ValType type2;

  uint32_t a = 0;  // first index immediate (label, func, type, local, global, table, data, elem, align)
  uint32_t b = 0;  // second index immediate (call_indirect table, table.init table, copy src, ...)
  uint64_t bits = 0;  // i32/i64 constants (sign-extended), float bit patterns, memarg offset
  std::vector<uint32_t> targets;  // br_table: the label vector (the default is `a`)
  // try_table's catch clauses: kind 0 catch, 1 catch_ref, 2 catch_all, 3 catch_all_ref.
  struct Catch {
    uint8_t kind = 0;
    uint32_t tag = 0;
    uint32_t label = 0;
  };
  std::vector<Catch> catches;
  uint8_t lane = 0;                // SIMD lane immediate
  std::array<uint8_t, 16> v128{};  // SIMD v128.const bytes or i8x16.shuffle lanes
};

// Single-byte opcode -> Op index (-1: not an instruction), at compile time (the body decoder uses it too).
inline constexpr auto kByteOps = [] {
  std::array<int16_t, 256> a{};
  a.fill(-1);
  for (size_t i = 0; i < wasm::kNumOps; ++i)
    if (wasm::kOpInfo[i].prefix == 0) a[wasm::kOpInfo[i].code] = int16_t(i);
  return a;
}();

// Reads the instruction at the reader's position into `in` and moves past it. `in` may be reused from
// instruction to instruction (its vectors keep their capacity). Running off the end is the reader's eof
// error; other errors are Malformed with an absolute offset.
// `types` says which type encodings value types and heap types may use (the module's features).
Result<void> read_instr(ByteReader& r, Instr& in, TypeOptions types = TypeOptions::from(Features::defaults()));
// Reads the instruction at `pos` in [begin, end) of `base`. Errors are Malformed with an absolute offset.
Result<Instr> read_instr(const uint8_t* base, size_t pos, size_t end,
                         TypeOptions types = TypeOptions::from(Features::defaults()));

// Reads every instruction of [begin, end) (a function body after its locals, or a constant expression
// including its final `end`).
Result<std::vector<Instr>> read_instrs(const uint8_t* base, size_t begin, size_t end,
                                       TypeOptions types = TypeOptions::from(Features::defaults()));

// The natural alignment (log2 of bytes) of a load or store, from its name: the digits after "load" /
// "store" give the access width ("i64.load16_s" -> 1), none means the type's ("f64.store" -> 3).
constexpr uint32_t natural_align_log2(wasm::Op op) {
  std::string_view name = wasm::op_info(op).name;
  std::string_view rest = name.substr(name.find('.') + 1);
  size_t i = 0;
  while (i < rest.size() && rest[i] >= 'a' && rest[i] <= 'z') ++i;
  uint32_t bits = 0;
  while (i < rest.size() && rest[i] >= '0' && rest[i] <= '9') bits = bits * 10 + uint32_t(rest[i++] - '0');
  if (bits == 0) bits = name.substr(1, 2) == "64" ? 64 : 32;
  uint32_t log2 = 0;
  while ((8u << log2) < bits) ++log2;
  return log2;
}
static_assert(natural_align_log2(wasm::Op::i64_load16_s) == 1 && natural_align_log2(wasm::Op::f64_store) == 3 &&
              natural_align_log2(wasm::Op::i32_store8) == 0 && natural_align_log2(wasm::Op::i64_load32_u) == 2);

}  // namespace wisp::binary
