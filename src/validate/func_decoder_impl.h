// FuncDecoder's decoding loop. Included by func_decoder.h only; see there for the contract.
#pragma once

#include "validate/func_decoder.h"

namespace wisp::validate {

template <typename Tag, typename Visitor>
bool FuncDecoder<Tag, Visitor>::run() {
  if (s_.vals.size() < 64) s_.vals.resize(64);
  if (s_.ctrls.size() < 16) s_.ctrls.resize(16);
  vbase_ = sp_ = s_.vals.data();
  vcap_ = vbase_ + s_.vals.size();
  cbase_ = cur_ = s_.ctrls.data();
  ccap_ = cbase_ + s_.ctrls.size();
  if constexpr (kConst) {
    return decode_const_expr();
  } else {
    if (!begin()) return false;
    const std::vector<wasm::GlobalType>& globals = m_.globals;
    const ValType* locals = s_.locals.data();
    for (;;) {
      if (p_ >= end_) [[unlikely]] return unexpected_end();
      ip_ = p_;
      uint8_t b = *p_++;
      bool lv = live();
      switch (b) {
        case 0x00:  // unreachable
          if (lv) v_.on_unreachable();
          set_unreachable();
          break;
        case 0x01:  // nop
          if (lv) v_.on_nop();
          break;
        case 0x02:    // block
        case 0x03:    // loop
        case 0x04: {  // if
          BlockType bt;
          if (!read_block_type(bt)) return false;
          if (b == 0x04 && !pop(ValType::i32())) return false;
          if (!pop_all(params(bt))) return false;
          BlockSig sig{params(bt), results(bt)};
          if (b == 0x02) v_.on_block(sig, lv);
          else if (b == 0x03) v_.on_loop(sig, lv);
          else v_.on_if(sig, lv);
          push_ctrl(b == 0x02 ? CtrlKind::block : b == 0x03 ? CtrlKind::loop : CtrlKind::if_, bt, lv);
          break;
        }
        case 0x05:  // else
          if (!decode_else(lv)) return false;
          break;
        case 0x0B: {  // end
          // Fast path: a block or loop without results whose operands are all consumed.
          if ((cur_->kind == CtrlKind::block || cur_->kind == CtrlKind::loop) &&
              cur_->bt.kind == BlockType::kEmpty && height() == cur_->height) [[likely]] {
            --cur_;
            live_ = cur_->live_entry && !cur_->unreachable;
            v_.on_end(lv);
            break;
          }
          bool done = false;
          if (!decode_end(lv, done)) return false;
          if (done) return true;
          break;
        }
        case 0x0C: {  // br
          uint32_t depth;
          if (!read_u32(depth) || !check_label(depth)) return false;
          if (!pop_all(label_types(label_frame(depth)))) return false;
          if (lv) v_.on_br(depth);
          set_unreachable();
          break;
        }
        case 0x0D: {  // br_if
          uint32_t depth;
          if (!read_u32(depth) || !check_label(depth)) return false;
          if (!pop(ValType::i32())) return false;
          std::span<const ValType> lt = label_types(label_frame(depth));
          if (!pop_all(lt)) return false;
          push_all(lt);
          if (lv) v_.on_br_if(depth);
          break;
        }
        case 0x0E:  // br_table
          if (!decode_br_table(lv)) return false;
          break;
        case 0x0F: {  // return
          if (!pop_all(results(cbase_->bt))) return false;
          if (lv) v_.on_return();
          set_unreachable();
          break;
        }
        case 0x10: {  // call
          uint32_t fi;
          if (!read_u32(fi) || !check_func(fi)) return false;
          const wasm::FuncType& ft = m_.func_type(fi);
          if (!pop_all(ft.params)) return false;
          push_all(ft.results);
          if (lv) v_.on_call(fi, ft);
          break;
        }
        case 0x11: {  // call_indirect
          uint32_t ti, table;
          if (!read_u32(ti) || !read_u32(table) || !check_table(table)) return false;
          if (!m_.tables[table].elem.is_funcref()) return type_mismatch();
          if (ti >= m_.types.size()) return invalid_index("unknown type", ti);
          const wasm::FuncType& ft = m_.types[ti];
          if (!pop(ValType::i32()) || !pop_all(ft.params)) return false;
          push_all(ft.results);
          if (lv) v_.on_call_indirect(ti, table, ft);
          break;
        }
        case 0x1A: {  // drop
          ValType t;
          if (!pop_any(t)) return false;
          if (lv) v_.on_drop(t);
          break;
        }
        case 0x1B: {  // select (numeric and vector operands only)
          ValType t1, t2;
          if (!pop(ValType::i32()) || !pop_any(t1) || !pop_any(t2)) return false;
          if ((t1 != kUnknownType && t1.is_ref()) || (t2 != kUnknownType && t2.is_ref())) return type_mismatch();
          if (t1 != t2 && t1 != kUnknownType && t2 != kUnknownType) return type_mismatch();
          ValType t = t1 == kUnknownType ? t2 : t1;
          push(t);
          if (lv) v_.on_select(t);
          break;
        }
        case 0x1C: {  // select t
          uint32_t n;
          if (!read_u32(n)) return false;
          if (n != 1) return invalid("invalid result arity");
          uint8_t tb = 0;
          if (!read_byte(tb)) return false;
          std::optional<ValType> t;
          if (detail::kValTypeFromByte[tb] != kUnknownType) t = detail::kValTypeFromByte[tb];
          if (!t) {
            --p_;
            return malformed("malformed value type");
          }
          if (!pop(ValType::i32()) || !pop(*t) || !pop(*t)) return false;
          push(*t);
          if (lv) v_.on_select(*t);
          break;
        }
        case 0x20: {  // local.get
          uint32_t i;
          if (!read_u32(i)) return false;
          if (i >= num_locals_) return invalid_index("unknown local", i);
          push(locals[i]);
          if (lv) v_.on_local_get(i, locals[i]);
          break;
        }
        case 0x21: {  // local.set
          uint32_t i;
          if (!read_u32(i)) return false;
          if (i >= num_locals_) return invalid_index("unknown local", i);
          if (!pop(locals[i])) return false;
          if (lv) v_.on_local_set(i, locals[i]);
          break;
        }
        case 0x22: {  // local.tee
          uint32_t i;
          if (!read_u32(i)) return false;
          if (i >= num_locals_) return invalid_index("unknown local", i);
          if (!pop(locals[i])) return false;
          push(locals[i]);
          if (lv) v_.on_local_tee(i, locals[i]);
          break;
        }
        case 0x23: {  // global.get
          uint32_t i;
          if (!read_u32(i)) return false;
          if (i >= globals.size()) return invalid_index("unknown global", i);
          push(globals[i].type);
          if (lv) v_.on_global_get(i, globals[i].type);
          break;
        }
        case 0x24: {  // global.set
          uint32_t i;
          if (!read_u32(i)) return false;
          if (i >= globals.size()) return invalid_index("unknown global", i);
          if (!globals[i].mut) return invalid("global is immutable");
          if (!pop(globals[i].type)) return false;
          if (lv) v_.on_global_set(i, globals[i].type);
          break;
        }
        case 0x25: {  // table.get
          uint32_t t;
          if (!read_u32(t) || !check_table(t) || !pop(ValType::i32())) return false;
          push(m_.tables[t].elem);
          if (lv) v_.on_table_get(t);
          break;
        }
        case 0x26: {  // table.set
          uint32_t t;
          if (!read_u32(t) || !check_table(t)) return false;
          if (!pop(m_.tables[t].elem) || !pop(ValType::i32())) return false;
          if (lv) v_.on_table_set(t);
          break;
        }
        case 0x28: case 0x29: case 0x2A: case 0x2B: case 0x2C: case 0x2D: case 0x2E: case 0x2F:
        case 0x30: case 0x31: case 0x32: case 0x33: case 0x34: case 0x35: {  // loads
          uint32_t align, offset;
          if (!decode_memarg(b, align, offset)) return false;
          Op op = Op(detail::kByteOps[b]);
          if (!pop(ValType::i32())) return false;
          push(detail::kOpSigs[size_t(op)].r);
          if (lv) v_.on_load(op, 0, offset, align);
          break;
        }
        case 0x36: case 0x37: case 0x38: case 0x39: case 0x3A: case 0x3B: case 0x3C: case 0x3D:
        case 0x3E: {  // stores
          uint32_t align, offset;
          if (!decode_memarg(b, align, offset)) return false;
          Op op = Op(detail::kByteOps[b]);
          if (!pop(detail::kOpSigs[size_t(op)].p[1]) || !pop(ValType::i32())) return false;
          if (lv) v_.on_store(op, 0, offset, align);
          break;
        }
        case 0x3F:  // memory.size
          if (!read_zero_byte() || !check_memory(0)) return false;
          push(ValType::i32());
          if (lv) v_.on_memory_size(0);
          break;
        case 0x40:  // memory.grow
          if (!read_zero_byte() || !check_memory(0) || !pop(ValType::i32())) return false;
          push(ValType::i32());
          if (lv) v_.on_memory_grow(0);
          break;
        case 0x41: {  // i32.const
          int64_t v;
          if (!read_sleb<32>(v)) return false;
          push(ValType::i32());
          if (lv) v_.on_i32_const(uint32_t(v));
          break;
        }
        case 0x42: {  // i64.const
          int64_t v;
          if (!read_sleb<64>(v)) return false;
          push(ValType::i64());
          if (lv) v_.on_i64_const(uint64_t(v));
          break;
        }
        case 0x43: {  // f32.const
          uint64_t v = 0;
          if (!read_fixed(v, 4)) return false;
          push(ValType::f32());
          if (lv) v_.on_f32_const(uint32_t(v));
          break;
        }
        case 0x44: {  // f64.const
          uint64_t v = 0;
          if (!read_fixed(v, 8)) return false;
          push(ValType::f64());
          if (lv) v_.on_f64_const(v);
          break;
        }
        case 0xD0: {  // ref.null
          ValType t;
          if (!read_ref_type(t)) return false;
          push(t);
          if (lv) v_.on_ref_null(t);
          break;
        }
        case 0xD1: {  // ref.is_null
          ValType t;
          if (!pop_any(t)) return false;
          if (t != kUnknownType && !t.is_ref()) return type_mismatch();
          push(ValType::i32());
          if (lv) v_.on_ref_is_null();
          break;
        }
        case 0xD2: {  // ref.func
          uint32_t fi;
          if (!read_u32(fi) || !check_func(fi)) return false;
          if (fi >= m_.declared_funcs.size() || !m_.declared_funcs[fi])
            return invalid("undeclared function reference");
          push(ValType::funcref());
          if (lv) v_.on_ref_func(fi);
          break;
        }
        case 0xFC:
          if (!decode_fc(lv)) return false;
          break;
        case 0xFD:
          if (!decode_simd(lv)) return false;
          break;
        default: {
          if (b >= 0x45 && b <= 0xC4) {  // operators with a fixed signature
            Op op = Op(detail::kByteOps[b]);
            const detail::OpSig& sig = detail::kOpSigs[size_t(op)];
            // Fast path: the operands are all present above the frame's height with exact types.
            if (height() >= cur_->height + sig.np && sp_[-1] == sig.p[sig.np - 1] &&
                (sig.np == 1 || sp_[-2] == sig.p[0])) {
              sp_ -= sig.np;
            } else {
              for (size_t i = sig.np; i-- > 0;)
                if (!pop(sig.p[i])) return false;
            }
            push(sig.r);
            if (lv) v_.on_numeric(op);
            break;
          }
          --p_;
          return unknown_opcode(b);
        }
      }
    }
  }
}

template <typename Tag, typename Visitor>
bool FuncDecoder<Tag, Visitor>::begin() {
  const wasm::FuncBody& body = m_.body(func_index_);
  if (body.type_index >= m_.types.size()) return invalid_index("unknown type", body.type_index);
  const wasm::FuncType& ft = m_.types[body.type_index];
  uint64_t total = uint64_t(ft.params.size()) + body.num_locals;
  if (total > detail::kMaxLocals) return malformed("too many locals");
  // The scratch vector only grows; its first `total` entries are this function's locals.
  if (s_.locals.size() < total) s_.locals.resize(total);
  ValType* out = s_.locals.data();
  ValType* const out_end = out + total;
  out = std::copy(ft.params.begin(), ft.params.end(), out);
  for (const wasm::LocalDecl& d : body.locals) {
    if (d.count > size_t(out_end - out)) return malformed("too many locals");
    out = std::fill_n(out, d.count, d.type);
  }
  if (out != out_end) return malformed("too many locals");
  num_locals_ = uint32_t(total);
  v_.begin_function(ft, std::span<const ValType>(s_.locals.data() + ft.params.size(), body.num_locals));
  *cur_ = CtrlFrame{};
  cur_->bt.kind = BlockType::kIndex;
  cur_->bt.type_index = body.type_index;
  cur_->kind = CtrlKind::function;
  live_ = true;
  return true;
}

template <typename Tag, typename Visitor>
bool FuncDecoder<Tag, Visitor>::decode_else(bool lv) {
  CtrlFrame& f = *cur_;
  // The binary format only has `else` inside an `if`; elsewhere the decoder expected an `end`.
  if (f.kind != CtrlKind::if_) {
    --p_;
    return malformed("END opcode expected");
  }
  if (!pop_all(results(f.bt))) return false;
  if (height() != f.height) return type_mismatch();
  v_.on_else(lv);
  f.kind = CtrlKind::else_;
  f.unreachable = false;
  live_ = f.live_entry;
  push_all(params(f.bt));
  return true;
}

template <typename Tag, typename Visitor>
bool FuncDecoder<Tag, Visitor>::decode_end(bool lv, bool& done) {
  CtrlFrame& f = *cur_;
  std::span<const ValType> rs = results(f.bt);
  if (!pop_all(rs)) return false;
  if (height() != f.height) return type_mismatch();
  if (f.kind == CtrlKind::if_) [[unlikely]] {
    // A missing else branch passes the params through: they must equal the results.
    std::span<const ValType> ps = params(f.bt);
    if (!std::equal(ps.begin(), ps.end(), rs.begin(), rs.end())) return type_mismatch();
  }
  if (f.kind == CtrlKind::function) [[unlikely]] {
    if (p_ != end_) return malformed("section size mismatch");
    v_.end_function(lv);
    done = true;
    return true;
  }
  --cur_;
  live_ = cur_->live_entry && !cur_->unreachable;
  v_.on_end(lv);
  // `rs` may point into the popped frame, which stays intact until the next push_ctrl.
  push_all(rs);
  return true;
}

template <typename Tag, typename Visitor>
bool FuncDecoder<Tag, Visitor>::decode_br_table(bool lv) {
  uint32_t n;
  if (!read_u32(n)) return false;
  if (n > size_t(end_ - p_)) {  // every depth takes at least one byte
    p_ = end_;
    return unexpected_end();
  }
  s_.depths.clear();
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t d;
    if (!read_u32(d)) return false;
    s_.depths.push_back(d);
  }
  uint32_t def;
  if (!read_u32(def)) return false;
  if (!pop(ValType::i32())) return false;
  if (!check_label(def)) return false;
  size_t arity = label_types(label_frame(def)).size();
  for (uint32_t d : s_.depths) {
    if (!check_label(d)) return false;
    std::span<const ValType> lt = label_types(label_frame(d));
    if (lt.size() != arity) return type_mismatch();
    if (!peek_all(lt)) return type_mismatch();
  }
  if (!pop_all(label_types(label_frame(def)))) return false;
  if (lv) v_.on_br_table(std::span<const uint32_t>(s_.depths), def);
  set_unreachable();
  return true;
}

