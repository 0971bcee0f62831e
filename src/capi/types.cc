// Type objects of the C API (valtype, functype, globaltype, tabletype, memorytype, externtype,
// importtype, exporttype) and their conversions to and from the C++ API's types.
#include "capi/capi_internal.h"

namespace wisp::capi {

wasm_valkind_t to_c(wisp::ValKind k) {
  switch (k) {
    case ValKind::i32: return WASM_I32;
    case ValKind::i64: return WASM_I64;
    case ValKind::f32: return WASM_F32;
    case ValKind::f64: return WASM_F64;
    case ValKind::v128: return WISP_V128;
    case ValKind::funcref: return WASM_FUNCREF;
    case ValKind::externref: return WASM_EXTERNREF;
    case ValKind::exnref: return WISP_EXNREF;
    case ValKind::anyref: return WISP_ANYREF;
    case ValKind::eqref: return WISP_EQREF;
    case ValKind::i31ref: return WISP_I31REF;
    case ValKind::structref: return WISP_STRUCTREF;
    case ValKind::arrayref: return WISP_ARRAYREF;
  }
  return WASM_I32;
}

bool from_c(wasm_valkind_t k, wisp::ValKind* out) {
  switch (k) {
    case WASM_I32: *out = ValKind::i32; return true;
    case WASM_I64: *out = ValKind::i64; return true;
    case WASM_F32: *out = ValKind::f32; return true;
    case WASM_F64: *out = ValKind::f64; return true;
    case WISP_V128: *out = ValKind::v128; return true;
    case WASM_FUNCREF: *out = ValKind::funcref; return true;
    case WASM_EXTERNREF: *out = ValKind::externref; return true;
    case WISP_EXNREF: *out = ValKind::exnref; return true;
    case WISP_ANYREF: *out = ValKind::anyref; return true;
    case WISP_EQREF: *out = ValKind::eqref; return true;
    case WISP_I31REF: *out = ValKind::i31ref; return true;
    case WISP_STRUCTREF: *out = ValKind::structref; return true;
    case WISP_ARRAYREF: *out = ValKind::arrayref; return true;
    default: return false;
  }
}

wasm_externkind_t to_c(wisp::ExternKind k) {
  switch (k) {
    case ExternKind::func: return WASM_EXTERN_FUNC;
    case ExternKind::global: return WASM_EXTERN_GLOBAL;
    case ExternKind::table: return WASM_EXTERN_TABLE;
    case ExternKind::memory: return WASM_EXTERN_MEMORY;
    case ExternKind::tag: return WISP_EXTERN_TAG;
  }
  return WASM_EXTERN_FUNC;
}

namespace {

void valtypes_to_c(const std::vector<ValType>& types, wasm_valtype_vec_t* out) {
  wasm_valtype_vec_new_uninitialized(out, types.size());
  for (size_t i = 0; i < types.size(); ++i) out->data[i] = wasm_valtype_new(to_c(types[i].kind()));
}

uint32_t clamp32(uint64_t v) { return v > UINT32_MAX ? UINT32_MAX : uint32_t(v); }

}  // namespace

wasm_limits_t limits_to_c(const Limits& l) {
  return {clamp32(l.min), l.max ? clamp32(*l.max) : wasm_limits_max_default};
}

Limits to_wisp(const wasm_limits_t& l) {
  Limits r;
  r.min = l.min;
  if (l.max != wasm_limits_max_default) r.max = l.max;
  return r;
}

wasm_functype_t* new_functype(const FuncType& t) {
  auto* r = new wasm_functype_t{};
  r->kind = WASM_EXTERN_FUNC;
  valtypes_to_c(t.params(), &r->params);
  valtypes_to_c(t.results(), &r->results);
  return r;
}

wasm_globaltype_t* new_globaltype(const GlobalType& t) {
  auto* r = new wasm_globaltype_t{};
  r->kind = WASM_EXTERN_GLOBAL;
  r->content = wasm_valtype_new(to_c(t.content.kind()));
  r->mutability = t.is_mutable() ? WASM_VAR : WASM_CONST;
  return r;
}

wasm_tabletype_t* new_tabletype(const TableType& t) {
  auto* r = new wasm_tabletype_t{};
  r->kind = WASM_EXTERN_TABLE;
  r->element = wasm_valtype_new(to_c(t.elem.kind()));
  r->limits = limits_to_c(t.limits);
  r->limits64 = t.limits;
  r->is64 = t.is64;
  return r;
}

wasm_memorytype_t* new_memorytype(const MemoryType& t) {
  auto* r = new wasm_memorytype_t{};
  r->kind = WASM_EXTERN_MEMORY;
  r->limits = limits_to_c(t.limits);
  r->limits64 = t.limits;
  r->is64 = t.is64;
  return r;
}

wasm_externtype_t* new_externtype(const ExternType& t) {
  switch (t.kind) {
    case ExternKind::func: return new_functype(t.func);
    case ExternKind::global: return new_globaltype(t.global);
    case ExternKind::table: return new_tabletype(t.table);
    case ExternKind::memory: return new_memorytype(t.memory);
    case ExternKind::tag: return new_functype(FuncType(t.tag.params, {}));  // a tag's type as a function type
  }
  return nullptr;
}

bool to_wisp(const wasm_valtype_vec_t& v, std::vector<ValType>* out) {
  out->clear();
  for (size_t i = 0; i < v.size; ++i) {
    ValKind k;
    if (!v.data[i] || !from_c(v.data[i]->kind, &k)) return false;
    out->push_back(k);
  }
  return true;
}

bool to_wisp(const wasm_functype_t* t, FuncType* out) {
  if (!t) return false;
  std::vector<ValType> p, r;
  if (!to_wisp(t->params, &p) || !to_wisp(t->results, &r)) return false;
  *out = FuncType(std::move(p), std::move(r));
  return true;
}

bool to_wisp(const wasm_globaltype_t* t, GlobalType* out) {
  ValKind k;
  if (!t || !t->content || !from_c(t->content->kind, &k)) return false;
  out->content = k;
  out->mutability = t->mutability == WASM_VAR ? Mutability::var : Mutability::constant;
  return true;
}

bool to_wisp(const wasm_tabletype_t* t, TableType* out) {
  ValKind k;
  if (!t || !t->element || !from_c(t->element->kind, &k)) return false;
  out->elem = k;
  out->limits = t->limits64;
  out->is64 = t->is64;
  return true;
}

// The limits of a 64-bit type, or nullopt when min > max or a bound is past `range`.
std::optional<Limits> limits64_of(uint64_t min, bool max_present, uint64_t max, uint64_t range) {
  if (min > range || (max_present && (max > range || min > max))) return std::nullopt;
  Limits l;
  l.min = min;
  if (max_present) l.max = max;
  return l;
}

}  // namespace wisp::capi

