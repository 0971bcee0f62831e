// References of the C API: the generic wasm_ref_t operations (copy, same, delete, host info, casts)
// for every reference family, traps and frames, foreign objects, and reference values.
#include <charconv>

#include "capi/capi_internal.h"

namespace wisp::capi {

namespace {

const void* extern_identity(const wisp::Extern& e) {
  switch (e.kind()) {
    case ExternKind::func: return e.func()->internal();
    case ExternKind::table: return e.table()->internal();
    case ExternKind::memory: return e.memory()->internal();
    case ExternKind::global: return e.global()->internal();
    case ExternKind::tag: return e.tag()->internal();
  }
  return nullptr;
}

template <class T>
T* clone(const wasm_ref_t* r) {
  return new T(*static_cast<const T*>(r));
}

}  // namespace

const void* identity(const wasm_ref_t* r) {
  switch (r->kind) {
    case RefKind::func:
    case RefKind::global:
    case RefKind::table:
    case RefKind::memory:
    case RefKind::tag: return extern_identity(static_cast<const wasm_extern_t*>(r)->ext);
    case RefKind::instance: return static_cast<const wasm_instance_t*>(r)->instance.internal();
    case RefKind::module: return static_cast<const wasm_module_t*>(r)->data.get();
    case RefKind::trap: return static_cast<const wasm_trap_t*>(r)->data.get();
    case RefKind::foreign: return static_cast<const wasm_foreign_t*>(r)->data.get();
    case RefKind::gc: {
      uint64_t bits;
      std::memcpy(&bits, static_cast<const wisp_gc_ref_t*>(r)->val.raw().bytes, 8);
      return reinterpret_cast<const void*>(bits);
    }
  }
  return nullptr;
}

wasm_ref_t* new_gc_ref(wasm_store_t* store, const wisp::Val& v) {
  if (v.is_null()) return nullptr;
  auto* r = new wisp_gc_ref_t{};
  r->kind = RefKind::gc;
  r->store = store;
  r->val = v;
  return r;
}

HostInfo& host_info(const wasm_ref_t* r) {
  switch (r->kind) {
    case RefKind::module: return static_cast<const wasm_module_t*>(r)->data->host_info;
    case RefKind::trap: return static_cast<const wasm_trap_t*>(r)->data->host_info;
    case RefKind::foreign: return static_cast<const wasm_foreign_t*>(r)->data->host_info;
    default: break;
  }
  std::unique_ptr<HostInfo>& slot = r->store->host_infos[identity(r)];
  if (!slot) slot = std::make_unique<HostInfo>();
  return *slot;
}

wasm_func_t* new_func(wasm_store_t* store, wisp::Func f) {
  auto* r = new wasm_func_t{};
  r->kind = RefKind::func;
  r->store = store;
  r->ext = f;
  return r;
}

wasm_extern_t* new_extern(wasm_store_t* store, const wisp::Extern& e) {
  wasm_extern_t* r = nullptr;
  switch (e.kind()) {
    case ExternKind::func: r = new wasm_func_t{}; r->kind = RefKind::func; break;
    case ExternKind::global: r = new wasm_global_t{}; r->kind = RefKind::global; break;
    case ExternKind::table: r = new wasm_table_t{}; r->kind = RefKind::table; break;
    case ExternKind::memory: r = new wasm_memory_t{}; r->kind = RefKind::memory; break;
    case ExternKind::tag: r = new wasm_extern_t{}; r->kind = RefKind::tag; break;
  }
  r->store = store;
  r->ext = e;
  return r;
}

wasm_trap_t* new_trap(wasm_store_t* store, wisp::Error e) {
  auto* r = new wasm_trap_t{};
  r->kind = RefKind::trap;
  r->store = store;
  r->data = std::make_shared<TrapData>();
  r->data->error = std::move(e);
  return r;
}

bool ref_to_wisp(wasm_store_t* store, const wasm_ref_t* r, wisp::ValKind kind, wisp::Val* out) {
  if (!r) {
    *out = Val::null(kind);
    return true;
  }
  if (kind == ValKind::funcref) {
    if (r->kind != RefKind::func) return false;
    wisp::Func f = *static_cast<const wasm_func_t*>(r)->ext.func();
    if (f.store_id() != store->s().id()) return false;
    *out = Val::funcref(f);
    return true;
  }
  if (r->kind == RefKind::gc) {
    const wisp::Val& v = static_cast<const wisp_gc_ref_t*>(r)->val;
    if ((kind == ValKind::externref) != (v.kind() == ValKind::externref)) return false;
    *out = v;
    return true;
  }
  if (kind != ValKind::externref) return false;
  // One slot per object, so identity survives a round trip through Wasm (wasm_ref_same holds).
  const void* id = identity(r);
  auto it = store->externref_index.find(id);
  uint64_t index;
  if (it != store->externref_index.end()) {
    index = it->second;
  } else {
    index = store->externrefs.size();
    store->externrefs.push_back(wasm_ref_copy(r));
    store->externref_index.emplace(id, index);
  }
  *out = Val::externref(index);
  return true;
}

wasm_ref_t* ref_to_c(wasm_store_t* store, const wisp::Val& v) {
  if (v.is_null()) return nullptr;
  if (v.kind() == ValKind::funcref) return new_func(store, *v.as_funcref());
  if (v.is_gc_ref()) return new_gc_ref(store, v);
  if (v.kind() == ValKind::externref) {
    uint64_t index = *v.as_externref();
    if (index < store->externrefs.size()) return wasm_ref_copy(store->externrefs[index]);
    return new_gc_ref(store, v);  // extern.convert_any of a GC reference
  }
  return nullptr;
}

bool to_wisp(wasm_store_t* store, const wasm_val_t& v, wisp::Val* out) {
  switch (v.kind) {
    case WASM_I32: *out = Val::i32(v.of.i32); return true;
    case WASM_I64: *out = Val::i64(v.of.i64); return true;
    case WASM_F32: *out = Val::f32(v.of.f32); return true;
    case WASM_F64: *out = Val::f64(v.of.f64); return true;
    case WASM_FUNCREF: return ref_to_wisp(store, v.of.ref, ValKind::funcref, out);
    case WASM_EXTERNREF: return ref_to_wisp(store, v.of.ref, ValKind::externref, out);
    case WISP_ANYREF: return ref_to_wisp(store, v.of.ref, ValKind::anyref, out);
    case WISP_EQREF: return ref_to_wisp(store, v.of.ref, ValKind::eqref, out);
    case WISP_I31REF: return ref_to_wisp(store, v.of.ref, ValKind::i31ref, out);
    case WISP_STRUCTREF: return ref_to_wisp(store, v.of.ref, ValKind::structref, out);
    case WISP_ARRAYREF: return ref_to_wisp(store, v.of.ref, ValKind::arrayref, out);
    default: return false;
  }
}

void to_c(wasm_store_t* store, const wisp::Val& v, wasm_val_t* out) {
  out->kind = to_c(v.kind());
  switch (v.kind()) {
    case ValKind::i32: out->of.i32 = v.as_i32(); break;
    case ValKind::i64: out->of.i64 = v.as_i64(); break;
    case ValKind::f32: out->of.f32 = v.as_f32(); break;
    case ValKind::f64: out->of.f64 = v.as_f64(); break;
    case ValKind::funcref:
    case ValKind::externref: out->of.ref = ref_to_c(store, v); break;
    case ValKind::exnref: out->of.ref = nullptr; break;  // opaque to C: only its nullness is kept
    case ValKind::anyref:
    case ValKind::eqref:
    case ValKind::i31ref:
    case ValKind::structref:
    case ValKind::arrayref: out->of.ref = ref_to_c(store, v); break;
    case ValKind::v128: out->of.i64 = 0; break;  // no C representation in the standard API
  }
}

}  // namespace wisp::capi

