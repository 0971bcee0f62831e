#include "wasm/opcodes.h"

#include <array>
#include <string>
#include <unordered_map>

namespace wisp::wasm {

namespace {

// Byte -> Op tables for the decoder, and the name -> Op map for the text parser, built separately: a
// binary-only run (`wisp run x.wasm`) never pays for hashing ~600 names (and freeing them at exit).
struct CodeTables {
  std::array<int16_t, 256> single;
  std::array<int16_t, 32> fc;
  std::array<int16_t, 32> fb;
  CodeTables() {
    single.fill(-1);
    fc.fill(-1);
    fb.fill(-1);
    for (size_t i = 0; i < kNumOps; ++i) {
      const OpInfo& info = kOpInfo[i];
      if (info.prefix == 0) single[info.code] = int16_t(i);
      else if (info.prefix == 0xFC && info.code < fc.size()) fc[info.code] = int16_t(i);
      else if (info.prefix == 0xFB && info.code < fb.size()) fb[info.code] = int16_t(i);
    }
  }
};

struct NameTable {
  std::unordered_map<std::string_view, Op> by_name;
  NameTable() {
    for (size_t i = 0; i < kNumOps; ++i) {
      const OpInfo& info = kOpInfo[i];
      by_name.emplace(info.name, Op(i));  // first wins: "select" -> Op::select
      if (!info.legacy.empty()) by_name.emplace(info.legacy, Op(i));
    }
  }
};

const CodeTables& tables() {
  static const CodeTables t;
  return t;
}

const NameTable& name_table() {
  static const NameTable t;
  return t;
}

}  // namespace

namespace {
std::optional<Op> if_enabled(Op op, Features enabled) {
  if (!enabled.has(op_info(op).feature)) return std::nullopt;
  return op;
}
}  // namespace

std::optional<Op> op_from_byte(uint8_t byte, Features enabled) {
  int16_t i = tables().single[byte];
  if (i < 0) return std::nullopt;
  return if_enabled(Op(i), enabled);
}

std::optional<Op> op_from_fc(uint32_t sub, Features enabled) {
  if (sub >= tables().fc.size() || tables().fc[sub] < 0) return std::nullopt;
  return if_enabled(Op(tables().fc[sub]), enabled);
}

std::optional<Op> op_from_fb(uint32_t sub, Features enabled) {
  if (sub >= tables().fb.size() || tables().fb[sub] < 0) return std::nullopt;
  return if_enabled(Op(tables().fb[sub]), enabled);
}

std::optional<Op> op_from_name(std::string_view name, Features enabled) {
  auto it = name_table().by_name.find(name);
  if (it == name_table().by_name.end()) return std::nullopt;
  return if_enabled(it->second, enabled);
}

}  // namespace wisp::wasm
