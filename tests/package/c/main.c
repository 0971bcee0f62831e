/* A C embedder of an installed wisp through pkg-config: wasm.h plus wisp.h's .wat loading. */
#include <stdio.h>
#include <string.h>

#include "wisp.h"

int main(void) {
  const char* wat = "(module (func (export \"answer\") (result i32) (i32.const 42)))";
  wasm_engine_t* engine = wasm_engine_new();
  wasm_store_t* store = wasm_store_new(engine);
  wasm_byte_vec_t binary;
  wisp_error_t* err = wisp_wat2wasm(wat, strlen(wat), &binary);
  if (err) return 1;
  wasm_module_t* module = wasm_module_new(store, &binary);
  if (!module) return 2;
  wasm_extern_vec_t imports = WASM_EMPTY_VEC;
  wasm_instance_t* instance = wasm_instance_new(store, module, &imports, NULL);
  if (!instance) return 3;
  wasm_extern_vec_t exports;
  wasm_instance_exports(instance, &exports);
  if (exports.size != 1) return 4;
  wasm_func_t* answer = wasm_extern_as_func(exports.data[0]);
  wasm_val_t results_v[1] = {WASM_INIT_VAL};
  wasm_val_vec_t args = WASM_EMPTY_VEC, results = WASM_ARRAY_VEC(results_v);
  if (wasm_func_call(answer, &args, &results)) return 5;
  printf("answer() = %d with wisp %s\n", results_v[0].of.i32, WISP_VERSION_STRING);
  wasm_extern_vec_delete(&exports);
  wasm_instance_delete(instance);
  wasm_module_delete(module);
  wasm_byte_vec_delete(&binary);
  wasm_store_delete(store);
  wasm_engine_delete(engine);
  return 0;
}
