/* Store deadlines from C: wisp_store_set_deadline_ms stops an endless loop with "deadline exceeded"
 * soon after the deadline, an expired deadline keeps trapping until cleared, and an engine without
 * wisp_config_interruptible refuses deadlines. */
#define _POSIX_C_SOURCE 200809L /* clock_gettime under -std=c11 */
#include <time.h>

#include "check.h"

static const char* kWat =
    "(module (func (export \"forever\") (loop $l (br $l)))\n"
    "        (func (export \"one\") (result i32) (i32.const 1)))\n";

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static wasm_trap_t* call(const wasm_extern_t* f) {
  wasm_val_t rs[1] = {WASM_INIT_VAL};
  wasm_val_vec_t args = WASM_EMPTY_VEC, results = {0, rs};
  wasm_functype_t* type = wasm_func_type(wasm_extern_as_func_const(f));
  results.size = wasm_functype_results(type)->size;
  wasm_functype_delete(type);
  wasm_trap_t* trap = wasm_func_call(wasm_extern_as_func_const(f), &args, &results);
  if (!trap && results.size == 1) CHECK(rs[0].of.i32 == 1);
  return trap;
}

int main(void) {
  /* Not interruptible: an error, and nothing changes. */
  {
    wasm_engine_t* engine = wasm_engine_new();
    wasm_store_t* store = wasm_store_new(engine);
    wisp_error_t* err = wisp_store_set_deadline_ms(store, 10);
    CHECK(err != NULL && wisp_error_kind(err) == WISP_ERROR_USAGE);
    wisp_error_delete(err);
    wisp_store_clear_deadline(store);
    wasm_store_delete(store);
    wasm_engine_delete(engine);
  }

  wasm_config_t* config = wasm_config_new();
  wisp_config_interruptible(config, true);
  wasm_engine_t* engine = wasm_engine_new_with_config(config);
  wasm_store_t* store = wasm_store_new(engine);
  wasm_module_t* module = load_wat(store, kWat);
  wasm_extern_vec_t none = WASM_EMPTY_VEC;
  wasm_instance_t* instance = wasm_instance_new(store, module, &none, NULL);
  CHECK(instance);
  wasm_extern_vec_t exports;
  wasm_instance_exports(instance, &exports);
  const wasm_extern_t* forever = export_named(module, &exports, "forever");
  const wasm_extern_t* one = export_named(module, &exports, "one");

  /* An endless loop stops soon after its deadline (never before). */
  double start = now_ms();
  CHECK(wisp_store_set_deadline_ms(store, 100) == NULL);
  wasm_trap_t* trap = call(forever);
  double elapsed = now_ms() - start;
  CHECK(trap && trap_is(trap, "deadline exceeded"));
  wasm_trap_delete(trap);
  fprintf(stderr, "deadline 100 ms: stopped after %.1f ms\n", elapsed);
  CHECK(elapsed >= 100.0 && elapsed < 100.0 + 3000.0);

  /* Expired: later calls trap at their first check until the deadline is cleared. */
  trap = call(one);
  CHECK(trap && trap_is(trap, "deadline exceeded"));
  wasm_trap_delete(trap);
  wisp_store_clear_deadline(store);
  CHECK(call(one) == NULL);

  /* 0 ms: expired at once; a later deadline replaces it and the store runs again. */
  CHECK(wisp_store_set_deadline_ms(store, 0) == NULL);
  trap = call(one);
  CHECK(trap && trap_is(trap, "deadline exceeded"));
  wasm_trap_delete(trap);
  CHECK(wisp_store_set_deadline_ms(store, 60000) == NULL);
  CHECK(call(one) == NULL);

  /* Deleting a store with a pending deadline is fine. */
  wasm_extern_vec_delete(&exports);
  wasm_instance_delete(instance);
  wasm_module_delete(module);
  wasm_store_delete(store);
  wasm_engine_delete(engine);
  printf("deadline: ok\n");
  return 0;
}