// ---- valtype -----------------------------------------------------------------------------------------

extern "C" {

wasm_valtype_t* wasm_valtype_new(wasm_valkind_t k) { return new wasm_valtype_t{k}; }
void wasm_valtype_delete(wasm_valtype_t* t) { delete t; }
wasm_valtype_t* wasm_valtype_copy(const wasm_valtype_t* t) { return new wasm_valtype_t{t->kind}; }
wasm_valkind_t wasm_valtype_kind(const wasm_valtype_t* t) { return t->kind; }

// ---- functype ----------------------------------------------------------------------------------------

wasm_functype_t* wasm_functype_new(wasm_valtype_vec_t* params, wasm_valtype_vec_t* results) {
  auto* r = new wasm_functype_t{};
  r->kind = WASM_EXTERN_FUNC;
  r->params = *params;  // takes the vectors over
  r->results = *results;
  params->size = 0;
  params->data = nullptr;
  results->size = 0;
  results->data = nullptr;
  return r;
}
void wasm_functype_delete(wasm_functype_t* t) {
  if (!t) return;
  wasm_valtype_vec_delete(&t->params);
  wasm_valtype_vec_delete(&t->results);
  delete t;
}
wasm_functype_t* wasm_functype_copy(const wasm_functype_t* t) {
  auto* r = new wasm_functype_t{};
  r->kind = WASM_EXTERN_FUNC;
  wasm_valtype_vec_copy(&r->params, &t->params);
  wasm_valtype_vec_copy(&r->results, &t->results);
  return r;
}
const wasm_valtype_vec_t* wasm_functype_params(const wasm_functype_t* t) { return &t->params; }
const wasm_valtype_vec_t* wasm_functype_results(const wasm_functype_t* t) { return &t->results; }

// ---- globaltype --------------------------------------------------------------------------------------

wasm_globaltype_t* wasm_globaltype_new(wasm_valtype_t* content, wasm_mutability_t m) {
  auto* r = new wasm_globaltype_t{};
  r->kind = WASM_EXTERN_GLOBAL;
  r->content = content;
  r->mutability = m;
  return r;
}
void wasm_globaltype_delete(wasm_globaltype_t* t) {
  if (!t) return;
  wasm_valtype_delete(t->content);
  delete t;
}
wasm_globaltype_t* wasm_globaltype_copy(const wasm_globaltype_t* t) {
  return wasm_globaltype_new(wasm_valtype_copy(t->content), t->mutability);
}
const wasm_valtype_t* wasm_globaltype_content(const wasm_globaltype_t* t) { return t->content; }
wasm_mutability_t wasm_globaltype_mutability(const wasm_globaltype_t* t) { return t->mutability; }

// ---- tabletype ---------------------------------------------------------------------------------------

wasm_tabletype_t* wasm_tabletype_new(wasm_valtype_t* element, const wasm_limits_t* limits) {
  auto* r = new wasm_tabletype_t{};
  r->kind = WASM_EXTERN_TABLE;
  r->element = element;
  r->limits = *limits;
  r->limits64 = wisp::capi::to_wisp(*limits);
  return r;
}
void wasm_tabletype_delete(wasm_tabletype_t* t) {
  if (!t) return;
  wasm_valtype_delete(t->element);
  delete t;
}
wasm_tabletype_t* wasm_tabletype_copy(const wasm_tabletype_t* t) {
  wasm_tabletype_t* r = wasm_tabletype_new(wasm_valtype_copy(t->element), &t->limits);
  r->limits64 = t->limits64;
  r->is64 = t->is64;
  return r;
}
const wasm_valtype_t* wasm_tabletype_element(const wasm_tabletype_t* t) { return t->element; }
const wasm_limits_t* wasm_tabletype_limits(const wasm_tabletype_t* t) { return &t->limits; }

// ---- memorytype --------------------------------------------------------------------------------------

wasm_memorytype_t* wasm_memorytype_new(const wasm_limits_t* limits) {
  auto* r = new wasm_memorytype_t{};
  r->kind = WASM_EXTERN_MEMORY;
  r->limits = *limits;
  r->limits64 = wisp::capi::to_wisp(*limits);
  return r;
}
void wasm_memorytype_delete(wasm_memorytype_t* t) { delete t; }
wasm_memorytype_t* wasm_memorytype_copy(const wasm_memorytype_t* t) { return new wasm_memorytype_t(*t); }
const wasm_limits_t* wasm_memorytype_limits(const wasm_memorytype_t* t) { return &t->limits; }



// ---- externtype --------------------------------------------------------------------------------------

wasm_externkind_t wasm_externtype_kind(const wasm_externtype_t* t) { return t->kind; }

void wasm_externtype_delete(wasm_externtype_t* t) {
  if (!t) return;
  switch (t->kind) {
    case WASM_EXTERN_FUNC: wasm_functype_delete(static_cast<wasm_functype_t*>(t)); return;
    case WASM_EXTERN_GLOBAL: wasm_globaltype_delete(static_cast<wasm_globaltype_t*>(t)); return;
    case WASM_EXTERN_TABLE: wasm_tabletype_delete(static_cast<wasm_tabletype_t*>(t)); return;
    case WASM_EXTERN_MEMORY: wasm_memorytype_delete(static_cast<wasm_memorytype_t*>(t)); return;
  }
}

wasm_externtype_t* wasm_externtype_copy(const wasm_externtype_t* t) {
  switch (t->kind) {
    case WASM_EXTERN_FUNC: return wasm_functype_copy(static_cast<const wasm_functype_t*>(t));
    case WASM_EXTERN_GLOBAL: return wasm_globaltype_copy(static_cast<const wasm_globaltype_t*>(t));
    case WASM_EXTERN_TABLE: return wasm_tabletype_copy(static_cast<const wasm_tabletype_t*>(t));
    case WASM_EXTERN_MEMORY: return wasm_memorytype_copy(static_cast<const wasm_memorytype_t*>(t));
  }
  return nullptr;
}

#define WISP_CAPI_EXTERNTYPE_CASTS(name, KIND)                                                        \
  wasm_externtype_t* wasm_##name##_as_externtype(wasm_##name##_t* t) { return t; }                   \
  const wasm_externtype_t* wasm_##name##_as_externtype_const(const wasm_##name##_t* t) { return t; } \
  wasm_##name##_t* wasm_externtype_as_##name(wasm_externtype_t* t) {                                 \
    return t && t->kind == KIND ? static_cast<wasm_##name##_t*>(t) : nullptr;                        \
  }                                                                                                  \
  const wasm_##name##_t* wasm_externtype_as_##name##_const(const wasm_externtype_t* t) {             \
    return t && t->kind == KIND ? static_cast<const wasm_##name##_t*>(t) : nullptr;                  \
  }