template <typename Tag, typename Visitor>
bool FuncDecoder<Tag, Visitor>::decode_memarg(uint8_t byte, uint32_t& align, uint32_t& offset) {
  if (!read_u32(align)) return false;
  if (align >= 32) return malformed("malformed memop flags");
  if (!read_u32(offset)) return false;
  if (!check_memory(0)) return false;
  if (align > detail::kNaturalAlign[byte - 0x28]) return invalid("alignment must not be larger than natural");
  return true;
}

template <typename Tag, typename Visitor>
bool FuncDecoder<Tag, Visitor>::decode_fc(bool lv) {
  uint32_t sub;
  if (!read_u32(sub)) return false;
  if (sub >= detail::kNumFcOps || detail::kFcOps[sub] < 0) return malformed_opcode(0xFC, true, sub);
  Op op = Op(detail::kFcOps[sub]);
  const ValType i32 = ValType::i32();
  switch (op) {
    case Op::memory_init: {
      uint32_t data;
      if (!read_u32(data) || !read_zero_byte()) return false;
      if (!m_.data_count) return malformed("data count section required");
      if (!check_memory(0) || !check_data(data)) return false;
      if (!pop(i32) || !pop(i32) || !pop(i32)) return false;
      if (lv) v_.on_memory_init(data, 0);
      return true;
    }
    case Op::data_drop: {
      uint32_t data;
      if (!read_u32(data) || !check_data(data)) return false;
      if (lv) v_.on_data_drop(data);
      return true;
    }
    case Op::memory_copy:
      if (!read_zero_byte() || !read_zero_byte() || !check_memory(0)) return false;
      if (!pop(i32) || !pop(i32) || !pop(i32)) return false;
      if (lv) v_.on_memory_copy(0, 0);
      return true;
    case Op::memory_fill:
      if (!read_zero_byte() || !check_memory(0)) return false;
      if (!pop(i32) || !pop(i32) || !pop(i32)) return false;
      if (lv) v_.on_memory_fill(0);
      return true;
    case Op::table_init: {
      uint32_t elem, table;
      if (!read_u32(elem) || !read_u32(table) || !check_table(table) || !check_elem(elem)) return false;
      if (m_.elems[elem].type != m_.tables[table].elem) return type_mismatch();
      if (!pop(i32) || !pop(i32) || !pop(i32)) return false;
      if (lv) v_.on_table_init(elem, table);
      return true;
    }
    case Op::elem_drop: {
      uint32_t elem;
      if (!read_u32(elem) || !check_elem(elem)) return false;
      if (lv) v_.on_elem_drop(elem);
      return true;
    }
    case Op::table_copy: {
      uint32_t dst, src;
      if (!read_u32(dst) || !read_u32(src) || !check_table(dst) || !check_table(src)) return false;
      if (m_.tables[src].elem != m_.tables[dst].elem) return type_mismatch();
      if (!pop(i32) || !pop(i32) || !pop(i32)) return false;
      if (lv) v_.on_table_copy(dst, src);
      return true;
    }
    case Op::table_grow: {
      uint32_t t;
      if (!read_u32(t) || !check_table(t)) return false;
      if (!pop(i32) || !pop(m_.tables[t].elem)) return false;
      push(i32);
      if (lv) v_.on_table_grow(t);
      return true;
    }
    case Op::table_size: {
      uint32_t t;
      if (!read_u32(t) || !check_table(t)) return false;
      push(i32);
      if (lv) v_.on_table_size(t);
      return true;
    }
    case Op::table_fill: {
      uint32_t t;
      if (!read_u32(t) || !check_table(t)) return false;
      if (!pop(i32) || !pop(m_.tables[t].elem) || !pop(i32)) return false;
      if (lv) v_.on_table_fill(t);
      return true;
    }
    default: {  // the saturating truncations
      const detail::OpSig& sig = detail::kOpSigs[size_t(op)];
      if (!pop(sig.p[0])) return false;
      push(sig.r);
      if (lv) v_.on_numeric(op);
      return true;
    }
  }
}

