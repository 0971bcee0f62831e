/* wisp.h extensions: .wat errors, WASI (stdout captured, stdin from bytes, proc_exit's code, imports
 * resolved one by one or all at once) and store limits on memory growth. */
#include "check.h"

static const char* kWasiWat =
    "(module\n"
    "  (import \"wasi_snapshot_preview1\" \"fd_write\" (func $fd_write (param i32 i32 i32 i32) (result i32)))\n"
    "  (import \"wasi_snapshot_preview1\" \"fd_read\" (func $fd_read (param i32 i32 i32 i32) (result i32)))\n"
    "  (import \"wasi_snapshot_preview1\" \"proc_exit\" (func $exit (param i32)))\n"
    "  (memory (export \"memory\") 1)\n"
    "  (data (i32.const 100) \"hello\\n\")\n"
    "  (func (export \"_start\")\n"
    "    (i32.store (i32.const 0) (i32.const 100))\n"
    "    (i32.store (i32.const 4) (i32.const 6))\n"
    "    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))\n"
    "    (i32.store (i32.const 16) (i32.const 200))\n"
    "    (i32.store (i32.const 20) (i32.const 64))\n"
    "    (drop (call $fd_read (i32.const 0) (i32.const 16) (i32.const 1) (i32.const 24)))\n"
    "    (i32.store (i32.const 20) (i32.load (i32.const 24)))\n"
    "    (drop (call $fd_write (i32.const 1) (i32.const 16) (i32.const 1) (i32.const 8)))\n"
    "    (drop (call $fd_write (i32.const 2) (i32.const 0) (i32.const 1) (i32.const 8)))\n"
    "    (call $exit (i32.const 3))))\n";

static const char* kGrowWat =
    "(module (memory (export \"memory\") 1)\n"
    "  (func (export \"grow\") (param i32) (result i32) (memory.grow (local.get 0))))\n";

static const char* kDepthWat =
    "(module\n"
    "  (func $down (export \"down\") (param i32) (result i32)\n"
    "    (if (result i32) (local.get 0)\n"
    "      (then (i32.add (call $down (i32.sub (local.get 0) (i32.const 1))) (i32.const 1)))\n"
    "      (else (i32.const 0))))\n"
    "  (memory (export \"memory\") 1)\n"
    "  (func (export \"load\") (param i32) (result i32) (i32.load (local.get 0))))\n";

static wasm_trap_t* call_i32(const wasm_func_t* f, int32_t arg, int32_t* out) {
  wasm_val_t as[1] = {WASM_I32_VAL(arg)};
  wasm_val_t rs[1] = {WASM_INIT_VAL};
  wasm_val_vec_t args = WASM_ARRAY_VEC(as), results = WASM_ARRAY_VEC(rs);
  wasm_trap_t* trap = wasm_func_call(f, &args, &results);
  if (!trap) *out = rs[0].of.i32;
  return trap;
}

static int bytes_are(const wasm_byte_vec_t* v, const char* s) {
  int same = v->size == strlen(s) && memcmp(v->data, s, v->size) == 0;
  if (!same) fprintf(stderr, "got \"%.*s\", expected \"%s\"\n", (int)v->size, v->data, s);
  return same;
}

static void run_start(wasm_instance_t* instance, const wasm_module_t* module, const char* expect_out,
                      wasm_store_t* store) {
  wasm_extern_vec_t exports;
  wasm_instance_exports(instance, &exports);
  const wasm_func_t* start = wasm_extern_as_func(export_named(module, &exports, "_start"));
  wasm_val_vec_t none = WASM_EMPTY_VEC;
  wasm_trap_t* trap = wasm_func_call(start, &none, &none);
  /* proc_exit unwinds the guest as a trap carrying the code. */
  CHECK(trap != NULL);
  int code = -1;
  CHECK(wisp_trap_exit_code(trap, &code) && code == 3);
  wasm_trap_delete(trap);
  wasm_byte_vec_t out, err;
  wisp_store_wasi_stdout(store, &out);
  wisp_store_wasi_stderr(store, &err);
  CHECK(bytes_are(&out, expect_out));
  CHECK(bytes_are(&err, "hello\n"));
  wasm_byte_vec_delete(&out);
  wasm_byte_vec_delete(&err);
  wasm_extern_vec_delete(&exports);
}

