/* Reflection and references: a module's imports and exports with their types, the types of instance
 * exports, serialize/deserialize, rejected binaries, and host references (foreign objects, functions)
 * passing through externref/funcref globals, tables and calls with their identity kept. */
#include "check.h"

#define own

static const char* kWat =
    "(module\n"
    "  (import \"env\" \"f\" (func (param i32 f64) (result i64)))\n"
    "  (import \"env\" \"g\" (global (mut f32)))\n"
    "  (import \"env\" \"t\" (table 1 5 externref))\n"
    "  (import \"env\" \"m\" (memory 2))\n"
    "  (func (export \"id\") (param externref) (result externref) (local.get 0))\n"
    "  (func (export \"fid\") (param funcref) (result funcref) (local.get 0))\n"
    "  (func (export \"tget\") (param i32) (result externref) (table.get 0 (local.get 0)))\n"
    "  (global (export \"eg\") (mut externref) (ref.null extern))\n"
    "  (table (export \"ft\") 3 funcref)\n"
    "  (export \"mem\" (memory 0)))\n";

static int name_is(const wasm_name_t* n, const char* s) {
  return n->size == strlen(s) && memcmp(n->data, s, n->size) == 0;
}

static own wasm_trap_t* unused(const wasm_val_vec_t* args, wasm_val_vec_t* results) {
  (void)args;
  results->data[0].of.i64 = 0;
  return NULL;
}

