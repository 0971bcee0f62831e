/* Hello callback, written against the standard <wasm.h> only: a host function imported by a module,
 * called back through an export; plain and env callbacks; function types and arities. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wasm.h"

#define own

#define CHECK(cond)                                                               \
  do {                                                                            \
    if (!(cond)) {                                                                \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);    \
      exit(1);                                                                    \
    }                                                                             \
  } while (0)

/* (module
 *   (import "host" "hello" (func $hello (param i32) (result i32)))
 *   (func (export "run") (param i32) (result i32)
 *     (i32.add (call $hello (local.get 0)) (i32.const 1))))   -- encoded by wabt's wat2wasm */
static const char kHelloWasm[] = {
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x06, 0x01, 0x60, 0x01, 0x7f, 0x01,
    0x7f, 0x02, 0x0e, 0x01, 0x04, 0x68, 0x6f, 0x73, 0x74, 0x05, 0x68, 0x65, 0x6c, 0x6c, 0x6f,
    0x00, 0x00, 0x03, 0x02, 0x01, 0x00, 0x07, 0x07, 0x01, 0x03, 0x72, 0x75, 0x6e, 0x00, 0x01,
    0x0a, 0x0b, 0x01, 0x09, 0x00, 0x20, 0x00, 0x10, 0x00, 0x41, 0x01, 0x6a, 0x0b};

static int calls = 0;

static own wasm_trap_t* hello_callback(const wasm_val_vec_t* args, wasm_val_vec_t* results) {
  ++calls;
  CHECK(args->size == 1 && args->data[0].kind == WASM_I32);
  CHECK(results->size == 1);
  results->data[0].kind = WASM_I32;
  results->data[0].of.i32 = args->data[0].of.i32 * 10;
  return NULL;
}

typedef struct {
  int multiplier;
  int calls;
} Env;

static own wasm_trap_t* env_callback(void* env, const wasm_val_vec_t* args, wasm_val_vec_t* results) {
  Env* e = (Env*)env;
  ++e->calls;
  results->data[0].kind = WASM_I32;
  results->data[0].of.i32 = args->data[0].of.i32 * e->multiplier;
  return NULL;
}

static int finalized = 0;
static void env_finalizer(void* env) {
  CHECK(((Env*)env)->multiplier == 7);
  ++finalized;
}

static int32_t call_run(wasm_store_t* store, wasm_module_t* module, wasm_func_t* import, int32_t arg) {
  wasm_extern_t* externs[] = {wasm_func_as_extern(import)};
  wasm_extern_vec_t imports = WASM_ARRAY_VEC(externs);
  own wasm_trap_t* trap = NULL;
  own wasm_instance_t* instance = wasm_instance_new(store, module, &imports, &trap);
  CHECK(instance != NULL && trap == NULL);

  own wasm_extern_vec_t exports;
  wasm_instance_exports(instance, &exports);
  CHECK(exports.size == 1);
  CHECK(wasm_extern_kind(exports.data[0]) == WASM_EXTERN_FUNC);
  const wasm_func_t* run = wasm_extern_as_func(exports.data[0]);
  CHECK(run != NULL);
  CHECK(wasm_extern_as_memory(exports.data[0]) == NULL);
  CHECK(wasm_func_param_arity(run) == 1 && wasm_func_result_arity(run) == 1);

  wasm_val_t as[1] = {WASM_I32_VAL(arg)};
  wasm_val_t rs[1] = {WASM_INIT_VAL};
  wasm_val_vec_t args = WASM_ARRAY_VEC(as);
  wasm_val_vec_t results = WASM_ARRAY_VEC(rs);
  own wasm_trap_t* call_trap = wasm_func_call(run, &args, &results);
  CHECK(call_trap == NULL);
  CHECK(rs[0].kind == WASM_I32);

  wasm_extern_vec_delete(&exports);
  wasm_instance_delete(instance);
  return rs[0].of.i32;
}

int main(void) {
  own wasm_engine_t* engine = wasm_engine_new();
  own wasm_store_t* store = wasm_store_new(engine);

  wasm_byte_vec_t binary;
  wasm_byte_vec_new(&binary, sizeof kHelloWasm, kHelloWasm);
  CHECK(wasm_module_validate(store, &binary));
  own wasm_module_t* module = wasm_module_new(store, &binary);
  CHECK(module != NULL);
  wasm_byte_vec_delete(&binary);

  own wasm_functype_t* type = wasm_functype_new_1_1(wasm_valtype_new_i32(), wasm_valtype_new_i32());
  own wasm_func_t* hello = wasm_func_new(store, type, hello_callback);
  CHECK(hello != NULL);
  CHECK(call_run(store, module, hello, 4) == 41);
  CHECK(call_run(store, module, hello, -3) == -29);
  CHECK(calls == 2);

  /* The host function called directly. */
  {
    wasm_val_t as[1] = {WASM_I32_VAL(5)};
    wasm_val_t rs[1] = {WASM_INIT_VAL};
    wasm_val_vec_t args = WASM_ARRAY_VEC(as), results = WASM_ARRAY_VEC(rs);
    CHECK(wasm_func_call(hello, &args, &results) == NULL);
    CHECK(rs[0].of.i32 == 50 && calls == 3);
  }

  /* The function type round-trips. */
  own wasm_functype_t* ft = wasm_func_type(hello);
  CHECK(wasm_functype_params(ft)->size == 1);
  CHECK(wasm_valtype_kind(wasm_functype_params(ft)->data[0]) == WASM_I32);
  CHECK(wasm_functype_results(ft)->size == 1);
  own wasm_functype_t* ft2 = wasm_functype_copy(ft);
  CHECK(wasm_externtype_kind(wasm_functype_as_externtype(ft2)) == WASM_EXTERN_FUNC);
  CHECK(wasm_externtype_as_functype(wasm_functype_as_externtype(ft2)) == ft2);
  CHECK(wasm_externtype_as_memorytype(wasm_functype_as_externtype(ft2)) == NULL);
  wasm_functype_delete(ft2);
  wasm_functype_delete(ft);

  /* With an environment and a finalizer (run when the store goes away). */
  Env env = {7, 0};
  own wasm_func_t* with_env = wasm_func_new_with_env(store, type, env_callback, &env, env_finalizer);
  CHECK(call_run(store, module, with_env, 3) == 22);
  CHECK(env.calls == 1);

  /* Copies are the same function. */
  own wasm_func_t* copy = wasm_func_copy(hello);
  CHECK(wasm_func_same(copy, hello));
  CHECK(!wasm_func_same(copy, with_env));
  wasm_func_delete(copy);

  wasm_functype_delete(type);
  wasm_func_delete(with_env);
  wasm_func_delete(hello);
  wasm_module_delete(module);
  CHECK(finalized == 0);
  wasm_store_delete(store);
  CHECK(finalized == 1);
  wasm_engine_delete(engine);
  printf("hello: ok\n");
  return 0;
}
