/* Tables: an exported funcref table used by call_indirect, elements read and replaced from the host
 * (including a host function), null and out-of-bounds elements, growing, and a host-created table. */
#include "check.h"

static const char* kWat =
    "(module\n"
    "  (type $i2i (func (param i32) (result i32)))\n"
    "  (table (export \"table\") 2 10 funcref)\n"
    "  (elem (i32.const 0) $double)\n"
    "  (func $double (export \"double\") (type $i2i) (i32.mul (local.get 0) (i32.const 2)))\n"
    "  (func (export \"call_at\") (param i32 i32) (result i32)\n"
    "    (call_indirect (type $i2i) (local.get 1) (local.get 0)))\n"
    "  (func (export \"size\") (result i32) (table.size)))\n";

#define own

static own wasm_trap_t* negate(const wasm_val_vec_t* args, wasm_val_vec_t* results) {
  results->data[0].kind = WASM_I32;
  results->data[0].of.i32 = -args->data[0].of.i32;
  return NULL;
}

static wasm_trap_t* call_at(const wasm_func_t* f, int32_t index, int32_t arg, int32_t* out) {
  wasm_val_t as[2] = {WASM_I32_VAL(index), WASM_I32_VAL(arg)};
  wasm_val_t rs[1] = {WASM_INIT_VAL};
  wasm_val_vec_t args = WASM_ARRAY_VEC(as), results = WASM_ARRAY_VEC(rs);
  wasm_trap_t* trap = wasm_func_call(f, &args, &results);
  if (!trap) *out = rs[0].of.i32;
  return trap;
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
  wasm_table_t* table = wasm_extern_as_table(export_named(module, &exports, "table"));
  wasm_func_t* dbl = wasm_extern_as_func(export_named(module, &exports, "double"));
  const wasm_func_t* call = wasm_extern_as_func(export_named(module, &exports, "call_at"));
  const wasm_func_t* size = wasm_extern_as_func(export_named(module, &exports, "size"));
  CHECK(table && dbl && call && size);

  /* Type and size. */
  wasm_tabletype_t* tt = wasm_table_type(table);
  CHECK(wasm_valtype_kind(wasm_tabletype_element(tt)) == WASM_FUNCREF);
  CHECK(wasm_tabletype_limits(tt)->min == 2 && wasm_tabletype_limits(tt)->max == 10);
  wasm_tabletype_delete(tt);
  CHECK(wasm_table_size(table) == 2);

  /* Element 0 is the module's function; element 1 is null. */
  wasm_ref_t* e0 = wasm_table_get(table, 0);
  CHECK(e0 != NULL);
  wasm_func_t* f0 = wasm_ref_as_func(e0);
  CHECK(f0 && wasm_func_same(f0, dbl));
  CHECK(wasm_ref_as_memory(e0) == NULL);
  wasm_ref_delete(e0);
  CHECK(wasm_table_get(table, 1) == NULL);
  CHECK(wasm_table_get(table, 2) == NULL);  /* out of bounds */

  int32_t result = 0;
  CHECK(call_at(call, 0, 21, &result) == NULL && result == 42);
  wasm_trap_t* trap = call_at(call, 1, 1, &result);
  CHECK(trap && trap_is(trap, "uninitialized element"));
  wasm_trap_delete(trap);
  trap = call_at(call, 2, 1, &result);
  CHECK(trap && trap_is(trap, "undefined element"));
  wasm_trap_delete(trap);

  /* A host function placed in the table is callable through call_indirect. */
  wasm_functype_t* i2i = wasm_functype_new_1_1(wasm_valtype_new_i32(), wasm_valtype_new_i32());
  wasm_func_t* neg = wasm_func_new(store, i2i, negate);
  CHECK(wasm_table_set(table, 1, wasm_func_as_ref(neg)));
  CHECK(call_at(call, 1, 5, &result) == NULL && result == -5);
  CHECK(!wasm_table_set(table, 2, wasm_func_as_ref(neg)));  /* out of bounds */

  /* A function of the wrong type traps with the spec's message. */
  wasm_functype_t* v2v = wasm_functype_new_0_0();
  wasm_func_t* wrong = wasm_func_new(store, v2v, negate);
  CHECK(wasm_table_set(table, 1, wasm_func_as_ref(wrong)));
  trap = call_at(call, 1, 5, &result);
  CHECK(trap && trap_is(trap, "indirect call type mismatch"));
  wasm_trap_delete(trap);

  /* Setting null clears. */
  CHECK(wasm_table_set(table, 1, NULL));
  CHECK(wasm_table_get(table, 1) == NULL);

  /* Grow with an initial element, up to the maximum. */
  CHECK(wasm_table_grow(table, 3, wasm_func_as_ref(neg)));
  CHECK(wasm_table_size(table) == 5);
  wasm_val_t rs[1] = {WASM_INIT_VAL};
  wasm_val_vec_t no_args = WASM_EMPTY_VEC, results = WASM_ARRAY_VEC(rs);
  CHECK(wasm_func_call(size, &no_args, &results) == NULL && rs[0].of.i32 == 5);
  CHECK(call_at(call, 4, 9, &result) == NULL && result == -9);
  CHECK(!wasm_table_grow(table, 6, NULL));
  CHECK(wasm_table_grow(table, 5, NULL));
  CHECK(wasm_table_size(table) == 10);

  /* A host table. */
  wasm_limits_t limits = {3, wasm_limits_max_default};
  wasm_tabletype_t* host_tt = wasm_tabletype_new(wasm_valtype_new_funcref(), &limits);
  wasm_table_t* host_table = wasm_table_new(store, host_tt, wasm_func_as_ref(dbl));
  CHECK(host_table && wasm_table_size(host_table) == 3);
  wasm_ref_t* e2 = wasm_table_get(host_table, 2);
  CHECK(e2 && wasm_ref_same(e2, wasm_func_as_ref(dbl)));
  wasm_ref_delete(e2);
  wasm_tabletype_t* host_tt2 = wasm_table_type(host_table);
  CHECK(wasm_tabletype_limits(host_tt2)->max == wasm_limits_max_default);
  wasm_tabletype_delete(host_tt2);

  wasm_table_delete(host_table);
  wasm_tabletype_delete(host_tt);
  wasm_func_delete(wrong);
  wasm_functype_delete(v2v);
  wasm_func_delete(neg);
  wasm_functype_delete(i2i);
  wasm_extern_vec_delete(&exports);
  wasm_instance_delete(instance);
  wasm_module_delete(module);
  wasm_store_delete(store);
  wasm_engine_delete(engine);
  printf("table: ok\n");
  return 0;
}
