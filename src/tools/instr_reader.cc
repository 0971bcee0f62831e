#include "tools/instr_reader.h"

#include <algorithm>
#include <string_view>

#include "binary/byte_reader.h"

namespace wisp::tools {

using wasm::ImmKind;
using wasm::Op;

namespace {

// Reads a value type byte (numeric or reference).
Result<wasm::ValType> read_valtype(binary::ByteReader& r) {
  size_t at = r.pos();
  auto b = r.u8();
  if (!b) return std::move(b.error());
  auto t = wasm::valtype_from_byte(*b);
  if (!t) return Error::malformed("malformed value type", at);
  return *t;
}

Result<void> read_imm(binary::ByteReader& r, Instr& in) {
  auto take = [&](Result<uint32_t> v, uint32_t& out) -> bool {
    if (!v) return false;
    out = *v;
    return true;
  };
  switch (wasm::op_info(in.op).imm) {
    case ImmKind::none:
      return {};
    case ImmKind::block: {
      auto p = r.peek();
      if (!p) return r.eof();
      if (*p == wasm::kBlockTypeEmpty) {
        (void)r.u8();
        in.block = Instr::Block::empty;
        return {};
      }
      if (auto t = wasm::valtype_from_byte(*p)) {
        (void)r.u8();
        in.block = Instr::Block::single;
        in.type = *t;
        return {};
      }
      size_t at = r.pos();
      auto idx = r.sleb<33>();
      if (!idx) return std::move(idx.error());
      if (*idx < 0) return Error::malformed("malformed block type", at);
      in.block = Instr::Block::index;
      in.a = uint32_t(*idx);
      return {};
    }
    case ImmKind::br_table: {
      auto n = r.length(r.end());
      if (!n) return std::move(n.error());
      in.targets.reserve(*n);
      for (uint32_t i = 0; i < *n; ++i) {
        auto t = r.u32();
        if (!t) return std::move(t.error());
        in.targets.push_back(*t);
      }
      auto d = r.u32();
      if (!d) return std::move(d.error());
      in.a = *d;
      return {};
    }
    case ImmKind::label:
    case ImmKind::func:
    case ImmKind::local:
    case ImmKind::global:
    case ImmKind::table:
    case ImmKind::data:
    case ImmKind::elem:
    case ImmKind::type_index:
    case ImmKind::tag: {
      auto v = r.u32();
      if (!take(v, in.a)) return std::move(v.error());
      return {};
    }
    case ImmKind::mem: {
      // A single memory index byte in 2.0 (the reserved 0x00).
      auto v = r.u8();
      if (!v) return std::move(v.error());
      in.a = *v;
      return {};
    }
    case ImmKind::call_indirect:
    case ImmKind::memory_init:
    case ImmKind::table_init:
    case ImmKind::table_copy:
    case ImmKind::struct_field:
    case ImmKind::array_fixed:
    case ImmKind::array_data:
    case ImmKind::array_elem:
    case ImmKind::array_copy:
    case ImmKind::memory_copy: {
      if (wasm::op_info(in.op).imm == ImmKind::memory_copy) {
        auto x = r.u8();
        if (!x) return std::move(x.error());
        auto y = r.u8();
        if (!y) return std::move(y.error());
        in.a = *x;
        in.b = *y;
        return {};
      }
      auto x = r.u32();
      if (!take(x, in.a)) return std::move(x.error());
      if (wasm::op_info(in.op).imm == ImmKind::memory_init) {
        auto y = r.u8();
        if (!y) return std::move(y.error());
        in.b = *y;
        return {};
      }
      auto y = r.u32();
      if (!take(y, in.b)) return std::move(y.error());
      return {};
    }
    case ImmKind::memarg: {
      auto al = r.u32();
      if (!take(al, in.a)) return std::move(al.error());
      auto off = r.u32();
      if (!off) return std::move(off.error());
      in.bits = *off;
      return {};
    }
    case ImmKind::i32: {
      auto v = r.sleb<32>();
      if (!v) return std::move(v.error());
      in.bits = uint64_t(*v);
      return {};
    }
    case ImmKind::i64: {
      auto v = r.sleb<64>();
      if (!v) return std::move(v.error());
      in.bits = uint64_t(*v);
      return {};
    }
    case ImmKind::f32:
    case ImmKind::f64: {
      size_t n = wasm::op_info(in.op).imm == ImmKind::f32 ? 4 : 8;
      auto s = r.bytes(n);
      if (!s) return std::move(s.error());
      uint64_t bits = 0;
      for (size_t i = 0; i < n; ++i) bits |= uint64_t((*s)[i]) << (8 * i);
      in.bits = bits;
      return {};
    }
    case ImmKind::select_t: {
      auto n = r.length(r.end());
      if (!n) return std::move(n.error());
      for (uint32_t i = 0; i < *n; ++i) {
        auto t = read_valtype(r);
        if (!t) return std::move(t.error());
        in.select_types.push_back(*t);
      }
      if (!in.select_types.empty()) in.type = in.select_types[0];
      return {};
    }
    case ImmKind::try_table:  // the lookups hide these until their features are complete
    case ImmKind::ref_test:
    case ImmKind::br_on_cast:
      return Error::malformed("illegal opcode", in.offset);
    case ImmKind::heap_type: {
      size_t at = r.pos();
      auto b = r.u8();
      if (!b) return std::move(b.error());
      if (*b == wasm::kTypeFuncRef) in.type = wasm::ValType::funcref();
      else if (*b == wasm::kTypeExternRef) in.type = wasm::ValType::externref();
      else return Error::malformed("malformed reference type", at);
      return {};
    }
  }
  return {};
}

// The 0xFD prefix: immediates from wasm/simd_opcodes.def.
Result<void> read_simd(binary::ByteReader& r, Instr& in) {
  auto sub = r.u32();
  if (!sub) return std::move(sub.error());
  auto op = wasm::simd_op_from_code(*sub);
  if (!op) return Error::malformed("illegal opcode", in.offset);
  in.simd = true;
  in.simd_op = *op;
  auto lane = [&]() -> Result<void> {
    auto l = r.u8();
    if (!l) return std::move(l.error());
    in.lane = *l;
    return {};
  };
  switch (wasm::simd_op_info(*op).imm) {
    case wasm::SimdImm::none:
      return {};
    case wasm::SimdImm::memarg:
    case wasm::SimdImm::memarg_lane: {
      auto al = r.u32();
      if (!al) return std::move(al.error());
      in.a = *al;
      auto off = r.u32();
      if (!off) return std::move(off.error());
      in.bits = *off;
      if (wasm::simd_op_info(*op).imm == wasm::SimdImm::memarg_lane) return lane();
      return {};
    }
    case wasm::SimdImm::lane:
      return lane();
    case wasm::SimdImm::v128:
    case wasm::SimdImm::shuffle: {
      auto s = r.bytes(16);
      if (!s) return std::move(s.error());
      std::copy(s->begin(), s->end(), in.v128.begin());
      return {};
    }
  }
  return {};
}

}  // namespace

Result<Instr> read_instr(const uint8_t* base, size_t pos, size_t end) {
  binary::ByteReader r(base, pos, end);
  Instr in;
  in.offset = pos;
  auto b = r.u8();
  if (!b) return std::move(b.error());
  std::optional<Op> op;
  if (*b == 0xFC) {
    auto sub = r.u32();
    if (!sub) return std::move(sub.error());
    op = wasm::op_from_fc(*sub);
  } else {
    op = wasm::op_from_byte(*b);
  }
  if (*b == 0xFD) {
    auto simd = read_simd(r, in);
    if (!simd) return std::move(simd.error());
    in.end = r.pos();
    return in;
  }
  if (!op) return Error::malformed("illegal opcode", pos);
  in.op = *op;
  auto imm = read_imm(r, in);
  if (!imm) return std::move(imm.error());
  in.end = r.pos();
  return in;
}

Result<std::vector<Instr>> read_instrs(const uint8_t* base, size_t begin, size_t end) {
  std::vector<Instr> out;
  size_t pos = begin;
  while (pos < end) {
    auto in = read_instr(base, pos, end);
    if (!in) return std::move(in.error());
    pos = in->end;
    out.push_back(std::move(*in));
  }
  return out;
}

uint32_t natural_align_log2(Op op) {
  std::string_view name = wasm::op_info(op).name;
  // "i64.load16_s": the digits after load/store give the access width; none means the full type.
  size_t dot = name.find('.');
  std::string_view rest = name.substr(dot + 1);
  size_t i = 0;
  while (i < rest.size() && rest[i] >= 'a' && rest[i] <= 'z') ++i;
  uint32_t bits = 0;
  while (i < rest.size() && rest[i] >= '0' && rest[i] <= '9') bits = bits * 10 + uint32_t(rest[i++] - '0');
  if (bits == 0) bits = (name.substr(1, 2) == "64") ? 64 : 32;
  uint32_t log2 = 0;
  while ((8u << log2) < bits) ++log2;
  return log2;
}

}  // namespace wisp::tools
