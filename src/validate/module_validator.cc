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

Result<void> check_table_limits(const Limits& l) {
  // Table sizes are u32 in the binary format, so only the ordering can be wrong.
  if (l.max && l.min > *l.max) return Error::invalid("size minimum must not be greater than maximum");
  return {};
}

Result<void> check_memory_limits(const Limits& l) {
  if (l.min > wasm::kMaxPages32 || (l.max && *l.max > wasm::kMaxPages32))
    return Error::invalid("memory size must be at most 65536 pages (4GiB)");
  if (l.max && l.min > *l.max) return Error::invalid("size minimum must not be greater than maximum");
  return {};
}

// Exceptions: a tag's type is a function type without results.
Result<void> check_tag_type(const wasm::Module& m, uint32_t index) {
  WISP_TRY(check_type_index(m, index));
  if (!m.types[index].results.empty()) return Error::invalid("non-empty tag result type");
  return {};
}

Result<void> check_imports(const wasm::Module& m) {
  for (const wasm::Import& im : m.imports) {
    switch (im.kind) {
      case wasm::ExternKind::func: {
        WISP_TRY(check_type_index(m, im.func_type));
        break;
      }
      case wasm::ExternKind::table: {
        WISP_TRY(check_table_limits(im.table.limits));
        break;
      }
      case wasm::ExternKind::memory: {
        WISP_TRY(check_memory_limits(im.memory.limits));
        break;
      }
      case wasm::ExternKind::global:
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
    WISP_TRY(check_type_index(m, m.func_types[i]));
  }
  for (size_t i = m.num_imported_tables; i < m.tables.size(); ++i) {
    WISP_TRY(check_table_limits(m.tables[i].limits));
  }
  for (size_t i = m.num_imported_memories; i < m.memories.size(); ++i) {
    WISP_TRY(check_memory_limits(m.memories[i].limits));
  }
  for (size_t i = m.num_imported_tags; i < m.tags.size(); ++i) {
    WISP_TRY(check_tag_type(m, m.tags[i]));
  }
  // Wasm 2.0 allows one memory (multi-memory is a later proposal).
  if (m.memories.size() > 1) {
    if (m.features.has(Feature::multi_memory))
      return Error::invalid(Features::unsupported_message("multiple memories", Feature::multi_memory));
    return Error::invalid("multiple memories");
  }
  // Global initialisers may only read imported globals in 2.0.
  for (const wasm::Global& g : m.global_inits) {
    WISP_TRY(validate_const_expr(m, g.init, g.type.type, m.num_imported_globals));
  }
  return {};
}

Result<void> check_elems(const wasm::Module& m) {
  for (const wasm::ElemSegment& seg : m.elems) {
    if (seg.mode == wasm::SegmentMode::active) {
      if (seg.table >= m.tables.size()) return unknown("table", seg.table);
      WISP_TRY(validate_const_expr(m, seg.offset, wasm::ValType::i32(), m.num_imported_globals));
      if (m.tables[seg.table].elem != seg.type) return Error::invalid("type mismatch");
    }
    if (seg.uses_exprs) {
      for (const wasm::ConstExpr& e : seg.exprs) {
        WISP_TRY(validate_const_expr(m, e, seg.type, m.num_imported_globals));
      }
    } else {
      for (uint32_t f : seg.func_indices)
        if (f >= m.func_types.size()) return unknown("function", f);
    }
  }
  return {};
}

Result<void> check_datas(const wasm::Module& m) {
  for (const wasm::DataSegment& seg : m.datas) {
    if (seg.mode != wasm::SegmentMode::active) continue;
    if (seg.memory >= m.memories.size()) return unknown("memory", seg.memory);
    WISP_TRY(validate_const_expr(m, seg.offset, wasm::ValType::i32(), m.num_imported_globals));
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
  for (auto check : {check_imports, check_definitions, check_elems, check_datas, check_start, check_exports}) {
    WISP_TRY(check(m));
  }
  // Bodies last: they are the bulk of the work and rely on the index spaces checked above.
  for (uint32_t f = m.num_imported_funcs; f < m.func_types.size(); ++f) {
    WISP_TRY(validate_function(m, f));
  }
  return {};
}

}  // namespace wisp::validate
