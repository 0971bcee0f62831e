/* Memories: an exported memory read and written from both sides, size/data_size, grow up to the
 * maximum and refused past it, out-of-bounds accesses trapping, and a host memory imported. */
#include "check.h"

static const char* kWat =
    "(module\n"
    "  (memory (export \"memory\") 2 3)\n"
    "  (func (export \"size\") (result i32) (memory.size))\n"
    "  (func (export \"load\") (param i32) (result i32) (i32.load8_s (local.get 0)))\n"
    "  (func (export \"store\") (param i32 i32) (i32.store8 (local.get 0) (local.get 1)))\n"
    "  (data (i32.const 0x1000) \"\\01\\02\\03\\04\"))\n";

static const char* kImportWat =
    "(module\n"
    "  (import \"host\" \"mem\" (memory 1))\n"
    "  (func (export \"load\") (param i32) (result i32) (i32.load (local.get 0)))\n"
    "  (func (export \"grow\") (param i32) (result i32) (memory.grow (local.get 0))))\n";

static wasm_trap_t* call(const wasm_func_t* f, int32_t a, int32_t b, int nargs, wasm_val_t* result) {
  wasm_val_t as[2] = {WASM_I32_VAL(a), WASM_I32_VAL(b)};
  wasm_val_t rs[1] = {WASM_INIT_VAL};
  wasm_val_vec_t args = {(size_t)nargs, as};
  wasm_val_vec_t results = {result ? 1u : 0u, rs};
  wasm_trap_t* trap = wasm_func_call(f, &args, &results);
  if (result) *result = rs[0];
  return trap;
}

static int32_t call_i32(const wasm_func_t* f, int32_t a, int nargs) {
  wasm_val_t r;
  wasm_trap_t* trap = call(f, a, 0, nargs, &r);
  CHECK(trap == NULL);
  CHECK(r.kind == WASM_I32);
  return r.of.i32;
}

