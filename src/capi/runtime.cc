// Runtime objects of the C API: config, engine, store, module, func, global, table, memory, extern
// and instance, each a thin layer over the C++ API.
#include <span>

#include "capi/capi_internal.h"

using wisp::capi::RefKind;

// ---- store -------------------------------------------------------------------------------------------

wasm_store_t::wasm_store_t(const wisp::Engine& e)
    : engine(e), store(std::make_unique<wisp::Store>(e)), interrupt(std::make_shared<wisp::capi::InterruptState>()) {
  interrupt->handle = store->interrupt_handle();
  // The standard API has no instance limit (its examples create 100,000 instances in one store);
  // wisp_store_set_limits can set one.
  wisp::StoreLimits limits = store->limits();
  limits.max_instances = UINT32_MAX;
  store->set_limits(limits);
}

wasm_store_t::~wasm_store_t() {
  {
    std::lock_guard<std::mutex> lock(interrupt->mutex);
    interrupt->handle.reset();
  }
  for (wasm_ref_t* r : externrefs) wasm_ref_delete(r);
  externrefs.clear();
  store.reset();  // runs the env finalizers of host functions, closes the WASI state
  host_infos.clear();  // finalizes the host info of store objects
}

namespace {

wasm_trap_t* trap_from(wasm_store_t* store, wisp::Error e) {
  if (e.kind != wisp::ErrorKind::Trap && e.kind != wisp::ErrorKind::Exhaustion) {
    // Usage or link errors surface as traps too: the message says what went wrong.
    e.message = std::string(wisp::error_kind_name(e.kind)) + ": " + e.message;
  }
  return wisp::capi::new_trap(store, std::move(e));
}

wasm_trap_t* trap_msg(wasm_store_t* store, std::string m) {
  return wisp::capi::new_trap(store, wisp::Error::usage(std::move(m)));
}

std::span<const uint8_t> bytes_of(const wasm_byte_vec_t* v) {
  return std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(v->data), v->size);
}

// The host function behind wasm_func_new / wasm_func_new_with_env.
struct HostCallback {
  wasm_store_t* store = nullptr;
  wasm_func_callback_t plain = nullptr;
  wasm_func_callback_with_env_t with_env = nullptr;
  void* env = nullptr;
  void (*finalizer)(void*) = nullptr;

  ~HostCallback() {
    if (finalizer) finalizer(env);
  }

  wisp::Result<void> operator()(std::span<const wisp::Val> args, std::span<wisp::Val> results) const {
    std::vector<wasm_val_t> cargs(args.size()), cres(results.size());
    for (size_t i = 0; i < args.size(); ++i) wisp::capi::to_c(store, args[i], &cargs[i]);
    for (size_t i = 0; i < results.size(); ++i) {
      cres[i].kind = wisp::capi::to_c(results[i].kind());
      cres[i].of.i64 = 0;
    }
    wasm_val_vec_t in{cargs.size(), cargs.data()}, out{cres.size(), cres.data()};
    wasm_trap_t* trap = plain ? plain(&in, &out) : with_env(env, &in, &out);
    for (wasm_val_t& v : cargs) wasm_val_delete(&v);
    wisp::Result<void> r;
    if (trap) {
      r = wisp::Error::trap(trap->data->error.message);
      r.error().exit_code = trap->data->error.exit_code;
      wasm_trap_delete(trap);
    } else {
      for (size_t i = 0; i < results.size() && r.ok(); ++i) {
        wisp::Val v;
        if (!wisp::capi::to_wisp(store, cres[i], &v) || v.kind() != results[i].kind())
          r = wisp::Error::trap("host function returned a value of the wrong type");
        else
          results[i] = v;
      }
    }
    for (wasm_val_t& v : cres) wasm_val_delete(&v);
    return r;
  }
};

