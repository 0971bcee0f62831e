/* Trap frames: wasm_frame_func_index, wasm_frame_func_offset, wasm_frame_module_offset and
 * wasm_frame_instance for a trap two Wasm frames deep, and for a deadline stopping a loop.
 *
 * The module is wabt's `wat2wasm` output for the text below, embedded as bytes so the offsets are those
 * `wasm-objdump -d` printed for it (a function's start is the byte after its code entry's size):
 *
 *   (module
 *     (import "host" "ok" (func $ok))
 *     (func $div (param i32 i32) (result i32)      ;; func[1] starts at 0x40
 *       (local i64)
 *       local.get 0 local.get 1 i32.div_u)         ;; 0x47: i32.div_u
 *     (func $mid (export "mid") (param i32) (result i32)   ;; func[2] starts at 0x4a
 *       call $ok                                   ;; 0x4b
 *       i32.const 10 local.get 0 call $div)        ;; 0x51: call 1
 *     (func (export "spin") (loop $l (br $l))))    ;; func[3] starts at 0x55; 0x56: loop
 */
#include "check.h"

#define own

static const unsigned char kWasm[] = {
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x0f, 0x03, 0x60, 0x00, 0x00, 0x60, 0x02,
    0x7f, 0x7f, 0x01, 0x7f, 0x60, 0x01, 0x7f, 0x01, 0x7f, 0x02, 0x0b, 0x01, 0x04, 0x68, 0x6f, 0x73,
    0x74, 0x02, 0x6f, 0x6b, 0x00, 0x00, 0x03, 0x04, 0x03, 0x01, 0x02, 0x00, 0x07, 0x0e, 0x02, 0x03,
    0x6d, 0x69, 0x64, 0x00, 0x02, 0x04, 0x73, 0x70, 0x69, 0x6e, 0x00, 0x03, 0x0a, 0x1e, 0x03, 0x09,
    0x01, 0x01, 0x7e, 0x20, 0x00, 0x20, 0x01, 0x6e, 0x0b, 0x0a, 0x00, 0x10, 0x00, 0x41, 0x0a, 0x20,
    0x00, 0x10, 0x01, 0x0b, 0x07, 0x00, 0x03, 0x40, 0x0c, 0x00, 0x0b, 0x0b};

static own wasm_trap_t* ok(const wasm_val_vec_t* args, wasm_val_vec_t* results) {
  (void)args;
  (void)results;
  return NULL;
}

/* Checks one frame: function index, module offset, function start (module_offset - func_offset). */
static void check_frame(const wasm_frame_t* f, uint32_t func_index, size_t module_offset, size_t func_start,
                        const wasm_instance_t* instance) {
  fprintf(stderr, "frame: func[%u] module_offset 0x%zx func_offset 0x%zx\n", wasm_frame_func_index(f),
          wasm_frame_module_offset(f), wasm_frame_func_offset(f));
  CHECK(wasm_frame_func_index(f) == func_index);
  CHECK(wasm_frame_module_offset(f) == module_offset);
  CHECK(wasm_frame_func_offset(f) + func_start == wasm_frame_module_offset(f));
  /* The frame's instance is the instance that ran it (same object, same exports). */
  const wasm_instance_t* fi = wasm_frame_instance(f);
  CHECK(fi != NULL);
  CHECK(wasm_instance_same(fi, instance));
  wasm_extern_vec_t a, b;
  wasm_instance_exports(fi, &a);
  wasm_instance_exports(instance, &b);
  CHECK(a.size == b.size && a.size == 2);
  CHECK(wasm_func_same(wasm_extern_as_func(a.data[0]), wasm_extern_as_func(b.data[0])));
  wasm_extern_vec_delete(&a);
  wasm_extern_vec_delete(&b);
}

static void run(bool explicit_checks) {
  wasm_config_t* config = wasm_config_new();
  wisp_config_interruptible(config, true);
  wisp_config_explicit_bounds_checks(config, explicit_checks);
  wasm_engine_t* engine = wasm_engine_new_with_config(config);
  wasm_store_t* store = wasm_store_new(engine);
  wasm_byte_vec_t binary;
  wasm_byte_vec_new(&binary, sizeof kWasm, (const char*)kWasm);
  wasm_module_t* module = wasm_module_new(store, &binary);
  wasm_byte_vec_delete(&binary);
  CHECK(module);

  wasm_functype_t* type = wasm_functype_new_0_0();
  wasm_func_t* host = wasm_func_new(store, type, ok);
  wasm_functype_delete(type);
  wasm_extern_t* imports_data[1] = {wasm_func_as_extern(host)};
  wasm_extern_vec_t imports = WASM_ARRAY_VEC(imports_data);
  wasm_instance_t* instance = wasm_instance_new(store, module, &imports, NULL);
  CHECK(instance);
  wasm_extern_vec_t exports;
  wasm_instance_exports(instance, &exports);
  const wasm_func_t* mid = wasm_extern_as_func(exports.data[0]);
  const wasm_func_t* spin = wasm_extern_as_func(exports.data[1]);

  /* mid(0): 10 / 0 traps in $div; $mid is the caller at its `call 1`. */
  wasm_val_t as[1] = {WASM_I32_VAL(0)};
  wasm_val_t rs[1] = {WASM_INIT_VAL};
  wasm_val_vec_t args = WASM_ARRAY_VEC(as), results = WASM_ARRAY_VEC(rs);
  wasm_trap_t* trap = wasm_func_call(mid, &args, &results);
  CHECK(trap && trap_is(trap, "integer divide by zero"));
  wasm_frame_vec_t trace;
  wasm_trap_trace(trap, &trace);
  CHECK(trace.size == 2);
  check_frame(trace.data[0], 1, 0x47, 0x40, instance);
  check_frame(trace.data[1], 2, 0x51, 0x4a, instance);
  /* The origin is the innermost frame; copies keep everything. */
  wasm_frame_t* origin = wasm_trap_origin(trap);
  CHECK(origin);
  wasm_frame_t* copy = wasm_frame_copy(origin);
  wasm_frame_delete(origin);
  check_frame(copy, 1, 0x47, 0x40, instance);
  wasm_frame_delete(copy);
  wasm_frame_vec_delete(&trace);
  wasm_trap_delete(trap);

  /* spin(): a deadline stops the loop at its header. */
  CHECK(wisp_store_set_deadline_ms(store, 30) == NULL);
  wasm_val_vec_t none = WASM_EMPTY_VEC;
  trap = wasm_func_call(spin, &none, &none);
  CHECK(trap && trap_is(trap, "deadline exceeded"));
  origin = wasm_trap_origin(trap);
  CHECK(origin);
  check_frame(origin, 3, 0x56, 0x55, instance);
  wasm_frame_delete(origin);
  wasm_trap_delete(trap);
  wisp_store_clear_deadline(store);

  wasm_extern_vec_delete(&exports);
  wasm_instance_delete(instance);
  wasm_func_delete(host);
  wasm_module_delete(module);
  wasm_store_delete(store);
  wasm_engine_delete(engine);
}

int main(void) {
  run(false);
  run(true);
  printf("frames: ok\n");
  return 0;
}