using wisp::capi::RefKind;

// ---- generic references --------------------------------------------------------------------------------

extern "C" {

void wasm_ref_delete(wasm_ref_t* r) {
  if (!r) return;
  switch (r->kind) {
    case RefKind::func: delete static_cast<wasm_func_t*>(r); return;
    case RefKind::global: delete static_cast<wasm_global_t*>(r); return;
    case RefKind::table: delete static_cast<wasm_table_t*>(r); return;
    case RefKind::memory: delete static_cast<wasm_memory_t*>(r); return;
    case RefKind::instance: delete static_cast<wasm_instance_t*>(r); return;
    case RefKind::module: delete static_cast<wasm_module_t*>(r); return;
    case RefKind::trap: delete static_cast<wasm_trap_t*>(r); return;
    case RefKind::foreign: delete static_cast<wasm_foreign_t*>(r); return;
    case RefKind::tag: delete static_cast<wasm_extern_t*>(r); return;
    case RefKind::gc: delete static_cast<wisp_gc_ref_t*>(r); return;
  }
}

wasm_ref_t* wasm_ref_copy(const wasm_ref_t* r) {
  using wisp::capi::clone;
  if (!r) return nullptr;
  switch (r->kind) {
    case RefKind::func: return clone<wasm_func_t>(r);
    case RefKind::global: return clone<wasm_global_t>(r);
    case RefKind::table: return clone<wasm_table_t>(r);
    case RefKind::memory: return clone<wasm_memory_t>(r);
    case RefKind::instance: return clone<wasm_instance_t>(r);
    case RefKind::module: return clone<wasm_module_t>(r);
    case RefKind::trap: return clone<wasm_trap_t>(r);
    case RefKind::foreign: return clone<wasm_foreign_t>(r);
    case RefKind::tag: return clone<wasm_extern_t>(r);
    case RefKind::gc: return clone<wisp_gc_ref_t>(r);
  }
  return nullptr;
}

bool wasm_ref_same(const wasm_ref_t* a, const wasm_ref_t* b) {
  if (!a || !b) return a == b;
  return wisp::capi::identity(a) == wisp::capi::identity(b);
}

void* wasm_ref_get_host_info(const wasm_ref_t* r) { return wisp::capi::host_info(r).info; }
void wasm_ref_set_host_info(wasm_ref_t* r, void* info) { wisp::capi::host_info(r).reset(info, nullptr); }
void wasm_ref_set_host_info_with_finalizer(wasm_ref_t* r, void* info, void (*finalizer)(void*)) {
  wisp::capi::host_info(r).reset(info, finalizer);
}

// Every reference family forwards to the generic operations.
#define WISP_CAPI_REF(name)                                                                              \
  void wasm_##name##_delete(wasm_##name##_t* r) { wasm_ref_delete(r); }                                  \
  wasm_##name##_t* wasm_##name##_copy(const wasm_##name##_t* r) {                                        \
    return static_cast<wasm_##name##_t*>(wasm_ref_copy(r));                                             \
  }                                                                                                      \
  bool wasm_##name##_same(const wasm_##name##_t* a, const wasm_##name##_t* b) { return wasm_ref_same(a, b); } \
  void* wasm_##name##_get_host_info(const wasm_##name##_t* r) { return wasm_ref_get_host_info(r); }      \
  void wasm_##name##_set_host_info(wasm_##name##_t* r, void* i) { wasm_ref_set_host_info(r, i); }        \
  void wasm_##name##_set_host_info_with_finalizer(wasm_##name##_t* r, void* i, void (*f)(void*)) {       \
    wasm_ref_set_host_info_with_finalizer(r, i, f);                                                      \
  }                                                                                                      \
  wasm_ref_t* wasm_##name##_as_ref(wasm_##name##_t* r) { return r; }                                     \
  const wasm_ref_t* wasm_##name##_as_ref_const(const wasm_##name##_t* r) { return r; }                   \
  wasm_##name##_t* wasm_ref_as_##name(wasm_ref_t* r) {                                                   \
    return r && wisp_capi_is_##name(r->kind) ? static_cast<wasm_##name##_t*>(r) : nullptr;               \
  }                                                                                                      \
  const wasm_##name##_t* wasm_ref_as_##name##_const(const wasm_ref_t* r) {                               \
    return r && wisp_capi_is_##name(r->kind) ? static_cast<const wasm_##name##_t*>(r) : nullptr;         \
  }

}  // extern "C"