int main(void) {
  wasm_engine_t* engine = wasm_engine_new();
  wasm_store_t* store = wasm_store_new(engine);
  wasm_module_t* module = load_wat(store, kWat);

  /* Imports. */
  wasm_importtype_vec_t imports;
  wasm_module_imports(module, &imports);
  CHECK(imports.size == 4);
  CHECK(name_is(wasm_importtype_module(imports.data[0]), "env") && name_is(wasm_importtype_name(imports.data[0]), "f"));
  const wasm_functype_t* ft = wasm_externtype_as_functype_const(wasm_importtype_type(imports.data[0]));
  CHECK(ft && wasm_functype_params(ft)->size == 2 && wasm_functype_results(ft)->size == 1);
  CHECK(wasm_valtype_kind(wasm_functype_params(ft)->data[1]) == WASM_F64);
  CHECK(wasm_valtype_kind(wasm_functype_results(ft)->data[0]) == WASM_I64);
  const wasm_globaltype_t* gt = wasm_externtype_as_globaltype_const(wasm_importtype_type(imports.data[1]));
  CHECK(gt && wasm_valtype_kind(wasm_globaltype_content(gt)) == WASM_F32 && wasm_globaltype_mutability(gt) == WASM_VAR);
  const wasm_tabletype_t* tt = wasm_externtype_as_tabletype_const(wasm_importtype_type(imports.data[2]));
  CHECK(tt && wasm_valtype_kind(wasm_tabletype_element(tt)) == WASM_EXTERNREF);
  CHECK(wasm_valtype_is_ref(wasm_tabletype_element(tt)) && !wasm_valtype_is_num(wasm_tabletype_element(tt)));
  CHECK(wasm_tabletype_limits(tt)->min == 1 && wasm_tabletype_limits(tt)->max == 5);
  const wasm_memorytype_t* mt = wasm_externtype_as_memorytype_const(wasm_importtype_type(imports.data[3]));
  CHECK(mt && wasm_memorytype_limits(mt)->min == 2 && wasm_memorytype_limits(mt)->max == wasm_limits_max_default);
  wasm_importtype_vec_t imports_copy;
  wasm_importtype_vec_copy(&imports_copy, &imports);
  CHECK(imports_copy.size == 4 && name_is(wasm_importtype_name(imports_copy.data[3]), "m"));
  CHECK(wasm_externtype_kind(wasm_importtype_type(imports_copy.data[3])) == WASM_EXTERN_MEMORY);
  wasm_importtype_vec_delete(&imports_copy);

  /* Exports. */
  wasm_exporttype_vec_t exports;
  wasm_module_exports(module, &exports);
  CHECK(exports.size == 6);
  const char* names[6] = {"id", "fid", "tget", "eg", "ft", "mem"};
  wasm_externkind_t kinds[6] = {WASM_EXTERN_FUNC, WASM_EXTERN_FUNC, WASM_EXTERN_FUNC, WASM_EXTERN_GLOBAL,
                                WASM_EXTERN_TABLE, WASM_EXTERN_MEMORY};
  for (int i = 0; i < 6; ++i) {
    CHECK(name_is(wasm_exporttype_name(exports.data[i]), names[i]));
    CHECK(wasm_externtype_kind(wasm_exporttype_type(exports.data[i])) == kinds[i]);
  }
  CHECK(wasm_memorytype_limits(wasm_externtype_as_memorytype_const(wasm_exporttype_type(exports.data[5])))->min == 2);
  wasm_exporttype_vec_delete(&exports);

  /* Serialize: the binary; deserializing gives an equivalent module. */
  wasm_byte_vec_t serialized;
  wasm_module_serialize(module, &serialized);
  CHECK(serialized.size > 8 && memcmp(serialized.data, "\0asm", 4) == 0);
  wasm_module_t* module2 = wasm_module_deserialize(store, &serialized);
  CHECK(module2);
  wasm_module_exports(module2, &exports);
  CHECK(exports.size == 6);
  wasm_exporttype_vec_delete(&exports);
  CHECK(!wasm_module_same(module, module2));
  wasm_module_delete(module2);
  wasm_byte_vec_delete(&serialized);

  /* Rejected binaries. */
  wasm_byte_vec_t garbage;
  wasm_byte_vec_new(&garbage, 8, "\0asm\2\0\0\0");
  CHECK(!wasm_module_validate(store, &garbage));
  CHECK(wasm_module_new(store, &garbage) == NULL);
  wasm_module_t* none = NULL;
  wisp_error_t* err = wisp_module_new(store, &garbage, &none);
  CHECK(err && !none && wisp_error_kind(err) == WISP_ERROR_MALFORMED);
  wisp_error_delete(err);
  wasm_byte_vec_delete(&garbage);
  wasm_byte_vec_t invalid;
  err = wisp_wat2wasm("(module (func (result i32)))", 28, &invalid);
  CHECK(err == NULL);
  CHECK(!wasm_module_validate(store, &invalid));
  err = wisp_module_new(store, &invalid, &none);
  CHECK(err && wisp_error_kind(err) == WISP_ERROR_INVALID);
  wisp_error_delete(err);
  wasm_byte_vec_delete(&invalid);

  /* Instantiate with host objects matching the imports. */
  wasm_functype_t* f_type = wasm_functype_new_2_1(wasm_valtype_new_i32(), wasm_valtype_new_f64(), wasm_valtype_new_i64());
  wasm_func_t* f = wasm_func_new(store, f_type, unused);
  wasm_globaltype_t* g_type = wasm_globaltype_new(wasm_valtype_new_f32(), WASM_VAR);
  wasm_val_t g_init = WASM_F32_VAL(1.0f);
  wasm_global_t* g = wasm_global_new(store, g_type, &g_init);
  wasm_limits_t t_limits = {2, 5};
  wasm_tabletype_t* t_type = wasm_tabletype_new(wasm_valtype_new_externref(), &t_limits);
  wasm_foreign_t* foreign = wasm_foreign_new(store);
  wasm_foreign_set_host_info(foreign, (void*)0x1234);
  wasm_table_t* t = wasm_table_new(store, t_type, wasm_foreign_as_ref(foreign));
  wasm_limits_t m_limits = {2, wasm_limits_max_default};
  wasm_memorytype_t* m_type = wasm_memorytype_new(&m_limits);
  wasm_memory_t* m = wasm_memory_new(store, m_type);
  CHECK(f && g && t && m);
  wasm_extern_t* ext[] = {wasm_func_as_extern(f), wasm_global_as_extern(g), wasm_table_as_extern(t),
                          wasm_memory_as_extern(m)};
  wasm_extern_vec_t import_objs = WASM_ARRAY_VEC(ext);
  wasm_instance_t* instance = wasm_instance_new(store, module, &import_objs, NULL);
  CHECK(instance);
  wasm_extern_vec_t objs;
  wasm_instance_exports(instance, &objs);
  CHECK(objs.size == 6);

  /* Types of live objects. */
  wasm_externtype_t* et = wasm_extern_type(objs.data[5]);
  CHECK(wasm_externtype_kind(et) == WASM_EXTERN_MEMORY);
  CHECK(wasm_memorytype_limits(wasm_externtype_as_memorytype(et))->min == 2);
  CHECK(wasm_extern_same(objs.data[5], wasm_memory_as_extern(m)));  /* the re-exported import */
  wasm_externtype_delete(et);
  et = wasm_extern_type(objs.data[0]);
  CHECK(wasm_functype_params(wasm_externtype_as_functype(et))->size == 1);
  CHECK(wasm_valtype_kind(wasm_functype_params(wasm_externtype_as_functype(et))->data[0]) == WASM_EXTERNREF);
  wasm_externtype_delete(et);

  /* externref through a call keeps identity and host info. */
  const wasm_func_t* id = wasm_extern_as_func(objs.data[0]);
  wasm_val_t as[1] = {WASM_REF_VAL(wasm_foreign_as_ref(foreign))};
  wasm_val_t rs[1] = {WASM_INIT_VAL};
  wasm_val_vec_t args = WASM_ARRAY_VEC(as), results = WASM_ARRAY_VEC(rs);
  CHECK(wasm_func_call(id, &args, &results) == NULL);
  CHECK(rs[0].kind == WASM_EXTERNREF && rs[0].of.ref != NULL);
  CHECK(wasm_ref_same(rs[0].of.ref, wasm_foreign_as_ref(foreign)));
  CHECK(wasm_ref_get_host_info(rs[0].of.ref) == (void*)0x1234);
  CHECK(wasm_ref_as_foreign(rs[0].of.ref) != NULL);
  wasm_val_delete(&rs[0]);
  /* null stays null. */
  as[0].of.ref = NULL;
  CHECK(wasm_func_call(id, &args, &results) == NULL);
  CHECK(rs[0].kind == WASM_EXTERNREF && rs[0].of.ref == NULL);

  /* ... through the imported table (initialised with it), read by Wasm. */
  const wasm_func_t* tget = wasm_extern_as_func(objs.data[2]);
  wasm_val_t ti[1] = {WASM_I32_VAL(1)};
  wasm_val_vec_t targs = WASM_ARRAY_VEC(ti);
  CHECK(wasm_func_call(tget, &targs, &results) == NULL);
  CHECK(rs[0].of.ref && wasm_ref_same(rs[0].of.ref, wasm_foreign_as_ref(foreign)));
  wasm_val_delete(&rs[0]);

  /* ... through an exported externref global. */
  wasm_global_t* eg = wasm_extern_as_global(objs.data[3]);
  wasm_val_t gv;
  wasm_global_get(eg, &gv);
  CHECK(gv.kind == WASM_EXTERNREF && gv.of.ref == NULL);
  wasm_val_t nv = WASM_REF_VAL(wasm_foreign_as_ref(foreign));
  wasm_global_set(eg, &nv);
  wasm_global_get(eg, &gv);
  CHECK(gv.of.ref && wasm_ref_same(gv.of.ref, wasm_foreign_as_ref(foreign)));
  wasm_val_t gv_copy;
  wasm_val_copy(&gv_copy, &gv);
  CHECK(wasm_ref_same(gv_copy.of.ref, gv.of.ref));
  wasm_val_delete(&gv_copy);
  wasm_val_delete(&gv);

  /* A funcref through a call and the exported funcref table. */
  const wasm_func_t* fid = wasm_extern_as_func(objs.data[1]);
  wasm_val_t fa[1] = {{.kind = WASM_FUNCREF, .of = {.ref = wasm_func_as_ref(f)}}};
  wasm_val_vec_t fargs = WASM_ARRAY_VEC(fa);
  CHECK(wasm_func_call(fid, &fargs, &results) == NULL);
  CHECK(rs[0].kind == WASM_FUNCREF && rs[0].of.ref && wasm_ref_as_func(rs[0].of.ref));
  CHECK(wasm_func_same(wasm_ref_as_func(rs[0].of.ref), f));
  CHECK(wasm_func_param_arity(wasm_ref_as_func(rs[0].of.ref)) == 2);
  wasm_val_delete(&rs[0]);
  wasm_table_t* ftab = wasm_extern_as_table(objs.data[4]);
  CHECK(wasm_table_set(ftab, 2, wasm_func_as_ref(f)));
  wasm_ref_t* r = wasm_table_get(ftab, 2);
  CHECK(r && wasm_ref_same(r, wasm_func_as_ref(f)));
  wasm_ref_delete(r);
  /* A foreign object is not a function. */
  CHECK(!wasm_table_set(ftab, 0, wasm_foreign_as_ref(foreign)));

  wasm_extern_vec_delete(&objs);
  wasm_instance_delete(instance);
  wasm_memory_delete(m);
  wasm_memorytype_delete(m_type);
  wasm_table_delete(t);
  wasm_tabletype_delete(t_type);
  wasm_foreign_delete(foreign);
  wasm_global_delete(g);
  wasm_globaltype_delete(g_type);
  wasm_func_delete(f);
  wasm_functype_delete(f_type);
  wasm_importtype_vec_delete(&imports);
  wasm_module_delete(module);
  wasm_store_delete(store);
  wasm_engine_delete(engine);
  printf("reflect: ok\n");
  return 0;
}