static wisp_wasi_config_t* make_wasi(const char* input) {
  wisp_wasi_config_t* config = wisp_wasi_config_new();
  const char* argv[] = {"guest", "--flag"};
  wisp_wasi_config_set_args(config, 2, argv);
  wisp_wasi_config_set_env(config, "WISP_TEST", "1");
  wasm_byte_vec_t in;
  wasm_byte_vec_new(&in, strlen(input), input);
  wisp_wasi_config_set_stdin_bytes(config, &in);
  wasm_byte_vec_delete(&in);
  wisp_wasi_config_capture_stdout(config);
  wisp_wasi_config_capture_stderr(config);
  return config;
}

int main(void) {
  wasm_engine_t* engine = wasm_engine_new();

  /* .wat errors carry a position and the Malformed kind. */
  {
    wasm_byte_vec_t out;
    const char* bad = "(module (func (i32.bogus)))";
    wisp_error_t* err = wisp_wat2wasm(bad, strlen(bad), &out);
    CHECK(err != NULL && out.size == 0);
    CHECK(wisp_error_kind(err) == WISP_ERROR_MALFORMED);
    wasm_name_t msg;
    wisp_error_message(err, &msg);
    CHECK(msg.size > 1 && msg.data[msg.size - 1] == '\0');
    wasm_name_delete(&msg);
    wisp_error_delete(err);
  }

  /* WASI, imports resolved one by one. */
  {
    wasm_store_t* store = wasm_store_new(engine);
    wasm_module_t* module = load_wat(store, kWasiWat);
    wasm_importtype_vec_t types;
    wasm_module_imports(module, &types);
    /* Without a WASI context nothing resolves. */
    CHECK(wisp_store_wasi_import(store, types.data[0]) == NULL);
    CHECK(wisp_store_set_wasi(store, make_wasi("from stdin")) == NULL);
    wasm_extern_vec_t imports;
    wasm_extern_vec_new_uninitialized(&imports, types.size);
    for (size_t i = 0; i < types.size; ++i) {
      imports.data[i] = wisp_store_wasi_import(store, types.data[i]);
      CHECK(imports.data[i] != NULL && wasm_extern_kind(imports.data[i]) == WASM_EXTERN_FUNC);
    }
    wasm_trap_t* trap = NULL;
    wasm_instance_t* instance = wasm_instance_new(store, module, &imports, &trap);
    CHECK(instance && !trap);
    run_start(instance, module, "hello\nfrom stdin", store);
    wasm_instance_delete(instance);
    wasm_extern_vec_delete(&imports);
    wasm_importtype_vec_delete(&types);
    wasm_module_delete(module);
    wasm_store_delete(store);
  }

  /* WASI, all imports at once. */
  {
    wasm_store_t* store = wasm_store_new(engine);
    wasm_module_t* module = load_wat(store, kWasiWat);
    wasm_instance_t* instance = NULL;
    wisp_error_t* err = wisp_instance_new_wasi(store, module, &instance);
    CHECK(err && wisp_error_kind(err) == WISP_ERROR_USAGE);  /* no context yet */
    wisp_error_delete(err);
    CHECK(wisp_store_set_wasi(store, make_wasi("x")) == NULL);
    CHECK(wisp_instance_new_wasi(store, module, &instance) == NULL && instance);
    run_start(instance, module, "hello\nx", store);
    wasm_instance_delete(instance);
    wasm_module_delete(module);
    wasm_store_delete(store);
  }

  /* A preopen of a missing directory fails with an Io error. */
  {
    wasm_store_t* store = wasm_store_new(engine);
    wisp_wasi_config_t* config = wisp_wasi_config_new();
    wisp_wasi_config_preopen_dir(config, "/nonexistent/wisp-capi-test", "/data");
    wisp_error_t* err = wisp_store_set_wasi(store, config);
    CHECK(err && wisp_error_kind(err) == WISP_ERROR_IO);
    wisp_error_delete(err);
    wasm_store_delete(store);
  }

  /* Store limits: memory growth beyond max_memory_pages fails (-1 to the guest, false to the host). */
  {
    wasm_store_t* store = wasm_store_new(engine);
    wisp_store_limits_t limits = {0, 0, 0, 0};
    limits.max_memory_pages = 4;
    wisp_store_set_limits(store, &limits);
    wasm_module_t* module = load_wat(store, kGrowWat);
    wasm_extern_vec_t none = WASM_EMPTY_VEC;
    wasm_instance_t* instance = wasm_instance_new(store, module, &none, NULL);
    CHECK(instance);
    wasm_extern_vec_t exports;
    wasm_instance_exports(instance, &exports);
    wasm_memory_t* memory = wasm_extern_as_memory(export_named(module, &exports, "memory"));
    const wasm_func_t* grow = wasm_extern_as_func(export_named(module, &exports, "grow"));
    wasm_val_t as[1] = {WASM_I32_VAL(2)};
    wasm_val_t rs[1] = {WASM_INIT_VAL};
    wasm_val_vec_t args = WASM_ARRAY_VEC(as), results = WASM_ARRAY_VEC(rs);
    CHECK(wasm_func_call(grow, &args, &results) == NULL && rs[0].of.i32 == 1);
    CHECK(wasm_func_call(grow, &args, &results) == NULL && rs[0].of.i32 == -1);
    CHECK(wasm_memory_size(memory) == 3);
    CHECK(wasm_memory_grow(memory, 1));
    CHECK(!wasm_memory_grow(memory, 1));
    wasm_extern_vec_delete(&exports);
    wasm_instance_delete(instance);
    wasm_module_delete(module);
    wasm_store_delete(store);
  }

  /* Call depth limit and explicit bounds checks (an engine for hosts that own SIGSEGV). */
  {
    wasm_config_t* config = wasm_config_new();
    wisp_config_explicit_bounds_checks(config, true);
    wasm_engine_t* checked = wasm_engine_new_with_config(config);
    wasm_store_t* store = wasm_store_new(checked);
    wisp_store_limits_t limits = {0, 0, 0, 0};
    limits.max_call_depth = 100;
    wisp_store_set_limits(store, &limits);
    wasm_module_t* module = load_wat(store, kDepthWat);
    wasm_extern_vec_t none = WASM_EMPTY_VEC;
    wasm_instance_t* instance = wasm_instance_new(store, module, &none, NULL);
    CHECK(instance);
    wasm_extern_vec_t exports;
    wasm_instance_exports(instance, &exports);
    const wasm_func_t* down = wasm_extern_as_func(export_named(module, &exports, "down"));
    const wasm_func_t* load = wasm_extern_as_func(export_named(module, &exports, "load"));
    int32_t r = -1;
    CHECK(call_i32(down, 50, &r) == NULL && r == 50);
    wasm_trap_t* trap = call_i32(down, 1000, &r);
    CHECK(trap && wisp_trap_is_exhaustion(trap) && trap_is(trap, "call stack exhausted"));
    wasm_trap_delete(trap);
    CHECK(call_i32(load, 65532, &r) == NULL && r == 0);
    trap = call_i32(load, 65533, &r);
    CHECK(trap && trap_is(trap, "out of bounds memory access"));
    wasm_trap_delete(trap);
    wasm_extern_vec_delete(&exports);
    wasm_instance_delete(instance);
    wasm_module_delete(module);
    wasm_store_delete(store);
    wasm_engine_delete(checked);
  }

  /* Fuel needs an engine configured for it. */
  {
    wasm_store_t* store = wasm_store_new(engine);
    wisp_error_t* err = wisp_store_set_fuel(store, 10);
    CHECK(err && wisp_error_kind(err) == WISP_ERROR_USAGE);
    wisp_error_delete(err);
    wasm_store_delete(store);
    wasm_config_t* config = wasm_config_new();
    wisp_config_consume_fuel(config, true);
    wasm_engine_t* fuel_engine = wasm_engine_new_with_config(config);
    store = wasm_store_new(fuel_engine);
    CHECK(wisp_store_set_fuel(store, 1000) == NULL);
    uint64_t fuel = 0;
    CHECK(wisp_store_get_fuel(store, &fuel) == NULL && fuel == 1000);
    wasm_store_delete(store);
    wasm_engine_delete(fuel_engine);
  }

  wasm_engine_delete(engine);
  printf("wisp_ext: ok\n");
  return 0;
}
