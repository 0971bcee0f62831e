// Module fields of the text format: index spaces, implicit types, imports/exports, segments, sections.
#include <algorithm>
#include <cstring>

#include "text/numbers.h"
#include "text/wat_annotations.h"
#include "text/wat.h"
#include "text/wat_encoder.h"
#include "util/leb128.h"

namespace wisp::text {

using wasm::ExternKind;
using wasm::FuncType;
using wasm::ValType;

Error Cursor::error_here(std::string_view what) const {
  if (!done()) return peek().error(what);
  if (where) return where->error(what);
  return Error::malformed("1:1: " + std::string(what));
}

void put_u32(Bytes& out, uint64_t v) { util::write_uleb(out, v); }

void put_valtype(Bytes& out, wasm::ValType t) {
  if (t == ValType::funcref() || t == ValType::externref() || !t.is_ref()) {
    out.push_back(wasm::valtype_to_byte(t));
    return;
  }
  out.push_back(t.nullable() ? 0x63 : 0x64);
  if (wasm::is_abstract_heap(t.heap())) out.push_back(wasm::heap_kind_byte(t.heap()));
  else util::write_sleb(out, int64_t(t.heap()));
}

// One sub type: `sub`/`sub final` with its supertype unless it is final without one, then the
// composite type (func, struct, array) with packed storage types and mutability.
void put_typedef(Bytes& out, const wasm::FuncType& ft, const wasm::TypeDef& d) {
  if (!d.final || d.supertype != wasm::kNoSupertype) {
    out.push_back(d.final ? 0x4F : 0x50);
    put_u32(out, d.supertype == wasm::kNoSupertype ? 0 : 1);
    if (d.supertype != wasm::kNoSupertype) put_u32(out, d.supertype);
  }
  auto field = [&](const wasm::FieldType& f) {
    if (f.packed == wasm::Packed::none) put_valtype(out, f.type);
    else out.push_back(f.packed == wasm::Packed::i8 ? 0x78 : 0x77);
    out.push_back(f.mut ? 0x01 : 0x00);
  };
  switch (d.kind) {
    case wasm::TypeKind::func:
      out.push_back(wasm::kTypeFunc);
      put_u32(out, ft.params.size());
      for (ValType t : ft.params) put_valtype(out, t);
      put_u32(out, ft.results.size());
      for (ValType t : ft.results) put_valtype(out, t);
      break;
    case wasm::TypeKind::struct_:
      out.push_back(0x5F);
      put_u32(out, d.fields.size());
      for (const wasm::FieldType& f : d.fields) field(f);
      break;
    case wasm::TypeKind::array:
      out.push_back(0x5E);
      field(d.fields.at(0));
      break;
  }
}

void put_name(Bytes& out, const std::string& s) {
  put_u32(out, s.size());
  out.insert(out.end(), s.begin(), s.end());
}

namespace {

const char* space_name(Space s) {
  switch (s) {
    case Space::func: return "function";
    case Space::table: return "table";
    case Space::memory: return "memory";
    case Space::global: return "global";
    case Space::elem: return "elem segment";
    case Space::data: return "data segment";
    case Space::type: return "type";
    case Space::tag: return "tag";
    default: return "index";
  }
}

void put_section(Bytes& out, uint8_t id, const Bytes& body, uint32_t count) {
  Bytes tmp;
  put_u32(tmp, count);
  tmp.insert(tmp.end(), body.begin(), body.end());
  out.push_back(id);
  put_u32(out, tmp.size());
  out.insert(out.end(), tmp.begin(), tmp.end());
}

}  // namespace

bool ModuleEncoder::is_index(const Sexp& s) {
  return s.is_atom() && !s.text.empty() && (s.text[0] == '$' || (s.text[0] >= '0' && s.text[0] <= '9'));
}

Result<uint32_t> ModuleEncoder::resolve(Space space, const Sexp& s) {
  if (!s.is_atom()) return s.error("unexpected token, expected index");
  if (s.is_id()) {
    auto& m = names_[size_t(space)].map;
    auto it = m.find(s.text);
    if (it == m.end()) return s.error(std::string("unknown ") + space_name(space) + " " + s.text);
    return it->second;
  }
  NumResult r = parse_uint(s.text, 32);
  if (r.status == NumStatus::out_of_range) return s.error("constant out of range");
  if (!r.ok()) return s.error("unexpected token, expected index");
  return uint32_t(r.bits);
}

Result<void> ModuleEncoder::bind(Space space, const Sexp* id, const Sexp& at) {
  Names& n = names_[size_t(space)];
  if (id) {
    if (!n.map.emplace(id->text, n.count).second)
      return at.error(std::string("duplicate ") + space_name(space) + " " + id->text);
  }
  ++n.count;
  return {};
}

Result<ValType> ModuleEncoder::valtype(const Sexp& s) {
  if (s.is_atom()) {
    const std::string& t = s.text;
    if (t == "i32") return ValType::i32();
    if (t == "i64") return ValType::i64();
    if (t == "f32") return ValType::f32();
    if (t == "f64") return ValType::f64();
    if (t == "v128") return ValType::v128();
    if (t == "funcref") return ValType::funcref();
    if (t == "externref") return ValType::externref();
    // Shorthands of later proposals: (ref null ht).
    static constexpr std::pair<const char*, wasm::HeapKind> kShorthands[] = {
        {"exnref", wasm::HeapKind::exn},        {"nullexnref", wasm::HeapKind::noexn},
        {"nullfuncref", wasm::HeapKind::nofunc}, {"nullexternref", wasm::HeapKind::noextern},
        {"anyref", wasm::HeapKind::any},        {"eqref", wasm::HeapKind::eq},
        {"i31ref", wasm::HeapKind::i31},        {"structref", wasm::HeapKind::struct_},
        {"arrayref", wasm::HeapKind::array},    {"nullref", wasm::HeapKind::none},
    };
    for (const auto& [name, heap] : kShorthands)
      if (t == name) return ValType::ref(uint32_t(heap), true);
  }
  if (s.is_list_of("ref")) {  // (ref null? ht)
    bool nullable = s.items.size() == 3 && s.items[1].is_keyword("null");
    if (s.items.size() != (nullable ? 3u : 2u)) return s.error("unexpected token, expected heap type");
    WISP_TRY(ValType t, heaptype(s.items.back(), nullable));
    return t;
  }
  // (ref null exn): exnref (exceptions); the other (ref ...) forms come with typed references.
  if (s.is_list_of("ref") && s.items.size() == 3 && s.items[1].is_keyword("null") && s.items[2].is_keyword("exn"))
    return ValType::exnref();
  // The reference lexer reports an unknown keyword as an unknown operator.
  if (s.is_atom() && !s.text.empty() && s.text[0] >= 'a' && s.text[0] <= 'z')
    return s.error("unknown operator " + s.text);
  return s.error("unexpected token, expected value type");
}

Result<ValType> ModuleEncoder::heaptype(const Sexp& s, bool nullable) {
  if (is_index(s)) {
    WISP_TRY(uint32_t idx, resolve(Space::type, s));
    if (idx >= wasm::kHeapAbstractBase) return s.error("unknown type");
    return ValType::ref(idx, nullable);
  }
  if (s.is_atom()) {
    static constexpr std::pair<const char*, wasm::HeapKind> kHeaps[] = {
        {"func", wasm::HeapKind::func},   {"extern", wasm::HeapKind::extern_},   {"exn", wasm::HeapKind::exn},
        {"noexn", wasm::HeapKind::noexn}, {"any", wasm::HeapKind::any},          {"eq", wasm::HeapKind::eq},
        {"i31", wasm::HeapKind::i31},     {"struct", wasm::HeapKind::struct_},   {"array", wasm::HeapKind::array},
        {"none", wasm::HeapKind::none},   {"noextern", wasm::HeapKind::noextern}, {"nofunc", wasm::HeapKind::nofunc},
    };
    for (const auto& [name, heap] : kHeaps)
      if (s.text == name) return ValType::ref(uint32_t(heap), nullable);
  }
  return s.error("unexpected token, expected heap type");
}

Result<std::string> ModuleEncoder::name_string(const Sexp& s) {
  if (!s.is_string()) return s.error("unexpected token, expected string");
  if (!is_valid_utf8(s.text)) return s.error("malformed UTF-8 encoding");
  return s.text;
}

Result<void> ModuleEncoder::parse_functype(const Sexp& func, FuncType& ft) {
  if (!func.is_list_of("func")) return func.error("unexpected token, expected (func ...)");
  Cursor c{&func.items, 1, &func};
  bool results = false;
  while (!c.done()) {
    const Sexp& p = c.next();
    bool is_param = p.is_list_of("param");
    if (!is_param && !p.is_list_of("result")) return p.error("unexpected token");
    if (is_param && results) return p.error("unexpected token: param after result");
    results = !is_param;
    size_t i = 1;
    if (is_param && p.items.size() > 1 && p.items[1].is_id()) {
      if (p.items.size() != 3) return p.error("unexpected token");
      i = 2;
    }
    for (; i < p.items.size(); ++i) {
      WISP_TRY(auto t, valtype(p.items[i]));
      (is_param ? ft.params : ft.results).push_back(t);
    }
  }
  return {};
}

Result<ModuleEncoder::TypeUse> ModuleEncoder::parse_typeuse(Cursor& c, bool allow_names) {
  TypeUse tu;
  if (!c.done() && c.peek().is_list_of("type")) {
    const Sexp& t = c.next();
    if (t.items.size() != 2) return t.error("unexpected token in type use");
    WISP_TRY(auto idx, resolve(Space::type, t.items[1]));
    tu.index = idx;
  }
  bool results = false;
  while (!c.done()) {
    const Sexp& p = c.peek();
    bool is_param = p.is_list_of("param");
    if (!is_param && !p.is_list_of("result")) break;
    if (is_param && results) return p.error("unexpected token: param after result");
    c.next();
    tu.inline_written = true;
    results = !is_param;
    size_t i = 1;
    if (is_param && p.items.size() > 1 && p.items[1].is_id()) {
      if (!allow_names) return p.items[1].error("unexpected token: named parameter not allowed here");
      if (p.items.size() != 3) return p.error("unexpected token");
      WISP_TRY(auto t, valtype(p.items[2]));
      tu.type.params.push_back(t);
      tu.names.push_back(p.items[1].text);
      continue;
    }
    for (; i < p.items.size(); ++i) {
      WISP_TRY(auto t, valtype(p.items[i]));
      if (is_param) {
        tu.type.params.push_back(t);
        tu.names.emplace_back();
      } else {
        tu.type.results.push_back(t);
      }
    }
  }
  if (tu.index) {
    // With an inline signature the type must exist to be compared; without one the validator reports it.
    if (*tu.index >= types_.size() && tu.inline_written) return c.error_here("unknown type");
    if (*tu.index < types_.size()) {
      const FuncType& def = types_[*tu.index];
      if (tu.inline_written && !(def == tu.type)) return c.error_here("inline function type");
      if (!tu.inline_written) {
        tu.type = def;
        tu.names.assign(def.params.size(), std::string());
      }
    }
  }
  return tu;
}

uint32_t ModuleEncoder::type_index_for(const TypeUse& tu) {
  if (tu.index) return *tu.index;
  // An implicit type use matches a plain function type: final, without supertype, alone in its group.
  for (size_t i = 0; i < types_.size(); ++i) {
    const wasm::TypeDef& d = type_defs_[i];
    if (types_[i] == tu.type && d.kind == wasm::TypeKind::func && d.final && d.supertype == wasm::kNoSupertype &&
        d.rec_size == 1)
      return uint32_t(i);
  }
  types_.push_back(tu.type);
  wasm::TypeDef d;
  d.rec_start = uint32_t(type_defs_.size());
  type_defs_.push_back(d);
  field_names_.emplace_back();
  return uint32_t(types_.size() - 1);
}

Result<void> ModuleEncoder::import_order(const Sexp& at) {
  if (seen_definition_) return at.error("import after " + last_definition_);
  return {};
}

// Pass 1: bind names and count indices in text order.
Result<void> ModuleEncoder::declare(const Sexp& f) {
  if (!f.is_list() || f.items.empty() || !f.items[0].is_atom()) return f.error("unexpected token, expected module field");
  const std::string& kw = f.items[0].text;
  const Sexp* id = f.items.size() > 1 && f.items[1].is_id() ? &f.items[1] : nullptr;
  if (kw == "type") return declare_type(f, uint32_t(types_.size()), 1);
  if (kw == "rec") {  // GC: (rec (type ...)*), one rec group
    uint32_t start = uint32_t(types_.size()), size = uint32_t(f.items.size() - 1);
    for (size_t k = 1; k < f.items.size(); ++k) {
      if (!f.items[k].is_list_of("type")) return f.items[k].error("unexpected token, expected (type ...)");
      WISP_TRY(declare_type(f.items[k], start, size));
    }
    return {};
  }
  if (kw == "import") {
    if (f.items.size() != 4) return f.error("unexpected token in import");
    const Sexp& d = f.items[3];
    if (!d.is_list() || d.items.empty()) return d.error("unexpected token, expected import description");
    WISP_TRY(import_order(f));
    const Sexp* did = d.items.size() > 1 && d.items[1].is_id() ? &d.items[1] : nullptr;
    const std::string& k = d.items[0].text;
    if (k == "func") return bind(Space::func, did, d);
    if (k == "table") return bind(Space::table, did, d);
    if (k == "memory") return bind(Space::memory, did, d);
    if (k == "global") return bind(Space::global, did, d);
    if (k == "tag") return bind(Space::tag, did, d);
    return d.error("unexpected token, expected import kind");
  }
  if (kw == "func" || kw == "table" || kw == "memory" || kw == "global") {
    Space sp = kw == "func" ? Space::func : kw == "table" ? Space::table : kw == "memory" ? Space::memory : Space::global;
    size_t i = id ? 2 : 1;
    while (i < f.items.size() && f.items[i].is_list_of("export")) ++i;
    bool imported = i < f.items.size() && f.items[i].is_list_of("import");
    if (imported) {
      WISP_TRY(import_order(f));
    } else {
      seen_definition_ = true;
      last_definition_ = kw == "func" ? "function" : kw;
      if (sp == Space::table) {
        // `(table reftype (elem ...))` also defines an element segment.
        if (i + 1 < f.items.size() && f.items[i + 1].is_list_of("elem")) ++names_[size_t(Space::elem)].count;
      } else if (sp == Space::memory) {
        if (i < f.items.size() && f.items[i].is_list_of("data")) ++names_[size_t(Space::data)].count;
      }
    }
    return bind(sp, id, f);
  }
  if (kw == "tag") {
    size_t i = id ? 2 : 1;
    while (i < f.items.size() && f.items[i].is_list_of("export")) ++i;
    if (i < f.items.size() && f.items[i].is_list_of("import")) {
      WISP_TRY(import_order(f));
    } else {
      seen_definition_ = true;
      last_definition_ = "tag";
    }
    return bind(Space::tag, id, f);
  }
  if (kw == "elem") return bind(Space::elem, id, f);
  if (kw == "data") return bind(Space::data, id, f);
  if (kw == "export" || kw == "start") return {};
  return f.items[0].error("unknown module field " + kw);
}

// (type $id? deftype): binds the name now; the definition is parsed once every type name is known
// (parse_types), since the types of a rec group may refer to later ones.
Result<void> ModuleEncoder::declare_type(const Sexp& f, uint32_t rec_start, uint32_t rec_size) {
  const Sexp* id = f.items.size() > 1 && f.items[1].is_id() ? &f.items[1] : nullptr;
  size_t i = id ? 2 : 1;
  if (f.items.size() != i + 1) return f.error("unexpected token in type definition");
  WISP_TRY(bind(Space::type, id, f));
  types_.emplace_back();
  wasm::TypeDef d;
  d.rec_start = rec_start;
  d.rec_size = rec_size;
  type_defs_.push_back(std::move(d));
  type_bodies_.push_back(&f.items[i]);
  field_names_.emplace_back();
  return {};
}

Result<void> ModuleEncoder::parse_types() {
  for (uint32_t i = 0; i < type_bodies_.size(); ++i) WISP_TRY(parse_type(*type_bodies_[i], i));
  return {};
}

// deftype ::= (sub final? typeidx* comptype) | comptype; comptype ::= (func ...) | (struct field*) |
// (array fieldtype).
Result<void> ModuleEncoder::parse_type(const Sexp& body, uint32_t index) {
  wasm::TypeDef& d = type_defs_[index];
  const Sexp* comp = &body;
  if (body.is_list_of("sub")) {
    Cursor c{&body.items, 1, &body};
    d.final = false;
    if (!c.done() && c.peek().is_keyword("final")) {
      c.next();
      d.final = true;
    }
    while (!c.done() && is_index(c.peek())) {
      WISP_TRY(uint32_t super, resolve(Space::type, c.next()));
      if (d.supertype != wasm::kNoSupertype) return body.error("unexpected token: multiple supertypes");
      d.supertype = super;
    }
    if (c.done()) return c.error_here("unexpected token, expected composite type");
    comp = &c.next();
    if (!c.done()) return c.peek().error("unexpected token");
  }
  if (comp->is_list_of("func")) return parse_functype(*comp, types_[index]);
  if (comp->is_list_of("array")) {
    d.kind = wasm::TypeKind::array;
    if (comp->items.size() != 2) return comp->error("unexpected token in array type");
    WISP_TRY(wasm::FieldType ft, field_type(comp->items[1]));
    d.fields.push_back(ft);
    return {};
  }
  if (comp->is_list_of("struct")) {
    d.kind = wasm::TypeKind::struct_;
    for (size_t k = 1; k < comp->items.size(); ++k) {
      const Sexp& fl = comp->items[k];
      if (!fl.is_list_of("field")) return fl.error("unexpected token, expected (field ...)");
      if (fl.items.size() > 1 && fl.items[1].is_id()) {  // (field $name fieldtype)
        if (fl.items.size() != 3) return fl.error("unexpected token in field");
        if (!field_names_[index].emplace(fl.items[1].text, uint32_t(d.fields.size())).second)
          return fl.items[1].error("duplicate field " + fl.items[1].text);
        WISP_TRY(wasm::FieldType ft, field_type(fl.items[2]));
        d.fields.push_back(ft);
        continue;
      }
      for (size_t j = 1; j < fl.items.size(); ++j) {
        WISP_TRY(wasm::FieldType ft, field_type(fl.items[j]));
        d.fields.push_back(ft);
      }
    }
    return {};
  }
  return comp->error("unexpected token, expected (func ...), (struct ...) or (array ...)");
}

// fieldtype ::= storagetype | (mut storagetype); storagetype ::= valtype | i8 | i16.
Result<wasm::FieldType> ModuleEncoder::field_type(const Sexp& s) {
  wasm::FieldType f;
  const Sexp* st = &s;
  if (s.is_list_of("mut")) {
    if (s.items.size() != 2) return s.error("unexpected token in mutable field");
    f.mut = true;
    st = &s.items[1];
  }
  if (st->is_keyword("i8") || st->is_keyword("i16")) {
    f.packed = st->is_keyword("i8") ? wasm::Packed::i8 : wasm::Packed::i16;
    f.type = ValType::i32();
    return f;
  }
  WISP_TRY(f.type, valtype(*st));
  return f;
}

Result<uint32_t> ModuleEncoder::resolve_field(uint32_t type, const Sexp& s) {
  if (s.is_id()) {
    if (type >= field_names_.size()) return s.error("unknown field " + s.text);
    auto it = field_names_[type].find(s.text);
    if (it == field_names_[type].end()) return s.error("unknown field " + s.text);
    return it->second;
  }
  NumResult r = parse_uint(s.text, 32);
  if (r.status == NumStatus::out_of_range) return s.error("constant out of range");
  if (!r.ok()) return s.error("unexpected token, expected field index");
  return uint32_t(r.bits);
}

Result<void> ModuleEncoder::inline_exports(Cursor& c, ExternKind kind, uint32_t index) {
  while (!c.done() && c.peek().is_list_of("export")) {
    const Sexp& e = c.next();
    if (e.items.size() != 2) return e.error("unexpected token in inline export");
    WISP_TRY(auto name, name_string(e.items[1]));
    put_name(exports_, name);
    exports_.push_back(uint8_t(kind));
    put_u32(exports_, index);
    ++n_exports_;
  }
  return {};
}

Result<void> ModuleEncoder::import_names(const Sexp& module, const Sexp& field, Bytes& out) {
  WISP_TRY(auto m, name_string(module));
  WISP_TRY(auto f, name_string(field));
  put_name(out, m);
  put_name(out, f);
  return {};
}

Result<void> ModuleEncoder::inline_import(const Sexp& imp, Bytes& out) {
  if (imp.items.size() != 3) return imp.error("unexpected token in inline import");
  return import_names(imp.items[1], imp.items[2], out);
}

Result<void> ModuleEncoder::limits(Cursor& c, Bytes& out) {
  // Memory and table types may name their address type first (memory64, table64): i64 sets flag 4.
  // Bounds are u64 either way (Wasm 3.0): a 32-bit type's range is the validator's ("invalid").
  bool is64 = false;
  if (!c.done() && (c.peek().is_keyword("i64") || c.peek().is_keyword("i32"))) is64 = c.next().text == "i64";
  const char* range_error = is64 ? "i64 constant out of range" : "constant out of range";
  if (c.done() || !c.peek().is_atom()) return c.error_here("unexpected token, expected limits");
  NumResult mn = parse_uint(c.peek().text, 64);
  if (mn.status == NumStatus::out_of_range) return c.peek().error(range_error);
  if (!mn.ok()) return c.peek().error("unexpected token, expected limits");
  c.next();
  std::optional<uint64_t> mx;
  if (!c.done() && c.peek().is_atom() && looks_numeric(c.peek().text)) {
    NumResult r = parse_uint(c.peek().text, 64);
    if (r.status == NumStatus::out_of_range) return c.peek().error(range_error);
    if (!r.ok()) return c.peek().error("unexpected token in limits");
    c.next();
    mx = r.bits;
  }
  bool shared = false;
  if (!c.done() && c.peek().is_keyword("shared")) {
    shared = true;
    c.next();
  }
  out.push_back(uint8_t((mx ? 1 : 0) | (shared ? 2 : 0) | (is64 ? 4 : 0)));
  put_u32(out, mn.bits);
  if (mx) put_u32(out, *mx);
  return {};
}

Result<void> ModuleEncoder::global_type(Cursor& c, const Sexp& at, Bytes& out) {
  if (c.done()) return at.error("unexpected end, expected global type");
  const Sexp& t = c.next();
  if (t.is_list_of("mut")) {
    if (t.items.size() != 2) return t.error("unexpected token in global type");
    WISP_TRY(auto vt, valtype(t.items[1]));
    put_valtype(out, vt);
    out.push_back(1);
    return {};
  }
  WISP_TRY(auto vt, valtype(t));
  put_valtype(out, vt);
  out.push_back(0);
  return {};
}

Result<void> ModuleEncoder::const_expr(Cursor& c, Bytes& out) {
  InstrEncoder ie(*this, out, nullptr);
  WISP_TRY(ie.instrs(c));
  if (!c.done()) return c.peek().error("unexpected token");
  out.push_back(0x0B);
  return {};
}

Result<void> ModuleEncoder::offset_expr(const Sexp& s, Bytes& out) {
  if (s.is_list_of("offset")) {
    Cursor c{&s.items, 1, &s};
    return const_expr(c, out);
  }
  InstrEncoder ie(*this, out, nullptr);
  WISP_TRY(ie.folded(s));
  out.push_back(0x0B);
  return {};
}

Result<void> ModuleEncoder::define_func(const Sexp& f) {
  Cursor c{&f.items, 1, &f};
  if (!c.done() && c.peek().is_id()) c.next();
  uint32_t index = names_[size_t(Space::func)].count++;
  WISP_TRY(inline_exports(c, ExternKind::func, index));
  const Sexp* imp = !c.done() && c.peek().is_list_of("import") ? &c.next() : nullptr;
  WISP_TRY(auto tu, parse_typeuse(c, true));
  uint32_t type_idx = type_index_for(tu);
  if (imp) {
    if (!c.done()) return c.peek().error("unexpected token after imported function type");
    WISP_TRY(inline_import(*imp, imports_));
    imports_.push_back(0x00);
    put_u32(imports_, type_idx);
    ++n_imports_;
    return {};
  }
  put_u32(funcs_, type_idx);
  ++n_funcs_;
  std::unordered_map<std::string, uint32_t> locals;
  uint32_t n_locals = 0;
  for (const std::string& nm : tu.names) {
    if (!nm.empty() && !locals.emplace(nm, n_locals).second) return f.error("duplicate local " + nm);
    ++n_locals;
  }
  std::vector<ValType> local_types;
  while (!c.done() && c.peek().is_list_of("local")) {
    const Sexp& l = c.next();
    if (l.items.size() > 1 && l.items[1].is_id()) {
      if (l.items.size() != 3) return l.error("unexpected token in local");
      if (!locals.emplace(l.items[1].text, n_locals).second) return l.error("duplicate local " + l.items[1].text);
      WISP_TRY(auto t, valtype(l.items[2]));
      local_types.push_back(t);
      ++n_locals;
      continue;
    }
    for (size_t i = 1; i < l.items.size(); ++i) {
      WISP_TRY(auto t, valtype(l.items[i]));
      local_types.push_back(t);
      ++n_locals;
    }
  }
  Bytes body;
  // Locals are run-length compressed: count then type.
  std::vector<std::pair<uint32_t, ValType>> runs;
  for (ValType t : local_types) {
    if (!runs.empty() && runs.back().second == t) ++runs.back().first;
    else runs.emplace_back(1, t);
  }
  put_u32(body, runs.size());
  for (auto& [n, t] : runs) {
    put_u32(body, n);
    put_valtype(body, t);
  }
  InstrEncoder ie(*this, body, &locals);
  auto hint_targets = branch_hint_targets(f);
  std::vector<std::pair<uint32_t, uint8_t>> hints;
  if (!hint_targets.empty()) ie.track_hints(&hint_targets, &hints);
  WISP_TRY(ie.instrs(c));
  if (!c.done()) return c.peek().error("unexpected token");
  if (!hints.empty()) {
    std::sort(hints.begin(), hints.end());
    branch_hints_.emplace_back(index, std::move(hints));
  }
  body.push_back(0x0B);
  put_u32(code_, body.size());
  code_.insert(code_.end(), body.begin(), body.end());
  return {};
}

Result<void> ModuleEncoder::define_table(const Sexp& f) {
  Cursor c{&f.items, 1, &f};
  if (!c.done() && c.peek().is_id()) c.next();
  uint32_t index = names_[size_t(Space::table)].count++;
  WISP_TRY(inline_exports(c, ExternKind::table, index));
  if (!c.done() && c.peek().is_list_of("import")) {
    WISP_TRY(inline_import(c.next(), imports_));
    imports_.push_back(0x01);
    Bytes lim;
    WISP_TRY(limits(c, lim));
    if (c.done()) return f.error("unexpected end, expected reference type");
    WISP_TRY(auto t, valtype(c.next()));
    put_valtype(imports_, t);
    imports_.insert(imports_.end(), lim.begin(), lim.end());
    ++n_imports_;
    if (!c.done()) return c.peek().error("unexpected token");
    return {};
  }
  // Inline elements: addrtype? reftype (elem ...); the table's size is their count.
  bool inline64 = false;
  if (c.pos + 1 < c.items->size() && c.peek().is_keyword("i64") && !looks_numeric((*c.items)[c.pos + 1].text)) {
    inline64 = true;
    c.next();
  }
  const bool addr_first = !c.done() && (c.peek().is_keyword("i64") || c.peek().is_keyword("i32"));
  if (!c.done() && !addr_first && ((c.peek().is_atom() && !looks_numeric(c.peek().text)) || is_ref_list(c.peek()))) {
    WISP_TRY(auto t, valtype(c.next()));
    if (c.done() || !c.peek().is_list_of("elem")) return c.error_here("unexpected token, expected (elem ...)");
    const Sexp& e = c.next();
    if (!c.done()) return c.peek().error("unexpected token");
    Cursor ec{&e.items, 1, &e};
    bool exprs = !ec.done() && ec.peek().is_list();
    Bytes items;
    uint32_t n = uint32_t(e.items.size() - 1);
    if (!exprs && !(t == ValType::funcref())) {
      // Indices into a table of a typed reference type: the segment has that type, so its items are
      // written as ref.func expressions.
      put_u32(items, n);
      while (!ec.done()) {
        WISP_TRY(auto idx, resolve(Space::func, ec.next()));
        items.push_back(0xD2);
        put_u32(items, idx);
        items.push_back(0x0B);
      }
      exprs = true;
    } else {
      WISP_TRY(elem_list(ec, !exprs, items, exprs));
    }
    put_valtype(tables_, t);
    tables_.push_back(inline64 ? 0x05 : 0x01);
    put_u32(tables_, n);
    put_u32(tables_, n);
    ++n_tables_;
    ++names_[size_t(Space::elem)].count;
    // Active segment at offset 0 of this table (flags 2/6 carry the table index explicitly).
    elems_.push_back(exprs ? 0x06 : 0x02);
    put_u32(elems_, index);
    elems_.insert(elems_.end(), {uint8_t(inline64 ? 0x42 : 0x41), 0x00, 0x0B});
    if (exprs) put_valtype(elems_, t);
    else elems_.push_back(0x00);
    elems_.insert(elems_.end(), items.begin(), items.end());
    ++n_elems_;
    return {};
  }
  Bytes lim;
  WISP_TRY(limits(c, lim));
  if (c.done()) return f.error("unexpected end, expected reference type");
  WISP_TRY(auto t, valtype(c.next()));
  if (!c.done()) {
    // An initialiser expression (typed function references): 0x40 0x00 tabletype expr.
    tables_.insert(tables_.end(), {0x40, 0x00});
    put_valtype(tables_, t);
    tables_.insert(tables_.end(), lim.begin(), lim.end());
    WISP_TRY(const_expr(c, tables_));
    ++n_tables_;
    return {};
  }
  put_valtype(tables_, t);
  tables_.insert(tables_.end(), lim.begin(), lim.end());
  ++n_tables_;
  return {};
}

Result<void> ModuleEncoder::define_memory(const Sexp& f) {
  Cursor c{&f.items, 1, &f};
  if (!c.done() && c.peek().is_id()) c.next();
  uint32_t index = names_[size_t(Space::memory)].count++;
  WISP_TRY(inline_exports(c, ExternKind::memory, index));
  if (!c.done() && c.peek().is_list_of("import")) {
    WISP_TRY(inline_import(c.next(), imports_));
    imports_.push_back(0x02);
    WISP_TRY(limits(c, imports_));
    ++n_imports_;
    if (!c.done()) return c.peek().error("unexpected token");
    return {};
  }
  // (memory i64 (data ...)): a 64-bit memory sized by its inline data (memory64).
  bool inline64 = false;
  if (c.pos + 1 < c.items->size() && c.peek().is_keyword("i64") && (*c.items)[c.pos + 1].is_list_of("data")) {
    inline64 = true;
    c.next();
  }
  if (!c.done() && c.peek().is_list_of("data")) {
    const Sexp& d = c.next();
    if (!c.done()) return c.peek().error("unexpected token");
    std::string bytes;
    for (size_t i = 1; i < d.items.size(); ++i) {
      if (!d.items[i].is_string()) return d.items[i].error("unexpected token, expected string");
      bytes += d.items[i].text;
    }
    uint64_t pages = (bytes.size() + wasm::kPageSize - 1) / wasm::kPageSize;
    mems_.push_back(inline64 ? 0x05 : 0x01);
    put_u32(mems_, pages);
    put_u32(mems_, pages);
    ++n_mems_;
    ++names_[size_t(Space::data)].count;
    datas_.push_back(0x02);
    put_u32(datas_, index);
    if (inline64) {
      datas_.insert(datas_.end(), {0x42, 0x00, 0x0B});
    } else {
      datas_.insert(datas_.end(), {0x41, 0x00, 0x0B});
    }
    put_name(datas_, bytes);
    ++n_datas_;
    return {};
  }
  WISP_TRY(limits(c, mems_));
  if (!c.done()) return c.peek().error("unexpected token");
  ++n_mems_;
  return {};
}

Result<void> ModuleEncoder::define_global(const Sexp& f) {
  Cursor c{&f.items, 1, &f};
  if (!c.done() && c.peek().is_id()) c.next();
  uint32_t index = names_[size_t(Space::global)].count++;
  WISP_TRY(inline_exports(c, ExternKind::global, index));
  if (!c.done() && c.peek().is_list_of("import")) {
    WISP_TRY(inline_import(c.next(), imports_));
    imports_.push_back(0x03);
    WISP_TRY(global_type(c, f, imports_));
    ++n_imports_;
    if (!c.done()) return c.peek().error("unexpected token");
    return {};
  }
  WISP_TRY(global_type(c, f, globals_));
  WISP_TRY(const_expr(c, globals_));
  ++n_globals_;
  return {};
}

// (tag $id? (export ...)* (import ...)? typeuse): a tag's type is a function type (no results).
Result<void> ModuleEncoder::define_tag(const Sexp& f) {
  Cursor c{&f.items, 1, &f};
  if (!c.done() && c.peek().is_id()) c.next();
  uint32_t index = names_[size_t(Space::tag)].count++;
  WISP_TRY(inline_exports(c, ExternKind::tag, index));
  const Sexp* imp = !c.done() && c.peek().is_list_of("import") ? &c.next() : nullptr;
  WISP_TRY(auto tu, parse_typeuse(c, true));
  if (!c.done()) return c.peek().error("unexpected token");
  uint32_t type_idx = type_index_for(tu);
  if (imp) {
    WISP_TRY(inline_import(*imp, imports_));
    imports_.push_back(0x04);
    imports_.push_back(0x00);
    put_u32(imports_, type_idx);
    ++n_imports_;
    return {};
  }
  tags_.push_back(0x00);
  put_u32(tags_, type_idx);
  ++n_tags_;
  return {};
}

Result<void> ModuleEncoder::define_import(const Sexp& f) {
  WISP_TRY(import_names(f.items[1], f.items[2], imports_));
  const Sexp& d = f.items[3];
  Cursor c{&d.items, 1, &d};
  if (!c.done() && c.peek().is_id()) c.next();
  const std::string& k = d.items[0].text;
  ++n_imports_;
  if (k == "func") {
    ++names_[size_t(Space::func)].count;
    WISP_TRY(auto tu, parse_typeuse(c, true));
    imports_.push_back(0x00);
    put_u32(imports_, type_index_for(tu));
  } else if (k == "table") {
    ++names_[size_t(Space::table)].count;
    imports_.push_back(0x01);
    Bytes lim;
    WISP_TRY(limits(c, lim));
    if (c.done()) return d.error("unexpected end, expected reference type");
    WISP_TRY(auto t, valtype(c.next()));
    put_valtype(imports_, t);
    imports_.insert(imports_.end(), lim.begin(), lim.end());
  } else if (k == "memory") {
    ++names_[size_t(Space::memory)].count;
    imports_.push_back(0x02);
    WISP_TRY(limits(c, imports_));
  } else if (k == "tag") {
    ++names_[size_t(Space::tag)].count;
    imports_.push_back(0x04);
    imports_.push_back(0x00);  // attribute: exception
    WISP_TRY(auto tu, parse_typeuse(c, true));
    put_u32(imports_, type_index_for(tu));
  } else {
    ++names_[size_t(Space::global)].count;
    imports_.push_back(0x03);
    WISP_TRY(global_type(c, d, imports_));
  }
  if (!c.done()) return c.peek().error("unexpected token in import description");
  return {};
}

Result<void> ModuleEncoder::define_export(const Sexp& f) {
  if (f.items.size() != 3) return f.error("unexpected token in export");
  WISP_TRY(auto name, name_string(f.items[1]));
  const Sexp& d = f.items[2];
  if (!d.is_list() || d.items.size() != 2 || !d.items[0].is_atom()) return d.error("unexpected token in export");
  const std::string& k = d.items[0].text;
  ExternKind kind;
  Space sp;
  if (k == "func") kind = ExternKind::func, sp = Space::func;
  else if (k == "table") kind = ExternKind::table, sp = Space::table;
  else if (k == "memory") kind = ExternKind::memory, sp = Space::memory;
  else if (k == "global") kind = ExternKind::global, sp = Space::global;
  else if (k == "tag") kind = ExternKind::tag, sp = Space::tag;
  else return d.error("unexpected token in export");
  WISP_TRY(auto idx, resolve(sp, d.items[1]));
  put_name(exports_, name);
  exports_.push_back(uint8_t(kind));
  put_u32(exports_, idx);
  ++n_exports_;
  return {};
}

Result<void> ModuleEncoder::define_start(const Sexp& f) {
  if (f.items.size() != 2) return f.error("unexpected token in start");
  if (has_start_) return f.error("multiple start sections");
  has_start_ = true;
  WISP_TRY(auto idx, resolve(Space::func, f.items[1]));
  put_u32(start_, idx);
  return {};
}

// Element list: `func idx*`, `reftype expr*`, or bare indices. Indices encode as vec(funcidx), exprs as
// vec(expr).
Result<void> ModuleEncoder::elem_list(Cursor& c, bool indices_only, Bytes& out, bool& exprs) {
  Bytes body;
  uint32_t n = 0;
  exprs = !indices_only;
  while (!c.done()) {
    const Sexp& s = c.next();
    if (!exprs) {
      WISP_TRY(auto idx, resolve(Space::func, s));
      put_u32(body, idx);
    } else if (s.is_list_of("item")) {
      Cursor ic{&s.items, 1, &s};
      WISP_TRY(const_expr(ic, body));
    } else if (s.is_list()) {
      InstrEncoder ie(*this, body, nullptr);
      WISP_TRY(ie.folded(s));
      body.push_back(0x0B);
    } else {
      return s.error("unexpected token in element list");
    }
    ++n;
  }
  put_u32(out, n);
  out.insert(out.end(), body.begin(), body.end());
  return {};
}

Result<void> ModuleEncoder::define_elem(const Sexp& f) {
  Cursor c{&f.items, 1, &f};
  if (!c.done() && c.peek().is_id()) c.next();
  ++names_[size_t(Space::elem)].count;
  enum { passive, active, declarative } mode = passive;
  std::optional<uint32_t> table;
  Bytes offset;
  if (!c.done() && c.peek().is_keyword("declare")) {
    mode = declarative;
    c.next();
  } else {
    if (!c.done() && c.peek().is_list_of("table")) {
      const Sexp& t = c.next();
      if (t.items.size() != 2) return t.error("unexpected token in table use");
      WISP_TRY(table, resolve(Space::table, t.items[1]));
    } else if (!c.done() && is_index(c.peek()) && c.pos + 1 < c.items->size() && (*c.items)[c.pos + 1].is_list()) {
      WISP_TRY(table, resolve(Space::table, c.next()));  // legacy: (elem tableidx (offset) ...)
    }
    if (!c.done() && c.peek().is_list() && !is_ref_list(c.peek())) {
      mode = active;
      WISP_TRY(offset_expr(c.next(), offset));
    } else if (table) {
      return c.error_here("unexpected token, expected offset");
    }
  }
  ValType type = ValType::funcref();
  bool indices = true;
  if (!c.done() && c.peek().is_keyword("func")) {
    c.next();
  } else if (!c.done() && ((c.peek().is_atom() && !is_index(c.peek())) || is_ref_list(c.peek()))) {
    WISP_TRY(auto t, valtype(c.next()));
    type = t;
    indices = false;
  } else if (mode != active && !c.done()) {
    // Bare function indices (the MVP abbreviation) only follow an offset.
    return c.peek().error("unexpected token in element segment");
  }
  Bytes items;
  bool exprs = false;
  WISP_TRY(elem_list(c, indices, items, exprs));
  uint8_t flags;
  if (mode == active) {
    bool table0 = !table || *table == 0;
    if (!exprs) flags = table0 && !table ? 0x00 : 0x02;
    else flags = table0 && !table && type == ValType::funcref() ? 0x04 : 0x06;
  } else {
    flags = uint8_t((mode == passive ? 0x01 : 0x03) | (exprs ? 0x04 : 0));
  }
  elems_.push_back(flags);
  if (mode == active) {
    if (flags == 0x02 || flags == 0x06) put_u32(elems_, table.value_or(0));
    elems_.insert(elems_.end(), offset.begin(), offset.end());
  }
  if (flags != 0x00 && flags != 0x04) {
    if (exprs) put_valtype(elems_, type);
    else elems_.push_back(0x00);
  }
  elems_.insert(elems_.end(), items.begin(), items.end());
  ++n_elems_;
  return {};
}

Result<void> ModuleEncoder::define_data(const Sexp& f) {
  Cursor c{&f.items, 1, &f};
  if (!c.done() && c.peek().is_id()) c.next();
  ++names_[size_t(Space::data)].count;
  std::optional<uint32_t> mem;
  Bytes offset;
  bool active = false;
  if (!c.done() && c.peek().is_list_of("memory")) {
    const Sexp& t = c.next();
    if (t.items.size() != 2) return t.error("unexpected token in memory use");
    WISP_TRY(mem, resolve(Space::memory, t.items[1]));
  } else if (!c.done() && is_index(c.peek())) {
    WISP_TRY(mem, resolve(Space::memory, c.next()));
  }
  if (!c.done() && c.peek().is_list()) {
    active = true;
    WISP_TRY(offset_expr(c.next(), offset));
  } else if (mem) {
    return c.error_here("unexpected token, expected offset");
  }
  std::string bytes;
  while (!c.done()) {
    const Sexp& s = c.next();
    if (!s.is_string()) return s.error("unexpected token, expected string");
    bytes += s.text;
  }
  if (!active) {
    datas_.push_back(0x01);
  } else if (!mem || *mem == 0) {
    datas_.push_back(mem ? 0x02 : 0x00);
    if (mem) put_u32(datas_, 0);
    datas_.insert(datas_.end(), offset.begin(), offset.end());
  } else {
    datas_.push_back(0x02);
    put_u32(datas_, *mem);
    datas_.insert(datas_.end(), offset.begin(), offset.end());
  }
  put_name(datas_, bytes);
  ++n_datas_;
  return {};
}

Result<void> ModuleEncoder::define(const Sexp& f) {
  const std::string& kw = f.items[0].text;
  if (kw == "type" || kw == "rec") return {};
  if (kw == "import") return define_import(f);
  if (kw == "func") return define_func(f);
  if (kw == "table") return define_table(f);
  if (kw == "memory") return define_memory(f);
  if (kw == "global") return define_global(f);
  if (kw == "tag") return define_tag(f);
  if (kw == "export") return define_export(f);
  if (kw == "start") return define_start(f);
  if (kw == "elem") return define_elem(f);
  if (kw == "data") return define_data(f);
  return f.error("unknown module field");
}

Result<Bytes> ModuleEncoder::encode(const std::vector<Sexp>& items, size_t first) {
  for (size_t i = first; i < items.size(); ++i)
    WISP_TRY(declare(items[i]));
  WISP_TRY(parse_types());
  // Pass 2 recounts indices as definitions are encoded.
  for (size_t s = 0; s < size_t(Space::count_); ++s)
    if (Space(s) != Space::type) names_[s].count = 0;
  for (size_t i = first; i < items.size(); ++i)
    WISP_TRY(define(items[i]));

  Bytes out = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};
  if (!types_.empty()) {
    Bytes body;
    uint32_t groups = 0;
    for (uint32_t i = 0; i < types_.size(); ++i) {
      const wasm::TypeDef& d = type_defs_[i];
      if (d.rec_start == i) {
        ++groups;
        if (d.rec_size != 1) {  // GC: rec
          body.push_back(0x4E);
          put_u32(body, d.rec_size);
        }
      }
      put_typedef(body, types_[i], d);
    }
    put_section(out, 1, body, groups);
  }
  if (n_imports_) put_section(out, 2, imports_, n_imports_);
  if (n_funcs_) put_section(out, 3, funcs_, n_funcs_);
  if (n_tables_) put_section(out, 4, tables_, n_tables_);
  if (n_mems_) put_section(out, 5, mems_, n_mems_);
  if (n_tags_) put_section(out, 13, tags_, n_tags_);  // exceptions: between memory and global
  if (n_globals_) put_section(out, 6, globals_, n_globals_);
  if (n_exports_) put_section(out, 7, exports_, n_exports_);
  if (has_start_) {
    out.push_back(8);
    put_u32(out, start_.size());
    out.insert(out.end(), start_.begin(), start_.end());
  }
  if (n_elems_) put_section(out, 9, elems_, n_elems_);
  if (uses_data_count_) {  // only memory.init and data.drop need it (as wat2wasm does)
    Bytes dc;
    put_u32(dc, n_datas_);
    out.push_back(12);
    put_u32(out, dc.size());
    out.insert(out.end(), dc.begin(), dc.end());
  }
  if (n_funcs_) put_section(out, 10, code_, n_funcs_);
  if (n_datas_) put_section(out, 11, datas_, n_datas_);
  return out;
}

