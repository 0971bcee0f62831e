#include "wasm/opcodes.h"

#include <array>
#include <string>
#include <unordered_map>

namespace wisp::wasm {

namespace {

struct Tables {
  std::array<int16_t, 256> single;
  std::array<int16_t, 32> fc;
  std::unordered_map<std::string_view, Op> by_name;
  Tables() {
    single.fill(-1);
    fc.fill(-1);
    for (size_t i = 0; i < kNumOps; ++i) {
      const OpInfo& info = kOpInfo[i];
      if (info.prefix == 0) single[info.code] = int16_t(i);
      else if (info.prefix == 0xFC && info.code < fc.size()) fc[info.code] = int16_t(i);
      by_name.emplace(info.name, Op(i));  // first wins: "select" -> Op::select
      if (!info.legacy.empty()) by_name.emplace(info.legacy, Op(i));
    }
  }
};

const Tables& tables() {
  static const Tables t;
  return t;
}

}  // namespace

std::optional<Op> op_from_byte(uint8_t byte) {
  int16_t i = tables().single[byte];
  if (i < 0) return std::nullopt;
  return Op(i);
}

std::optional<Op> op_from_fc(uint32_t sub) {
  if (sub >= tables().fc.size() || tables().fc[sub] < 0) return std::nullopt;
  return Op(tables().fc[sub]);
}

std::optional<Op> op_from_name(std::string_view name) {
  auto it = tables().by_name.find(name);
  if (it == tables().by_name.end()) return std::nullopt;
  return it->second;
}

}  // namespace wisp::wasm
