/* 64-bit memories and tables through wisp.h (memory64, table64): u64 limits and the address type in
 * memory and table types, range checks, a host-made 64-bit memory grown past 4 GiB with its bytes
 * above 4 GiB reachable from C (only a few pages touched), and the clamped <wasm.h> views. */
#include "check.h"

int main(void) {
  wasm_engine_t* engine = wasm_engine_new();
  wasm_store_t* store = wasm_store_new(engine);

  /* Types: u64 limits and is64 round-trip; wasm.h's u32 view clamps. */
  wasm_memorytype_t* mt = wisp_memorytype_new64(1, true, (uint64_t)1 << 40, true);
  CHECK(mt && wisp_memorytype_is64(mt) && wisp_memorytype_minimum(mt) == 1);
  uint64_t max = 0;
  CHECK(wisp_memorytype_maximum(mt, &max) && max == (uint64_t)1 << 40);
  CHECK(wasm_memorytype_limits(mt)->min == 1 && wasm_memorytype_limits(mt)->max == 0xffffffffu);
  wasm_memorytype_t* copy = wasm_memorytype_copy(mt);
  CHECK(wisp_memorytype_is64(copy) && wisp_memorytype_maximum(copy, &max) && max == (uint64_t)1 << 40);
  wasm_memorytype_delete(copy);
  wasm_memorytype_delete(mt);
  CHECK(wisp_memorytype_new64(2, true, 1, true) == NULL);                 /* min > max */
  CHECK(wisp_memorytype_new64(65537, false, 0, false) == NULL);           /* past 4 GiB for 32 bits */
  CHECK(wisp_memorytype_new64(((uint64_t)1 << 48) + 1, false, 0, true) == NULL);
  wasm_limits_t l32 = {1, 2};
  mt = wasm_memorytype_new(&l32);
  CHECK(!wisp_memorytype_is64(mt) && wisp_memorytype_minimum(mt) == 1 && wisp_memorytype_maximum(mt, &max) && max == 2);
  wasm_memorytype_delete(mt);

  wasm_tabletype_t* tt = wisp_tabletype_new64(wasm_valtype_new(WASM_FUNCREF), 0x100000000ull, false, 0, true);
  CHECK(tt && wisp_tabletype_is64(tt) && wisp_tabletype_minimum(tt) == 0x100000000ull);
  CHECK(!wisp_tabletype_maximum(tt, &max));
  CHECK(wasm_tabletype_limits(tt)->min == 0xffffffffu);
  wasm_tabletype_delete(tt);
  CHECK(wisp_tabletype_new64(wasm_valtype_new(WASM_FUNCREF), 0x100000000ull, false, 0, false) == NULL);

  /* A 64-bit table: created, typed as such, grown. */
  tt = wisp_tabletype_new64(wasm_valtype_new(WASM_EXTERNREF), 2, true, 0x100000000ull, true);
  wasm_table_t* table = wasm_table_new(store, tt, NULL);
  wasm_tabletype_delete(tt);
  CHECK(table && wasm_table_size(table) == 2);
  CHECK(wasm_table_grow(table, 3, NULL) && wasm_table_size(table) == 5);
  tt = wasm_table_type(table);
  CHECK(wisp_tabletype_is64(tt) && wisp_tabletype_maximum(tt, &max) && max == 0x100000000ull);
  wasm_tabletype_delete(tt);
  /* A table larger than the store's limit is refused, not allocated. */
  tt = wisp_tabletype_new64(wasm_valtype_new(WASM_EXTERNREF), (uint64_t)1 << 40, false, 0, true);
  CHECK(wasm_table_new(store, tt, NULL) == NULL);
  wasm_tabletype_delete(tt);

  /* A 64-bit memory of 5 GiB: grown from 1 page, written and read above 4 GiB, sized in u64 pages. */
  mt = wisp_memorytype_new64(1, false, 0, true);
  wasm_memory_t* memory = wasm_memory_new(store, mt);
  wasm_memorytype_delete(mt);
  CHECK(memory);
  uint64_t prev = 0;
  CHECK(wisp_memory_grow64(memory, 81919, &prev) && prev == 1);
  CHECK(wisp_memory_size64(memory) == 81920 && wasm_memory_size(memory) == 81920);
  CHECK(wasm_memory_data_size(memory) == (size_t)5 << 30);
  byte_t* data = wasm_memory_data(memory);
  data[((size_t)5 << 30) - 1] = 7;
  data[(size_t)1 << 32] = 9;
  CHECK(data[((size_t)5 << 30) - 1] == 7 && data[(size_t)1 << 32] == 9 && data[((size_t)1 << 32) + 1] == 0);
  mt = wasm_memory_type(memory);
  CHECK(wisp_memorytype_is64(mt) && wisp_memorytype_minimum(mt) == 81920);
  wasm_memorytype_delete(mt);
  /* Past the store's default limit (16 GiB per memory): refused. */
  CHECK(!wisp_memory_grow64(memory, 262144, &prev));
  CHECK(wisp_memory_size64(memory) == 81920);

  wasm_memory_delete(memory);
  wasm_table_delete(table);
  wasm_store_delete(store);
  wasm_engine_delete(engine);
  printf("ok\n");
  return 0;
}