WISP_CAPI_EXTERNTYPE_CASTS(functype, WASM_EXTERN_FUNC)
WISP_CAPI_EXTERNTYPE_CASTS(globaltype, WASM_EXTERN_GLOBAL)
WISP_CAPI_EXTERNTYPE_CASTS(tabletype, WASM_EXTERN_TABLE)
WISP_CAPI_EXTERNTYPE_CASTS(memorytype, WASM_EXTERN_MEMORY)

// ---- importtype / exporttype -------------------------------------------------------------------------

wasm_importtype_t* wasm_importtype_new(wasm_name_t* module, wasm_name_t* name, wasm_externtype_t* type) {
  auto* r = new wasm_importtype_t{*module, *name, type};
  wasm_byte_vec_new_empty(module);  // taken over
  wasm_byte_vec_new_empty(name);
  return r;
}
void wasm_importtype_delete(wasm_importtype_t* t) {
  if (!t) return;
  wasm_byte_vec_delete(&t->module);
  wasm_byte_vec_delete(&t->name);
  wasm_externtype_delete(t->type);
  delete t;
}
wasm_importtype_t* wasm_importtype_copy(const wasm_importtype_t* t) {
  auto* r = new wasm_importtype_t{};
  wasm_byte_vec_copy(&r->module, &t->module);
  wasm_byte_vec_copy(&r->name, &t->name);
  r->type = wasm_externtype_copy(t->type);
  return r;
}
const wasm_name_t* wasm_importtype_module(const wasm_importtype_t* t) { return &t->module; }
const wasm_name_t* wasm_importtype_name(const wasm_importtype_t* t) { return &t->name; }
const wasm_externtype_t* wasm_importtype_type(const wasm_importtype_t* t) { return t->type; }

