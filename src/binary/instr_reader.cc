#include "binary/instr_reader.h"

#include <algorithm>

#include "binary/byte_reader.h"
#include "binary/type_reader.h"

namespace wisp::binary {

using wasm::ImmKind;
using wasm::Op;

namespace {

// Reads a value type (numeric or reference) with the one type reader.
Result<wasm::ValType> read_valtype(ByteReader& r, TypeOptions opt) {
  size_t at = r.pos();
  const uint8_t* p = r.cur();
  wasm::ValType t;
  TypeStatus s = read_val_type(p, r.base() + r.end(), t, opt);
  if (s == TypeStatus::eof) return r.eof();
  if (s != TypeStatus::ok) return Error::malformed("malformed value type", at);
  r.seek(size_t(p - r.base()));
  return t;
}

// A memory immediate: alignment flags in `a`, the offset in `bits` (64-bit), and the memory index in `b` when
// bit 6 of the flags announces one (multi-memory; the bit is cleared from `a`).
Result<void> read_memarg(ByteReader& r, Instr& in) {
  WISP_TRY(in.a, r.u32());
  in.b = 0;
  if (in.a & 0x40) {
    in.a &= ~0x40u;
    WISP_TRY(in.b, r.u32());
  }
  WISP_TRY(in.bits, r.uleb<64>());  // u64 for 64-bit memories (memory64); the validator checks the range
  return {};
}

// A heap type (s33) read as the reference type `nullable` says.
Result<void> read_cast_type(ByteReader& r, bool nullable, wasm::ValType& out, TypeOptions opt) {
  size_t at = r.pos();
  const uint8_t* p = r.cur();
  TypeStatus s = detail::read_heap_ref(p, r.base() + r.end(), nullable, out, opt);
  if (s == TypeStatus::eof) return r.eof();
  if (s != TypeStatus::ok) return Error::malformed("malformed heap type", at);
  r.seek(size_t(p - r.base()));
  return {};
}

Result<void> read_imm(ByteReader& r, Instr& in, TypeOptions opt);
[[gnu::always_inline]] inline Result<void> read_imm_inline(ByteReader& r, Instr& in, TypeOptions opt);
Result<void> read_imm(ByteReader& r, Instr& in, TypeOptions opt) { return read_imm_inline(r, in, opt); }

[[gnu::always_inline]] inline Result<void> read_imm_inline(ByteReader& r, Instr& in, TypeOptions opt) {
  switch (wasm::op_info(in.op).imm) {
    case ImmKind::none:
      return {};
    case ImmKind::try_table: {  // a block type, then the catch clauses
      in.op = Op::block;
      WISP_TRY(read_imm(r, in, opt));
      in.op = Op::try_table;
      WISP_TRY(uint32_t n, r.length(r.end()));
      for (uint32_t i = 0; i < n; ++i) {
        Instr::Catch c;
        size_t at = r.pos();
        WISP_TRY(c.kind, r.u8());
        if (c.kind > 3) return Error::malformed("malformed catch clause", at);
        if (c.kind <= 1) {
          WISP_TRY(c.tag, r.u32());
        }
        WISP_TRY(c.label, r.u32());
        in.catches.push_back(c);
      }
      return {};
    }
    case ImmKind::block: {
      auto p = r.peek();
      if (!p) return r.eof();
      if (*p == wasm::kBlockTypeEmpty) {
        (void)r.u8();
        in.block = Instr::Block::empty;
        return {};
      }
      if (one_byte_type(*p, in.type)) {
        (void)r.u8();
        in.block = Instr::Block::single;
        return {};
      }
      if (*p >= 0x40 && *p < 0x80) {  // a negative one-byte s33: maybe a (reference) type of a later proposal
        const uint8_t* q = r.cur();
        if (read_val_type(q, r.base() + r.end(), in.type, opt) != TypeStatus::bad_byte) {
          WISP_TRY(in.type, read_valtype(r, opt));
          in.block = Instr::Block::single;
          return {};
        }
      }
      size_t at = r.pos();
      WISP_TRY(int64_t idx, r.sleb<33>());
      if (idx < 0) return Error::malformed("malformed block type", at);
      in.block = Instr::Block::index;
      in.a = uint32_t(idx);
      return {};
    }
    case ImmKind::br_table: {
      WISP_TRY(uint32_t n, r.length(r.end()));
      in.targets.reserve(n);
      for (uint32_t i = 0; i < n; ++i) {
      WISP_TRY(uint32_t t, r.u32());
        in.targets.push_back(t);
      }
      WISP_TRY(in.a, r.u32());
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
      WISP_TRY(in.a, r.u32());
      return {};
    }
    case ImmKind::mem: {  // a memory index (multi-memory; the reserved 0x00 in 2.0)
      WISP_TRY(in.a, r.u32());
      return {};
    }
    case ImmKind::memory_copy: {
      WISP_TRY(in.a, r.u32());
      WISP_TRY(in.b, r.u32());
      return {};
    }
    case ImmKind::memory_init: {
      WISP_TRY(in.a, r.u32());
      WISP_TRY(in.b, r.u32());
      return {};
    }
    case ImmKind::call_indirect:
    case ImmKind::table_init:
    case ImmKind::table_copy:
    case ImmKind::struct_field:
    case ImmKind::array_fixed:
    case ImmKind::array_data:
    case ImmKind::array_elem:
    case ImmKind::array_copy: {
      WISP_TRY(in.a, r.u32());
      WISP_TRY(in.b, r.u32());
      return {};
    }
    case ImmKind::memarg:
      return read_memarg(r, in);
    case ImmKind::i32: {
      WISP_TRY(int64_t v, r.sleb<32>());
      in.bits = uint64_t(v);
      return {};
    }
    case ImmKind::i64: {
      WISP_TRY(int64_t v, r.sleb<64>());
      in.bits = uint64_t(v);
      return {};
    }
    case ImmKind::f32:
    case ImmKind::f64: {
      size_t n = wasm::op_info(in.op).imm == ImmKind::f32 ? 4 : 8;
      WISP_TRY(std::span<const uint8_t> s, r.bytes(n));
      uint64_t bits = 0;
      for (size_t i = 0; i < n; ++i) bits |= uint64_t(s[i]) << (8 * i);
      in.bits = bits;
      return {};
    }
    case ImmKind::select_t: {
      WISP_TRY(uint32_t n, r.length(r.end()));
      for (uint32_t i = 0; i < n; ++i) {
      WISP_TRY(wasm::ValType t, read_valtype(r, opt));
        in.select_types.push_back(t);
      }
      if (!in.select_types.empty()) in.type = in.select_types[0];
      return {};
    }
    case ImmKind::ref_test: {  // GC: a heap type; the op (ref.test or ref.test null, ...) gives nullability
      bool nullable = in.op == Op::ref_test_null || in.op == Op::ref_cast_null;
      return read_cast_type(r, nullable, in.type, opt);
    }
    case ImmKind::br_on_cast: {  // flags (bit 0: rt1 nullable, bit 1: rt2 nullable), label, ht1, ht2
      size_t at = r.pos();
      WISP_TRY(uint8_t flags, r.u8());
      if (flags > 3) return Error::malformed("malformed br_on_cast flags", at);
      WISP_TRY(in.a, r.u32());
      WISP_TRY(read_cast_type(r, flags & 1, in.type, opt));
      return read_cast_type(r, flags & 2, in.type2, opt);
    }
    case ImmKind::heap_type: {
      size_t at = r.pos();
      const uint8_t* p = r.cur();
      TypeStatus s = read_heap_type(p, r.base() + r.end(), in.type, opt);
      if (s == TypeStatus::eof) return r.eof();
      if (s != TypeStatus::ok) return Error::malformed("malformed reference type", at);
      r.seek(size_t(p - r.base()));
      return {};
    }
  }
  return {};
}

// The 0xFD prefix: immediates from wasm/simd_opcodes.def.
Result<void> read_simd(ByteReader& r, Instr& in) {
  WISP_TRY(uint32_t sub, r.u32());
  auto op = wasm::simd_op_from_code(sub);
  if (!op) return Error::malformed("illegal opcode", in.offset);
  in.simd = true;
  in.simd_op = *op;
  auto lane = [&]() -> Result<void> {
    WISP_TRY(in.lane, r.u8());
    return {};
  };
  switch (wasm::simd_op_info(*op).imm) {
    case wasm::SimdImm::none:
      return {};
    case wasm::SimdImm::memarg:
    case wasm::SimdImm::memarg_lane: {
      WISP_TRY(read_memarg(r, in));
      if (wasm::simd_op_info(*op).imm == wasm::SimdImm::memarg_lane) return lane();
      return {};
    }
    case wasm::SimdImm::lane:
      return lane();
    case wasm::SimdImm::v128:
    case wasm::SimdImm::shuffle: {
      WISP_TRY(std::span<const uint8_t> s, r.bytes(16));
      std::copy(s.begin(), s.end(), in.v128.begin());
      return {};
    }
  }
  return {};
}

}  // namespace

Result<void> read_instr(ByteReader& r, Instr& in, TypeOptions types) {
  // Reset what a previous instruction may have set (the vectors keep their capacity).
  in.op = Op::nop;
  in.simd = false;
  in.block = Instr::Block::empty;
  in.type = in.type2 = wasm::ValType();
  in.select_types.clear();
  in.a = in.b = 0;
  in.bits = 0;
  in.targets.clear();
  in.catches.clear();
  in.lane = 0;
  in.offset = r.pos();
  WISP_TRY(uint8_t b, r.u8());
  std::optional<Op> op;
  // GC's instructions (the 0xFB prefix, ref.eq) exist when its types do.
  const Features features = types.gc ? Features::defaults().set(Feature::gc) : Features::defaults();
  if (b == 0xFC) {
    WISP_TRY(uint32_t sub, r.u32());
    op = wasm::op_from_fc(sub);
  } else if (b == 0xFB) {
    WISP_TRY(uint32_t sub, r.u32());
    op = wasm::op_from_fb(sub, features);
  } else {
    op = wasm::op_from_byte(b, features);  // (not kByteOps: the lookup is where disabled features are hidden)
  }
  if (b == 0xFD) {
    WISP_TRY(read_simd(r, in));
    in.end = r.pos();
    return {};
  }
  if (!op) return Error::malformed("illegal opcode", in.offset);
  in.op = *op;
  WISP_TRY(read_imm_inline(r, in, types));
  in.end = r.pos();
  return {};
}

Result<Instr> read_instr(const uint8_t* base, size_t pos, size_t end, TypeOptions types) {
  ByteReader r(base, pos, end);
  Instr in;
  WISP_TRY(read_instr(r, in, types));
  return in;
}

Result<std::vector<Instr>> read_instrs(const uint8_t* base, size_t begin, size_t end, TypeOptions types) {
  std::vector<Instr> out;
  size_t pos = begin;
  while (pos < end) {
    WISP_TRY(Instr in, read_instr(base, pos, end, types));
    pos = in.end;
    out.push_back(std::move(in));
  }
  return out;
}

}  // namespace wisp::binary
