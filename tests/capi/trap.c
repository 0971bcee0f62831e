/* Traps: a host callback's trap crossing Wasm frames, Wasm traps (unreachable, division by zero) with
 * their backtraces, endless recursion exhausting the stack without taking the host down, argument
 * errors, and traps created by the host. */
#include "check.h"

#define own

static const char* kWat =
    "(module\n"
    "  (import \"host\" \"fail\" (func $fail))\n"
    "  (func $inner (export \"call_fail\") (call $fail))\n"
    "  (func $outer (export \"outer\") (call $inner))\n"
    "  (func $boom (export \"boom\") (unreachable))\n"
    "  (func (export \"div\") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))\n"
    "  (func $rec (export \"recurse\") (param i32) (result i32)\n"
    "    (i32.add (call $rec (i32.add (local.get 0) (i32.const 1))) (i32.const 1))))\n";

static wasm_store_t* g_store;

static own wasm_trap_t* fail(const wasm_val_vec_t* args, wasm_val_vec_t* results) {
  (void)args;
  (void)results;
  wasm_message_t msg;
  wasm_name_new_from_string_nt(&msg, "host says no");
  wasm_trap_t* trap = wasm_trap_new(g_store, &msg);
  wasm_name_delete(&msg);
  return trap;
}

static wasm_trap_t* call(const wasm_func_t* f, wasm_val_t* as, size_t nargs, size_t nresults) {
  wasm_val_t rs[1] = {WASM_INIT_VAL};
  wasm_val_vec_t args = {nargs, as}, results = {nresults, rs};
  return wasm_func_call(f, &args, &results);
}

static int frame_is(const wasm_frame_t* f, const char* name, int verbose) {
  wasm_name_t n;
  wisp_frame_func_name(f, &n);
  int same = n.size == strlen(name) && memcmp(n.data, name, n.size) == 0;
  if (!same && verbose) fprintf(stderr, "frame: \"%.*s\", expected \"%s\"\n", (int)n.size, n.data, name);
  wasm_name_delete(&n);
  return same;
}

static int frame_named(const wasm_frame_t* f, const char* name) { return frame_is(f, name, 1); }

