/* Threads: a module compiled once, shared (wasm_module_share) and obtained in one store per thread,
 * each thread instantiating it with its own host function and calling it concurrently. */
#include <pthread.h>
#include <stdint.h>

#include "check.h"

#define own

static const char* kWat =
    "(module (import \"host\" \"id\" (func $id (result i32)))\n"
    "  (func (export \"run\") (param i32) (result i32) (local $sum i32)\n"
    "    (loop $l\n"
    "      (local.set $sum (i32.add (local.get $sum) (call $id)))\n"
    "      (local.set 0 (i32.sub (local.get 0) (i32.const 1)))\n"
    "      (br_if $l (local.get 0)))\n"
    "    (local.get $sum)))\n";

enum { kThreads = 8, kRounds = 1000 };

static wasm_engine_t* g_engine;
static wasm_shared_module_t* g_shared;

static own wasm_trap_t* id_callback(void* env, const wasm_val_vec_t* args, wasm_val_vec_t* results) {
  (void)args;
  results->data[0].kind = WASM_I32;
  results->data[0].of.i32 = (int32_t)(intptr_t)env;
  return NULL;
}

static void* worker(void* arg) {
  intptr_t id = (intptr_t)arg;
  wasm_store_t* store = wasm_store_new(g_engine);
  wasm_module_t* module = wasm_module_obtain(store, g_shared);
  CHECK(module);
  wasm_functype_t* type = wasm_functype_new_0_1(wasm_valtype_new_i32());
  wasm_func_t* fn = wasm_func_new_with_env(store, type, id_callback, (void*)id, NULL);
  wasm_functype_delete(type);
  wasm_extern_t* ext[] = {wasm_func_as_extern(fn)};
  wasm_extern_vec_t imports = WASM_ARRAY_VEC(ext);
  wasm_instance_t* instance = wasm_instance_new(store, module, &imports, NULL);
  CHECK(instance);
  wasm_extern_vec_t exports;
  wasm_instance_exports(instance, &exports);
  wasm_val_t as[1] = {WASM_I32_VAL(kRounds)};
  wasm_val_t rs[1] = {WASM_INIT_VAL};
  wasm_val_vec_t args = WASM_ARRAY_VEC(as), results = WASM_ARRAY_VEC(rs);
  CHECK(wasm_func_call(wasm_extern_as_func(exports.data[0]), &args, &results) == NULL);
  CHECK(rs[0].of.i32 == (int32_t)id * kRounds);
  wasm_extern_vec_delete(&exports);
  wasm_instance_delete(instance);
  wasm_func_delete(fn);
  wasm_module_delete(module);
  wasm_store_delete(store);
  return NULL;
}

int main(void) {
  g_engine = wasm_engine_new();
  wasm_store_t* store = wasm_store_new(g_engine);
  wasm_module_t* module = load_wat(store, kWat);
  g_shared = wasm_module_share(module);
  wasm_module_delete(module);
  wasm_store_delete(store);

  pthread_t threads[kThreads];
  for (intptr_t i = 0; i < kThreads; ++i) CHECK(pthread_create(&threads[i], NULL, worker, (void*)(i + 1)) == 0);
  for (int i = 0; i < kThreads; ++i) CHECK(pthread_join(threads[i], NULL) == 0);

  /* A store of another engine cannot obtain the module. */
  wasm_engine_t* other = wasm_engine_new();
  wasm_store_t* other_store = wasm_store_new(other);
  CHECK(wasm_module_obtain(other_store, g_shared) == NULL);
  wasm_store_delete(other_store);
  wasm_engine_delete(other);

  wasm_shared_module_delete(g_shared);
  wasm_engine_delete(g_engine);
  printf("threads: ok\n");
  return 0;
}
