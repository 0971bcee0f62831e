// FuncDecoder: exception handling (features exceptions and legacy-exceptions). Included by
// func_decoder_impl.h only. throw / throw_ref / try_table of the exceptions proposal, and the legacy
// try / catch / catch_all / delegate / rethrow that compilers still emit (`throw` belongs to both).
// Visitor hooks: on_throw, on_throw_ref, on_try_table, on_try, on_catch, on_catch_all, on_delegate,
// on_rethrow (see null_visitor.h).
#pragma once

#include "validate/func_decoder.h"

namespace wisp::validate {

template <typename Tag, typename Visitor, typename Mode>
bool FuncDecoder<Tag, Visitor, Mode>::decode_exn(uint8_t b, bool lv) {
  const Op op = Op(detail::kByteOps[b]);
  // `throw` is part of both encodings; every other instruction of one encoding needs its feature.
  bool on = op == Op::throw_ ? (m_.features.has(Feature::exceptions) || m_.features.has(Feature::legacy_exceptions))
                             : m_.features.has(wasm::op_info(op).feature);
  if (!on) {
    --p_;
    return unknown_opcode(b);
  }
  switch (op) {
    case Op::throw_: {
      uint32_t t;
      if (!read_u32(t) || !check_tag(t)) return false;
      const wasm::FuncType& ft = m_.tag_type(t);
      if (!pop_all(ft.params)) return false;
      if (lv) v_.on_throw(t, ft);
      set_unreachable();
      return true;
    }
    case Op::throw_ref: {
      ValType t;
      if (!pop_any(t)) return false;
      if constexpr (kCheck) {
        bool exn = t.is_ref() && (t.heap() == uint32_t(wasm::HeapKind::exn) || t.heap() == uint32_t(wasm::HeapKind::noexn));
        if (t != kUnknownType && !exn) return type_mismatch();
      }
      if (lv) v_.on_throw_ref();
      set_unreachable();
      return true;
    }
    case Op::try_table:
      return decode_try_table(lv);
    case Op::try_: {
      BlockType bt;
      if (!read_block_type(bt)) return false;
      if (!pop_all(params(bt))) return false;
      v_.on_try(BlockSig{params(bt), results(bt)}, lv);
      push_ctrl(CtrlKind::try_, bt, lv);
      return true;
    }
    case Op::catch_:
    case Op::catch_all: {
      CtrlFrame& f = *cur_;
      if (kCheck && f.kind != CtrlKind::try_ && f.kind != CtrlKind::catch_) {
        --p_;
        return malformed("END opcode expected");
      }
      uint32_t t = 0;
      if (op == Op::catch_ && (!read_u32(t) || !check_tag(t))) return false;
      // The previous body (try or catch) ends like a block.
      if constexpr (kCheck) {
        if (!pop_all(results(f.bt))) return false;
        if (height() != f.height) return type_mismatch();
      } else {
        sp_ = vbase_ + f.height;
      }
      f.unreachable = false;
      live_ = f.live_entry;
      if (op == Op::catch_) {
        const wasm::FuncType& ft = m_.tag_type(t);
        v_.on_catch(t, ft, lv);
        f.kind = CtrlKind::catch_;
        push_all(ft.params);
      } else {
        v_.on_catch_all(lv);
        f.kind = CtrlKind::catch_all;
      }
      return true;
    }
    case Op::delegate: {
      CtrlFrame& f = *cur_;
      if (kCheck && f.kind != CtrlKind::try_) {
        --p_;
        return malformed("END opcode expected");
      }
      uint32_t d;
      if (!read_u32(d)) return false;
      // The label is looked up outside the try block.
      if (kCheck && d >= depth() - 1) return invalid_index("unknown label", d);
      std::span<const ValType> rs = results(f.bt);
      if constexpr (kCheck) {
        if (!pop_all(rs)) return false;
        if (height() != f.height) return type_mismatch();
      } else {
        sp_ = vbase_ + f.height;
      }
      --cur_;
      live_ = cur_->live_entry && !cur_->unreachable;
      v_.on_delegate(d, lv);
      push_all(rs);  // still valid: the popped frame stays intact until the next push_ctrl
      return true;
    }
    case Op::rethrow: {
      uint32_t d;
      if (!read_u32(d) || !check_label(d)) return false;
      CtrlKind k = label_frame(d).kind;
      if (kCheck && k != CtrlKind::catch_ && k != CtrlKind::catch_all) return invalid("invalid rethrow label");
      if (lv) v_.on_rethrow(d);
      set_unreachable();
      return true;
    }
    default:
      break;
  }
  --p_;
  return unknown_opcode(b);
}

template <typename Tag, typename Visitor, typename Mode>
bool FuncDecoder<Tag, Visitor, Mode>::decode_try_table(bool lv) {
  BlockType bt;
  if (!read_block_type(bt)) return false;
  uint32_t n;
  if (!read_u32(n)) return false;
  if (n > size_t(end_ - p_)) {  // every clause takes at least two bytes
    p_ = end_;
    return unexpected_end();
  }
  s_.catches.clear();
  for (uint32_t i = 0; i < n; ++i) {
    uint8_t kind = 0;
    if (!read_byte(kind)) return false;
    if (kind > 3) {
      --p_;
      return malformed("malformed catch clause");
    }
    CatchClause c;
    c.kind = CatchClause::Kind(kind);
    if (kind <= CatchClause::kCatchRef && (!read_u32(c.tag) || !check_tag(c.tag))) return false;
    if (!read_u32(c.label) || !check_label(c.label)) return false;
    if constexpr (kCheck) {
      // The clause's values (the tag's params, then (ref exn) for the _ref forms) must match the label.
      std::span<const ValType> lt = label_types(label_frame(c.label));
      std::span<const ValType> ps;
      if (kind <= CatchClause::kCatchRef) ps = m_.tag_type(c.tag).params;
      bool ref = kind == CatchClause::kCatchRef || kind == CatchClause::kCatchAllRef;
      if (lt.size() != ps.size() + (ref ? 1 : 0)) return type_mismatch();
      for (size_t k = 0; k < ps.size(); ++k)
        if ((ps[k] != lt[k] && !subtype(ps[k], lt[k]))) return type_mismatch();
      if (ref && !subtype(ValType::ref(uint32_t(wasm::HeapKind::exn), false), lt.back()))
        return type_mismatch();
    }
    s_.catches.push_back(c);
  }
  if (!pop_all(params(bt))) return false;
  v_.on_try_table(BlockSig{params(bt), results(bt)}, std::span<const CatchClause>(s_.catches), lv);
  push_ctrl(CtrlKind::try_table, bt, lv);
  return true;
}

}  // namespace wisp::validate