wasm_func_t* make_host_func(wasm_store_t* store, const wasm_functype_t* type, std::shared_ptr<HostCallback> cb) {
  wisp::FuncType ft;
  if (!wisp::capi::to_wisp(type, &ft)) return nullptr;
  // Results arrive zeroed with their kinds so the callback sees the expected types.
  std::vector<wisp::ValType> result_types = ft.results();
  wisp::Func f = wisp::Func::create(
      store->s(), ft,
      [cb, result_types](wisp::Caller&, std::span<const wisp::Val> args, std::span<wisp::Val> results) {
        for (size_t i = 0; i < results.size(); ++i) results[i] = wisp::Val::zero(result_types[i]);
        return (*cb)(args, results);
      });
  return wisp::capi::new_func(store, f);
}

}  // namespace

extern "C" {

// ---- config, engine, store -----------------------------------------------------------------------------

wasm_config_t* wasm_config_new(void) { return new wasm_config_t{}; }
void wasm_config_delete(wasm_config_t* c) { delete c; }

wasm_engine_t* wasm_engine_new(void) { return new wasm_engine_t{wisp::Engine()}; }
wasm_engine_t* wasm_engine_new_with_config(wasm_config_t* c) {
  auto* e = new wasm_engine_t{wisp::Engine(c ? c->config : wisp::Config{})};
  delete c;
  return e;
}
void wasm_engine_delete(wasm_engine_t* e) { delete e; }

wasm_store_t* wasm_store_new(wasm_engine_t* e) {
  auto* s = new wasm_store_t(e->engine);
  s->wasi_linker = e->wasi;
  return s;
}
void wasm_store_delete(wasm_store_t* s) { delete s; }

// ---- module --------------------------------------------------------------------------------------------

wisp_error_t* wisp_module_new(wasm_store_t* store, const wasm_byte_vec_t* binary, wasm_module_t** out) {
  *out = nullptr;
  auto m = wisp::Module::compile(store->engine, bytes_of(binary));
  if (!m.ok()) return wisp::capi::make_error(std::move(m.error()));
  auto data = std::make_shared<wisp::capi::ModuleData>(std::move(*m));
  data->binary.assign(bytes_of(binary).begin(), bytes_of(binary).end());
  auto* r = new wasm_module_t{};
  r->kind = RefKind::module;
  r->store = store;
  r->data = std::move(data);
  *out = r;
  return nullptr;
}

wasm_module_t* wasm_module_new(wasm_store_t* store, const wasm_byte_vec_t* binary) {
  wasm_module_t* m = nullptr;
  if (wisp_error_t* e = wisp_module_new(store, binary, &m)) wisp_error_delete(e);
  return m;
}

bool wasm_module_validate(wasm_store_t* store, const wasm_byte_vec_t* binary) {
  return wisp::Module::validate(store->engine, bytes_of(binary)).ok();
}

void wasm_module_imports(const wasm_module_t* m, wasm_importtype_vec_t* out) {
  std::vector<wisp::ImportType> imports = m->data->module.imports();
  wasm_importtype_vec_new_uninitialized(out, imports.size());
  for (size_t i = 0; i < imports.size(); ++i) {
    wasm_name_t mod, name;
    wisp::capi::set_name(&mod, imports[i].module);
    wisp::capi::set_name(&name, imports[i].name);
    out->data[i] = wasm_importtype_new(&mod, &name, wisp::capi::new_externtype(imports[i].type));
  }
}

void wasm_module_exports(const wasm_module_t* m, wasm_exporttype_vec_t* out) {
  std::vector<wisp::ExportType> exports = m->data->module.exports();
  wasm_exporttype_vec_new_uninitialized(out, exports.size());
  for (size_t i = 0; i < exports.size(); ++i) {
    wasm_name_t name;
    wisp::capi::set_name(&name, exports[i].name);
    out->data[i] = wasm_exporttype_new(&name, wisp::capi::new_externtype(exports[i].type));
  }
}

// The serialized form is the module's binary: compiling it again is cheap and always valid.
void wasm_module_serialize(const wasm_module_t* m, wasm_byte_vec_t* out) {
  const std::vector<uint8_t>& b = m->data->binary;
  wasm_byte_vec_new(out, b.size(), reinterpret_cast<const wasm_byte_t*>(b.data()));
}

wasm_module_t* wasm_module_deserialize(wasm_store_t* store, const wasm_byte_vec_t* bytes) {
  return wasm_module_new(store, bytes);
}

wasm_shared_module_t* wasm_module_share(const wasm_module_t* m) { return new wasm_shared_module_t{m->data}; }
void wasm_shared_module_delete(wasm_shared_module_t* s) { delete s; }

wasm_module_t* wasm_module_obtain(wasm_store_t* store, const wasm_shared_module_t* s) {
  if (!(s->data->module.engine() == store->engine)) return nullptr;
  auto* r = new wasm_module_t{};
  r->kind = RefKind::module;
  r->store = store;
  r->data = s->data;
  return r;
}

// ---- func ----------------------------------------------------------------------------------------------

wasm_func_t* wasm_func_new(wasm_store_t* store, const wasm_functype_t* type, wasm_func_callback_t cb) {
  auto h = std::make_shared<HostCallback>();
  h->store = store;
  h->plain = cb;
  return make_host_func(store, type, std::move(h));
}

wasm_func_t* wasm_func_new_with_env(wasm_store_t* store, const wasm_functype_t* type,
                                    wasm_func_callback_with_env_t cb, void* env, void (*finalizer)(void*)) {
  auto h = std::make_shared<HostCallback>();
  h->store = store;
  h->with_env = cb;
  h->env = env;
  h->finalizer = finalizer;
  return make_host_func(store, type, std::move(h));
}

// Every object of this API carries its store (f->store), so the handle checks of the accessors below
// cannot fail; where one would, a null object or zero comes back (these functions have no error channel).

wasm_functype_t* wasm_func_type(const wasm_func_t* f) {
  auto t = f->ext.func()->type(f->store->s());
  return t.ok() ? wisp::capi::new_functype(*t) : nullptr;
}

size_t wasm_func_param_arity(const wasm_func_t* f) {
  auto t = f->ext.func()->type(f->store->s());
  return t.ok() ? t->params().size() : 0;
}
size_t wasm_func_result_arity(const wasm_func_t* f) {
  auto t = f->ext.func()->type(f->store->s());
  return t.ok() ? t->results().size() : 0;
}

wasm_trap_t* wasm_func_call(const wasm_func_t* f, const wasm_val_vec_t* args, wasm_val_vec_t* results) {
  wasm_store_t* store = f->store;
  wisp::Func func = *f->ext.func();
  auto type = func.type(store->s());
  if (!type.ok()) return trap_from(store, std::move(type.error()));
  size_t nargs = args ? args->size : 0, nres = results ? results->size : 0;
  if (nargs != type->params().size())
    return trap_msg(store, "wrong number of arguments: expected " + std::to_string(type->params().size()) +
                               ", got " + std::to_string(nargs));
  std::vector<wisp::Val> in(nargs), out(type->results().size());
  for (size_t i = 0; i < nargs; ++i) {
    if (!wisp::capi::to_wisp(store, args->data[i], &in[i]) || in[i].kind() != type->params()[i].kind())
      return trap_msg(store, "argument " + std::to_string(i) + " has the wrong type (expected " +
                                 type->params()[i].name() + ")");
  }
  wisp::Result<void> r = func.call(store->s(), in, out);
  if (!r.ok()) return trap_from(store, std::move(r.error()));
  // Checked after the call, as callers expecting a trap may pass no result space (the standard's
  // examples do).
  if (nres != out.size())
    return trap_msg(store, "wrong number of results: expected " + std::to_string(out.size()) + ", got " +
                               std::to_string(nres));
  for (size_t i = 0; i < nres; ++i) wisp::capi::to_c(store, out[i], &results->data[i]);
  return nullptr;
}

// ---- global --------------------------------------------------------------------------------------------

wasm_global_t* wasm_global_new(wasm_store_t* store, const wasm_globaltype_t* type, const wasm_val_t* val) {
  wisp::GlobalType gt;
  wisp::Val v;
  if (!wisp::capi::to_wisp(type, &gt) || !val || !wisp::capi::to_wisp(store, *val, &v)) return nullptr;
  auto g = wisp::Global::create(store->s(), gt, v);
  if (!g.ok()) return nullptr;
  return static_cast<wasm_global_t*>(wisp::capi::new_extern(store, *g));
}

wasm_globaltype_t* wasm_global_type(const wasm_global_t* g) {
  auto t = g->ext.global()->type(g->store->s());
  return t.ok() ? wisp::capi::new_globaltype(*t) : nullptr;
}

void wasm_global_get(const wasm_global_t* g, wasm_val_t* out) {
  auto v = g->ext.global()->get(g->store->s());
  wisp::capi::to_c(g->store, v.ok() ? *v : wisp::Val(), out);
}

void wasm_global_set(wasm_global_t* g, const wasm_val_t* val) {
  wisp::Val v;
  if (!val || !wisp::capi::to_wisp(g->store, *val, &v)) return;
  (void)g->ext.global()->set(g->store->s(), v);
}

// ---- table ---------------------------------------------------------------------------------------------

wasm_table_t* wasm_table_new(wasm_store_t* store, const wasm_tabletype_t* type, wasm_ref_t* init) {
  wisp::TableType tt;
  wisp::Val v;
  if (!wisp::capi::to_wisp(type, &tt) || !wisp::capi::ref_to_wisp(store, init, tt.elem.kind(), &v)) return nullptr;
  auto t = wisp::Table::create(store->s(), tt, v);
  if (!t.ok()) return nullptr;
  return static_cast<wasm_table_t*>(wisp::capi::new_extern(store, *t));
}

wasm_tabletype_t* wasm_table_type(const wasm_table_t* t) {
  auto type = t->ext.table()->type(t->store->s());
  return type.ok() ? wisp::capi::new_tabletype(*type) : nullptr;
}

wasm_ref_t* wasm_table_get(const wasm_table_t* t, wasm_table_size_t index) {
  auto v = t->ext.table()->get(t->store->s(), index);
  if (!v.ok()) return nullptr;
  return wisp::capi::ref_to_c(t->store, *v);
}

bool wasm_table_set(wasm_table_t* t, wasm_table_size_t index, wasm_ref_t* ref) {
  wisp::Store& s = t->store->s();
  wisp::Val v;
  auto type = t->ext.table()->type(s);
  if (!type.ok() || !wisp::capi::ref_to_wisp(t->store, ref, type->elem.kind(), &v)) return false;
  return t->ext.table()->set(s, index, v).ok();
}

wasm_table_size_t wasm_table_size(const wasm_table_t* t) {
  auto size = t->ext.table()->size(t->store->s());
  uint64_t n = size.ok() ? *size : 0;
  return n > UINT32_MAX ? UINT32_MAX : wasm_table_size_t(n);
}

bool wasm_table_grow(wasm_table_t* t, wasm_table_size_t delta, wasm_ref_t* init) {
  wisp::Store& s = t->store->s();
  wisp::Val v;
  auto type = t->ext.table()->type(s);
  if (!type.ok() || !wisp::capi::ref_to_wisp(t->store, init, type->elem.kind(), &v)) return false;
  return t->ext.table()->grow(s, delta, v).ok();
}

// ---- memory --------------------------------------------------------------------------------------------

wasm_memory_t* wasm_memory_new(wasm_store_t* store, const wasm_memorytype_t* type) {
  wisp::MemoryType mt;
  mt.limits = type->limits64;
  mt.is64 = type->is64;
  auto m = wisp::Memory::create(store->s(), mt);
  if (!m.ok()) return nullptr;
  return static_cast<wasm_memory_t*>(wisp::capi::new_extern(store, *m));
}

wasm_memorytype_t* wasm_memory_type(const wasm_memory_t* m) {
  auto t = m->ext.memory()->type(m->store->s());
  return t.ok() ? wisp::capi::new_memorytype(*t) : nullptr;
}

byte_t* wasm_memory_data(wasm_memory_t* m) {
  return reinterpret_cast<byte_t*>(m->ext.memory()->data(m->store->s()));
}

size_t wasm_memory_data_size(const wasm_memory_t* m) {
  auto size = m->ext.memory()->size(m->store->s());
  return size.ok() ? *size : 0;
}

wasm_memory_pages_t wasm_memory_size(const wasm_memory_t* m) {
  uint64_t pages = wisp_memory_size64(m);
  return pages > UINT32_MAX ? UINT32_MAX : wasm_memory_pages_t(pages);  // a 64-bit memory may be larger
}

bool wasm_memory_grow(wasm_memory_t* m, wasm_memory_pages_t delta) { return wisp_memory_grow64(m, delta, nullptr); }

uint64_t wisp_memory_size64(const wasm_memory_t* m) {
  auto pages = m->ext.memory()->pages(m->store->s());
  return pages.ok() ? *pages : 0;
}

bool wisp_memory_grow64(wasm_memory_t* m, uint64_t delta, uint64_t* prev) {
  auto old = m->ext.memory()->grow(m->store->s(), delta);
  if (!old.ok()) return false;
  if (prev) *prev = *old;
  return true;
}

// ---- extern --------------------------------------------------------------------------------------------

wasm_externkind_t wasm_extern_kind(const wasm_extern_t* e) { return wisp::capi::to_c(e->ext.kind()); }

wasm_externtype_t* wasm_extern_type(const wasm_extern_t* e) {
  auto t = e->ext.type(e->store->s());
  return t.ok() ? wisp::capi::new_externtype(*t) : nullptr;
}

#define WISP_CAPI_EXTERN_CASTS(name, KIND)                                                        \
  wasm_extern_t* wasm_##name##_as_extern(wasm_##name##_t* x) { return x; }                       \
  const wasm_extern_t* wasm_##name##_as_extern_const(const wasm_##name##_t* x) { return x; }     \
  wasm_##name##_t* wasm_extern_as_##name(wasm_extern_t* e) {                                     \
    return e && e->kind == RefKind::KIND ? static_cast<wasm_##name##_t*>(e) : nullptr;           \
  }                                                                                              \
  const wasm_##name##_t* wasm_extern_as_##name##_const(const wasm_extern_t* e) {                 \
    return e && e->kind == RefKind::KIND ? static_cast<const wasm_##name##_t*>(e) : nullptr;     \
  }