wasm_exporttype_t* wasm_exporttype_new(wasm_name_t* name, wasm_externtype_t* type) {
  auto* r = new wasm_exporttype_t{*name, type};
  wasm_byte_vec_new_empty(name);
  return r;
}
void wasm_exporttype_delete(wasm_exporttype_t* t) {
  if (!t) return;
  wasm_byte_vec_delete(&t->name);
  wasm_externtype_delete(t->type);
  delete t;
}
wasm_exporttype_t* wasm_exporttype_copy(const wasm_exporttype_t* t) {
  auto* r = new wasm_exporttype_t{};
  wasm_byte_vec_copy(&r->name, &t->name);
  r->type = wasm_externtype_copy(t->type);
  return r;
}
const wasm_name_t* wasm_exporttype_name(const wasm_exporttype_t* t) { return &t->name; }
const wasm_externtype_t* wasm_exporttype_type(const wasm_exporttype_t* t) { return t->type; }

// ---- 64-bit memory and table types (wisp.h) -----------------------------------------------------------

wasm_memorytype_t* wisp_memorytype_new64(uint64_t min, bool max_present, uint64_t max, bool is64) {
  std::optional<wisp::Limits> l = wisp::capi::limits64_of(min, max_present, max, is64 ? uint64_t(1) << 48 : 65536);
  if (!l) return nullptr;
  wisp::MemoryType t;
  t.limits = *l;
  t.is64 = is64;
  return wisp::capi::new_memorytype(t);
}
uint64_t wisp_memorytype_minimum(const wasm_memorytype_t* t) { return t->limits64.min; }
bool wisp_memorytype_maximum(const wasm_memorytype_t* t, uint64_t* max) {
  if (!t->limits64.max) return false;
  *max = *t->limits64.max;
  return true;
}
bool wisp_memorytype_is64(const wasm_memorytype_t* t) { return t->is64; }

wasm_tabletype_t* wisp_tabletype_new64(wasm_valtype_t* element, uint64_t min, bool max_present, uint64_t max,
                                       bool is64) {
  std::optional<wisp::Limits> l = wisp::capi::limits64_of(min, max_present, max, is64 ? UINT64_MAX : UINT32_MAX);
  if (!l) {
    wasm_valtype_delete(element);  // owned, as for wasm_tabletype_new
    return nullptr;
  }
  wasm_limits_t l32 = wisp::capi::limits_to_c(*l);
  wasm_tabletype_t* r = wasm_tabletype_new(element, &l32);
  r->limits64 = *l;
  r->is64 = is64;
  return r;
}
uint64_t wisp_tabletype_minimum(const wasm_tabletype_t* t) { return t->limits64.min; }
bool wisp_tabletype_maximum(const wasm_tabletype_t* t, uint64_t* max) {
  if (!t->limits64.max) return false;
  *max = *t->limits64.max;
  return true;
}
bool wisp_tabletype_is64(const wasm_tabletype_t* t) { return t->is64; }

}  // extern "C"
