/* Globals: host-created globals imported (const and var, all number kinds), exported globals read and
 * written from the host and observed by Wasm, types, and rejected writes to constants. */
#include "check.h"

static const char* kWat =
    "(module\n"
    "  (global $ci (import \"host\" \"const_i32\") i32)\n"
    "  (global $vi64 (import \"host\" \"var_i64\") (mut i64))\n"
    "  (global $vf32 (import \"host\" \"var_f32\") (mut f32))\n"
    "  (global $f64 (export \"f64\") (mut f64) (f64.const 2.5))\n"
    "  (global (export \"const_i32\") i32 (i32.const 99))\n"
    "  (func (export \"get_ci\") (result i32) (global.get $ci))\n"
    "  (func (export \"get_vi64\") (result i64) (global.get $vi64))\n"
    "  (func (export \"set_vi64\") (param i64) (global.set $vi64 (local.get 0)))\n"
    "  (func (export \"get_vf32\") (result f32) (global.get $vf32))\n"
    "  (func (export \"get_f64\") (result f64) (global.get $f64))\n"
    "  (func (export \"set_f64\") (param f64) (global.set $f64 (local.get 0))))\n";

static wasm_val_t call0(const wasm_func_t* f) {
  wasm_val_t rs[1] = {WASM_INIT_VAL};
  wasm_val_vec_t args = WASM_EMPTY_VEC, results = WASM_ARRAY_VEC(rs);
  CHECK(wasm_func_call(f, &args, &results) == NULL);
  return rs[0];
}

static void call1(const wasm_func_t* f, wasm_val_t v) {
  wasm_val_t as[1] = {v};
  wasm_val_vec_t args = WASM_ARRAY_VEC(as), results = WASM_EMPTY_VEC;
  CHECK(wasm_func_call(f, &args, &results) == NULL);
}

int main(void) {
  wasm_engine_t* engine = wasm_engine_new();
  wasm_store_t* store = wasm_store_new(engine);
  wasm_module_t* module = load_wat(store, kWat);

  wasm_globaltype_t* const_i32_t = wasm_globaltype_new(wasm_valtype_new_i32(), WASM_CONST);
  wasm_globaltype_t* var_i64_t = wasm_globaltype_new(wasm_valtype_new_i64(), WASM_VAR);
  wasm_globaltype_t* var_f32_t = wasm_globaltype_new(wasm_valtype_new_f32(), WASM_VAR);
  wasm_val_t v1 = WASM_I32_VAL(1), v2 = WASM_I64_VAL(2), v3 = WASM_F32_VAL(3.5f);
  wasm_global_t* const_i32 = wasm_global_new(store, const_i32_t, &v1);
  wasm_global_t* var_i64 = wasm_global_new(store, var_i64_t, &v2);
  wasm_global_t* var_f32 = wasm_global_new(store, var_f32_t, &v3);
  CHECK(const_i32 && var_i64 && var_f32);

  /* A value of the wrong kind is refused. */
  CHECK(wasm_global_new(store, const_i32_t, &v2) == NULL);

  wasm_extern_t* externs[] = {wasm_global_as_extern(const_i32), wasm_global_as_extern(var_i64),
                              wasm_global_as_extern(var_f32)};
  wasm_extern_vec_t imports = WASM_ARRAY_VEC(externs);
  wasm_instance_t* instance = wasm_instance_new(store, module, &imports, NULL);
  CHECK(instance);
  wasm_extern_vec_t exports;
  wasm_instance_exports(instance, &exports);
  CHECK(exports.size == 8);

  wasm_global_t* f64 = wasm_extern_as_global(export_named(module, &exports, "f64"));
  wasm_global_t* exported_const = wasm_extern_as_global(export_named(module, &exports, "const_i32"));
  const wasm_func_t* get_ci = wasm_extern_as_func(export_named(module, &exports, "get_ci"));
  const wasm_func_t* get_vi64 = wasm_extern_as_func(export_named(module, &exports, "get_vi64"));
  const wasm_func_t* set_vi64 = wasm_extern_as_func(export_named(module, &exports, "set_vi64"));
  const wasm_func_t* get_vf32 = wasm_extern_as_func(export_named(module, &exports, "get_vf32"));
  const wasm_func_t* get_f64 = wasm_extern_as_func(export_named(module, &exports, "get_f64"));
  const wasm_func_t* set_f64 = wasm_extern_as_func(export_named(module, &exports, "set_f64"));
  CHECK(f64 && exported_const && get_ci && get_vi64 && set_vi64 && get_vf32 && get_f64 && set_f64);

  /* Types. */
  wasm_globaltype_t* t = wasm_global_type(f64);
  CHECK(wasm_valtype_kind(wasm_globaltype_content(t)) == WASM_F64);
  CHECK(wasm_globaltype_mutability(t) == WASM_VAR);
  wasm_globaltype_delete(t);
  t = wasm_global_type(exported_const);
  CHECK(wasm_valtype_kind(wasm_globaltype_content(t)) == WASM_I32 && wasm_globaltype_mutability(t) == WASM_CONST);
  wasm_globaltype_delete(t);

  /* Initial values seen by Wasm and by the host. */
  CHECK(call0(get_ci).of.i32 == 1);
  CHECK(call0(get_vi64).of.i64 == 2);
  CHECK(call0(get_vf32).of.f32 == 3.5f);
  CHECK(call0(get_f64).of.f64 == 2.5);
  wasm_val_t out;
  wasm_global_get(exported_const, &out);
  CHECK(out.kind == WASM_I32 && out.of.i32 == 99);

  /* Host writes are visible to Wasm, Wasm writes to the host. */
  wasm_val_t nv = WASM_I64_VAL(-77);
  wasm_global_set(var_i64, &nv);
  CHECK(call0(get_vi64).of.i64 == -77);
  call1(set_vi64, (wasm_val_t)WASM_I64_VAL(1234567890123LL));
  wasm_global_get(var_i64, &out);
  CHECK(out.kind == WASM_I64 && out.of.i64 == 1234567890123LL);
  wasm_val_t nf = WASM_F64_VAL(-0.25);
  wasm_global_set(f64, &nf);
  CHECK(call0(get_f64).of.f64 == -0.25);
  call1(set_f64, (wasm_val_t)WASM_F64_VAL(8.0));
  wasm_global_get(f64, &out);
  CHECK(out.kind == WASM_F64 && out.of.f64 == 8.0);

  /* Writes to a constant or of the wrong kind are ignored. */
  wasm_val_t ni = WASM_I32_VAL(5);
  wasm_global_set(const_i32, &ni);
  CHECK(call0(get_ci).of.i32 == 1);
  wasm_global_set(f64, &ni);
  wasm_global_get(f64, &out);
  CHECK(out.of.f64 == 8.0);

  wasm_extern_vec_delete(&exports);
  wasm_instance_delete(instance);
  wasm_global_delete(const_i32);
  wasm_global_delete(var_i64);
  wasm_global_delete(var_f32);
  wasm_globaltype_delete(const_i32_t);
  wasm_globaltype_delete(var_i64_t);
  wasm_globaltype_delete(var_f32_t);
  wasm_module_delete(module);
  wasm_store_delete(store);
  wasm_engine_delete(engine);
  printf("global: ok\n");
  return 0;
}
