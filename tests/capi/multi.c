/* Multi-value: a host callback taking and returning several values of every number kind, called from
 * Wasm, and a Wasm export returning several values to the host. */
#include "check.h"

#define own

static const char* kWat =
    "(module\n"
    "  (import \"host\" \"swap\" (func $swap (param i32 i64 f32 f64) (result f64 f32 i64 i32)))\n"
    "  (func (export \"roundtrip\") (param i32 i64 f32 f64) (result f64 f32 i64 i32)\n"
    "    (call $swap (local.get 0) (local.get 1) (local.get 2) (local.get 3)))\n"
    "  (func (export \"divmod\") (param i32 i32) (result i32 i32)\n"
    "    (i32.div_u (local.get 0) (local.get 1)) (i32.rem_u (local.get 0) (local.get 1))))\n";

static int calls = 0;

static own wasm_trap_t* swap(const wasm_val_vec_t* args, wasm_val_vec_t* results) {
  ++calls;
  CHECK(args->size == 4 && results->size == 4);
  CHECK(args->data[0].kind == WASM_I32 && args->data[1].kind == WASM_I64);
  CHECK(args->data[2].kind == WASM_F32 && args->data[3].kind == WASM_F64);
  /* Results arrive with their expected kinds. */
  CHECK(results->data[0].kind == WASM_F64 && results->data[3].kind == WASM_I32);
  results->data[0].of.f64 = args->data[3].of.f64 * 2;
  results->data[1].of.f32 = args->data[2].of.f32 * 2;
  results->data[2].of.i64 = args->data[1].of.i64 * 2;
  results->data[3].of.i32 = args->data[0].of.i32 * 2;
  return NULL;
}

int main(void) {
  wasm_engine_t* engine = wasm_engine_new();
  wasm_store_t* store = wasm_store_new(engine);
  wasm_module_t* module = load_wat(store, kWat);

  wasm_valtype_t* ps[4] = {wasm_valtype_new_i32(), wasm_valtype_new_i64(), wasm_valtype_new_f32(),
                           wasm_valtype_new_f64()};
  wasm_valtype_t* rs[4] = {wasm_valtype_new_f64(), wasm_valtype_new_f32(), wasm_valtype_new_i64(),
                           wasm_valtype_new_i32()};
  wasm_valtype_vec_t params, results;
  wasm_valtype_vec_new(&params, 4, ps);
  wasm_valtype_vec_new(&results, 4, rs);
  wasm_functype_t* type = wasm_functype_new(&params, &results);
  wasm_func_t* swap_fn = wasm_func_new(store, type, swap);
  wasm_functype_delete(type);
  CHECK(wasm_func_param_arity(swap_fn) == 4 && wasm_func_result_arity(swap_fn) == 4);

  wasm_extern_t* ext[] = {wasm_func_as_extern(swap_fn)};
  wasm_extern_vec_t imports = WASM_ARRAY_VEC(ext);
  wasm_instance_t* instance = wasm_instance_new(store, module, &imports, NULL);
  CHECK(instance);
  wasm_extern_vec_t exports;
  wasm_instance_exports(instance, &exports);
  const wasm_func_t* roundtrip = wasm_extern_as_func(export_named(module, &exports, "roundtrip"));
  const wasm_func_t* divmod = wasm_extern_as_func(export_named(module, &exports, "divmod"));

  wasm_val_t as[4] = {WASM_I32_VAL(1), WASM_I64_VAL(-2), WASM_F32_VAL(3.5f), WASM_F64_VAL(4.25)};
  wasm_val_t out[4] = {WASM_INIT_VAL, WASM_INIT_VAL, WASM_INIT_VAL, WASM_INIT_VAL};
  wasm_val_vec_t args = WASM_ARRAY_VEC(as), res = WASM_ARRAY_VEC(out);
  CHECK(wasm_func_call(roundtrip, &args, &res) == NULL);
  CHECK(calls == 1);
  CHECK(out[0].kind == WASM_F64 && out[0].of.f64 == 8.5);
  CHECK(out[1].kind == WASM_F32 && out[1].of.f32 == 7.0f);
  CHECK(out[2].kind == WASM_I64 && out[2].of.i64 == -4);
  CHECK(out[3].kind == WASM_I32 && out[3].of.i32 == 2);

  wasm_val_t dm_args[2] = {WASM_I32_VAL(47), WASM_I32_VAL(5)};
  wasm_val_t dm_out[2] = {WASM_INIT_VAL, WASM_INIT_VAL};
  wasm_val_vec_t a2 = WASM_ARRAY_VEC(dm_args), r2 = WASM_ARRAY_VEC(dm_out);
  CHECK(wasm_func_call(divmod, &a2, &r2) == NULL);
  CHECK(dm_out[0].of.i32 == 9 && dm_out[1].of.i32 == 2);

  /* A results vector of the wrong size is refused. */
  wasm_val_vec_t short_res = {1, dm_out};
  wasm_trap_t* trap = wasm_func_call(divmod, &a2, &short_res);
  CHECK(trap != NULL);
  wasm_trap_delete(trap);

  /* Owned value vectors: copy and delete. */
  wasm_val_vec_t owned, copy;
  wasm_val_vec_new(&owned, 4, out);
  wasm_val_vec_copy(&copy, &owned);
  CHECK(copy.size == 4 && copy.data[2].of.i64 == -4);
  wasm_val_vec_delete(&copy);
  wasm_val_vec_delete(&owned);

  wasm_extern_vec_delete(&exports);
  wasm_instance_delete(instance);
  wasm_func_delete(swap_fn);
  wasm_module_delete(module);
  wasm_store_delete(store);
  wasm_engine_delete(engine);
  printf("multi: ok\n");
  return 0;
}