template <typename Tag, typename Visitor>
bool FuncDecoder<Tag, Visitor>::decode_const_expr() {
  *cur_ = CtrlFrame{};
  cur_->bt.kind = BlockType::kSingle;
  cur_->bt.single = expected_;
  cur_->kind = CtrlKind::function;
  live_ = true;
  for (;;) {
    if (p_ >= end_) return unexpected_end();
    ip_ = p_;
    uint8_t b = *p_++;
    switch (b) {
      case 0x0B: {  // end
        CtrlFrame closed;
        if (!pop_ctrl(closed)) return false;
        if (p_ != end_) return malformed("section size mismatch");
        v_.end_function(true);
        return true;
      }
      case 0x23: {  // global.get: imported, immutable globals only (Wasm 2.0)
        uint32_t i;
        if (!read_u32(i)) return false;
        if (i >= num_visible_globals_ || i >= m_.globals.size()) return invalid_index("unknown global", i);
        if (m_.globals[i].mut) return invalid("constant expression required");
        push(m_.globals[i].type);
        v_.on_global_get(i, m_.globals[i].type);
        break;
      }
      case 0x41: {
        int64_t v;
        if (!read_sleb<32>(v)) return false;
        push(ValType::i32());
        v_.on_i32_const(uint32_t(v));
        break;
      }
      case 0x42: {
        int64_t v;
        if (!read_sleb<64>(v)) return false;
        push(ValType::i64());
        v_.on_i64_const(uint64_t(v));
        break;
      }
      case 0x43: {
        uint64_t v = 0;
        if (!read_fixed(v, 4)) return false;
        push(ValType::f32());
        v_.on_f32_const(uint32_t(v));
        break;
      }
      case 0x44: {
        uint64_t v = 0;
        if (!read_fixed(v, 8)) return false;
        push(ValType::f64());
        v_.on_f64_const(v);
        break;
      }
      case 0xD0: {
        ValType t;
        if (!read_ref_type(t)) return false;
        push(t);
        v_.on_ref_null(t);
        break;
      }
      case 0xD2: {  // ref.func: any function (the reference itself declares it)
        uint32_t fi;
        if (!read_u32(fi) || !check_func(fi)) return false;
        push(ValType::funcref());
        v_.on_ref_func(fi);
        break;
      }
      case 0xFC: {
        uint32_t sub;
        if (!read_u32(sub)) return false;
        if (sub >= detail::kNumFcOps || detail::kFcOps[sub] < 0) return malformed_opcode(0xFC, true, sub);
        return invalid("constant expression required");
      }
      case 0xFD:
        if (!decode_simd_const()) return false;
        break;
      default:
        // Extended constant expressions (i32/i64 add, sub, mul) are not implemented yet.
        if (m_.features.has(Feature::extended_const) && (b == 0x6A || b == 0x6B || b == 0x6C || b == 0x7C ||
                                                         b == 0x7D || b == 0x7E))
          return not_supported(wasm::kOpInfo[detail::kByteOps[b]].name, Feature::extended_const);
        if (detail::kByteOps[b] >= 0 && m_.features.has(wasm::kOpInfo[detail::kByteOps[b]].feature))
          return invalid("constant expression required");
        --p_;
        return unknown_opcode(b);
    }
  }
}

}  // namespace wisp::validate

#include "validate/func_decoder_simd.h"
