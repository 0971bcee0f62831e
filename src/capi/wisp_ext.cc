// wisp's C extensions (include/wisp.h): errors, .wat loading, engine settings, store limits, fuel,
// interrupts and WASI.
#include <chrono>

#include "capi/capi_internal.h"
#include "wisp/text.h"

namespace wisp::capi {

wisp_error_t* make_error(wisp::Error e) { return new wisp_error_t{std::move(e)}; }

}  // namespace wisp::capi

struct wisp_interrupt_handle_t {
  std::shared_ptr<wisp::capi::InterruptState> state;
};

struct wisp_wasi_config_t {
  wisp::WasiConfig config;
  bool capture_stdout = false;
  bool capture_stderr = false;
};

extern "C" {

// ---- errors --------------------------------------------------------------------------------------------

void wisp_error_delete(wisp_error_t* e) { delete e; }

wisp_error_kind_t wisp_error_kind(const wisp_error_t* e) {
  switch (e->error.kind) {
    case wisp::ErrorKind::Malformed: return WISP_ERROR_MALFORMED;
    case wisp::ErrorKind::Invalid: return WISP_ERROR_INVALID;
    case wisp::ErrorKind::Unlinkable: return WISP_ERROR_UNLINKABLE;
    case wisp::ErrorKind::Trap: return WISP_ERROR_TRAP;
    case wisp::ErrorKind::Exhaustion: return WISP_ERROR_EXHAUSTION;
    case wisp::ErrorKind::Io: return WISP_ERROR_IO;
    case wisp::ErrorKind::Usage: return WISP_ERROR_USAGE;
    case wisp::ErrorKind::Exception: return WISP_ERROR_EXCEPTION;
  }
  return WISP_ERROR_USAGE;
}

void wisp_error_message(const wisp_error_t* e, wasm_name_t* out) { wisp::capi::set_name_nt(out, e->error.message); }

// ---- text ----------------------------------------------------------------------------------------------

wisp_error_t* wisp_wat2wasm(const char* wat, size_t wat_len, wasm_byte_vec_t* out) {
  auto r = wisp::wat_to_wasm(std::string_view(wat, wat_len));
  if (!r.ok()) {
    wasm_byte_vec_new_empty(out);
    return wisp::capi::make_error(std::move(r.error()));
  }
  wasm_byte_vec_new(out, r->size(), reinterpret_cast<const wasm_byte_t*>(r->data()));
  return nullptr;
}

// ---- engine configuration ------------------------------------------------------------------------------

void wisp_config_consume_fuel(wasm_config_t* c, bool enable) { c->config.consume_fuel = enable; }
void wisp_config_interruptible(wasm_config_t* c, bool enable) { c->config.interruptible = enable; }
void wisp_config_explicit_bounds_checks(wasm_config_t* c, bool enable) { c->config.explicit_bounds_checks = enable; }
wisp_error_t* wisp_config_set_features(wasm_config_t* c, const char* spec) {
  auto r = c->config.features.apply(spec ? spec : "");
  return r.ok() ? nullptr : wisp::capi::make_error(std::move(r.error()));
}

// ---- store limits, fuel, interrupts --------------------------------------------------------------------

void wisp_store_set_limits(wasm_store_t* s, const wisp_store_limits_t* l) {
  wisp::StoreLimits limits = s->s().limits();
  if (l->max_memory_pages) limits.max_memory_pages = l->max_memory_pages;
  if (l->max_table_elements) limits.max_table_elements = l->max_table_elements;
  if (l->max_call_depth) limits.max_call_depth = l->max_call_depth;
  if (l->max_instances) limits.max_instances = l->max_instances;
  s->s().set_limits(limits);
}

void wisp_store_set_gc_heap_limit(wasm_store_t* s, uint64_t bytes) {
  wisp::StoreLimits limits = s->s().limits();
  limits.max_gc_heap_bytes = bytes;
  s->s().set_limits(limits);
}

void wisp_store_gc_stats(const wasm_store_t* s, wisp_gc_stats_t* out) {
  wisp::GcStats g = s->s().gc_stats();
  *out = wisp_gc_stats_t{g.live_bytes,  g.live_objects,  g.heap_bytes,     g.allocated_bytes,
                         g.collections, g.freed_objects, g.total_pause_ns, g.max_pause_ns};
}

wisp_error_t* wisp_store_set_fuel(wasm_store_t* s, uint64_t fuel) {
  auto r = s->s().set_fuel(fuel);
  return r.ok() ? nullptr : wisp::capi::make_error(std::move(r.error()));
}

wisp_error_t* wisp_store_get_fuel(const wasm_store_t* s, uint64_t* fuel) {
  auto r = static_cast<const wisp::Store&>(*s->store).get_fuel();
  if (!r.ok()) return wisp::capi::make_error(std::move(r.error()));
  *fuel = *r;
  return nullptr;
}

wisp_interrupt_handle_t* wisp_store_interrupt_handle(wasm_store_t* s) { return new wisp_interrupt_handle_t{s->interrupt}; }

void wisp_interrupt_handle_interrupt(const wisp_interrupt_handle_t* h) {
  std::lock_guard<std::mutex> lock(h->state->mutex);
  if (h->state->handle) h->state->handle->interrupt();
}

void wisp_interrupt_handle_delete(wisp_interrupt_handle_t* h) { delete h; }

void wisp_store_clear_interrupt(wasm_store_t* s) { s->s().clear_interrupt(); }

wisp_error_t* wisp_store_set_deadline_ms(wasm_store_t* s, uint64_t ms) {
  // Beyond ~292 years milliseconds overflow nanoseconds; set_timeout clamps to a century anyway.
  constexpr uint64_t kMaxMs = uint64_t(INT64_MAX) / 1'000'000;
  auto r = s->s().set_timeout(std::chrono::milliseconds(int64_t(ms > kMaxMs ? kMaxMs : ms)));
  return r.ok() ? nullptr : wisp::capi::make_error(std::move(r.error()));
}

void wisp_store_clear_deadline(wasm_store_t* s) { s->s().clear_deadline(); }

// ---- WASI ----------------------------------------------------------------------------------------------

wisp_wasi_config_t* wisp_wasi_config_new(void) { return new wisp_wasi_config_t{}; }
void wisp_wasi_config_delete(wisp_wasi_config_t* c) { delete c; }

void wisp_wasi_config_set_args(wisp_wasi_config_t* c, size_t argc, const char* const argv[]) {
  c->config.args.assign(argv, argv + argc);
}
void wisp_wasi_config_set_env(wisp_wasi_config_t* c, const char* name, const char* value) {
  c->config.set_env(name, value);
}
void wisp_wasi_config_inherit_env(wisp_wasi_config_t* c) { c->config.inherit_env(); }
void wisp_wasi_config_preopen_dir(wisp_wasi_config_t* c, const char* host_path, const char* guest_path) {
  c->config.preopen(host_path, guest_path);
}
void wisp_wasi_config_set_stdin_bytes(wisp_wasi_config_t* c, const wasm_byte_vec_t* bytes) {
  c->config.stdin_stream = wisp::WasiStdio::from_bytes(std::string(wisp::capi::view(bytes)));
}
void wisp_wasi_config_capture_stdout(wisp_wasi_config_t* c) { c->capture_stdout = true; }
void wisp_wasi_config_capture_stderr(wisp_wasi_config_t* c) { c->capture_stderr = true; }

wisp_error_t* wisp_store_set_wasi(wasm_store_t* s, wisp_wasi_config_t* c) {
  std::unique_ptr<wisp_wasi_config_t> config(c);
  auto out = std::make_shared<std::string>(), err = std::make_shared<std::string>();
  if (config->capture_stdout)
    config->config.stdout_stream = wisp::WasiStdio::to_callback([out](std::string_view d) { out->append(d); });
  if (config->capture_stderr)
    config->config.stderr_stream = wisp::WasiStdio::to_callback([err](std::string_view d) { err->append(d); });
  if (!s->wasi_linker->get(s->engine))
    return wisp::capi::make_error(wisp::Error::usage("the WASI functions could not be defined"));
  auto wasi = wisp::Wasi::attach(s->s(), config->config);
  if (!wasi.ok()) return wisp::capi::make_error(std::move(wasi.error()));
  s->wasi_stdout = config->capture_stdout ? out : nullptr;
  s->wasi_stderr = config->capture_stderr ? err : nullptr;
  return nullptr;
}

wasm_extern_t* wisp_store_wasi_import(wasm_store_t* s, const wasm_importtype_t* import) {
  const wisp::Linker* linker = s->wasi_linker->get(s->engine);
  if (!linker || !wisp::Wasi::of(s->s())) return nullptr;
  auto e = linker->get(s->s(), wisp::capi::view(&import->module), wisp::capi::view(&import->name));
  if (!e) return nullptr;
  return wisp::capi::new_extern(s, *e);
}

wisp_error_t* wisp_instance_new_wasi(wasm_store_t* s, const wasm_module_t* module, wasm_instance_t** out) {
  *out = nullptr;
  const wisp::Linker* linker = s->wasi_linker->get(s->engine);
  if (!linker || !wisp::Wasi::of(s->s()))
    return wisp::capi::make_error(wisp::Error::usage("the store has no WASI context"));
  auto inst = linker->instantiate(s->s(), module->data->module);
  if (!inst.ok()) return wisp::capi::make_error(std::move(inst.error()));
  auto* r = new wasm_instance_t{};
  r->kind = wisp::capi::RefKind::instance;
  r->store = s;
  r->instance = *inst;
  *out = r;
  return nullptr;
}

void wisp_store_wasi_stdout(const wasm_store_t* s, wasm_byte_vec_t* out) {
  wisp::capi::set_name(out, s->wasi_stdout ? std::string_view(*s->wasi_stdout) : std::string_view());
}

void wisp_store_wasi_stderr(const wasm_store_t* s, wasm_byte_vec_t* out) {
  wisp::capi::set_name(out, s->wasi_stderr ? std::string_view(*s->wasi_stderr) : std::string_view());
}

}  // extern "C"
