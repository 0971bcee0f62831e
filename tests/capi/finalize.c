/* Host info and finalizers: on instances, functions, globals, foreign objects, modules and traps;
 * shared by copies of a reference; replaced info finalized; store objects finalized with the store,
 * the others with their last reference. */
#include <stdint.h>

#include "check.h"

static const char* kWat =
    "(module (func (export \"f\")) (global (export \"g\") i32 (i32.const 1)))\n";

static int finalized[64];
static int finalized_count = 0;

static void finalize(void* data) {
  intptr_t i = (intptr_t)data;
  CHECK(i >= 0 && i < 64);
  ++finalized[i];
  ++finalized_count;
}

int main(void) {
  wasm_engine_t* engine = wasm_engine_new();
  wasm_store_t* store = wasm_store_new(engine);
  wasm_module_t* module = load_wat(store, kWat);

  /* Many instances, each finalized once, when the store dies (as in the standard's example). */
  enum { kInstances = 20 };
  for (intptr_t i = 0; i < kInstances; ++i) {
    wasm_extern_vec_t imports = WASM_EMPTY_VEC;
    wasm_instance_t* instance = wasm_instance_new(store, module, &imports, NULL);
    CHECK(instance);
    CHECK(wasm_instance_get_host_info(instance) == NULL);
    wasm_instance_set_host_info_with_finalizer(instance, (void*)i, finalize);
    CHECK(wasm_instance_get_host_info(instance) == (void*)i);
    wasm_instance_t* copy = wasm_instance_copy(instance);
    CHECK(wasm_instance_get_host_info(copy) == (void*)i);  /* the object's info, not the reference's */
    wasm_instance_delete(copy);
    wasm_instance_delete(instance);
  }
  CHECK(finalized_count == 0);

  /* Exports: host info is found again through a new reference to the same object. */
  wasm_extern_vec_t imports = WASM_EMPTY_VEC;
  wasm_instance_t* instance = wasm_instance_new(store, module, &imports, NULL);
  wasm_extern_vec_t exports;
  wasm_instance_exports(instance, &exports);
  wasm_func_t* f = wasm_extern_as_func(export_named(module, &exports, "f"));
  wasm_global_t* g = wasm_extern_as_global(export_named(module, &exports, "g"));
  wasm_func_set_host_info_with_finalizer(f, (void*)30, finalize);
  wasm_global_set_host_info(g, (void*)31);  /* no finalizer */
  wasm_extern_vec_t exports2;
  wasm_instance_exports(instance, &exports2);
  CHECK(wasm_func_get_host_info(wasm_extern_as_func(export_named(module, &exports2, "f"))) == (void*)30);
  CHECK(wasm_extern_get_host_info(export_named(module, &exports2, "g")) == (void*)31);
  CHECK(wasm_ref_get_host_info(wasm_func_as_ref(f)) == (void*)30);
  /* Replacing runs the previous finalizer. */
  wasm_func_set_host_info_with_finalizer(f, (void*)32, finalize);
  CHECK(finalized[30] == 1 && finalized_count == 1);
  wasm_extern_vec_delete(&exports2);
  wasm_extern_vec_delete(&exports);
  wasm_instance_delete(instance);

  /* Foreign objects and traps: finalized with their last reference. */
  wasm_foreign_t* foreign = wasm_foreign_new(store);
  wasm_foreign_set_host_info_with_finalizer(foreign, (void*)40, finalize);
  wasm_foreign_t* foreign2 = wasm_foreign_copy(foreign);
  CHECK(wasm_foreign_same(foreign, foreign2));
  wasm_foreign_t* other = wasm_foreign_new(store);
  CHECK(!wasm_foreign_same(foreign, other));
  wasm_foreign_delete(other);
  wasm_foreign_delete(foreign);
  CHECK(finalized[40] == 0);
  CHECK(wasm_foreign_get_host_info(foreign2) == (void*)40);
  wasm_foreign_delete(foreign2);
  CHECK(finalized[40] == 1);

  wasm_message_t msg;
  wasm_name_new_from_string_nt(&msg, "t");
  wasm_trap_t* trap = wasm_trap_new(store, &msg);
  wasm_name_delete(&msg);
  wasm_trap_set_host_info_with_finalizer(trap, (void*)41, finalize);
  wasm_trap_delete(trap);
  CHECK(finalized[41] == 1);

  /* Modules: shared with copies and with the shared form. */
  wasm_module_set_host_info_with_finalizer(module, (void*)42, finalize);
  wasm_shared_module_t* shared = wasm_module_share(module);
  wasm_module_delete(module);
  CHECK(finalized[42] == 0);
  wasm_module_t* again = wasm_module_obtain(store, shared);
  CHECK(again && wasm_module_get_host_info(again) == (void*)42);
  wasm_shared_module_delete(shared);
  wasm_module_delete(again);
  CHECK(finalized[42] == 1);

  /* The rest goes with the store: the instances and the function's current info. */
  int before = finalized_count;
  wasm_store_delete(store);
  CHECK(finalized_count == before + kInstances + 1);
  for (int i = 0; i < kInstances; ++i) CHECK(finalized[i] == 1);
  CHECK(finalized[32] == 1 && finalized[31] == 0);
  wasm_engine_delete(engine);
  printf("finalize: ok\n");
  return 0;
}