namespace {
bool wisp_capi_is_func(RefKind k) { return k == RefKind::func; }
bool wisp_capi_is_global(RefKind k) { return k == RefKind::global; }
bool wisp_capi_is_table(RefKind k) { return k == RefKind::table; }
bool wisp_capi_is_memory(RefKind k) { return k == RefKind::memory; }
bool wisp_capi_is_extern(RefKind k) { return k <= RefKind::memory; }
bool wisp_capi_is_instance(RefKind k) { return k == RefKind::instance; }
bool wisp_capi_is_module(RefKind k) { return k == RefKind::module; }
bool wisp_capi_is_trap(RefKind k) { return k == RefKind::trap; }
bool wisp_capi_is_foreign(RefKind k) { return k == RefKind::foreign; }
}  // namespace

extern "C" {

WISP_CAPI_REF(func)
WISP_CAPI_REF(global)
WISP_CAPI_REF(table)
WISP_CAPI_REF(memory)
WISP_CAPI_REF(extern)
WISP_CAPI_REF(instance)
WISP_CAPI_REF(module)
WISP_CAPI_REF(trap)
WISP_CAPI_REF(foreign)

// ---- GC references (wisp.h) ------------------------------------------------------------------------------

wasm_ref_t* wisp_ref_i31(wasm_store_t* store, int32_t value) {
  return wisp::capi::new_gc_ref(store, wisp::Val::i31ref(value));
}

bool wisp_ref_i31_get(const wasm_ref_t* r, int32_t* out) {
  if (!r || r->kind != RefKind::gc) return false;
  std::optional<int32_t> v = static_cast<const wisp_gc_ref_t*>(r)->val.as_i31();
  if (!v) return false;
  *out = *v;
  return true;
}

wisp_anyref_kind_t wisp_ref_any_kind(const wasm_ref_t* r) {
  if (!r || r->kind != RefKind::gc) return WISP_ANYREF_NONE;
  switch (static_cast<const wisp_gc_ref_t*>(r)->val.any_kind()) {
    case wisp::AnyRefKind::null: return WISP_ANYREF_NONE;
    case wisp::AnyRefKind::i31: return WISP_ANYREF_I31;
    case wisp::AnyRefKind::struct_: return WISP_ANYREF_STRUCT;
    case wisp::AnyRefKind::array: return WISP_ANYREF_ARRAY;
    case wisp::AnyRefKind::host: return WISP_ANYREF_HOST;
  }
  return WISP_ANYREF_NONE;
}

wasm_ref_t* wisp_ref_extern_to_any(wasm_store_t* store, const wasm_ref_t* externref) {
  wisp::Val ext;
  if (!externref || !wisp::capi::ref_to_wisp(store, externref, wisp::ValKind::externref, &ext)) return nullptr;
  wisp::Result<wisp::Val> any = store->s().extern_to_any(ext);
  return any.ok() ? wisp::capi::ref_to_c(store, *any) : nullptr;
}

wasm_ref_t* wisp_ref_any_to_extern(wasm_store_t* store, const wasm_ref_t* anyref) {
  if (!anyref || anyref->kind != RefKind::gc) return nullptr;
  wisp::Result<wisp::Val> ext = store->s().any_to_extern(static_cast<const wisp_gc_ref_t*>(anyref)->val);
  return ext.ok() ? wisp::capi::ref_to_c(store, *ext) : nullptr;
}

// ---- traps and frames ----------------------------------------------------------------------------------

wasm_trap_t* wasm_trap_new(wasm_store_t* store, const wasm_message_t* message) {
  std::string_view m = wisp::capi::view(message);
  if (!m.empty() && m.back() == '\0') m.remove_suffix(1);
  return wisp::capi::new_trap(store, wisp::Error::trap(std::string(m)));
}

void wasm_trap_message(const wasm_trap_t* t, wasm_message_t* out) {
  wisp::capi::set_name_nt(out, t->data->error.message);
}

}  // extern "C"

