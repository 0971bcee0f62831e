/* Exceptions through the C API (wisp.h extensions): a host-made tag imported by a module, an uncaught
 * Wasm exception read back as a trap with its tag and payload, and a caught one. */
#include "check.h"

static const char* kWat =
    "(module\n"
    "  (import \"host\" \"t\" (tag $t (param i32 f64)))\n"
    "  (tag $mine (export \"mine\") (param i64))\n"
    "  (func (export \"throw\") (param i32) (throw $t (local.get 0) (f64.const 0.5)))\n"
    "  (func (export \"throw_mine\") (throw $mine (i64.const -9)))\n"
    "  (func (export \"caught\") (result i32)\n"
    "    (block $h (result i32 f64)\n"
    "      (try_table (catch $t $h) (throw $t (i32.const 3) (f64.const 1)))\n"
    "      (unreachable))\n"
    "    (drop)))\n";

int main(void) {
  wasm_engine_t* engine = wasm_engine_new();
  wasm_store_t* store = wasm_store_new(engine);
  wasm_valtype_t* ps[] = {wasm_valtype_new(WASM_I32), wasm_valtype_new(WASM_F64)};
  wasm_valtype_vec_t params;
  wasm_valtype_vec_new(&params, 2, ps);
  wasm_extern_t* tag = wisp_tag_new(store, &params);
  wasm_valtype_vec_delete(&params); /* wisp_tag_new copies them */
  CHECK(tag && wasm_extern_kind(tag) == WISP_EXTERN_TAG);
  wasm_valtype_vec_t got;
  wisp_tag_params(tag, &got);
  CHECK(got.size == 2 && wasm_valtype_kind(got.data[0]) == WASM_I32 && wasm_valtype_kind(got.data[1]) == WASM_F64);
  wasm_valtype_vec_delete(&got);

  wasm_module_t* module = load_wat(store, kWat);
  wasm_extern_t* ext[] = {tag};
  wasm_extern_vec_t imports = WASM_ARRAY_VEC(ext);
  wasm_instance_t* instance = wasm_instance_new(store, module, &imports, NULL);
  CHECK(instance);
  wasm_extern_vec_t exports;
  wasm_instance_exports(instance, &exports);
  const wasm_func_t* thr = wasm_extern_as_func(export_named(module, &exports, "throw"));
  const wasm_func_t* thr_mine = wasm_extern_as_func(export_named(module, &exports, "throw_mine"));
  const wasm_func_t* caught = wasm_extern_as_func(export_named(module, &exports, "caught"));
  const wasm_extern_t* mine = export_named(module, &exports, "mine");
  CHECK(wasm_extern_kind(mine) == WISP_EXTERN_TAG);

  /* Uncaught: a trap that is an exception, with the imported tag and the payload. */
  wasm_val_t a[1] = {WASM_I32_VAL(41)};
  wasm_val_vec_t args = WASM_ARRAY_VEC(a), none = WASM_EMPTY_VEC;
  wasm_trap_t* trap = wasm_func_call(thr, &args, &none);
  CHECK(trap && wisp_trap_is_exception(trap));
  wasm_extern_t* which = wisp_trap_exception_tag(trap);
  CHECK(which && wasm_ref_same(wasm_extern_as_ref_const(which), wasm_extern_as_ref_const(tag)));
  CHECK(!wasm_ref_same(wasm_extern_as_ref_const(which), wasm_extern_as_ref_const(mine)));
  wasm_extern_delete(which);
  wasm_val_vec_t payload;
  wisp_trap_exception_payload(trap, &payload);
  CHECK(payload.size == 2 && payload.data[0].kind == WASM_I32 && payload.data[0].of.i32 == 41);
  CHECK(payload.data[1].kind == WASM_F64 && payload.data[1].of.f64 == 0.5);
  wasm_val_vec_delete(&payload);
  wasm_trap_delete(trap);

  trap = wasm_func_call(thr_mine, &none, &none);
  CHECK(trap && wisp_trap_is_exception(trap));
  which = wisp_trap_exception_tag(trap);
  CHECK(which && wasm_ref_same(wasm_extern_as_ref_const(which), wasm_extern_as_ref_const(mine)));
  wasm_extern_delete(which);
  wisp_trap_exception_payload(trap, &payload);
  CHECK(payload.size == 1 && payload.data[0].kind == WASM_I64 && payload.data[0].of.i64 == -9);
  wasm_val_vec_delete(&payload);
  wasm_trap_delete(trap);

  /* Caught inside Wasm: no trap. */
  wasm_val_t r[1] = {WASM_INIT_VAL};
  wasm_val_vec_t results = WASM_ARRAY_VEC(r);
  trap = wasm_func_call(caught, &none, &results);
  CHECK(!trap && r[0].of.i32 == 3);

  wasm_extern_vec_delete(&exports);
  wasm_instance_delete(instance);
  wasm_module_delete(module);
  wasm_extern_delete(tag);
  wasm_store_delete(store);
  wasm_engine_delete(engine);
  printf("exceptions: ok\n");
  return 0;
}
