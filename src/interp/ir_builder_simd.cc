// IrBuilder: the SIMD hooks. A v128 value occupies two slots (DESIGN.md §2); operands and results use
// the same abstract stack and home slots as scalars (homes are packed by slot width).
#include <array>
#include <cstring>

#include "interp/ir_builder.h"
#include "interp/simd_op_lists.h"

namespace wisp::interp {

using wasm::SimdOp;
using wasm::ValType;

namespace {

constexpr HandlerId kNoHandler = HandlerId::count_;

// Handler of every SIMD operator: guarded form, and the explicit-bounds-check form and the form for
// memories other than memory 0 of memory operators.
struct SimdForms {
  std::array<HandlerId, wasm::kNumSimdOps> main;
  std::array<HandlerId, wasm::kNumSimdOps> chk;
  std::array<HandlerId, wasm::kNumSimdOps> other;
  std::array<HandlerId, wasm::kNumSimdOps> m64;
};

const SimdForms& simd_forms() {
  static const SimdForms forms = [] {
    SimdForms f;
    f.main.fill(kNoHandler);
    f.chk.fill(kNoHandler);
    f.other.fill(kNoHandler);
    f.m64.fill(kNoHandler);
#define WISP_F(id, form) f.main[size_t(SimdOp::id)] = HandlerId::op_##id##_##form;
#define WISP_F2(id, form, other_form)                          \
  f.main[size_t(SimdOp::id)] = HandlerId::op_##id##_##form;    \
  f.chk[size_t(SimdOp::id)] = HandlerId::op_##id##_##form##_chk; \
  f.other[size_t(SimdOp::id)] = HandlerId::op_##id##_##other_form;       \
  f.m64[size_t(SimdOp::id)] = HandlerId::op_##id##_m64_##other_form;
#define WISP_BIN(id) WISP_F(id, sss)
#define WISP_UN(id) WISP_F(id, ss)
#define WISP_SPLAT(id, T) WISP_F(id, ss)
#define WISP_EXTRACT(id, T) WISP_F(id, ssx)
#define WISP_REPLACE(id, T) WISP_F(id, ssxs)
#define WISP_LOAD(id, w) WISP_F2(id, sso, ssxI)
#define WISP_LOAD_LANE(id, w) WISP_F2(id, ssosx, ssxIsx)
#define WISP_STORE_LANE(id, w) WISP_F2(id, sosx, sxIsx)
    WISP_SIMD_BINOPS(WISP_BIN)
    WISP_SIMD_SHIFTS(WISP_BIN)
    WISP_SIMD_UNOPS(WISP_UN)
    WISP_SIMD_TESTS(WISP_UN)
    WISP_SIMD_SPLATS(WISP_SPLAT)
    WISP_SIMD_EXTRACTS(WISP_EXTRACT)
    WISP_SIMD_REPLACES(WISP_REPLACE)
    WISP_SIMD_LOADS(WISP_LOAD)
    WISP_SIMD_LOAD_LANES(WISP_LOAD_LANE)
    WISP_SIMD_STORE_LANES(WISP_STORE_LANE)
    WISP_SIMD_RELAXED_BINOPS(WISP_BIN)
    WISP_SIMD_RELAXED_UNOPS(WISP_UN)
#define WISP_TERN(id) WISP_F(id, ssss)
    WISP_SIMD_RELAXED_TERNOPS(WISP_TERN)
#undef WISP_TERN
    WISP_F2(v128_store, sos, sxIs)
    WISP_F(v128_bitselect, ssss)
    WISP_F(i8x16_shuffle, sssII)
    WISP_F(v128_const, sII)
#undef WISP_BIN
#undef WISP_UN
#undef WISP_SPLAT
#undef WISP_EXTRACT
#undef WISP_REPLACE
#undef WISP_LOAD
#undef WISP_LOAD_LANE
#undef WISP_STORE_LANE
#undef WISP_F
#undef WISP_F2
    return f;
  }();
  return forms;
}

ValType simd_result(SimdOp op) {
  std::string_view s = wasm::simd_op_info(op).sig;
  if (s.back() == ':') return ValType();
  switch (s.back()) {
    case 'I': return ValType::i64();
    case 'f': return ValType::f32();
    case 'F': return ValType::f64();
    case 'V': return ValType::v128();
    default: return ValType::i32();
  }
}

// Half `i` of 16 immediate bytes, as one 64-bit immediate operand (two IR words in memory order).
uint64_t half(const uint8_t* bytes, int i) {
  uint64_t w;
  std::memcpy(&w, bytes + 8 * i, 8);
  return w;
}

}  // namespace

void IrBuilder::on_v128_const(const uint8_t* bytes) {
  emit_result(HandlerId::op_v128_const_sII, ValType::v128(), {opd_imm(half(bytes, 0)), opd_imm(half(bytes, 1))});
}

// Operators whose operands are all stack values: pops them (right to left), emits handler(dst, operands).
void IrBuilder::on_simd(SimdOp op) {
  const wasm::SimdOpInfo& info = wasm::simd_op_info(op);
  std::string_view sig = info.sig;
  uint32_t np = uint32_t(sig.find(':'));
  uint32_t h = height() - np;
  uint32_t slots[3];
  for (uint32_t i = np; i-- > 0;) {
    Entry e = pop();
    slots[i] = slot_of(e, h + i);
  }
  Operands ops;
  for (uint32_t i = 0; i < np; ++i) ops.add(opd_s(slots[i]));
  emit_result(simd_forms().main[size_t(op)], simd_result(op), ops);
}

void IrBuilder::on_simd_lane(SimdOp op, uint8_t lane) {
  std::string_view sig = wasm::simd_op_info(op).sig;
  bool replace = sig.find(':') == 2;
  uint32_t h = height() - (replace ? 2 : 1);
  uint32_t scalar = 0;
  if (replace) scalar = slot_of(pop(), h + 1);
  uint32_t vec = slot_of(pop(), h);
  Operands ops{opd_s(vec), opd_x(lane)};
  if (replace) ops.add(opd_s(scalar));
  emit_result(simd_forms().main[size_t(op)], simd_result(op), ops);
}

void IrBuilder::on_simd_shuffle(const uint8_t* lanes) {
  uint32_t h = height() - 2;
  uint32_t b = slot_of(pop(), h + 1);
  uint32_t a = slot_of(pop(), h);
  emit_result(HandlerId::op_i8x16_shuffle_sssII, ValType::v128(),
              {opd_s(a), opd_s(b), opd_imm(half(lanes, 0)), opd_imm(half(lanes, 1))});
}

void IrBuilder::on_simd_mem(SimdOp op, const validate::MemArg& ma, uint8_t lane) {
  mark_site();
  const wasm::SimdOpInfo& info = wasm::simd_op_info(op);
  const SimdForms& f = simd_forms();
  HandlerId id = is64(ma.memory)                  ? f.m64[size_t(op)]
                 : ma.memory != 0                 ? f.other[size_t(op)]
                 : config_.explicit_bounds_checks ? f.chk[size_t(op)]
                                                  : f.main[size_t(op)];
  std::string_view sig = info.sig;
  bool with_vec = sig[1] == 'V';  // lane loads and all stores
  bool is_store = sig.back() == ':';
  uint32_t h = height() - (with_vec ? 2 : 1);
  uint32_t vec = 0;
  if (with_vec) vec = slot_of(pop(), h + 1);
  uint32_t addr = slot_of(pop(), h);
  Operands ops{opd_s(addr), opd_o(ma.offset)};
  if (ma.memory != 0 || is64(ma.memory)) ops = Operands{opd_s(addr), opd_x(ma.memory), opd_imm(ma.offset)};
  if (is_store) {  // address, offset, value [, lane]
    ops.add(opd_s(vec));
    if (info.imm == wasm::SimdImm::memarg_lane) ops.add(opd_x(lane));
    emit(id, ops);
    invalidate();
    return;
  }
  if (with_vec) ops.add({opd_s(vec), opd_x(lane)});  // lane load: vector, lane
  emit_result(id, ValType::v128(), ops);
}

}  // namespace wisp::interp
