#include "text/simd_ops.h"

#include "wasm/simd_opcodes.h"

namespace wisp::text {

// The names, sub-opcodes and immediates come from the shared table (wasm/simd_opcodes.def).
std::optional<SimdOp> simd_op_from_name(std::string_view name) {
  std::optional<wasm::SimdOp> op = wasm::simd_op_from_name(name);
  if (!op) return std::nullopt;
  const wasm::SimdOpInfo& info = wasm::simd_op_info(*op);
  SimdImm imm = SimdImm::none;
  switch (info.imm) {
    case wasm::SimdImm::none: imm = SimdImm::none; break;
    case wasm::SimdImm::memarg: imm = SimdImm::memarg; break;
    case wasm::SimdImm::memarg_lane: imm = SimdImm::memarg_lane; break;
    case wasm::SimdImm::lane: imm = SimdImm::lane; break;
    case wasm::SimdImm::v128: imm = SimdImm::v128_const; break;
    case wasm::SimdImm::shuffle: imm = SimdImm::shuffle; break;
  }
  bool mem = imm == SimdImm::memarg || imm == SimdImm::memarg_lane;
  return SimdOp{info.code, imm, uint8_t(mem ? 1u << info.align : 0u)};
}

}  // namespace wisp::text
