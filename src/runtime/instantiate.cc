#include "runtime/instantiate.h"

#include <algorithm>
#include <cstring>

#include "runtime/const_eval.h"
#include "runtime/memory.h"

namespace wisp::runtime {

namespace {

Error incompatible() { return Error::unlinkable("incompatible import type"); }

// The implementation's maximum for a memory type before store limits. A 64-bit memory stops one page
// short of 2^48 so that its size in bytes fits a u64 (no host maps that much anyway).
uint64_t memory_impl_max(const wasm::MemoryType& t) {
  return t.limits.is64 ? (uint64_t(1) << 48) - 1 : wasm::kMaxPages32;
}

Result<void> check_import(const wasm::Import& imp, const ExternRef& ext, const std::vector<uint32_t>& type_ids,
                          const TypeRegistry& types) {
  if (ext.kind != imp.kind || ext.ptr == nullptr) return incompatible();
  switch (imp.kind) {
    case wasm::ExternKind::func: {
      const FuncInstance* f = ext.func();
      // Both ids come from the store's engine registry: equal ids mean equal types; a function of a
      // declared subtype of the import's type matches too (GC).
      if (f->type_id != type_ids[imp.func_type] && !types.is_subtype(f->type_id, type_ids[imp.func_type]))
        return incompatible();
      return {};
    }
    case wasm::ExternKind::table: {
      // Runtime objects hold canonical types; table element types must be equivalent.
      const TableInstance* t = ext.table();
      if (!(t->type.elem == canonical_type(imp.table.elem, type_ids))) return incompatible();
      if (t->type.limits.is64 != imp.table.limits.is64) return incompatible();
      if (!limits_match(current_type(*t).limits, imp.table.limits)) return incompatible();
      return {};
    }
    case wasm::ExternKind::memory: {
      const MemoryInstance* m = ext.memory();
      if (m->type.limits.is64 != imp.memory.limits.is64 || m->type.limits.shared != imp.memory.limits.shared)
        return incompatible();
      if (!limits_match(current_type(*m).limits, imp.memory.limits)) return incompatible();
      return {};
    }
    case wasm::ExternKind::global: {
      // An immutable global may have a subtype of the declared type; a mutable one exactly the type.
      const GlobalInstance* g = ext.global();
      wasm::ValType want = canonical_type(imp.global.type, type_ids);
      if (g->type.mut != imp.global.mut) return incompatible();
      if (imp.global.mut ? g->type.type != want : !types.val_subtype(g->type.type, want)) return incompatible();
      return {};
    }
    case wasm::ExternKind::tag:  // tag types match exactly
      if (ext.tag()->type_id != type_ids[imp.tag_type]) return incompatible();
      return {};
  }
  return incompatible();
}

RefBits func_ref(const InstanceData& inst, uint32_t func_index) {
  return reinterpret_cast<RefBits>(inst.funcs[func_index]);
}

// Offsets are i32 (or i64 for 64-bit tables/memories); read them unsigned.
uint64_t offset_value(const Value& v, bool is64) { return is64 ? v.i64() : uint64_t(v.i32()); }

Result<void> init_elems(InstanceData& inst) {
  const wasm::Module& m = *inst.module;
  ConstEvaluator eval(inst);
  for (size_t i = 0; i < m.elems.size(); ++i) {
    const wasm::ElemSegment& seg = m.elems[i];
    if (seg.mode == wasm::SegmentMode::declarative) {
      inst.dropped_elems[i] = true;
      continue;
    }
    if (seg.mode == wasm::SegmentMode::passive) {
      if (!seg.uses_exprs) continue;
      if (inst.elem_values.size() < m.elems.size()) inst.elem_values.resize(m.elems.size());
      for (const wasm::ConstExpr& e : seg.exprs) {
        WISP_TRY(Value v, eval.eval(e));
        inst.elem_values[i].push_back(v.ref());
      }
      continue;
    }
    if (seg.table >= inst.tables.size()) return Error::trap("out of bounds table access");
    TableInstance& table = *inst.tables[seg.table];
    WISP_TRY(Value off, eval.eval(seg.offset));
    uint64_t offset = offset_value(off, table.type.limits.is64);
    uint64_t n = seg.size();
    // table.init semantics: the whole range must fit, else nothing of this segment is written.
    if (offset > table.elems.size() || n > table.elems.size() - offset)
      return Error::trap("out of bounds table access");
    for (uint64_t j = 0; j < n; ++j) {
      RefBits r;
      if (seg.uses_exprs) {
        WISP_TRY(Value v, eval.eval(seg.exprs[j]));
        r = v.ref();
      } else {
        r = func_ref(inst, seg.func_indices[j]);
      }
      table.elems[offset + j] = r;
    }
    inst.dropped_elems[i] = true;
  }
  return {};
}

Result<void> init_datas(InstanceData& inst) {
  const wasm::Module& m = *inst.module;
  ConstEvaluator eval(inst);
  for (size_t i = 0; i < m.datas.size(); ++i) {
    const wasm::DataSegment& seg = m.datas[i];
    if (seg.mode != wasm::SegmentMode::active) continue;
    if (seg.memory >= inst.memories.size()) return Error::trap("out of bounds memory access");
    MemoryInstance& mem = *inst.memories[seg.memory];
    WISP_TRY(Value off, eval.eval(seg.offset));
    uint64_t offset = offset_value(off, mem.type.limits.is64);
    uint64_t n = seg.bytes.size();
    if (offset > mem.size || n > mem.size - offset) return Error::trap("out of bounds memory access");
    if (n) std::memcpy(mem.base + offset, seg.bytes.data(), n);
    inst.dropped_datas[i] = true;
  }
  return {};
}

}  // namespace

bool limits_match(const wasm::Limits& actual, const wasm::Limits& expected) {
  if (actual.min < expected.min) return false;
  if (expected.max) {
    if (!actual.max || *actual.max > *expected.max) return false;
  }
  return true;
}

wasm::TableType current_type(const TableInstance& t) {
  wasm::TableType type = t.type;
  type.limits.min = t.elems.size();
  return type;
}

wasm::MemoryType current_type(const MemoryInstance& m) {
  wasm::MemoryType type = m.type;
  type.limits.min = m.pages();
  return type;
}

FuncInstance* create_host_func(StoreData& store, const wasm::FuncType& type, HostCallback fn,
                               std::string debug_name) {
  FuncInstance& f = store.funcs.emplace_back();
  f.host_type = std::make_shared<wasm::FuncType>(type);
  f.type = f.host_type.get();
  f.type_id = store.types->intern(type);
  f.host = std::move(fn);
  f.debug_name = std::move(debug_name);
  return &f;
}

Result<TableInstance*> create_table(StoreData& store, const wasm::TableType& type, RefBits init) {
  // A 64-bit table (table64) may declare any u64 size; the store's limit bounds what is allocated.
  uint64_t impl_max = type.limits.is64 ? UINT64_MAX : wasm::kMaxTableSize;
  uint64_t max = std::min<uint64_t>(type.limits.max.value_or(impl_max), store.limits.max_table_elements);
  if (type.limits.min > max)
    return Error::trap("table minimum size of " + std::to_string(type.limits.min) +
                       " elements exceeds table limits");
  TableInstance& t = store.tables.emplace_back();
  t.type = type;
  t.max_size = max;
  t.elems.assign(type.limits.min, init);
  return &t;
}

Result<MemoryInstance*> create_memory(StoreData& store, const wasm::MemoryType& type) {
  uint64_t max = std::min({type.limits.max.value_or(UINT64_MAX), memory_impl_max(type), store.limits.max_memory_pages});
  if (type.limits.min > max)
    return Error::trap("memory minimum size of " + std::to_string(type.limits.min) +
                       " pages exceeds memory limits (at most " + std::to_string(max) + " pages)");
  MemoryInstance& m = store.memories.emplace_back();
  WISP_TRY(memory_init(m, type, max, store.config.explicit_bounds_checks));
  return &m;
}

TagInstance* create_tag(StoreData& store, const wasm::FuncType& type, std::string debug_name) {
  TagInstance& t = store.tags.emplace_back();
  t.host_type = std::make_shared<wasm::FuncType>(type);
  t.type = t.host_type.get();
  t.type_id = store.types->intern(type);
  t.debug_name = std::move(debug_name);
  return &t;
}

GlobalInstance* create_global(StoreData& store, const wasm::GlobalType& type, Value value) {
  GlobalInstance& g = store.globals.emplace_back();
  g.type = type;
  g.value = value;
  return &g;
}

int64_t table_grow(TableInstance& table, uint64_t delta, RefBits init) {
  uint64_t old = table.elems.size();
  if (delta > table.max_size || old > table.max_size - delta) return -1;
  table.elems.resize(old + delta, init);
  table.type.limits.min = old + delta;
  return int64_t(old);
}

Result<InstanceData*> instantiate(StoreData& store, std::shared_ptr<const wasm::Module> module,
                                  std::shared_ptr<TierModuleCode> code, std::span<const ExternRef> imports) {
  const wasm::Module& m = *module;
  if (imports.size() != m.imports.size())
    return Error::unlinkable("wrong number of imports: expected " + std::to_string(m.imports.size()) + ", got " +
                             std::to_string(imports.size()));
  if (store.instances.size() >= store.limits.max_instances)
    return Error::trap("resource limit exceeded: instance count too high");
  // The executor runs every function of a store in the store's dispatch mode.
  if (code && code->config.dispatch != store.config.dispatch)
    return Error::usage("module code was built for another dispatch mode than the store's");

  std::vector<uint32_t> type_ids = store.types->intern_module(m.types, m.type_defs);

  // Every import is checked before anything becomes visible (an unlinkable module has no effect).
  for (size_t i = 0; i < imports.size(); ++i) {
    WISP_TRY(check_import(m.imports[i], imports[i], type_ids, *store.types));
  }

  InstanceData& inst = store.instances.emplace_back();
  inst.module = module;
  inst.store = &store;
  inst.code = std::move(code);
  inst.type_ids = std::move(type_ids);
  inst.funcs.reserve(m.func_types.size());
  inst.tables.reserve(m.tables.size());
  inst.memories.reserve(m.memories.size());
  inst.globals.reserve(m.globals.size());

  for (const ExternRef& ext : imports) {
    switch (ext.kind) {
      case wasm::ExternKind::func: inst.funcs.push_back(ext.func()); break;
      case wasm::ExternKind::table: inst.tables.push_back(ext.table()); break;
      case wasm::ExternKind::memory: inst.memories.push_back(ext.memory()); break;
      case wasm::ExternKind::global: inst.globals.push_back(ext.global()); break;
      case wasm::ExternKind::tag: inst.tags.push_back(ext.tag()); break;
    }
  }

  // Backtrace names: the name section, else the first export name, else "<wasm function N>".
  std::vector<const std::string*> export_names(m.func_types.size(), nullptr);
  for (const wasm::Export& e : m.exports)
    if (e.kind == wasm::ExternKind::func && e.index < export_names.size() && !export_names[e.index])
      export_names[e.index] = &e.name;
  for (uint32_t i = m.num_imported_funcs; i < m.func_types.size(); ++i) {
    FuncInstance& f = store.funcs.emplace_back();
    f.type_id = inst.type_ids[m.func_types[i]];
    f.type = &m.types[m.func_types[i]];
    f.instance = &inst;
    f.index = i;
    f.debug_name = m.func_name(i);
    if (f.debug_name.empty() && export_names[i]) f.debug_name = *export_names[i];
    if (f.debug_name.empty()) f.debug_name = "<wasm function " + std::to_string(i) + ">";
    inst.funcs.push_back(&f);
  }
  for (size_t i = m.num_imported_tables; i < m.tables.size(); ++i) {
    wasm::TableType type = m.tables[i];
    type.elem = canonical_type(type.elem, inst.type_ids);
    WISP_TRY(TableInstance* t, create_table(store, type, 0));
    inst.tables.push_back(t);
  }
  for (size_t i = m.num_imported_memories; i < m.memories.size(); ++i) {
    WISP_TRY(MemoryInstance* mem, create_memory(store, m.memories[i]));
    inst.memories.push_back(mem);
  }
  inst.mem0 = inst.memories.empty() ? nullptr : inst.memories[0];
  for (uint32_t i = m.num_imported_tags; i < m.tags.size(); ++i) {
    TagInstance& t = store.tags.emplace_back();
    t.type_id = inst.type_ids[m.tags[i]];
    t.type = &m.types[m.tags[i]];
    for (const wasm::Export& e : m.exports)
      if (e.kind == wasm::ExternKind::tag && e.index == i) {
        t.debug_name = e.name;
        break;
      }
    if (t.debug_name.empty()) t.debug_name = "<tag " + std::to_string(i) + ">";
    inst.tags.push_back(&t);
  }
  ConstEvaluator eval(inst);
  for (size_t i = m.num_imported_globals; i < m.globals.size(); ++i) {
    WISP_TRY(Value v, eval.eval(m.global_inits[i - m.num_imported_globals].init));
    wasm::GlobalType type = m.globals[i];
    type.type = canonical_type(type.type, inst.type_ids);
    inst.globals.push_back(create_global(store, type, v));
  }
  // Table initialisers (typed function references) may read the globals.
  for (size_t i = 0; i < m.table_inits.size(); ++i) {
    if (m.table_inits[i].code.empty()) continue;
    WISP_TRY(Value v, eval.eval(m.table_inits[i]));
    TableInstance& t = *inst.tables[m.num_imported_tables + i];
    std::fill(t.elems.begin(), t.elems.end(), v.ref());
  }
  inst.dropped_elems.assign(m.elems.size(), false);
  inst.dropped_datas.assign(m.datas.size(), false);

  if (!store.config.lazy_translation) {
    for (uint32_t i = m.num_imported_funcs; i < m.func_types.size(); ++i) {
      Result<void> r = store.config.executor->prepare(store, inst.funcs[i]);
      if (!r.ok()) return std::move(r.error());
    }
  }

  // Wasm 2.0: element segments, then data segments, in order; a failing segment traps after the
  // earlier ones were written.
  if (Result<void> r = init_elems(inst); !r.ok()) return std::move(r.error());
  if (Result<void> r = init_datas(inst); !r.ok()) return std::move(r.error());

  if (m.start) {
    std::optional<Error> err;
    if (!store.config.executor->call(store, inst.funcs[*m.start], nullptr, nullptr, err)) return std::move(*err);
  }
  return &inst;
}

}  // namespace wisp::runtime
