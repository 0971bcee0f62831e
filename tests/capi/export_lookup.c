/* wisp_instance_export: an export found by name, NULL for a name the instance does not export. */
#include "check.h"

int main(void) {
  wasm_engine_t* engine = wasm_engine_new();
  wasm_store_t* store = wasm_store_new(engine);
  wasm_module_t* module = load_wat(store,
      "(module (memory (export \"mem\") 1)"
      "  (func (export \"seven\") (result i32) (i32.const 7)))");
  wasm_extern_vec_t imports = WASM_EMPTY_VEC;
  wasm_instance_t* instance = wasm_instance_new(store, module, &imports, NULL);
  CHECK(instance);

  wasm_extern_t* f = wisp_instance_export(instance, "seven", 5);
  CHECK(f && wasm_extern_kind(f) == WASM_EXTERN_FUNC);
  wasm_val_t rs[1] = {WASM_INIT_VAL};
  wasm_val_vec_t args = WASM_EMPTY_VEC, results = WASM_ARRAY_VEC(rs);
  CHECK(wasm_func_call(wasm_extern_as_func(f), &args, &results) == NULL);
  CHECK(rs[0].of.i32 == 7);
  wasm_extern_t* m = wisp_instance_export(instance, "mem", 3);
  CHECK(m && wasm_extern_kind(m) == WASM_EXTERN_MEMORY);
  CHECK(wisp_instance_export(instance, "missing", 7) == NULL);
  CHECK(wisp_instance_export(instance, "seven", 4) == NULL);  /* "seve": lengths count, not NULs */

  wasm_extern_delete(f);
  wasm_extern_delete(m);
  wasm_instance_delete(instance);
  wasm_module_delete(module);
  wasm_store_delete(store);
  wasm_engine_delete(engine);
  puts("export lookup ok");
  return 0;
}
