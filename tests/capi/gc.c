/* GC references through the C API (wisp.h): i31 values in and out of Wasm, an externref converted to
 * anyref and back (the same host object), a struct result kept alive by its wasm_ref_t, and the heap
 * limit setting. */
#include "check.h"

static const char* kWat =
    "(module\n"
    "  (type $p (struct (field i32)))\n"
    "  (func (export \"twice\") (param i31ref) (result i31ref)\n"
    "    (ref.i31 (i32.mul (i31.get_s (local.get 0)) (i32.const 2))))\n"
    "  (func (export \"internalize\") (param externref) (result anyref) (any.convert_extern (local.get 0)))\n"
    "  (func (export \"externalize\") (param anyref) (result externref) (extern.convert_any (local.get 0)))\n"
    "  (func (export \"make\") (param i32) (result (ref $p)) (struct.new $p (local.get 0)))\n"
    "  (func (export \"read\") (param (ref null $p)) (result i32) (struct.get $p 0 (local.get 0))))\n";

int main(void) {
  wasm_config_t* config = wasm_config_new();
  CHECK(wisp_config_set_features(config, "gc=y") == NULL);
  wasm_engine_t* engine = wasm_engine_new_with_config(config);
  wasm_store_t* store = wasm_store_new(engine);
  wisp_store_set_gc_heap_limit(store, 64u << 20);
  wasm_module_t* module = load_wat(store, kWat);
  wasm_extern_vec_t imports = WASM_EMPTY_VEC;
  wasm_instance_t* instance = wasm_instance_new(store, module, &imports, NULL);
  CHECK(instance);
  wasm_extern_vec_t exports;
  wasm_instance_exports(instance, &exports);
  const wasm_func_t* twice = wasm_extern_as_func(export_named(module, &exports, "twice"));
  const wasm_func_t* intern = wasm_extern_as_func(export_named(module, &exports, "internalize"));
  const wasm_func_t* extern_ = wasm_extern_as_func(export_named(module, &exports, "externalize"));
  const wasm_func_t* make = wasm_extern_as_func(export_named(module, &exports, "make"));
  const wasm_func_t* read = wasm_extern_as_func(export_named(module, &exports, "read"));

  /* i31 in and out. */
  wasm_ref_t* i = wisp_ref_i31(store, -21);
  int32_t v = 0;
  CHECK(wisp_ref_i31_get(i, &v) && v == -21 && wisp_ref_any_kind(i) == WISP_ANYREF_I31);
  wasm_val_t a[1], r[1];
  a[0].kind = WISP_I31REF;
  a[0].of.ref = i;
  wasm_val_vec_t args = WASM_ARRAY_VEC(a), res = WASM_ARRAY_VEC(r);
  CHECK(wasm_func_call(twice, &args, &res) == NULL);
  CHECK(r[0].kind == WISP_I31REF && wisp_ref_i31_get(r[0].of.ref, &v) && v == -42);
  wasm_ref_delete(r[0].of.ref);
  wasm_ref_delete(i);

  /* A host object through anyref and back. */
  wasm_foreign_t* host = wasm_foreign_new(store);
  wasm_ref_t* any = wisp_ref_extern_to_any(store, wasm_foreign_as_ref(host));
  CHECK(any && wisp_ref_any_kind(any) == WISP_ANYREF_HOST);
  wasm_ref_t* back = wisp_ref_any_to_extern(store, any);
  CHECK(back && wasm_ref_same(back, wasm_foreign_as_ref(host)));
  wasm_ref_delete(back);
  wasm_ref_delete(any);
  a[0].kind = WASM_EXTERNREF;
  a[0].of.ref = wasm_foreign_as_ref(host);
  CHECK(wasm_func_call(intern, &args, &res) == NULL);
  CHECK(r[0].kind == WISP_ANYREF && wisp_ref_any_kind(r[0].of.ref) == WISP_ANYREF_HOST);
  a[0] = r[0];
  CHECK(wasm_func_call(extern_, &args, &res) == NULL);
  CHECK(r[0].kind == WASM_EXTERNREF && wasm_ref_same(r[0].of.ref, wasm_foreign_as_ref(host)));
  wasm_ref_delete(r[0].of.ref);
  wasm_ref_delete(a[0].of.ref);

  /* A struct held by the host across calls. */
  a[0].kind = WASM_I32;
  a[0].of.i32 = 1234;
  CHECK(wasm_func_call(make, &args, &res) == NULL);
  CHECK(r[0].kind == WISP_STRUCTREF && wisp_ref_any_kind(r[0].of.ref) == WISP_ANYREF_STRUCT);
  wasm_ref_t* s = r[0].of.ref;
  for (int k = 0; k < 300000; ++k) CHECK(wasm_func_call(make, &args, &res) == NULL && (wasm_ref_delete(r[0].of.ref), 1));
  /* 300,000 structs of 32 bytes: more than one collection's trigger (8 MiB), and the host holds only s. */
  wisp_gc_stats_t gs;
  wisp_store_gc_stats(store, &gs);
  CHECK(gs.collections >= 1 && gs.allocated_bytes >= 300000u * 32u && gs.freed_objects > 0);
  CHECK(gs.live_objects < 300000u && gs.live_bytes <= gs.heap_bytes);
  CHECK(gs.max_pause_ns > 0 && gs.total_pause_ns >= gs.max_pause_ns);
  a[0].kind = WISP_STRUCTREF;
  a[0].of.ref = s;
  wasm_trap_t* t = wasm_func_call(read, &args, &res);
  if (t) {
    wasm_message_t m;
    wasm_trap_message(t, &m);
    fprintf(stderr, "read: %s\n", m.data);
    wasm_byte_vec_delete(&m);
    wasm_trap_delete(t);
  }
  CHECK(t == NULL && r[0].of.i32 == 1234);
  wasm_ref_delete(s);

  wasm_foreign_delete(host);
  wasm_extern_vec_delete(&exports);
  wasm_instance_delete(instance);
  wasm_module_delete(module);
  wasm_store_delete(store);
  wasm_engine_delete(engine);
  return 0;
}