namespace {

// Frame i of trap `t`: from Error::frames when the runtime recorded them, else from the name alone.
wasm_frame_t* make_frame(const wasm_trap_t* t, size_t i) {
  const wisp::Error& e = t->data->error;
  auto* f = new wasm_frame_t{};
  f->name = e.backtrace[i];
  if (e.frames.size() == e.backtrace.size()) {
    const wisp::Frame& fr = e.frames[i];
    f->func_index = fr.func_index;
    if (fr.module_offset != UINT64_MAX) {
      f->module_offset = size_t(fr.module_offset);
      f->func_offset = size_t(fr.func_offset);
    }
    if (fr.instance != nullptr && t->store != nullptr) {
      auto inst = std::make_shared<wasm_instance_t>();
      inst->kind = wisp::capi::RefKind::instance;
      inst->store = t->store;
      inst->instance = wisp::Instance(t->store->s().id(),
                                      static_cast<wisp::runtime::InstanceData*>(const_cast<void*>(fr.instance)));
      f->instance = std::move(inst);
    }
    return f;
  }
  std::string_view n = f->name;
  constexpr std::string_view prefix = "<wasm function ";
  if (n.size() > prefix.size() + 1 && n.substr(0, prefix.size()) == prefix && n.back() == '>') {
    std::string_view digits = n.substr(prefix.size(), n.size() - prefix.size() - 1);
    uint32_t index = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), index);
    if (ec == std::errc() && end == digits.data() + digits.size()) f->func_index = index;
  }
  return f;
}

}  // namespace

