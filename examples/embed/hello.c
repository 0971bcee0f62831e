/* A module importing a host function, called through its export with the standard C API. */
#include <stdio.h>
#include <string.h>

#include "wasm.h"
#include "wisp.h"

static const char kWat[] =
    "(module (import \"host\" \"twice\" (func $twice (param i32) (result i32)))"
    "  (func (export \"run\") (param i32) (result i32)"
    "    (i32.add (call $twice (local.get 0)) (i32.const 1))))";

static wasm_trap_t* twice(const wasm_val_vec_t* args, wasm_val_vec_t* results) {
  results->data[0] = (wasm_val_t)WASM_I32_VAL(args->data[0].of.i32 * 2);
  return NULL;
}

int main(void) {
  wasm_engine_t* engine = wasm_engine_new();
  wasm_store_t* store = wasm_store_new(engine);
  wasm_byte_vec_t binary;
  if (wisp_wat2wasm(kWat, strlen(kWat), &binary)) return 1;
  wasm_module_t* module = wasm_module_new(store, &binary);
  wasm_byte_vec_delete(&binary);
  if (!module) return 1;

  wasm_functype_t* type = wasm_functype_new_1_1(wasm_valtype_new_i32(), wasm_valtype_new_i32());
  wasm_func_t* host = wasm_func_new(store, type, twice);
  wasm_functype_delete(type);
  wasm_extern_t* externs[] = {wasm_func_as_extern(host)};
  wasm_extern_vec_t imports = WASM_ARRAY_VEC(externs);
  wasm_instance_t* instance = wasm_instance_new(store, module, &imports, NULL);
  if (!instance) return 1;

  wasm_extern_vec_t exports;
  wasm_instance_exports(instance, &exports);
  wasm_val_t in[1] = {WASM_I32_VAL(20)}, out[1] = {WASM_INIT_VAL};
  wasm_val_vec_t args = WASM_ARRAY_VEC(in), results = WASM_ARRAY_VEC(out);
  wasm_trap_t* trap = wasm_func_call(wasm_extern_as_func(exports.data[0]), &args, &results);
  if (trap) return wasm_trap_delete(trap), 1;
  printf("run(20) = %d\n", out[0].of.i32);  /* 41 */

  wasm_extern_vec_delete(&exports);
  wasm_instance_delete(instance);
  wasm_func_delete(host);
  wasm_module_delete(module);
  wasm_store_delete(store);
  wasm_engine_delete(engine);
  return 0;
}
