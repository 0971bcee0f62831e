// FuncDecoder: garbage collection (feature gc): the 0xFB-prefixed instructions and ref.eq, in function
// bodies and (the allocating and converting ones) in constant expressions. Included by
// func_decoder_impl.h only. Typing follows the Wasm 3.0 spec; messages are the reference interpreter's.
// Visitor hooks: on_struct_*, on_array_*, on_ref_i31, on_i31_get, on_ref_test, on_ref_cast,
// on_br_on_cast, on_any_convert_extern, on_extern_convert_any, on_ref_eq (see null_visitor.h).
#pragma once

#include "validate/func_decoder.h"

namespace wisp::validate {

namespace detail {
// 0xFB sub-opcode -> Op index (-1: none).
inline constexpr size_t kNumFbOps = 32;
inline constexpr auto kFbOps = [] {
  std::array<int16_t, kNumFbOps> a{};
  for (auto& x : a) x = -1;
  for (size_t i = 0; i < wasm::kNumOps; ++i)
    if (wasm::kOpInfo[i].prefix == 0xFB && wasm::kOpInfo[i].code < kNumFbOps) a[wasm::kOpInfo[i].code] = int16_t(i);
  return a;
}();

// A visitor's optional report that it cannot handle the instruction it was just given.
template <typename V>
const char* visitor_unsupported(const V& v) {
  if constexpr (requires { v.unsupported(); }) return v.unsupported();
  else return nullptr;
}
}  // namespace detail

// The type index immediate of a struct instruction: it must name a struct type.
template <typename Tag, typename Visitor, typename Mode>
bool FuncDecoder<Tag, Visitor, Mode>::read_struct_type(uint32_t& ti) {
  if (!read_u32(ti) || !check_type_index(ti)) return false;
  if (kCheck && !m_.is_struct_type(ti)) return invalid_index("non-structure type", ti);
  return true;
}

template <typename Tag, typename Visitor, typename Mode>
bool FuncDecoder<Tag, Visitor, Mode>::read_array_type(uint32_t& ti) {
  if (!read_u32(ti) || !check_type_index(ti)) return false;
  if (kCheck && !m_.is_array_type(ti)) return invalid_index("non-array type", ti);
  return true;
}

// Pops a reference that must be a subtype of `expected` (a reference type); `out` is its static type
// (kUnknownType in dead code).
template <typename Tag, typename Visitor, typename Mode>
bool FuncDecoder<Tag, Visitor, Mode>::pop_ref(ValType expected, ValType& out) {
  if (!pop_any(out)) return false;
  if (kCheck && out != kUnknownType && out != expected && !subtype(out, expected)) return type_mismatch();
  return true;
}

// The heap type immediate of ref.test / ref.cast / br_on_cast (an s33), as a reference type.
template <typename Tag, typename Visitor, typename Mode>
bool FuncDecoder<Tag, Visitor, Mode>::read_cast_type(bool nullable, ValType& out) {
  switch (binary::detail::read_heap_ref(p_, end_, nullable, out, types_)) {
    case binary::TypeStatus::ok: return check_val_type(out);
    case binary::TypeStatus::eof: return unexpected_end();
    default: return malformed("malformed heap type");
  }
}

template <typename Tag, typename Visitor, typename Mode>
bool FuncDecoder<Tag, Visitor, Mode>::gc_hook_done() {
  if (const char* msg = detail::visitor_unsupported(v_)) [[unlikely]]
    return fail(ErrorKind::Malformed, msg, ip_);
  return true;
}

// Storage subtyping (array.copy): packed types match only themselves, value types by subtyping.
template <typename Tag, typename Visitor, typename Mode>
bool FuncDecoder<Tag, Visitor, Mode>::storage_subtype(const wasm::FieldType& a, const wasm::FieldType& b) const {
  if (a.packed != b.packed) return false;
  return a.type == b.type || subtype(a.type, b.type);
}

template <typename Tag, typename Visitor, typename Mode>
bool FuncDecoder<Tag, Visitor, Mode>::decode_gc(bool lv) {
  uint32_t sub = 0;
  if (!read_u32(sub)) return false;
  if (sub >= detail::kNumFbOps || detail::kFbOps[sub] < 0) return malformed_opcode(0xFB, true, sub);
  const Op op = Op(detail::kFbOps[sub]);
  const ValType i32 = ValType::i32();
  ValType operand;
  if constexpr (kConst) {
    switch (op) {
      case Op::struct_new: case Op::struct_new_default: case Op::array_new: case Op::array_new_default:
      case Op::array_new_fixed: case Op::ref_i31: case Op::any_convert_extern: case Op::extern_convert_any:
        break;
      default:
        return invalid("constant expression required");
    }
  }
  switch (op) {
    case Op::struct_new:
    case Op::struct_new_default: {
      uint32_t ti = 0;
      if (!read_struct_type(ti)) return false;
      const std::vector<wasm::FieldType>& fs = m_.type_def(ti).fields;
      if (op == Op::struct_new) {
        for (size_t i = fs.size(); i-- > 0;)
          if (!pop(fs[i].type)) return false;
      } else if constexpr (kCheck) {
        for (const wasm::FieldType& f : fs)
          if (!wasm::defaultable(f.type)) return invalid("field type is not defaultable");
      }
      push(ValType::ref(ti, false));
      if (lv) {
        if (op == Op::struct_new) v_.on_struct_new(ti);
        else v_.on_struct_new_default(ti);
      }
      break;
    }
    case Op::struct_get:
    case Op::struct_get_s:
    case Op::struct_get_u:
    case Op::struct_set: {
      uint32_t ti = 0, field = 0;
      if (!read_struct_type(ti) || !read_u32(field)) return false;
      const std::vector<wasm::FieldType>& fs = m_.type_def(ti).fields;
      if (kCheck && field >= fs.size()) return invalid_index("unknown field", field);
      const wasm::FieldType& f = fs[field];
      if (op == Op::struct_set) {
        if (kCheck && !f.mut) return invalid("immutable field");
        if (!pop(f.type) || !pop_ref(ValType::ref(ti, true), operand)) return false;
        if (lv) v_.on_struct_set(ti, field);
        break;
      }
      if (kCheck && (op == Op::struct_get) != (f.packed == wasm::Packed::none))
        return invalid(op == Op::struct_get ? "field is packed" : "field is unpacked");
      if (!pop_ref(ValType::ref(ti, true), operand)) return false;
      push(f.type);
      if (lv) v_.on_struct_get(op, ti, field);
      break;
    }
    case Op::array_new:
    case Op::array_new_default: {
      uint32_t ti = 0;
      if (!read_array_type(ti)) return false;
      const wasm::FieldType& f = m_.type_def(ti).fields[0];
      if (!pop(i32)) return false;
      if (op == Op::array_new) {
        if (!pop(f.type)) return false;
      } else if (kCheck && !wasm::defaultable(f.type)) {
        return invalid("array type is not defaultable");
      }
      push(ValType::ref(ti, false));
      if (lv) {
        if (op == Op::array_new) v_.on_array_new(ti);
        else v_.on_array_new_default(ti);
      }
      break;
    }
    case Op::array_new_fixed: {
      uint32_t ti = 0, n = 0;
      if (!read_array_type(ti) || !read_u32(n)) return false;
      const wasm::FieldType& f = m_.type_def(ti).fields[0];
      // Pop at most what is there: a huge count over the polymorphic stack of dead code costs nothing.
      uint32_t avail = height() - cur_->height;
      if (kCheck && n > avail && !cur_->unreachable) return type_mismatch();
      for (uint32_t i = 0, k = std::min(n, avail); i < k; ++i)
        if (!pop(f.type)) return false;
      push(ValType::ref(ti, false));
      if (lv) v_.on_array_new_fixed(ti, n);
      break;
    }
    case Op::array_new_data:
    case Op::array_init_data: {
      uint32_t ti = 0, data = 0;
      if (!read_array_type(ti) || !read_u32(data)) return false;
      const wasm::FieldType& f = m_.type_def(ti).fields[0];
      if (kCheck && op == Op::array_init_data && !f.mut) return invalid("immutable array");
      if (kCheck && f.type.is_ref()) return invalid("array type is not numeric or vector");
      if (!check_data(data)) return false;
      if (!pop(i32) || !pop(i32)) return false;
      if (op == Op::array_new_data) {
        push(ValType::ref(ti, false));
        if (lv) v_.on_array_new_data(ti, data);
      } else {
        if (!pop(i32) || !pop_ref(ValType::ref(ti, true), operand)) return false;
        if (lv) v_.on_array_init_data(ti, data);
      }
      break;
    }
    case Op::array_new_elem:
    case Op::array_init_elem: {
      uint32_t ti = 0, elem = 0;
      if (!read_array_type(ti) || !read_u32(elem)) return false;
      const wasm::FieldType& f = m_.type_def(ti).fields[0];
      if (kCheck && op == Op::array_init_elem && !f.mut) return invalid("immutable array");
      if (!check_elem(elem)) return false;
      if (kCheck && !subtype(m_.elems[elem].type, f.type)) return type_mismatch();
      if (!pop(i32) || !pop(i32)) return false;
      if (op == Op::array_new_elem) {
        push(ValType::ref(ti, false));
        if (lv) v_.on_array_new_elem(ti, elem);
      } else {
        if (!pop(i32) || !pop_ref(ValType::ref(ti, true), operand)) return false;
        if (lv) v_.on_array_init_elem(ti, elem);
      }
      break;
    }
    case Op::array_get:
    case Op::array_get_s:
    case Op::array_get_u: {
      uint32_t ti = 0;
      if (!read_array_type(ti)) return false;
      const wasm::FieldType& f = m_.type_def(ti).fields[0];
      if (kCheck && (op == Op::array_get) != (f.packed == wasm::Packed::none))
        return invalid(op == Op::array_get ? "array is packed" : "array is unpacked");
      if (!pop(i32) || !pop_ref(ValType::ref(ti, true), operand)) return false;
      push(f.type);
      if (lv) v_.on_array_get(op, ti);
      break;
    }
    case Op::array_set: {
      uint32_t ti = 0;
      if (!read_array_type(ti)) return false;
      const wasm::FieldType& f = m_.type_def(ti).fields[0];
      if (kCheck && !f.mut) return invalid("immutable array");
      if (!pop(f.type) || !pop(i32) || !pop_ref(ValType::ref(ti, true), operand)) return false;
      if (lv) v_.on_array_set(ti);
      break;
    }
    case Op::array_len: {
      if (!pop_ref(ValType::ref(uint32_t(wasm::HeapKind::array), true), operand)) return false;
      push(i32);
      if (lv) v_.on_array_len();
      break;
    }
    case Op::array_fill: {
      uint32_t ti = 0;
      if (!read_array_type(ti)) return false;
      const wasm::FieldType& f = m_.type_def(ti).fields[0];
      if (kCheck && !f.mut) return invalid("immutable array");
      if (!pop(i32) || !pop(f.type) || !pop(i32) || !pop_ref(ValType::ref(ti, true), operand)) return false;
      if (lv) v_.on_array_fill(ti);
      break;
    }
    case Op::array_copy: {
      uint32_t dst = 0, src = 0;
      if (!read_array_type(dst) || !read_array_type(src)) return false;
      if constexpr (kCheck) {
        const wasm::FieldType& fd = m_.type_def(dst).fields[0];
        if (!fd.mut) return invalid("immutable array");
        if (!storage_subtype(m_.type_def(src).fields[0], fd)) return invalid("array types do not match");
      }
      if (!pop(i32) || !pop(i32) || !pop_ref(ValType::ref(src, true), operand) || !pop(i32) ||
          !pop_ref(ValType::ref(dst, true), operand))
        return false;
      if (lv) v_.on_array_copy(dst, src);
      break;
    }
    case Op::ref_i31: {
      if (!pop(i32)) return false;
      push(ValType::ref(uint32_t(wasm::HeapKind::i31), false));
      if (lv) v_.on_ref_i31();
      break;
    }
    case Op::i31_get_s:
    case Op::i31_get_u: {
      if (!pop_ref(ValType::ref(uint32_t(wasm::HeapKind::i31), true), operand)) return false;
      push(i32);
      if (lv) v_.on_i31_get(op == Op::i31_get_s);
      break;
    }
    case Op::ref_test:
    case Op::ref_test_null:
    case Op::ref_cast:
    case Op::ref_cast_null: {
      ValType rt;
      if (!read_cast_type(op == Op::ref_test_null || op == Op::ref_cast_null, rt)) return false;
      // The operand must be in the target's hierarchy.
      ValType top = ValType::ref(uint32_t(wasm::heap_top_of(rt.heap(), wasm::ModuleTypes{m_})), true);
      if (!pop_ref(top, operand)) return false;
      bool test = op == Op::ref_test || op == Op::ref_test_null;
      push(test ? i32 : rt);
      if (lv) {
        if (test) v_.on_ref_test(rt, operand);
        else v_.on_ref_cast(rt, operand);
      }
      break;
    }
    case Op::br_on_cast:
    case Op::br_on_cast_fail: {
      uint8_t flags = 0;
      uint32_t depth = 0;
      if (!read_byte(flags)) return false;
      if (flags > 3) {
        --p_;
        return malformed("malformed br_on_cast flags");
      }
      ValType rt1, rt2;
      if (!read_u32(depth) || !read_cast_type(flags & 1, rt1) || !read_cast_type(flags & 2, rt2)) return false;
      if (!check_label(depth)) return false;
      // rt1 \ rt2: what is left when the cast succeeds (br_on_cast_fail's branch) or fails (br_on_cast's).
      ValType diff = ValType::ref(rt1.heap(), rt1.nullable() && !rt2.nullable());
      bool fail_form = op == Op::br_on_cast_fail;
      std::span<const ValType> lt = label_types(label_frame(depth));
      if constexpr (kCheck) {
        if (!subtype(rt2, rt1) && rt2 != rt1) return type_mismatch();
        if (lt.empty()) return type_mismatch();
        ValType branch = fail_form ? diff : rt2;
        if (branch != lt.back() && !subtype(branch, lt.back())) return type_mismatch();
      }
      if (!pop_ref(rt1, operand)) return false;
      std::span<const ValType> prefix = lt.empty() ? lt : lt.first(lt.size() - 1);
      if (!pop_all(prefix)) return false;
      push_all(prefix);
      push(fail_form ? rt2 : diff);
      if (lv) v_.on_br_on_cast(depth, rt1, rt2, fail_form);
      break;
    }
    case Op::any_convert_extern:
    case Op::extern_convert_any: {
      bool to_any = op == Op::any_convert_extern;
      wasm::HeapKind from = to_any ? wasm::HeapKind::extern_ : wasm::HeapKind::any;
      if (!pop_ref(ValType::ref(uint32_t(from), true), operand)) return false;
      bool nullable = operand != kUnknownType && operand.nullable();
      push(ValType::ref(uint32_t(to_any ? wasm::HeapKind::any : wasm::HeapKind::extern_), nullable));
      if (lv) {
        if (to_any) v_.on_any_convert_extern();
        else v_.on_extern_convert_any();
      }
      break;
    }
    default:
      return malformed_opcode(0xFB, true, sub);
  }
  return !lv || gc_hook_done();
}

// ref.eq: [eqref eqref] -> [i32].
template <typename Tag, typename Visitor, typename Mode>
bool FuncDecoder<Tag, Visitor, Mode>::decode_ref_eq(bool lv) {
  ValType a, b;
  const ValType eqref = ValType::ref(uint32_t(wasm::HeapKind::eq), true);
  if (!pop_ref(eqref, a) || !pop_ref(eqref, b)) return false;
  push(ValType::i32());
  if (lv) v_.on_ref_eq();
  return !lv || gc_hook_done();
}

}  // namespace wisp::validate
