// FuncDecoder: the 0xFD (SIMD) prefix. Included by func_decoder_impl.h only.
// Immediates and typing come from wasm/simd_opcodes.def: memarg (+ lane), lane index, 16-byte
// v128.const, 16 shuffle lanes. Visitor hooks: on_simd, on_simd_lane, on_simd_mem, on_v128_const,
// on_simd_shuffle (see null_visitor.h).
#pragma once

#include "validate/func_decoder.h"
#include "wasm/simd_opcodes.h"

namespace wisp::validate {

namespace detail {

// Fixed signatures of every SIMD operator, parsed at compile time like kOpSigs.
inline constexpr auto kSimdSigs = [] {
  std::array<OpSig, wasm::kNumSimdOps> a{};
  for (size_t i = 0; i < wasm::kNumSimdOps; ++i) a[i] = parse_sig(wasm::kSimdOpInfo[i].sig);
  return a;
}();

}  // namespace detail

template <typename Tag, typename Visitor, typename Mode>
bool FuncDecoder<Tag, Visitor, Mode>::decode_simd(bool lv) {
  uint32_t sub;
  if (!read_u32(sub)) return false;
  std::optional<wasm::SimdOp> o = wasm::simd_op_from_code(sub, m_.features);
  if (!o) return malformed_opcode(0xFD, true, sub);
  const wasm::SimdOp op = *o;
  const wasm::SimdOpInfo& info = wasm::simd_op_info(op);
  MemArg ma;
  uint8_t lane = 0;
  const uint8_t* imm = nullptr;
  switch (info.imm) {
    case wasm::SimdImm::none:
      break;
    case wasm::SimdImm::memarg:
    case wasm::SimdImm::memarg_lane:
      if (!decode_memarg(info.align, ma)) return false;
      if (info.imm == wasm::SimdImm::memarg_lane) {
        if (!read_byte(lane)) return false;
        if (kCheck && lane >= info.lanes) return invalid("invalid lane index");
      }
      break;
    case wasm::SimdImm::lane:
      if (!read_byte(lane)) return false;
      if (kCheck && lane >= info.lanes) return invalid("invalid lane index");
      break;
    case wasm::SimdImm::v128:
    case wasm::SimdImm::shuffle:
      if (size_t(end_ - p_) < 16) {
        p_ = end_;
        return unexpected_end();
      }
      imm = p_;
      p_ += 16;
      if (kCheck && info.imm == wasm::SimdImm::shuffle) {
        for (int i = 0; i < 16; ++i)
          if (imm[i] >= info.lanes) return invalid("invalid lane index");
      }
      break;
  }
  const detail::OpSig& sig = detail::kSimdSigs[size_t(op)];
  const bool mem_op = info.imm == wasm::SimdImm::memarg || info.imm == wasm::SimdImm::memarg_lane;
  for (size_t i = sig.np; i-- > 0;)  // a memory operator's address (operand 0) has its memory's type
    if (!pop(mem_op && i == 0 ? addr_type(ma.memory) : sig.p[i])) return false;
  if (sig.nr) push(sig.r);
  if (!lv) return true;
  switch (info.imm) {
    case wasm::SimdImm::none: v_.on_simd(op); break;
    case wasm::SimdImm::memarg:
    case wasm::SimdImm::memarg_lane: v_.on_simd_mem(op, ma, lane); break;
    case wasm::SimdImm::lane: v_.on_simd_lane(op, lane); break;
    case wasm::SimdImm::v128: v_.on_v128_const(imm); break;
    case wasm::SimdImm::shuffle: v_.on_simd_shuffle(imm); break;
  }
  return true;
}

// In a constant expression only v128.const is allowed.
template <typename Tag, typename Visitor, typename Mode>
bool FuncDecoder<Tag, Visitor, Mode>::decode_simd_const() {
  uint32_t sub;
  if (!read_u32(sub)) return false;
  std::optional<wasm::SimdOp> o = wasm::simd_op_from_code(sub, m_.features);
  if (!o) return malformed_opcode(0xFD, true, sub);
  if (*o != wasm::SimdOp::v128_const) return invalid("constant expression required");
  if (size_t(end_ - p_) < 16) {
    p_ = end_;
    return unexpected_end();
  }
  const uint8_t* imm = p_;
  p_ += 16;
  push(ValType::v128());
  v_.on_v128_const(imm);
  return true;
}

}  // namespace wisp::validate
