// Instructions of the text format, plain and folded, encoded straight to binary (no type checking).
#include <cstring>

#include "text/numbers.h"
#include "text/simd_ops.h"
#include "text/wat_encoder.h"
#include "util/leb128.h"

namespace wisp::text {

using wasm::ImmKind;
using wasm::Op;

namespace {

// op_from_name also knows the obsolete spellings (get_local, i32.wrap/i64, ...); the standard text
// format rejects them, so they are accepted only when WatOptions::legacy_names is on.
std::optional<Op> text_op(std::string_view name, bool legacy_names) {
  // Exception (both encodings) and GC instructions are text the parser always knows; the decoder
  // checks the features.
  auto op = wasm::op_from_name(
      name, Features::defaults().set(Feature::exceptions).set(Feature::legacy_exceptions).set(Feature::gc));
  if (op && !legacy_names && wasm::op_info(*op).name != name) return std::nullopt;
  return op;
}

bool is_block_op(Op op) { return op == Op::block || op == Op::loop || op == Op::if_; }
// The words that continue a legacy try (they end the instruction sequence before them).
bool is_try_clause(const Sexp& s) { return s.is_keyword("catch") || s.is_keyword("catch_all") || s.is_keyword("delegate"); }

// Natural alignment (bytes) of a load/store, from its mnemonic.
uint32_t natural_align(std::string_view name) {
  size_t dot = name.find('.');
  std::string_view rest = name.substr(dot + 1);
  if (rest.find("32") != std::string_view::npos && rest != "load" && rest != "store") {
    if (rest.find("load32") != std::string_view::npos || rest.find("store32") != std::string_view::npos) return 4;
  }
  if (rest.find("16") != std::string_view::npos) return 2;
  if (rest.find("8") != std::string_view::npos) return 1;
  if (rest.find("32") != std::string_view::npos) return 4;
  std::string_view ty = name.substr(0, dot);
  if (ty == "i32" || ty == "f32") return 4;
  if (ty == "v128") return 16;
  return 8;
}

void put_op(Bytes& out, Op op) {
  const wasm::OpInfo& info = wasm::op_info(op);
  if (info.prefix) {
    out.push_back(info.prefix);
    util::write_uleb(out, info.code);
  } else {
    out.push_back(uint8_t(info.code));
  }
}

// A reference type's heap type as an s33: an abstract type's one byte, or the type index.
void put_heaptype(Bytes& out, wasm::ValType t) {
  if (wasm::is_abstract_heap(t.heap())) out.push_back(wasm::heap_kind_byte(t.heap()));
  else util::write_sleb(out, int64_t(t.heap()));
}

Error num_error(const Sexp& s, NumStatus st) {
  if (st == NumStatus::out_of_range) return s.error("constant out of range");
  // nan:canonical / nan:arithmetic are script-only tokens, not malformed numbers.
  std::string_view t = s.text;
  if (!t.empty() && (t[0] == '+' || t[0] == '-')) t.remove_prefix(1);
  if (!s.is_atom() || t == "nan:canonical" || t == "nan:arithmetic") return s.error("unexpected token");
  return s.error("unknown operator");
}

// Clause keywords that are never instructions: seeing one as an instruction is a misplaced clause.
bool is_clause_keyword(std::string_view k) {
  return k == "type" || k == "param" || k == "result" || k == "local" || k == "export" || k == "import" ||
         k == "then" || k == "else" || k == "item" || k == "offset" || k == "mut";
}

// memarg: offset=N? align=N? (align defaults to the natural alignment, encoded as log2). A memory other
// than memory 0 is encoded after the flags, announced by their bit 6 (multi-memory).
Result<void> memarg(Cursor& c, uint32_t natural, Bytes& out, uint32_t memory = 0) {
  uint64_t offset = 0;
  uint64_t align = natural;
  if (!c.done() && c.peek().is_atom() && c.peek().text.rfind("offset=", 0) == 0) {
    const Sexp& s = c.next();
    // 64-bit (memory64); a 32-bit memory's limit is the validator's ("offset out of range").
    NumResult r = parse_uint(std::string_view(s.text).substr(7), 64);
    if (r.status == NumStatus::out_of_range) return s.error("i64 constant out of range");
    if (!r.ok()) return num_error(s, r.status);
    offset = r.bits;
  }
  if (!c.done() && c.peek().is_atom() && c.peek().text.rfind("align=", 0) == 0) {
    const Sexp& s = c.next();
    NumResult r = parse_uint(std::string_view(s.text).substr(6), 64);
    if (!r.ok()) return num_error(s, r.status);
    if (r.bits == 0 || (r.bits & (r.bits - 1))) return s.error("alignment must be a power of two");
    align = r.bits;  // too large for the access: the validator says so
  }
  uint32_t log2 = 0;
  while ((uint64_t(1) << log2) < align) ++log2;
  if (memory != 0) {
    util::write_uleb(out, log2 | 0x40);
    util::write_uleb(out, memory);
  } else {
    util::write_uleb(out, log2);
  }
  util::write_uleb(out, offset);
  return {};
}

// A lane index u8. `in_list`: shuffle lanes, where any non-u8 literal is a malformed index.
Result<uint8_t> lane_index(Cursor& c, bool in_list) {
  if (c.done() || !c.peek().is_atom()) return c.error_here("unexpected token, expected lane index");
  const Sexp& s = c.next();
  NumResult r = parse_uint(s.text, 8);
  if (r.ok()) return uint8_t(r.bits);
  // Outside shuffle only an integer that is too large is a malformed index; other tokens are unexpected.
  if (!in_list && r.status != NumStatus::out_of_range) return s.error("unexpected token, expected lane index");
  return s.error("malformed lane index");
}

// Number of consecutive numeric literals at the cursor (lane lists are counted before they are parsed).
// In flat syntax the next instruction follows as an atom: keywords start with a letter, except the
// float literals nan and inf.
size_t atoms_ahead(const Cursor& c) {
  size_t n = 0;
  while (c.pos + n < c.items->size()) {
    const Sexp& a = (*c.items)[c.pos + n];
    if (!a.is_atom() || a.text.empty()) break;
    char ch = a.text[0];
    bool literal = (ch >= '0' && ch <= '9') || ch == '+' || ch == '-' || a.text.starts_with("nan") ||
                   a.text.starts_with("inf");
    if (!literal) break;
    ++n;
  }
  return n;
}

// v128.const shape lane*: 16 bytes little-endian.
Result<void> v128_const(Cursor& c, Bytes& out) {
  if (c.done() || !c.peek().is_atom()) return c.error_here("unexpected token, expected v128 shape");
  const Sexp& shape = c.next();
  unsigned bits;
  bool is_float = false;
  const std::string& sh = shape.text;
  if (sh == "i8x16") bits = 8;
  else if (sh == "i16x8") bits = 16;
  else if (sh == "i32x4") bits = 32;
  else if (sh == "i64x2") bits = 64;
  else if (sh == "f32x4") bits = 32, is_float = true;
  else if (sh == "f64x2") bits = 64, is_float = true;
  else return shape.error("unexpected token, expected v128 shape");
  if (atoms_ahead(c) != 128 / bits) return shape.error("wrong number of lane literals");
  for (unsigned i = 0; i < 128 / bits; ++i) {
    const Sexp& l = c.next();
    NumResult r = is_float ? (bits == 32 ? parse_f32(l.text) : parse_f64(l.text)) : parse_int(l.text, bits);
    if (!r.ok()) return num_error(l, r.status);
    for (unsigned b = 0; b < bits / 8; ++b) out.push_back(uint8_t(r.bits >> (8 * b)));
  }
  return {};
}

bool is_memarg_keyword(const Sexp& s) {
  return s.is_atom() && (s.text.rfind("offset=", 0) == 0 || s.text.rfind("align=", 0) == 0);
}

}  // namespace

// The optional memory index before a memarg. With a lane index after the memarg (`lane`), a leading
// number is the memory only when another number follows the memarg.
Result<uint32_t> InstrEncoder::memarg_memory(Cursor& c, bool lane) {
  if (c.done() || !ModuleEncoder::is_index(c.peek())) return 0u;
  if (lane && !c.peek().is_id()) {
    size_t i = c.pos + 1;
    while (i < c.items->size() && is_memarg_keyword((*c.items)[i])) ++i;
    if (i >= c.items->size() || !ModuleEncoder::is_index((*c.items)[i]) || (*c.items)[i].is_id()) return 0u;
  }
  return m_.resolve(Space::memory, c.next());
}

Result<bool> InstrEncoder::simd_instr(const Sexp& at, Cursor& c, Bytes& out) {
  auto op = simd_op_from_name(at.text);
  if (!op) return false;
  out.push_back(0xFD);
  util::write_uleb(out, op->code);
  switch (op->imm) {
    case SimdImm::none:
      break;
    case SimdImm::memarg: {
      WISP_TRY(uint32_t mem, memarg_memory(c, false));
      WISP_TRY(memarg(c, op->natural_align, out, mem));
      break;
    }
    case SimdImm::memarg_lane: {
      WISP_TRY(uint32_t mem, memarg_memory(c, true));
      WISP_TRY(memarg(c, op->natural_align, out, mem));
      WISP_TRY(auto l, lane_index(c, false));
      out.push_back(l);
      break;
    }
    case SimdImm::lane: {
      WISP_TRY(auto l, lane_index(c, false));
      out.push_back(l);
      break;
    }
    case SimdImm::v128_const:
      WISP_TRY(v128_const(c, out));
      break;
    case SimdImm::shuffle:
      if (atoms_ahead(c) != 16) return at.error("invalid lane length");
      for (int i = 0; i < 16; ++i) {
        WISP_TRY(auto l, lane_index(c, true));
        out.push_back(l);
      }
      break;
  }
  return true;
}

Result<uint32_t> InstrEncoder::label(const Sexp& s) {
  if (s.is_id()) {
    for (size_t i = labels_.size(); i-- > 0;)
      if (labels_[i] == s.text) return uint32_t(labels_.size() - 1 - i);
    return s.error("unknown label " + s.text);
  }
  if (!s.is_atom()) return s.error("unexpected token, expected label");
  NumResult r = parse_uint(s.text, 32);
  if (!r.ok()) return num_error(s, r.status);
  return uint32_t(r.bits);
}

Result<uint32_t> InstrEncoder::local(const Sexp& s) {
  if (s.is_id()) {
    if (locals_) {
      auto it = locals_->find(s.text);
      if (it != locals_->end()) return it->second;
    }
    return s.error("unknown local " + s.text);
  }
  if (!s.is_atom()) return s.error("unexpected token, expected local");
  NumResult r = parse_uint(s.text, 32);
  if (!r.ok()) return num_error(s, r.status);
  return uint32_t(r.bits);
}

Result<void> InstrEncoder::block_type(Cursor& c, Bytes& out) {
  WISP_TRY(auto tu, m_.parse_typeuse(c, false));
  if (!tu.index && tu.type.params.empty() && tu.type.results.size() <= 1) {
    if (tu.type.results.empty()) out.push_back(wasm::kBlockTypeEmpty);
    else put_valtype(out, tu.type.results[0]);
    return {};
  }
  util::write_sleb(out, int64_t(m_.type_index_for(tu)));
  return {};
}

Result<void> InstrEncoder::end_label(Cursor& c, const std::string& lbl) {
  if (!c.done() && c.peek().is_id()) {
    const Sexp& s = c.next();
    if (s.text != lbl) return s.error("mismatching label");
  }
  return {};
}

Result<void> InstrEncoder::immediates(Op op, const Sexp& at, Cursor& c, Bytes& out) {
  const wasm::OpInfo& info = wasm::op_info(op);
  auto need = [&]() -> Result<const Sexp*> {
    if (c.done() || !c.peek().is_atom()) return c.error_here("unexpected token, expected immediate");
    return &c.next();
  };
  // A reference type immediate: a shorthand atom or a (ref ...) list.
  auto reftype = [&]() -> Result<wasm::ValType> {
    if (c.done() || !(c.peek().is_atom() || ModuleEncoder::is_ref_list(c.peek())))
      return c.error_here("unexpected token, expected reference type");
    const Sexp& s = c.next();
    WISP_TRY(wasm::ValType t, m_.valtype(s));
    if (!t.is_ref()) return s.error("unexpected token, expected reference type");
    return t;
  };
  auto opt_index = [&](Space sp, Bytes& o) -> Result<void> {
    uint32_t idx = 0;
    if (!c.done() && ModuleEncoder::is_index(c.peek())) {
      WISP_TRY(auto r, m_.resolve(sp, c.next()));
      idx = r;
    }
    util::write_uleb(o, idx);
    return {};
  };
  auto index = [&](Space sp, Bytes& o) -> Result<void> {
    if (c.done() || !ModuleEncoder::is_index(c.peek())) return c.error_here("unexpected token, expected index");
    WISP_TRY(auto r, m_.resolve(sp, c.next()));
    util::write_uleb(o, r);
    return {};
  };
  switch (info.imm) {
    case ImmKind::none:
      return {};
    case ImmKind::label: {
      WISP_TRY(auto s, need());
      WISP_TRY(auto l, label(*s));
      util::write_uleb(out, l);
      return {};
    }
    case ImmKind::br_table: {
      std::vector<uint32_t> ls;
      while (!c.done() && ModuleEncoder::is_index(c.peek())) {
        WISP_TRY(auto l, label(c.next()));
        ls.push_back(l);
      }
      if (ls.empty()) return c.error_here("unexpected token, expected label");
      util::write_uleb(out, ls.size() - 1);
      for (uint32_t l : ls) util::write_uleb(out, l);
      return {};
    }
    case ImmKind::func:
      return index(Space::func, out);
    case ImmKind::call_indirect: {
      Bytes table;
      WISP_TRY(opt_index(Space::table, table));
      WISP_TRY(auto tu, m_.parse_typeuse(c, false));
      util::write_uleb(out, m_.type_index_for(tu));
      out.insert(out.end(), table.begin(), table.end());
      return {};
    }
    case ImmKind::local: {
      WISP_TRY(auto s, need());
      WISP_TRY(auto l, local(*s));
      util::write_uleb(out, l);
      return {};
    }
    case ImmKind::global:
      return index(Space::global, out);
    case ImmKind::table:
      return opt_index(Space::table, out);
    case ImmKind::memarg: {
      WISP_TRY(uint32_t mem, memarg_memory(c, false));
      return memarg(c, natural_align(info.name), out, mem);
    }
    case ImmKind::mem:  // memory.size/grow/fill memidx?
      return opt_index(Space::memory, out);
    case ImmKind::i32:
    case ImmKind::i64: {
      WISP_TRY(auto s, need());
      unsigned bits = info.imm == ImmKind::i32 ? 32 : 64;
      NumResult r = parse_int(s->text, bits);
      if (!r.ok()) return num_error(*s, r.status);
      int64_t v = bits == 32 ? int64_t(int32_t(uint32_t(r.bits))) : int64_t(r.bits);
      util::write_sleb(out, v);
      return {};
    }
    case ImmKind::f32: {
      WISP_TRY(auto s, need());
      NumResult r = parse_f32(s->text);
      if (!r.ok()) return num_error(*s, r.status);
      for (int i = 0; i < 4; ++i) out.push_back(uint8_t(r.bits >> (8 * i)));
      return {};
    }
    case ImmKind::f64: {
      WISP_TRY(auto s, need());
      NumResult r = parse_f64(s->text);
      if (!r.ok()) return num_error(*s, r.status);
      for (int i = 0; i < 8; ++i) out.push_back(uint8_t(r.bits >> (8 * i)));
      return {};
    }
    case ImmKind::heap_type: {
      WISP_TRY(auto s, need());
      WISP_TRY(wasm::ValType t, m_.heaptype(*s, true));
      put_heaptype(out, t);
      return {};
    }
    case ImmKind::memory_init: {  // memory.init memidx? dataidx
      m_.note_data_instr();
      Bytes mem;
      if (c.pos + 1 < c.items->size() && ModuleEncoder::is_index((*c.items)[c.pos + 1])) {
        WISP_TRY(index(Space::memory, mem));
      } else {
        mem.push_back(0x00);
      }
      WISP_TRY(index(Space::data, out));
      out.insert(out.end(), mem.begin(), mem.end());
      return {};
    }
    case ImmKind::data:
      m_.note_data_instr();
      return index(Space::data, out);
    case ImmKind::memory_copy:  // memory.copy (memidx memidx)?
      if (!c.done() && ModuleEncoder::is_index(c.peek())) {
        WISP_TRY(index(Space::memory, out));
        return index(Space::memory, out);
      }
      out.push_back(0x00);
      out.push_back(0x00);
      return {};
    case ImmKind::table_init: {
      // table.init tableidx? elemidx
      size_t n = 0;
      while (c.pos + n < c.items->size() && n < 2 && ModuleEncoder::is_index((*c.items)[c.pos + n])) ++n;
      Bytes table;
      if (n == 2) {
        WISP_TRY(index(Space::table, table));
      } else {
        table.push_back(0x00);
      }
      WISP_TRY(index(Space::elem, out));
      out.insert(out.end(), table.begin(), table.end());
      return {};
    }
    case ImmKind::elem:
      return index(Space::elem, out);
    case ImmKind::table_copy: {
      if (!c.done() && ModuleEncoder::is_index(c.peek())) {
        WISP_TRY(index(Space::table, out));
        return index(Space::table, out);
      }
      out.push_back(0x00);
      out.push_back(0x00);
      return {};
    }
    case ImmKind::type_index:  // call_ref, return_call_ref
      return index(Space::type, out);
    case ImmKind::tag:
      return index(Space::tag, out);
    // GC.
    case ImmKind::struct_field: {  // typeidx fieldidx (a field name of that type)
      if (c.done() || !ModuleEncoder::is_index(c.peek())) return c.error_here("unexpected token, expected index");
      WISP_TRY(uint32_t t, m_.resolve(Space::type, c.next()));
      util::write_uleb(out, t);
      if (c.done() || !ModuleEncoder::is_index(c.peek())) return c.error_here("unexpected token, expected field");
      WISP_TRY(uint32_t f, m_.resolve_field(t, c.next()));
      util::write_uleb(out, f);
      return {};
    }
    case ImmKind::array_fixed: {  // typeidx n
      WISP_TRY(index(Space::type, out));
      WISP_TRY(auto s, need());
      NumResult r = parse_uint(s->text, 32);
      if (!r.ok()) return num_error(*s, r.status);
      util::write_uleb(out, r.bits);
      return {};
    }
    case ImmKind::array_data:  // typeidx dataidx
      m_.note_data_instr();
      WISP_TRY(index(Space::type, out));
      return index(Space::data, out);
    case ImmKind::array_elem:
      WISP_TRY(index(Space::type, out));
      return index(Space::elem, out);
    case ImmKind::array_copy:
      WISP_TRY(index(Space::type, out));
      return index(Space::type, out);
    case ImmKind::ref_test: {  // reftype; a nullable one selects the _null encoding (sub-opcode + 1)
      WISP_TRY(wasm::ValType t, reftype());
      if (t.nullable()) ++out.back();
      put_heaptype(out, t);
      return {};
    }
    case ImmKind::br_on_cast: {  // label reftype reftype, encoded as flags label ht ht
      WISP_TRY(auto s, need());
      WISP_TRY(auto l, label(*s));
      WISP_TRY(wasm::ValType t1, reftype());
      WISP_TRY(wasm::ValType t2, reftype());
      out.push_back(uint8_t((t1.nullable() ? 1 : 0) | (t2.nullable() ? 2 : 0)));
      util::write_uleb(out, l);
      put_heaptype(out, t1);
      put_heaptype(out, t2);
      return {};
    }
    case ImmKind::select_t:
    case ImmKind::block:  // handled before immediates are read
    case ImmKind::try_table:
      break;
  }
  return at.error("unsupported immediate");
}

// select with `(result t)*` becomes the typed select 0x1C.
static bool typed_select(Cursor& c) { return !c.done() && c.peek().is_list_of("result"); }

Result<void> InstrEncoder::plain(Cursor& c) {
  const Sexp& at = c.next();
  auto op = text_op(at.text, m_.options().legacy_names);
  if (!op && is_clause_keyword(at.text)) return at.error("unexpected token " + at.text);
  if (!op) {
    WISP_TRY(auto simd, simd_instr(at, c, out_));
    if (simd) return {};
    return at.error("unknown operator " + at.text);
  }
  mark_hint(at);  // the opcode comes first (block_flat too)
  if (is_block_op(*op) || *op == Op::try_table) return block_flat(*op, c);
  if (*op == Op::try_) return try_flat(c);
  if (*op == Op::catch_ || *op == Op::catch_all || *op == Op::delegate) return at.error("unexpected token " + at.text);
  if (*op == Op::else_ || *op == Op::end) return at.error("unexpected " + at.text);
  if (*op == Op::select && typed_select(c)) {
    std::vector<wasm::ValType> ts;
    while (typed_select(c)) {
      const Sexp& r = c.next();
      for (size_t i = 1; i < r.items.size(); ++i) {
        WISP_TRY(auto t, m_.valtype(r.items[i]));
        ts.push_back(t);
      }
    }
    out_.push_back(0x1C);
    util::write_uleb(out_, ts.size());
    for (auto t : ts) put_valtype(out_, t);
    return {};
  }
  put_op(out_, *op);
  return immediates(*op, at, c, out_);
}

Result<void> InstrEncoder::block_flat(Op op, Cursor& c) {
  // Flat blocks nest by recursion (instrs -> plain -> block_flat) like folded ones: the same bound.
  if (stack_exhausted()) return c.error_here("nesting too deep");
  std::string lbl;
  if (!c.done() && c.peek().is_id()) lbl = c.next().text;
  put_op(out_, op);
  WISP_TRY(block_type(c, out_));
  if (op == Op::try_table) WISP_TRY(catch_clauses(c, out_));  // labels outside the try_table
  labels_.push_back(lbl);
  WISP_TRY(instrs(c));
  if (op == Op::if_ && !c.done() && c.peek().is_keyword("else")) {
    c.next();
    WISP_TRY(end_label(c, lbl));
    out_.push_back(0x05);
    WISP_TRY(instrs(c));
  }
  if (c.done() || !c.peek().is_keyword("end")) return c.error_here("unexpected token, expected end");
  c.next();
  labels_.pop_back();
  WISP_TRY(end_label(c, lbl));
  out_.push_back(0x0B);
  return {};
}

Result<void> InstrEncoder::instrs(Cursor& c) {
  while (!c.done()) {
    const Sexp& s = c.peek();
    if (s.is_list()) {
      c.next();
      WISP_TRY(folded(s));
      continue;
    }
    if (s.is_keyword("end") || s.is_keyword("else") || is_try_clause(s)) return {};
    if (!s.is_atom() || s.is_id()) return s.error("unexpected token, expected instruction");
    WISP_TRY(plain(c));
  }
  return {};
}

Result<void> InstrEncoder::folded(const Sexp& list) {
  if (stack_exhausted()) return list.error("nesting too deep");
  if (list.items.empty() || !list.items[0].is_atom()) return list.error("unexpected token, expected instruction");
  const Sexp& at = list.items[0];
  auto op = text_op(at.text, m_.options().legacy_names);
  if (!op && is_clause_keyword(at.text)) return at.error("unexpected token " + at.text);
  Cursor c{&list.items, 1, &list};
  Bytes head;
  if (!op) {
    WISP_TRY(auto simd, simd_instr(at, c, head));
    if (!simd) return at.error("unknown operator " + at.text);
  }
  if (op && (*op == Op::try_ || *op == Op::try_table || *op == Op::catch_ || *op == Op::catch_all ||
             *op == Op::delegate))
    return try_folded(list, c);
  if (op && is_block_op(*op)) {
    std::string lbl;
    if (!c.done() && c.peek().is_id()) lbl = c.next().text;
    Bytes bt;
    WISP_TRY(block_type(c, bt));
    if (*op != Op::if_) {
      put_op(out_, *op);
      out_.insert(out_.end(), bt.begin(), bt.end());
      labels_.push_back(lbl);
      WISP_TRY(instrs(c));
      if (!c.done()) return c.peek().error("unexpected token");
      labels_.pop_back();
      out_.push_back(0x0B);
      return {};
    }
    // (if label? bt foldedinstr* (then instr*) (else instr*)?)
    while (!c.done() && c.peek().is_list() && !c.peek().is_list_of("then")) {
      WISP_TRY(folded(c.next()));
    }
    if (c.done() || !c.peek().is_list_of("then")) return c.error_here("unexpected token, expected (then ...)");
    const Sexp& then = c.next();
    mark_hint(list);
    put_op(out_, Op::if_);
    out_.insert(out_.end(), bt.begin(), bt.end());
    labels_.push_back(lbl);
    Cursor tc{&then.items, 1, &then};
    WISP_TRY(instrs(tc));
    if (!tc.done()) return tc.peek().error("unexpected token");
    if (!c.done() && c.peek().is_list_of("else")) {
      const Sexp& els = c.next();
      out_.push_back(0x05);
      Cursor ec{&els.items, 1, &els};
      WISP_TRY(instrs(ec));
      if (!ec.done()) return ec.peek().error("unexpected token");
    }
    if (!c.done()) return c.peek().error("unexpected token");
    labels_.pop_back();
    out_.push_back(0x0B);
    return {};
  }
  if (op && (*op == Op::else_ || *op == Op::end)) return at.error("unexpected " + at.text);
  if (!op) {
    // `head` already holds the SIMD instruction.
  } else if (*op == Op::select && typed_select(c)) {
    std::vector<wasm::ValType> ts;
    while (typed_select(c)) {
      const Sexp& r = c.next();
      for (size_t i = 1; i < r.items.size(); ++i) {
        WISP_TRY(auto t, m_.valtype(r.items[i]));
        ts.push_back(t);
      }
    }
    head.push_back(0x1C);
    util::write_uleb(head, ts.size());
    for (auto t : ts) put_valtype(head, t);
  } else {
    put_op(head, *op);
    WISP_TRY(immediates(*op, at, c, head));
  }
  while (!c.done()) {
    const Sexp& s = c.next();
    if (!s.is_list()) return s.error("unexpected token");
    WISP_TRY(folded(s));
  }
  mark_hint(list);
  out_.insert(out_.end(), head.begin(), head.end());
  return {};
}

// try_table's clauses: (catch tag label) (catch_ref tag label) (catch_all label) (catch_all_ref label),
// labels resolved outside the try_table.
Result<void> InstrEncoder::catch_clauses(Cursor& c, Bytes& out) {
  Bytes body;
  uint32_t n = 0;
  while (!c.done()) {
    const Sexp& k = c.peek();
    uint8_t kind;
    if (k.is_list_of("catch")) kind = 0;
    else if (k.is_list_of("catch_ref")) kind = 1;
    else if (k.is_list_of("catch_all")) kind = 2;
    else if (k.is_list_of("catch_all_ref")) kind = 3;
    else break;
    c.next();
    size_t want = kind <= 1 ? 3 : 2;
    if (k.items.size() != want) return k.error("unexpected token in catch clause");
    body.push_back(kind);
    if (kind <= 1) {
      WISP_TRY(auto t, m_.resolve(Space::tag, k.items[1]));
      put_u32(body, t);
    }
    WISP_TRY(auto l, label(k.items[want - 1]));
    put_u32(body, l);
    ++n;
  }
  put_u32(out, n);
  out.insert(out.end(), body.begin(), body.end());
  return {};
}

// Legacy: try label? blocktype instr* (catch tag instr*)* (catch_all instr*)? end, or ... delegate label.
Result<void> InstrEncoder::try_flat(Cursor& c) {
  if (stack_exhausted()) return c.error_here("nesting too deep");
  std::string lbl;
  if (!c.done() && c.peek().is_id()) lbl = c.next().text;
  put_op(out_, Op::try_);
  WISP_TRY(block_type(c, out_));
  labels_.push_back(lbl);
  WISP_TRY(instrs(c));
  bool seen_all = false, any = false;
  while (!c.done() && (c.peek().is_keyword("catch") || c.peek().is_keyword("catch_all"))) {
    const Sexp& k = c.next();
    any = true;
    if (seen_all) return k.error("unexpected token " + k.text);
    if (k.is_keyword("catch")) {
      out_.push_back(0x07);
      if (c.done() || !ModuleEncoder::is_index(c.peek())) return c.error_here("unexpected token, expected index");
      WISP_TRY(auto t, m_.resolve(Space::tag, c.next()));
      put_u32(out_, t);
    } else {
      out_.push_back(0x19);
      seen_all = true;
    }
    WISP_TRY(instrs(c));
  }
  if (!c.done() && c.peek().is_keyword("delegate")) {
    const Sexp& k = c.next();
    if (any) return k.error("unexpected token delegate");
    labels_.pop_back();
    out_.push_back(0x18);
    if (c.done()) return c.error_here("unexpected token, expected label");
    WISP_TRY(auto l, label(c.next()));
    put_u32(out_, l);
    return {};
  }
  if (c.done() || !c.peek().is_keyword("end")) return c.error_here("unexpected token, expected end");
  c.next();
  labels_.pop_back();
  WISP_TRY(end_label(c, lbl));
  out_.push_back(0x0B);
  return {};
}

// Legacy, folded: (try label? blocktype (do instr*) (catch tag instr*)* (catch_all instr*)?) or with
// (delegate label) after the do.
Result<void> InstrEncoder::try_folded(const Sexp& list, Cursor& c) {
  const Sexp& at = list.items[0];
  if (at.text != "try" && at.text != "try_table") return at.error("unexpected token " + at.text);
  if (at.text == "try_table") {  // (try_table label? blocktype catch* instr*)
    std::string lbl;
    if (!c.done() && c.peek().is_id()) lbl = c.next().text;
    put_op(out_, Op::try_table);
    WISP_TRY(block_type(c, out_));
    WISP_TRY(catch_clauses(c, out_));
    labels_.push_back(lbl);
    WISP_TRY(instrs(c));
    if (!c.done()) return c.peek().error("unexpected token");
    labels_.pop_back();
    out_.push_back(0x0B);
    return {};
  }
  std::string lbl;
  if (!c.done() && c.peek().is_id()) lbl = c.next().text;
  put_op(out_, Op::try_);
  WISP_TRY(block_type(c, out_));
  labels_.push_back(lbl);
  if (c.done() || !c.peek().is_list_of("do")) return c.error_here("unexpected token, expected (do ...)");
  const Sexp& d = c.next();
  Cursor dc{&d.items, 1, &d};
  WISP_TRY(instrs(dc));
  if (!dc.done()) return dc.peek().error("unexpected token");
  bool seen_all = false, any = false;
  while (!c.done() && (c.peek().is_list_of("catch") || c.peek().is_list_of("catch_all"))) {
    const Sexp& k = c.next();
    any = true;
    if (seen_all) return k.error("unexpected token");
    Cursor kc{&k.items, 1, &k};
    if (k.is_list_of("catch")) {
      out_.push_back(0x07);
      if (kc.done() || !ModuleEncoder::is_index(kc.peek())) return kc.error_here("unexpected token, expected index");
      WISP_TRY(auto t, m_.resolve(Space::tag, kc.next()));
      put_u32(out_, t);
    } else {
      out_.push_back(0x19);
      seen_all = true;
    }
    WISP_TRY(instrs(kc));
    if (!kc.done()) return kc.peek().error("unexpected token");
  }
  if (!c.done() && c.peek().is_list_of("delegate")) {
    const Sexp& k = c.next();
    if (any || k.items.size() != 2) return k.error("unexpected token");
    labels_.pop_back();
    out_.push_back(0x18);
    WISP_TRY(auto l, label(k.items[1]));
    put_u32(out_, l);
    if (!c.done()) return c.peek().error("unexpected token");
    return {};
  }
  if (!c.done()) return c.peek().error("unexpected token");
  labels_.pop_back();
  out_.push_back(0x0B);
  return {};
}

}  // namespace wisp::text
