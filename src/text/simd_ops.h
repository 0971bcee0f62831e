// SIMD (0xFD prefix) instruction names for the text format encoder, as a view of the shared table
// wasm/simd_opcodes.def (natural alignment in bytes, as the memarg parser wants it).
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace wisp::text {

enum class SimdImm : uint8_t { none, memarg, memarg_lane, lane, v128_const, shuffle };

struct SimdOp {
  uint32_t code;          // sub-opcode after 0xFD
  SimdImm imm;
  uint8_t natural_align;  // bytes, for memarg forms
};

std::optional<SimdOp> simd_op_from_name(std::string_view name);

}  // namespace wisp::text
