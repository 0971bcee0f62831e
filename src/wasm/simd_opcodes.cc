#include <string>
#include <unordered_map>

#include "wasm/simd_opcodes.h"

namespace wisp::wasm {

std::optional<SimdOp> simd_op_from_name(std::string_view name, Features enabled) {
  static const std::unordered_map<std::string_view, SimdOp> by_name = [] {
    std::unordered_map<std::string_view, SimdOp> m;
    for (size_t i = 0; i < kNumSimdOps; ++i) m.emplace(kSimdOpInfo[i].name, SimdOp(i));
    return m;
  }();
  auto it = by_name.find(name);
  if (it == by_name.end() || !enabled.has(kSimdOpInfo[size_t(it->second)].feature)) return std::nullopt;
  return it->second;
}

}  // namespace wisp::wasm
