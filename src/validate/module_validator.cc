#include "validate/module_validator.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "validate/const_expr.h"
#include "validate/validate_function.h"

namespace wisp::validate {
namespace {

using wasm::Limits;

Error unknown(const char* what, uint64_t index) {
  return Error::invalid(std::string("unknown ") + what + " " + std::to_string(index));
}

Result<void> check_type_index(const wasm::Module& m, uint32_t index) {
  if (index >= m.types.size()) return unknown("type", index);
  return {};
}

// A value type's indexed heap type must name a type of the module.
Result<void> check_val_type(const wasm::Module& m, wasm::ValType t) {
  if (t.is_ref() && !wasm::is_abstract_heap(t.heap()) && t.heap() >= m.types.size()) return unknown("type", t.heap());
  return {};
}

// A function's, import's or tag's type index must name a function type (GC adds other kinds).
Result<void> check_func_type_index(const wasm::Module& m, uint32_t index) {
  WISP_TRY(check_type_index(m, index));
  if (!m.is_func_type(index)) return Error::invalid("non-function type " + std::to_string(index));
  return {};
}

// Field storage subtyping: packed types match themselves; value types by subtyping.
bool storage_subtype(const wasm::FieldType& a, const wasm::FieldType& b, const wasm::Module& m) {
  return a.packed == b.packed && wasm::is_subtype(a.type, b.type, m);
}

// Whether sub type `x` matches its declared supertype `s` (GC): same kind; function types with
// contravariant params and covariant results; struct types with at least the supertype's fields, each
// of the same mutability, immutable ones covariant and mutable ones invariant; array types likewise.
bool matches_supertype(const wasm::Module& m, uint32_t x, uint32_t s) {
  const wasm::TypeDef& d = m.type_def(x);
  const wasm::TypeDef& sd = m.type_def(s);
  if (d.kind != sd.kind) return false;
  auto field_ok = [&](const wasm::FieldType& a, const wasm::FieldType& b) {
    if (a.mut != b.mut || !storage_subtype(a, b, m)) return false;
    return !a.mut || storage_subtype(b, a, m);
  };
  switch (d.kind) {
    case wasm::TypeKind::func: {
      const wasm::FuncType& f = m.types[x];
      const wasm::FuncType& sf = m.types[s];
      if (f.params.size() != sf.params.size() || f.results.size() != sf.results.size()) return false;
      for (size_t i = 0; i < f.params.size(); ++i)
        if (!wasm::is_subtype(sf.params[i], f.params[i], m)) return false;
      for (size_t i = 0; i < f.results.size(); ++i)
        if (!wasm::is_subtype(f.results[i], sf.results[i], m)) return false;
      return true;
    }
    case wasm::TypeKind::struct_:
    case wasm::TypeKind::array:
      if (d.fields.size() < sd.fields.size()) return false;
      for (size_t i = 0; i < sd.fields.size(); ++i)
        if (!field_ok(d.fields[i], sd.fields[i])) return false;
      return true;
  }
  return false;
}

// Supertype chains are at most wasm::kMaxSubtypeDepth deep: a subtype test walks a chain, and the
// engine's displays copy it, so a hostile module cannot make either quadratic.
Result<void> check_types(const wasm::Module& m) {
  std::vector<uint8_t> depth(m.type_defs.size(), 0);
  for (uint32_t i = 0; i < m.types.size(); ++i) {
    // A type may refer to the types before it and to those of its own rec group, none after.
    const wasm::TypeDef& d = m.type_def(i);
    uint64_t visible = i < m.type_defs.size() ? uint64_t(d.rec_start) + d.rec_size : i + 1;
    auto check = [&](wasm::ValType t) -> Result<void> {
      if (t.is_ref() && !wasm::is_abstract_heap(t.heap()) && t.heap() >= visible) return unknown("type", t.heap());
      return {};
    };
    const wasm::FuncType& ft = m.types[i];
    for (wasm::ValType t : ft.params) WISP_TRY(check(t));
    for (wasm::ValType t : ft.results) WISP_TRY(check(t));
    for (const wasm::FieldType& f : d.fields) WISP_TRY(check(f.type));
    if (d.supertype == wasm::kNoSupertype) continue;
    // A supertype is declared before its subtypes (which also keeps the supertype chains acyclic).
    if (d.supertype >= i) {
      if (d.supertype >= m.types.size()) return unknown("type", d.supertype);
      return Error::invalid("forward use of type " + std::to_string(d.supertype) + " in sub type definition");
    }
    if (m.type_def(d.supertype).final || !matches_supertype(m, i, d.supertype))
      return Error::invalid("sub type " + std::to_string(i) + " does not match super type " +
                            std::to_string(d.supertype));
    depth[i] = uint8_t(depth[d.supertype] + 1);
    if (depth[i] > wasm::kMaxSubtypeDepth) return Error::invalid("sub type depth limit exceeded");
  }
  return {};
}

Result<void> check_table_limits(const Limits& l) {
  // A 32-bit table holds at most 2^32-1 elements (the binary format's bounds are u64 in Wasm 3.0); any
  // u64 bounds a 64-bit table (table64).
  if (!l.is64 && (l.min > wasm::kMaxTableSize || (l.max && *l.max > wasm::kMaxTableSize)))
    return Error::invalid("table size must be at most 2^32-1");
  if (l.max && l.min > *l.max) return Error::invalid("size minimum must not be greater than maximum");
  return {};
}

Result<void> check_memory_limits(const Limits& l) {
  if (l.is64) {  // memory64: 2^48 pages of 64 KiB span the 64-bit address space
    constexpr uint64_t kMaxPages64 = uint64_t(1) << 48;
    if (l.min > kMaxPages64 || (l.max && *l.max > kMaxPages64))
      return Error::invalid("memory size must be at most 2^48 pages (256TiB)");
  } else if (l.min > wasm::kMaxPages32 || (l.max && *l.max > wasm::kMaxPages32)) {
    return Error::invalid("memory size must be at most 65536 pages (4GiB)");
  }
  if (l.max && l.min > *l.max) return Error::invalid("size minimum must not be greater than maximum");
  return {};
}

// Exceptions: a tag's type is a function type without results.
Result<void> check_tag_type(const wasm::Module& m, uint32_t index) {
  WISP_TRY(check_func_type_index(m, index));
  if (!m.types[index].results.empty()) return Error::invalid("non-empty tag result type");
  return {};
}

Result<void> check_imports(const wasm::Module& m) {
  for (const wasm::Import& im : m.imports) {
    switch (im.kind) {
      case wasm::ExternKind::func: {
        WISP_TRY(check_func_type_index(m, im.func_type));
        break;
      }
      case wasm::ExternKind::table: {
        WISP_TRY(check_val_type(m, im.table.elem));
        WISP_TRY(check_table_limits(im.table.limits));
        break;
      }
      case wasm::ExternKind::memory: {
        WISP_TRY(check_memory_limits(im.memory.limits));
        break;
      }
      case wasm::ExternKind::global:
        WISP_TRY(check_val_type(m, im.global.type));
        break;
      case wasm::ExternKind::tag:
        WISP_TRY(check_tag_type(m, im.tag_type));
        break;
    }
  }
  return {};
}

Result<void> check_definitions(const wasm::Module& m) {
  for (size_t i = m.num_imported_funcs; i < m.func_types.size(); ++i) {
    WISP_TRY(check_func_type_index(m, m.func_types[i]));
  }
  for (size_t i = m.num_imported_tables; i < m.tables.size(); ++i) {
    WISP_TRY(check_val_type(m, m.tables[i].elem));
    WISP_TRY(check_table_limits(m.tables[i].limits));
  }
  for (size_t i = m.num_imported_memories; i < m.memories.size(); ++i) {
    WISP_TRY(check_memory_limits(m.memories[i].limits));
  }
  for (size_t i = m.num_imported_tags; i < m.tags.size(); ++i) {
    WISP_TRY(check_tag_type(m, m.tags[i]));
  }
  // Wasm 2.0 allows one memory; multi-memory any number.
  if (m.memories.size() > 1 && !m.features.has(Feature::multi_memory)) return Error::invalid("multiple memories");
  // Global initialisers may only read imported globals in 2.0; with extended-const any global defined
  // before them too (validate_const_expr still requires it to be immutable).
  // GC allows the same (its constant expressions build objects from earlier globals).
  const bool ext = m.features.has(Feature::extended_const);
  const bool earlier = ext || m.features.has(Feature::gc);
  for (size_t i = 0; i < m.global_inits.size(); ++i) {
    const wasm::Global& g = m.global_inits[i];
    uint32_t visible = m.num_imported_globals + (earlier ? uint32_t(i) : 0);
    WISP_TRY(check_val_type(m, g.type.type));
    WISP_TRY(validate_const_expr(m, g.init, g.type.type, visible, ext));
  }
  // Table initialisers (typed function references); a table of a non-nullable type needs one.
  for (size_t i = 0; i < m.table_inits.size() && m.num_imported_tables + i < m.tables.size(); ++i) {
    wasm::ValType elem = m.tables[m.num_imported_tables + i].elem;
    if (!m.table_inits[i].code.empty()) {
      WISP_TRY(validate_const_expr(m, m.table_inits[i], elem, m.num_imported_globals));
    } else if (!wasm::defaultable(elem)) {
      return Error::invalid("type mismatch");
    }
  }
  return {};
}

// Segment offsets and element expressions see every global with extended-const, the imported ones
// in Wasm 2.0.
uint32_t segment_visible_globals(const wasm::Module& m) {
  bool all = m.features.has(Feature::extended_const) || m.features.has(Feature::gc);
  return all ? uint32_t(m.globals.size()) : m.num_imported_globals;
}

Result<void> check_elems(const wasm::Module& m) {
  const uint32_t visible = segment_visible_globals(m);
  const bool ext = m.features.has(Feature::extended_const);
  for (const wasm::ElemSegment& seg : m.elems) {
    if (seg.mode == wasm::SegmentMode::active) {
      if (seg.table >= m.tables.size()) return unknown("table", seg.table);
      wasm::ValType addr = m.tables[seg.table].limits.is64 ? wasm::ValType::i64() : wasm::ValType::i32();
      WISP_TRY(validate_const_expr(m, seg.offset, addr, visible, ext));
      if (!wasm::is_subtype(seg.type, m.tables[seg.table].elem, m)) return Error::invalid("type mismatch");
    }
    WISP_TRY(check_val_type(m, seg.type));
    if (seg.uses_exprs) {
      for (const wasm::ConstExpr& e : seg.exprs) {
        WISP_TRY(validate_const_expr(m, e, seg.type, visible, ext));
      }
    } else {
      for (uint32_t f : seg.func_indices)
        if (f >= m.func_types.size()) return unknown("function", f);
    }
  }
  return {};
}

Result<void> check_datas(const wasm::Module& m) {
  const uint32_t visible = segment_visible_globals(m);
  const bool ext = m.features.has(Feature::extended_const);
  for (const wasm::DataSegment& seg : m.datas) {
    if (seg.mode != wasm::SegmentMode::active) continue;
    if (seg.memory >= m.memories.size()) return unknown("memory", seg.memory);
    wasm::ValType addr = m.memories[seg.memory].limits.is64 ? wasm::ValType::i64() : wasm::ValType::i32();
    WISP_TRY(validate_const_expr(m, seg.offset, addr, visible, ext));
  }
  return {};
}

Result<void> check_start(const wasm::Module& m) {
  if (!m.start) return {};
  if (*m.start >= m.func_types.size()) return unknown("function", *m.start);
  const wasm::FuncType& ft = m.func_type(*m.start);
  if (!ft.params.empty() || !ft.results.empty()) return Error::invalid("start function");
  return {};
}

// True when two exports share a name. A flat open-addressing table of export indices, sized once (no
// allocation per name); if probing degenerates (names crafted to collide), a sort decides instead, so
// the check stays O(n log n) on any input.
bool has_duplicate_export_name(const std::vector<wasm::Export>& exports) {
  size_t n = exports.size();
  if (n < 2) return false;
  auto hash = [](std::string_view s) {
    uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a, then a final mix for the low bits used as the slot
    for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ull;
    return h ^ (h >> 29);
  };
  size_t cap = 16;
  while (cap < 2 * n) cap *= 2;
  constexpr uint32_t kEmpty = UINT32_MAX;
  std::vector<uint32_t> slots(cap, kEmpty);
  size_t probes = 0;
  const size_t probe_budget = 8 * n + 64;
  for (uint32_t i = 0; i < n; ++i) {
    std::string_view name = exports[i].name;
    for (size_t s = hash(name) & (cap - 1);; s = (s + 1) & (cap - 1)) {
      if (slots[s] == kEmpty) {
        slots[s] = i;
        break;
      }
      if (exports[slots[s]].name == name) return true;
      if (++probes > probe_budget) {
        std::vector<std::string_view> names;
        names.reserve(n);
        for (const wasm::Export& ex : exports) names.push_back(ex.name);
        std::sort(names.begin(), names.end());
        return std::adjacent_find(names.begin(), names.end()) != names.end();
      }
    }
  }
  return false;
}

Result<void> check_exports(const wasm::Module& m) {
  for (const wasm::Export& ex : m.exports) {
    switch (ex.kind) {
      case wasm::ExternKind::func:
        if (ex.index >= m.func_types.size()) return unknown("function", ex.index);
        break;
      case wasm::ExternKind::table:
        if (ex.index >= m.tables.size()) return unknown("table", ex.index);
        break;
      case wasm::ExternKind::memory:
        if (ex.index >= m.memories.size()) return unknown("memory", ex.index);
        break;
      case wasm::ExternKind::global:
        if (ex.index >= m.globals.size()) return unknown("global", ex.index);
        break;
      case wasm::ExternKind::tag:
        if (ex.index >= m.tags.size()) return unknown("tag", ex.index);
        break;
    }
  }
  if (has_duplicate_export_name(m.exports)) return Error::invalid("duplicate export name");
  return {};
}

}  // namespace

Result<void> validate_module(const wasm::Module& m) {
  for (auto check : {check_types, check_imports, check_definitions, check_elems, check_datas, check_start, check_exports}) {
    WISP_TRY(check(m));
  }
  // Bodies last: they are the bulk of the work and rely on the index spaces checked above.
  for (uint32_t f = m.num_imported_funcs; f < m.func_types.size(); ++f) {
    WISP_TRY(validate_function(m, f));
  }
  return {};
}

}  // namespace wisp::validate
