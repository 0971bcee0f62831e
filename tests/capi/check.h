/* Shared helpers of the C API tests: CHECK aborts the test with a message; load_wat compiles text. */
#ifndef WISP_TESTS_CAPI_CHECK_H
#define WISP_TESTS_CAPI_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wasm.h"
#include "wisp.h"

#define CHECK(cond)                                                          \
  do {                                                                       \
    if (!(cond)) {                                                           \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      exit(1);                                                               \
    }                                                                        \
  } while (0)

/* Compiles a .wat module; fails the test on any error. */
static inline wasm_module_t* load_wat(wasm_store_t* store, const char* wat) {
  wasm_byte_vec_t binary;
  wisp_error_t* err = wisp_wat2wasm(wat, strlen(wat), &binary);
  if (err) {
    wasm_name_t msg;
    wisp_error_message(err, &msg);
    fprintf(stderr, "wat2wasm: %s\n", msg.data);
    exit(1);
  }
  wasm_module_t* module = NULL;
  err = wisp_module_new(store, &binary, &module);
  if (err) {
    wasm_name_t msg;
    wisp_error_message(err, &msg);
    fprintf(stderr, "module: %s\n", msg.data);
    exit(1);
  }
  wasm_byte_vec_delete(&binary);
  return module;
}

/* Whether a trap's message equals `expected`. */
static inline int trap_is(const wasm_trap_t* trap, const char* expected) {
  wasm_message_t msg;
  wasm_trap_message(trap, &msg);
  int same = msg.size == strlen(expected) + 1 && memcmp(msg.data, expected, msg.size) == 0;
  if (!same) fprintf(stderr, "trap message: \"%.*s\", expected \"%s\"\n", (int)msg.size, msg.data, expected);
  wasm_byte_vec_delete(&msg);
  return same;
}

/* The export `name` of an instance's exports by position in the module's export list. */
static inline wasm_extern_t* export_named(const wasm_module_t* module, const wasm_extern_vec_t* exports,
                                          const char* name) {
  wasm_exporttype_vec_t types;
  wasm_module_exports(module, &types);
  wasm_extern_t* found = NULL;
  for (size_t i = 0; i < types.size && i < exports->size; ++i) {
    const wasm_name_t* n = wasm_exporttype_name(types.data[i]);
    if (n->size == strlen(name) && memcmp(n->data, name, n->size) == 0) found = exports->data[i];
  }
  wasm_exporttype_vec_delete(&types);
  if (!found) {
    fprintf(stderr, "no export %s\n", name);
    exit(1);
  }
  return found;
}

#endif