int main(void) {
  wasm_engine_t* engine = wasm_engine_new();
  wasm_store_t* store = wasm_store_new(engine);
  g_store = store;
  wasm_module_t* module = load_wat(store, kWat);
  wasm_functype_t* v2v = wasm_functype_new_0_0();
  wasm_func_t* fail_fn = wasm_func_new(store, v2v, fail);
  wasm_extern_t* ext[] = {wasm_func_as_extern(fail_fn)};
  wasm_extern_vec_t imports = WASM_ARRAY_VEC(ext);
  wasm_instance_t* instance = wasm_instance_new(store, module, &imports, NULL);
  CHECK(instance);
  wasm_extern_vec_t exports;
  wasm_instance_exports(instance, &exports);
  const wasm_func_t* outer = wasm_extern_as_func(export_named(module, &exports, "outer"));
  const wasm_func_t* boom = wasm_extern_as_func(export_named(module, &exports, "boom"));
  const wasm_func_t* div = wasm_extern_as_func(export_named(module, &exports, "div"));
  const wasm_func_t* recurse = wasm_extern_as_func(export_named(module, &exports, "recurse"));

  /* The host's trap, with its message, through two Wasm frames. */
  wasm_trap_t* trap = call(outer, NULL, 0, 0);
  CHECK(trap && trap_is(trap, "host says no"));
  wasm_frame_vec_t trace;
  wasm_trap_trace(trap, &trace);
  CHECK(trace.size >= 2);
  /* Innermost first: the Wasm callers of the host function, innermost to outermost. */
  size_t k = 0;
  while (k < trace.size && !frame_is(trace.data[k], "call_fail", 0)) ++k;
  CHECK(k + 1 < trace.size);
  CHECK(frame_named(trace.data[k + 1], "outer"));
  wasm_frame_t* origin = wasm_trap_origin(trap);
  CHECK(origin != NULL);
  wasm_frame_t* origin_copy = wasm_frame_copy(origin);
  CHECK(wasm_frame_func_offset(origin_copy) == 0 && wasm_frame_instance(origin_copy) == NULL);
  wasm_frame_delete(origin_copy);
  wasm_frame_delete(origin);
  wasm_frame_vec_delete(&trace);
  CHECK(!wisp_trap_is_exhaustion(trap));
  wasm_trap_delete(trap);

  /* unreachable: the origin is the trapping function. */
  trap = call(boom, NULL, 0, 0);
  CHECK(trap && trap_is(trap, "unreachable"));
  origin = wasm_trap_origin(trap);
  CHECK(origin && frame_named(origin, "boom"));
  wasm_frame_delete(origin);
  wasm_trap_delete(trap);

  /* Division by zero and overflow; a good call still works afterwards. */
  wasm_val_t as[2] = {WASM_I32_VAL(7), WASM_I32_VAL(0)};
  trap = call(div, as, 2, 1);
  CHECK(trap && trap_is(trap, "integer divide by zero"));
  wasm_trap_delete(trap);
  as[0].of.i32 = INT32_MIN;
  as[1].of.i32 = -1;
  trap = call(div, as, 2, 1);
  CHECK(trap && trap_is(trap, "integer overflow"));
  wasm_trap_delete(trap);
  {
    wasm_val_t ok_args[2] = {WASM_I32_VAL(-9), WASM_I32_VAL(2)};
    wasm_val_t rs[1] = {WASM_INIT_VAL};
    wasm_val_vec_t args = WASM_ARRAY_VEC(ok_args), results = WASM_ARRAY_VEC(rs);
    CHECK(wasm_func_call(div, &args, &results) == NULL && rs[0].of.i32 == -4);
  }

  /* Endless recursion: a trap, not a crash. */
  wasm_val_t r0[1] = {WASM_I32_VAL(0)};
  trap = call(recurse, r0, 1, 1);
  CHECK(trap && trap_is(trap, "call stack exhausted"));
  CHECK(wisp_trap_is_exhaustion(trap));
  wasm_trap_delete(trap);

  /* Wrong argument count or type: a trap, no call. */
  trap = call(div, as, 1, 1);
  CHECK(trap != NULL);
  wasm_trap_delete(trap);
  wasm_val_t bad[2] = {WASM_I64_VAL(1), WASM_I32_VAL(1)};
  trap = call(div, bad, 2, 1);
  CHECK(trap != NULL);
  wasm_trap_delete(trap);

  /* Host-made traps: message as given (NUL-terminated or not), no frames, copies are the same. */
  wasm_message_t msg;
  wasm_name_new_from_string(&msg, "plain");
  trap = wasm_trap_new(store, &msg);
  wasm_name_delete(&msg);
  CHECK(trap_is(trap, "plain"));
  CHECK(wasm_trap_origin(trap) == NULL);
  wasm_trap_trace(trap, &trace);
  CHECK(trace.size == 0);
  wasm_frame_vec_delete(&trace);
  wasm_trap_t* copy = wasm_trap_copy(trap);
  CHECK(wasm_trap_same(trap, copy));
  CHECK(wasm_ref_as_trap(wasm_trap_as_ref(copy)) == copy);
  CHECK(wasm_ref_as_func(wasm_trap_as_ref(copy)) == NULL);
  wasm_trap_delete(copy);
  wasm_trap_delete(trap);

  wasm_extern_vec_delete(&exports);
  wasm_instance_delete(instance);
  wasm_func_delete(fail_fn);
  wasm_functype_delete(v2v);
  wasm_module_delete(module);
  wasm_store_delete(store);
  wasm_engine_delete(engine);
  printf("trap: ok\n");
  return 0;
}