// ---- entry point ----

namespace {

// The fields of `parent` from items[first], then what its annotations add (custom sections, names).
Result<Bytes> encode_fields(const Sexp& parent, size_t first, const WatOptions& options) {
  ModuleEncoder enc(options);
  WISP_TRY(auto bytes, enc.encode(parent.items, first));
  WISP_TRY(apply_annotations(parent, first, enc.branch_hints(), bytes));
  return bytes;
}

}  // namespace

Result<Bytes> encode_module_sexp(const Sexp& m, const WatOptions& options) {
  size_t i = 1;
  if (i < m.items.size() && m.items[i].is_id()) ++i;
  if (i < m.items.size() && (m.items[i].is_keyword("binary") || m.items[i].is_keyword("quote"))) {
    bool binary = m.items[i].is_keyword("binary");
    std::string all;
    for (size_t k = i + 1; k < m.items.size(); ++k) {
      if (!m.items[k].is_string()) return m.items[k].error("unexpected token, expected string");
      all += m.items[k].text;
    }
    if (binary) return Bytes(all.begin(), all.end());
    return wat_to_wasm(all, options);
  }
  return encode_fields(m, i, options);
}

Result<std::vector<uint8_t>> wat_to_wasm(std::string_view source, const WatOptions& options) {
  WISP_TRY(auto root, parse_root(source));
  const std::vector<Sexp>& top = root.items;
  if (top.size() == 1 && top[0].is_list_of("module")) return encode_module_sexp(top[0], options);
  for (const Sexp& s : top)
    if (s.is_list_of("module")) return s.error("unexpected token: module inside module");
  return encode_fields(root, 0, options);
}

}  // namespace wisp::text