int main(void) {
  wasm_engine_t* engine = wasm_engine_new();
  wasm_store_t* store = wasm_store_new(engine);
  wasm_module_t* module = load_wat(store, kWat);
  wasm_extern_vec_t imports = WASM_EMPTY_VEC;
  wasm_instance_t* instance = wasm_instance_new(store, module, &imports, NULL);
  CHECK(instance);
  wasm_extern_vec_t exports;
  wasm_instance_exports(instance, &exports);
  wasm_memory_t* memory = wasm_extern_as_memory(export_named(module, &exports, "memory"));
  const wasm_func_t* size = wasm_extern_as_func(export_named(module, &exports, "size"));
  const wasm_func_t* load = wasm_extern_as_func(export_named(module, &exports, "load"));
  const wasm_func_t* store_fn = wasm_extern_as_func(export_named(module, &exports, "store"));
  CHECK(memory && size && load && store_fn);

  /* Size, data, type. */
  CHECK(wasm_memory_size(memory) == 2);
  CHECK(wasm_memory_data_size(memory) == 2 * MEMORY_PAGE_SIZE);
  CHECK(call_i32(size, 0, 0) == 2);
  byte_t* data = wasm_memory_data(memory);
  CHECK(data[0] == 0 && data[0x1000] == 1 && data[0x1003] == 4);
  wasm_memorytype_t* mt = wasm_memory_type(memory);
  CHECK(wasm_memorytype_limits(mt)->min == 2 && wasm_memorytype_limits(mt)->max == 3);
  wasm_memorytype_delete(mt);

  /* Both directions. */
  CHECK(call_i32(load, 0x1002, 1) == 3);
  data[0x1002] = 42;
  CHECK(call_i32(load, 0x1002, 1) == 42);
  CHECK(call(store_fn, 0x20, -5, 2, NULL) == NULL);
  CHECK(wasm_memory_data(memory)[0x20] == (byte_t)-5);

  /* Out of bounds: the last byte is fine, one past it traps. */
  CHECK(call_i32(load, 0x1ffff, 1) == 0);
  wasm_val_t r;
  wasm_trap_t* trap = call(load, 0x20000, 0, 1, &r);
  CHECK(trap && trap_is(trap, "out of bounds memory access"));
  wasm_trap_delete(trap);
  trap = call(store_fn, 0x20000, 1, 2, NULL);
  CHECK(trap && trap_is(trap, "out of bounds memory access"));
  wasm_trap_delete(trap);

  /* Grow to the maximum, not past it. */
  CHECK(wasm_memory_grow(memory, 1));
  CHECK(wasm_memory_size(memory) == 3 && call_i32(size, 0, 0) == 3);
  CHECK(wasm_memory_data_size(memory) == 3 * MEMORY_PAGE_SIZE);
  CHECK(call_i32(load, 0x20000, 1) == 0);  /* the new page is accessible and zeroed */
  CHECK(!wasm_memory_grow(memory, 1));
  CHECK(wasm_memory_size(memory) == 3);
  CHECK(wasm_memory_grow(memory, 0));
  trap = call(load, 0x30000, 0, 1, &r);
  CHECK(trap && trap_is(trap, "out of bounds memory access"));
  wasm_trap_delete(trap);

  /* A host memory imported by another module. */
  wasm_limits_t limits = {1, 2};
  wasm_memorytype_t* host_t = wasm_memorytype_new(&limits);
  wasm_memory_t* host_mem = wasm_memory_new(store, host_t);
  CHECK(host_mem && wasm_memory_size(host_mem) == 1);
  memcpy(wasm_memory_data(host_mem) + 8, "\x78\x56\x34\x12", 4);
  wasm_module_t* importer = load_wat(store, kImportWat);
  wasm_extern_t* ext[] = {wasm_memory_as_extern(host_mem)};
  wasm_extern_vec_t imports2 = WASM_ARRAY_VEC(ext);
  wasm_instance_t* instance2 = wasm_instance_new(store, importer, &imports2, NULL);
  CHECK(instance2);
  wasm_extern_vec_t exports2;
  wasm_instance_exports(instance2, &exports2);
  const wasm_func_t* load2 = wasm_extern_as_func(export_named(importer, &exports2, "load"));
  const wasm_func_t* grow2 = wasm_extern_as_func(export_named(importer, &exports2, "grow"));
  CHECK(call_i32(load2, 8, 1) == 0x12345678);
  CHECK(call_i32(grow2, 1, 1) == 1);  /* Wasm grows the host's memory */
  CHECK(wasm_memory_size(host_mem) == 2);
  CHECK(call_i32(grow2, 1, 1) == -1); /* past the host type's maximum */

  /* An import whose limits do not match fails to link. */
  wasm_limits_t small = {0, 0};
  wasm_memorytype_t* small_t = wasm_memorytype_new(&small);
  wasm_memory_t* small_mem = wasm_memory_new(store, small_t);
  CHECK(small_mem && wasm_memory_size(small_mem) == 0 && !wasm_memory_grow(small_mem, 1));
  wasm_extern_t* ext3[] = {wasm_memory_as_extern(small_mem)};
  wasm_extern_vec_t imports3 = WASM_ARRAY_VEC(ext3);
  wasm_trap_t* link_trap = NULL;
  CHECK(wasm_instance_new(store, importer, &imports3, &link_trap) == NULL);
  CHECK(link_trap != NULL);
  wasm_trap_delete(link_trap);

  wasm_memory_delete(small_mem);
  wasm_memorytype_delete(small_t);
  wasm_extern_vec_delete(&exports2);
  wasm_instance_delete(instance2);
  wasm_module_delete(importer);
  wasm_memory_delete(host_mem);
  wasm_memorytype_delete(host_t);
  wasm_extern_vec_delete(&exports);
  wasm_instance_delete(instance);
  wasm_module_delete(module);
  wasm_store_delete(store);
  wasm_engine_delete(engine);
  printf("memory: ok\n");
  return 0;
}