WISP_CAPI_EXTERN_CASTS(func, func)
WISP_CAPI_EXTERN_CASTS(global, global)
WISP_CAPI_EXTERN_CASTS(table, table)
WISP_CAPI_EXTERN_CASTS(memory, memory)

// ---- instance ------------------------------------------------------------------------------------------

wisp_error_t* wisp_instance_new(wasm_store_t* store, const wasm_module_t* module, const wasm_extern_vec_t* imports,
                                wasm_instance_t** out) {
  *out = nullptr;
  std::vector<wisp::Extern> ext;
  size_t n = imports ? imports->size : 0;
  for (size_t i = 0; i < n; ++i) {
    if (!imports->data[i])
      return wisp::capi::make_error(wisp::Error::unlinkable("import " + std::to_string(i) + " is NULL"));
    ext.push_back(imports->data[i]->ext);
  }
  auto inst = wisp::Instance::create(store->s(), module->data->module, ext);
  if (!inst.ok()) return wisp::capi::make_error(std::move(inst.error()));
  auto* r = new wasm_instance_t{};
  r->kind = RefKind::instance;
  r->store = store;
  r->instance = *inst;
  *out = r;
  return nullptr;
}

wasm_instance_t* wasm_instance_new(wasm_store_t* store, const wasm_module_t* module, const wasm_extern_vec_t* imports,
                                   wasm_trap_t** trap) {
  if (trap) *trap = nullptr;
  wasm_instance_t* inst = nullptr;
  wisp_error_t* e = wisp_instance_new(store, module, imports, &inst);
  if (!e) return inst;
  if (trap) *trap = trap_from(store, std::move(e->error));
  wisp_error_delete(e);
  return nullptr;
}

wasm_extern_t* wisp_instance_export(const wasm_instance_t* i, const char* name, size_t name_len) {
  std::optional<wisp::Extern> e = i->instance.get_export(i->store->s(), std::string_view(name, name_len));
  return e ? wisp::capi::new_extern(i->store, *e) : nullptr;
}

void wasm_instance_exports(const wasm_instance_t* i, wasm_extern_vec_t* out) {
  auto exports = i->instance.exports(i->store->s());
  wasm_extern_vec_new_uninitialized(out, exports.size());
  for (size_t k = 0; k < exports.size(); ++k) out->data[k] = wisp::capi::new_extern(i->store, exports[k].second);
}

}  // extern "C"