extern "C" {

wasm_frame_t* wasm_trap_origin(const wasm_trap_t* t) {
  return t->data->error.backtrace.empty() ? nullptr : make_frame(t, 0);
}

void wasm_trap_trace(const wasm_trap_t* t, wasm_frame_vec_t* out) {
  size_t n = t->data->error.backtrace.size();
  wasm_frame_vec_new_uninitialized(out, n);
  for (size_t i = 0; i < n; ++i) out->data[i] = make_frame(t, i);
}

void wasm_frame_delete(wasm_frame_t* f) { delete f; }
wasm_frame_t* wasm_frame_copy(const wasm_frame_t* f) { return new wasm_frame_t(*f); }
// Borrowed: valid while the frame lives (and its store).
wasm_instance_t* wasm_frame_instance(const wasm_frame_t* f) { return f->instance.get(); }
uint32_t wasm_frame_func_index(const wasm_frame_t* f) { return f->func_index; }
size_t wasm_frame_func_offset(const wasm_frame_t* f) { return f->func_offset; }
size_t wasm_frame_module_offset(const wasm_frame_t* f) { return f->module_offset; }

void wisp_frame_func_name(const wasm_frame_t* f, wasm_name_t* out) { wisp::capi::set_name(out, f->name); }

bool wisp_trap_is_exhaustion(const wasm_trap_t* t) { return t->data->error.kind == wisp::ErrorKind::Exhaustion; }

bool wisp_trap_exit_code(const wasm_trap_t* t, int* code) {
  if (t->data->error.exit_code < 0) return false;
  if (code) *code = t->data->error.exit_code;
  return true;
}

// ---- exceptions ----------------------------------------------------------------------------------------

wasm_extern_t* wisp_tag_new(wasm_store_t* store, const wasm_valtype_vec_t* params) {
  std::vector<wisp::ValType> ps;
  if (!params || !wisp::capi::to_wisp(*params, &ps)) return nullptr;
  auto tag = wisp::Tag::create(*store->store, wisp::TagType{ps});
  if (!tag.ok()) return nullptr;
  return wisp::capi::new_extern(store, wisp::Extern(*tag));
}

void wisp_tag_params(const wasm_extern_t* e, wasm_valtype_vec_t* out) {
  std::vector<wisp::ValType> ps;
  if (e && e->ext.tag()) {
    auto t = e->ext.tag()->type(*e->store->store);
    if (t.ok()) ps = t->params;
  }
  wasm_valtype_vec_new_uninitialized(out, ps.size());
  for (size_t i = 0; i < ps.size(); ++i) out->data[i] = wasm_valtype_new(wisp::capi::to_c(ps[i].kind()));
}

bool wisp_trap_is_exception(const wasm_trap_t* t) { return t->data->error.kind == wisp::ErrorKind::Exception; }

wasm_extern_t* wisp_trap_exception_tag(const wasm_trap_t* t) {
  const auto& ex = t->data->error.exception;
  if (!ex || !t->store) return nullptr;
  return wisp::capi::new_extern(t->store, wisp::Extern(ex->tag));
}

void wisp_trap_exception_payload(const wasm_trap_t* t, wasm_val_vec_t* out) {
  const auto& ex = t->data->error.exception;
  size_t n = ex ? ex->payload.size() : 0;
  wasm_val_vec_new_uninitialized(out, n);
  for (size_t i = 0; i < n; ++i) wisp::capi::to_c(t->store, ex->payload[i], &out->data[i]);
}

// ---- foreign objects -----------------------------------------------------------------------------------

wasm_foreign_t* wasm_foreign_new(wasm_store_t* store) {
  auto* r = new wasm_foreign_t{};
  r->kind = RefKind::foreign;
  r->store = store;
  r->data = std::make_shared<wisp::capi::ForeignData>();
  return r;
}

}  // extern "C"
