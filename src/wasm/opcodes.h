// Opcode enumeration and per-opcode metadata generated from opcodes.def.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

#include "wisp/features.h"

namespace wisp::wasm {

// Kinds of immediates that follow an opcode in the binary format.
enum class ImmKind : uint8_t {
  none,
  block,          // block type: 0x40 | valtype | s33 type index
  label,          // u32 label depth
  br_table,       // vec(u32) + u32 default
  func,           // u32 function index
  call_indirect,  // u32 type index, u32 table index
  local,          // u32 local index
  global,         // u32 global index
  table,          // u32 table index
  memarg,         // u32 align, u32 offset
  mem,            // u32 memory index (a 0x00 byte in 2.0)
  i32,            // s32
  i64,            // s64
  f32,            // 4 bytes
  f64,            // 8 bytes
  select_t,       // vec(valtype)
  heap_type,      // ref.null's heap type
  memory_init,    // u32 data index, u32 memory index
  data,           // u32 data index
  memory_copy,    // u32 memory index (dst), u32 memory index (src)
  table_init,     // u32 elem index, u32 table index
  elem,           // u32 elem index
  table_copy,     // u32 table index (dst), u32 table index (src)
  type_index,     // u32 type index (call_ref, return_call_ref)
  tag,            // u32 tag index (throw, legacy catch)
  try_table,      // block type, vec(catch clause)
  struct_field,   // u32 type index, u32 field index
  array_fixed,    // u32 type index, u32 length
  array_data,     // u32 type index, u32 data index
  array_elem,     // u32 type index, u32 elem index
  array_copy,     // u32 type index (dst), u32 type index (src)
  ref_test,       // s33 heap type (ref.test, ref.cast)
  br_on_cast,     // u8 flags, u32 label, s33 heap type, s33 heap type
};

// Every opcode. The underlying value is a dense index, not the binary encoding.
enum class Op : uint16_t {
#define WISP_OP(prefix, code, ident, text, imm, sig, legacy, feature) ident,
#include "wasm/opcodes.def"
#undef WISP_OP
  count_
};

constexpr size_t kNumOps = size_t(Op::count_);

struct OpInfo {
  uint8_t prefix;          // 0, 0xFB or 0xFC
  uint32_t code;           // byte, or sub-opcode after the prefix
  std::string_view name;   // text-format name
  ImmKind imm;
  std::string_view sig;    // "params:results" or "" (see opcodes.def)
  std::string_view legacy; // older text name or ""
  Feature feature;         // the post-2.0 proposal it belongs to; Feature::none for Wasm 2.0
};

inline constexpr OpInfo kOpInfo[] = {
#define WISP_OP(prefix, code, ident, text, imm, sig, legacy, feature) \
  {prefix, code, text, ImmKind::imm, sig, legacy, Feature::feature},
#include "wasm/opcodes.def"
#undef WISP_OP
};

constexpr const OpInfo& op_info(Op op) { return kOpInfo[size_t(op)]; }

// Binary decoding tables: single-byte opcodes and 0xFC sub-opcodes to Op (nullopt if unknown). The
// instructions of features not in `enabled` count as unknown: by default those not complete in wisp, so
// a layer sees a feature's instructions only once it asks for them.
std::optional<Op> op_from_byte(uint8_t byte, Features enabled = Features::defaults());
std::optional<Op> op_from_fc(uint32_t sub, Features enabled = Features::defaults());
std::optional<Op> op_from_fb(uint32_t sub, Features enabled = Features::defaults());
// Text-format lookup, accepting legacy names. "select" maps to Op::select. Features as above.
std::optional<Op> op_from_name(std::string_view name, Features enabled = Features::defaults());

}  // namespace wisp::wasm
