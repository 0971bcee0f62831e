/* Start functions: one that runs during instantiation (its effect visible through a host call and an
 * exported global), and one that traps, making wasm_instance_new fail with the trap and its frames. */
#include "check.h"

#define own

static const char* kGoodWat =
    "(module\n"
    "  (import \"host\" \"started\" (func $started (param i32)))\n"
    "  (global $g (export \"g\") (mut i32) (i32.const 0))\n"
    "  (func $start (global.set $g (i32.const 17)) (call $started (i32.const 5)))\n"
    "  (start $start))\n";

static const char* kBadWat =
    "(module\n"
    "  (func (unreachable))\n"
    "  (func (call 0))\n"
    "  (start 1))\n";  /* no names, so frames show indices */

static int started_with = -1;

static own wasm_trap_t* started(const wasm_val_vec_t* args, wasm_val_vec_t* results) {
  (void)results;
  started_with = args->data[0].of.i32;
  return NULL;
}

int main(void) {
  wasm_engine_t* engine = wasm_engine_new();
  wasm_store_t* store = wasm_store_new(engine);

  wasm_module_t* good = load_wat(store, kGoodWat);
  wasm_functype_t* type = wasm_functype_new_1_0(wasm_valtype_new_i32());
  wasm_func_t* started_fn = wasm_func_new(store, type, started);
  wasm_extern_t* ext[] = {wasm_func_as_extern(started_fn)};
  wasm_extern_vec_t imports = WASM_ARRAY_VEC(ext);
  wasm_trap_t* trap = NULL;
  wasm_instance_t* instance = wasm_instance_new(store, good, &imports, &trap);
  CHECK(instance && !trap);
  CHECK(started_with == 5);
  wasm_extern_vec_t exports;
  wasm_instance_exports(instance, &exports);
  CHECK(exports.size == 1);
  wasm_val_t v;
  wasm_global_get(wasm_extern_as_global(exports.data[0]), &v);
  CHECK(v.of.i32 == 17);
  wasm_extern_vec_delete(&exports);
  wasm_instance_delete(instance);

  /* Too few imports: fails to link, reported as a trap. */
  wasm_extern_vec_t none = WASM_EMPTY_VEC;
  CHECK(wasm_instance_new(store, good, &none, &trap) == NULL);
  CHECK(trap != NULL);
  wasm_trap_delete(trap);
  trap = NULL;
  CHECK(wasm_instance_new(store, good, &none, NULL) == NULL);  /* a NULL trap pointer is allowed */

  wasm_module_t* bad = load_wat(store, kBadWat);
  CHECK(wasm_instance_new(store, bad, &none, &trap) == NULL);
  CHECK(trap && trap_is(trap, "unreachable"));
  wasm_frame_vec_t trace;
  wasm_trap_trace(trap, &trace);
  CHECK(trace.size == 2);
  /* Unnamed functions: the frames carry their indices, innermost first. */
  CHECK(wasm_frame_func_index(trace.data[0]) == 0);
  CHECK(wasm_frame_func_index(trace.data[1]) == 1);
  wasm_frame_vec_delete(&trace);
  wasm_trap_delete(trap);

  /* wisp_instance_new says what kind of failure it was. */
  wasm_instance_t* out = NULL;
  wisp_error_t* err = wisp_instance_new(store, bad, &none, &out);
  CHECK(err && !out && wisp_error_kind(err) == WISP_ERROR_TRAP);
  wisp_error_delete(err);
  err = wisp_instance_new(store, good, &none, &out);
  CHECK(err && !out && wisp_error_kind(err) == WISP_ERROR_UNLINKABLE);
  wisp_error_delete(err);

  wasm_module_delete(bad);
  wasm_func_delete(started_fn);
  wasm_functype_delete(type);
  wasm_module_delete(good);
  wasm_store_delete(store);
  wasm_engine_delete(engine);
  printf("start: ok\n");
  return 0;
}
