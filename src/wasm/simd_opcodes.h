// SIMD (0xFD prefix) opcode enumeration and metadata generated from simd_opcodes.def. Kept apart from
// wasm::Op so the scalar tables (single byte and 0xFC) stay dense.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "wisp/features.h"

namespace wisp::wasm {

enum class SimdImm : uint8_t { none, memarg, memarg_lane, lane, v128, shuffle };

enum class SimdOp : uint16_t {
#define WISP_SIMD_OP(code, ident, text, imm, sig, align, lanes, feature) ident,
#include "wasm/simd_opcodes.def"
#undef WISP_SIMD_OP
  count_
};

constexpr size_t kNumSimdOps = size_t(SimdOp::count_);

struct SimdOpInfo {
  uint32_t code;          // sub-opcode after 0xFD
  std::string_view name;  // text-format name
  SimdImm imm;
  std::string_view sig;   // "params:results"
  uint8_t align;          // log2 natural alignment (memory forms)
  uint8_t lanes;          // lane immediate bound (0: no lane immediate)
  Feature feature;        // Feature::none for Wasm 2.0
};

inline constexpr SimdOpInfo kSimdOpInfo[] = {
#define WISP_SIMD_OP(code, ident, text, imm, sig, align, lanes, feature) \
  {code, text, SimdImm::imm, sig, align, lanes, Feature::feature},
#include "wasm/simd_opcodes.def"
#undef WISP_SIMD_OP
};

constexpr const SimdOpInfo& simd_op_info(SimdOp op) { return kSimdOpInfo[size_t(op)]; }

// Sub-opcodes are all below 0x114 (relaxed SIMD ends at 0x113); -1 marks unassigned codes.
inline constexpr size_t kNumSimdCodes = 0x114;
inline constexpr auto kSimdByCode = [] {
  std::array<int16_t, kNumSimdCodes> a{};
  for (auto& x : a) x = -1;
  for (size_t i = 0; i < kNumSimdOps; ++i) a[kSimdOpInfo[i].code] = int16_t(i);
  return a;
}();

// The instructions of features not in `enabled` count as unknown (see op_from_byte in opcodes.h).
inline std::optional<SimdOp> simd_op_from_code(uint32_t code, Features enabled = Features::defaults()) {
  if (code >= kNumSimdCodes || kSimdByCode[code] < 0) return std::nullopt;
  if (!enabled.has(kSimdOpInfo[size_t(kSimdByCode[code])].feature)) return std::nullopt;
  return SimdOp(kSimdByCode[code]);
}

// Text-format lookup. Features as above.
std::optional<SimdOp> simd_op_from_name(std::string_view name, Features enabled = Features::defaults());

}  // namespace wisp::wasm
