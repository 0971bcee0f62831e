/* wisp extensions to the standard C API <wasm.h>: error details, .wat loading, engine settings, fuel,
 * interrupts, store limits and WASI. Same ownership conventions as <wasm.h>. */
#ifndef WISP_H
#define WISP_H

#include "wasm.h"
#include "wisp/version.h"

#ifdef __cplusplus
extern "C" {
#endif

#define own

/* Kind of value types wisp supports beyond the standard's (module reflection may report it). */
#define WISP_V128 ((wasm_valkind_t)4)
/* exnref (exceptions): a reference to an exception; the embedder sees only whether it is null. */
#define WISP_EXNREF ((wasm_valkind_t)130)
/* GC references (Wasm 3.0): anyref and its abstract subtypes (a concrete struct or array type is
 * reported as structref / arrayref). */
#define WISP_ANYREF ((wasm_valkind_t)131)
#define WISP_EQREF ((wasm_valkind_t)132)
#define WISP_I31REF ((wasm_valkind_t)133)
#define WISP_STRUCTREF ((wasm_valkind_t)134)
#define WISP_ARRAYREF ((wasm_valkind_t)135)
/* A wasm_val_t of a GC kind (or an externref made by extern.convert_any) holds a wasm_ref_t that keeps
 * its object alive until deleted. Null is a NULL ref. */
WASM_API_EXTERN own wasm_ref_t* wisp_ref_i31(wasm_store_t*, int32_t value);
/* The i31 value of a reference (sign-extended); false when it holds no i31. */
WASM_API_EXTERN bool wisp_ref_i31_get(const wasm_ref_t*, int32_t* out);
/* What an anyref holds. */
typedef uint8_t wisp_anyref_kind_t;
enum wisp_anyref_kind_enum { WISP_ANYREF_NONE, WISP_ANYREF_I31, WISP_ANYREF_STRUCT, WISP_ANYREF_ARRAY, WISP_ANYREF_HOST };
WASM_API_EXTERN wisp_anyref_kind_t wisp_ref_any_kind(const wasm_ref_t*);
/* any.convert_extern / extern.convert_any: an anyref holding an externref (any wasm_ref_t passed as an
 * externref), and back. NULL for NULL, or when the GC heap limit is reached. */
WASM_API_EXTERN own wasm_ref_t* wisp_ref_extern_to_any(wasm_store_t*, const wasm_ref_t* externref);
WASM_API_EXTERN own wasm_ref_t* wisp_ref_any_to_extern(wasm_store_t*, const wasm_ref_t* anyref);
/* Extern kind of tags (exceptions), which <wasm.h> does not have. */
#define WISP_EXTERN_TAG ((wasm_externkind_t)4)

/* ---- Errors -------------------------------------------------------------------------------------- */

/* An error: kind and message. */
typedef struct wisp_error_t wisp_error_t;

typedef uint8_t wisp_error_kind_t;
enum wisp_error_kind_enum {
  WISP_ERROR_MALFORMED,   /* not a well-formed module (binary or text) */
  WISP_ERROR_INVALID,     /* well-formed but fails validation */
  WISP_ERROR_UNLINKABLE,  /* imports do not match */
  WISP_ERROR_TRAP,        /* execution or instantiation trapped */
  WISP_ERROR_EXHAUSTION,  /* call stack exhausted */
  WISP_ERROR_IO,          /* files */
  WISP_ERROR_USAGE,       /* wrong arguments, unsupported operation */
  WISP_ERROR_EXCEPTION,   /* a Wasm exception that no Wasm handler caught */
};

WASM_API_EXTERN void wisp_error_delete(own wisp_error_t*);
WASM_API_EXTERN wisp_error_kind_t wisp_error_kind(const wisp_error_t*);
/* The message, NUL-terminated (e.g. "3:5: unknown operator" or "type mismatch"). */
WASM_API_EXTERN void wisp_error_message(const wisp_error_t*, own wasm_name_t* out);

/* ---- Text and modules ---------------------------------------------------------------------------- */

/* Encodes WebAssembly text (a .wat module) into a binary. On success returns NULL and fills `out`. */
WASM_API_EXTERN own wisp_error_t* wisp_wat2wasm(const char* wat, size_t wat_len, own wasm_byte_vec_t* out);

/* wasm_module_new that says why it failed: returns NULL and sets *out, or the error. */
WASM_API_EXTERN own wisp_error_t* wisp_module_new(wasm_store_t*, const wasm_byte_vec_t* binary,
                                                  own wasm_module_t** out);

/* wasm_instance_new that reports any failure as an error (a trap has kind WISP_ERROR_TRAP). */
WASM_API_EXTERN own wisp_error_t* wisp_instance_new(wasm_store_t*, const wasm_module_t*,
                                                    const wasm_extern_vec_t* imports, own wasm_instance_t** out);

/* The export `name` (UTF-8, `name_len` bytes) of an instance, or NULL when it has none by that name. */
WASM_API_EXTERN own wasm_extern_t* wisp_instance_export(const wasm_instance_t*, const char* name, size_t name_len);

/* ---- Traps and frames ---------------------------------------------------------------------------- */

/* The function name of a frame: name section, export name or "<wasm function N>" (not NUL-terminated). */
WASM_API_EXTERN void wisp_frame_func_name(const wasm_frame_t*, own wasm_name_t* out);
/* Whether the trap is the call stack being exhausted (deep or endless recursion). */
WASM_API_EXTERN bool wisp_trap_is_exhaustion(const wasm_trap_t*);
/* When the trap is a WASI proc_exit unwinding the guest, sets *code and returns true. */
WASM_API_EXTERN bool wisp_trap_exit_code(const wasm_trap_t*, int* code);

/* ---- Exceptions (tags) --------------------------------------------------------------------------- */

/* A new tag of a store whose exceptions carry values of `params` (copied), as an extern of kind
 * WISP_EXTERN_TAG that can be imported by modules. NULL for a value kind it cannot carry. */
WASM_API_EXTERN own wasm_extern_t* wisp_tag_new(wasm_store_t*, const wasm_valtype_vec_t* params);
/* The parameter types of a tag extern (empty for another kind of extern). */
WASM_API_EXTERN void wisp_tag_params(const wasm_extern_t*, own wasm_valtype_vec_t* out);
/* Whether the trap is an uncaught Wasm exception (its message names the tag). */
WASM_API_EXTERN bool wisp_trap_is_exception(const wasm_trap_t*);
/* The tag of an uncaught exception (an extern of kind WISP_EXTERN_TAG; compare with wasm_ref_same), or
 * NULL when the trap is no exception. */
WASM_API_EXTERN own wasm_extern_t* wisp_trap_exception_tag(const wasm_trap_t*);
/* The payload of an uncaught exception (empty when the trap is no exception). */
WASM_API_EXTERN void wisp_trap_exception_payload(const wasm_trap_t*, own wasm_val_vec_t* out);

/* ---- Engine configuration ------------------------------------------------------------------------ */

/* Count fuel in every store (wisp_store_set_fuel); execution traps when it runs out. */
WASM_API_EXTERN void wisp_config_consume_fuel(wasm_config_t*, bool enable);
/* Let another thread interrupt guests (wisp_interrupt_handle_interrupt), and stores have deadlines
 * (wisp_store_set_deadline_ms). */
WASM_API_EXTERN void wisp_config_interruptible(wasm_config_t*, bool enable);
/* Check every memory access explicitly instead of relying on guard pages (for hosts owning SIGSEGV). */
WASM_API_EXTERN void wisp_config_explicit_bounds_checks(wasm_config_t*, bool enable);
/* Switches post-2.0 features as `wisp -W` does: "gc=y", "gc=y,memory64=n", "all-proposals=y". */
WASM_API_EXTERN own wisp_error_t* wisp_config_set_features(wasm_config_t*, const char* spec);

/* ---- Store limits, fuel and interrupts ----------------------------------------------------------- */

/* Per-store resource limits; 0 leaves a limit unchanged. */
typedef struct wisp_store_limits_t {
  uint64_t max_memory_pages;    /* per memory, 64 KiB pages */
  uint64_t max_table_elements;  /* per table */
  uint32_t max_call_depth;      /* nested calls before "call stack exhausted" */
  uint32_t max_instances;
} wisp_store_limits_t;

WASM_API_EXTERN void wisp_store_set_limits(wasm_store_t*, const wisp_store_limits_t*);
/* The store's GC heap limit (structs, arrays, exceptions): an allocation beyond it traps with
 * "allocation failed: GC heap limit". */
WASM_API_EXTERN void wisp_store_set_gc_heap_limit(wasm_store_t*, uint64_t bytes);
/* The GC heap's figures (all zero before the store's first GC allocation). */
typedef struct wisp_gc_stats_t {
  uint64_t live_bytes;       /* objects allocated and not yet collected */
  uint64_t live_objects;
  uint64_t heap_bytes;       /* memory the heap holds */
  uint64_t allocated_bytes;  /* in total */
  uint64_t collections;
  uint64_t freed_objects;    /* in total */
  uint64_t total_pause_ns;   /* time spent in collections */
  uint64_t max_pause_ns;     /* the longest collection */
} wisp_gc_stats_t;
WASM_API_EXTERN void wisp_store_gc_stats(const wasm_store_t*, wisp_gc_stats_t* out);

/* Fuel left before execution traps. Fail (return an error) when the engine does not consume fuel. */
WASM_API_EXTERN own wisp_error_t* wisp_store_set_fuel(wasm_store_t*, uint64_t fuel);
WASM_API_EXTERN own wisp_error_t* wisp_store_get_fuel(const wasm_store_t*, uint64_t* fuel);

/* Stops the guest running in a store from any thread: it traps with "interrupted" at its next check.
 * A handle may outlive its store (interrupting then does nothing). */
typedef struct wisp_interrupt_handle_t wisp_interrupt_handle_t;
WASM_API_EXTERN own wisp_interrupt_handle_t* wisp_store_interrupt_handle(wasm_store_t*);
WASM_API_EXTERN void wisp_interrupt_handle_interrupt(const wisp_interrupt_handle_t*);
WASM_API_EXTERN void wisp_interrupt_handle_delete(own wisp_interrupt_handle_t*);
/* Clears a pending interrupt (or an expired deadline) so the store can run again. */
WASM_API_EXTERN void wisp_store_clear_interrupt(wasm_store_t*);

/* A deadline `ms` milliseconds from now: past it, the running guest (and any later call) traps with
 * "deadline exceeded" at its next check. Needs wisp_config_interruptible (else returns an error). A new
 * deadline replaces the previous one and withdraws it if it had expired; 0 expires at once. */
WASM_API_EXTERN own wisp_error_t* wisp_store_set_deadline_ms(wasm_store_t*, uint64_t ms);
/* Removes the deadline, pending or expired (no-op without one). */
WASM_API_EXTERN void wisp_store_clear_deadline(wasm_store_t*);

/* ---- 64-bit memories and tables (memory64, table64) ---------------------------------------------- */

/* <wasm.h> limits are u32. These types carry u64 limits and the address type: `is64` makes a 64-bit memory
 * or table (i64 addresses/indices). wasm_*type_limits show the limits clamped to u32. NULL when min > max
 * or a bound is outside the address type's range (32-bit: 65536 pages, 2^32-1 elements; 64-bit: 2^48
 * pages, any u64 elements). Types made by wasm_*type_new have is64 false. */
WASM_API_EXTERN own wasm_memorytype_t* wisp_memorytype_new64(uint64_t min, bool max_present, uint64_t max, bool is64);
WASM_API_EXTERN uint64_t wisp_memorytype_minimum(const wasm_memorytype_t*);
/* False when there is no maximum (*max untouched). */
WASM_API_EXTERN bool wisp_memorytype_maximum(const wasm_memorytype_t*, uint64_t* max);
WASM_API_EXTERN bool wisp_memorytype_is64(const wasm_memorytype_t*);
WASM_API_EXTERN own wasm_tabletype_t* wisp_tabletype_new64(own wasm_valtype_t* element, uint64_t min, bool max_present,
                                                           uint64_t max, bool is64);
WASM_API_EXTERN uint64_t wisp_tabletype_minimum(const wasm_tabletype_t*);
WASM_API_EXTERN bool wisp_tabletype_maximum(const wasm_tabletype_t*, uint64_t* max);
WASM_API_EXTERN bool wisp_tabletype_is64(const wasm_tabletype_t*);
/* Size in pages and growth of any memory without wasm_memory_pages_t's u32 (a 64-bit memory may exceed
 * it; wasm_memory_size clamps). wisp_memory_grow64 stores the previous size in *prev (may be NULL). */
WASM_API_EXTERN uint64_t wisp_memory_size64(const wasm_memory_t*);
WASM_API_EXTERN bool wisp_memory_grow64(wasm_memory_t*, uint64_t delta, uint64_t* prev);

/* ---- WASI (preview1 `wasi_snapshot_preview1` and preview0 `wasi_unstable`) ------------------------ */

/* Program arguments, environment, preopened directories and stdio for one store. By default nothing
 * is preopened and stdio is inherited from the host process. */
typedef struct wisp_wasi_config_t wisp_wasi_config_t;

WASM_API_EXTERN own wisp_wasi_config_t* wisp_wasi_config_new(void);
WASM_API_EXTERN void wisp_wasi_config_delete(own wisp_wasi_config_t*);
/* argv[0] is the program name. */
WASM_API_EXTERN void wisp_wasi_config_set_args(wisp_wasi_config_t*, size_t argc, const char* const argv[]);
WASM_API_EXTERN void wisp_wasi_config_set_env(wisp_wasi_config_t*, const char* name, const char* value);
WASM_API_EXTERN void wisp_wasi_config_inherit_env(wisp_wasi_config_t*);
/* Makes host directory `host_path` visible to the guest as `guest_path` (e.g. "." or "/data"). */
WASM_API_EXTERN void wisp_wasi_config_preopen_dir(wisp_wasi_config_t*, const char* host_path, const char* guest_path);
/* stdin reads these bytes, then end of file. */
WASM_API_EXTERN void wisp_wasi_config_set_stdin_bytes(wisp_wasi_config_t*, const wasm_byte_vec_t* bytes);
/* stdout / stderr are captured in memory (read with wisp_store_wasi_stdout / _stderr). */
WASM_API_EXTERN void wisp_wasi_config_capture_stdout(wisp_wasi_config_t*);
WASM_API_EXTERN void wisp_wasi_config_capture_stderr(wisp_wasi_config_t*);

/* Gives the store a WASI context made from `config` (which it takes); replaces any previous one. */
WASM_API_EXTERN own wisp_error_t* wisp_store_set_wasi(wasm_store_t*, own wisp_wasi_config_t* config);
/* The WASI function that satisfies `import` (a new reference), or NULL when it is not a WASI import or
 * the store has no WASI context. */
WASM_API_EXTERN own wasm_extern_t* wisp_store_wasi_import(wasm_store_t*, const wasm_importtype_t* import);
/* Instantiates `module`, resolving every import from the store's WASI context (others fail). */
WASM_API_EXTERN own wisp_error_t* wisp_instance_new_wasi(wasm_store_t*, const wasm_module_t*,
                                                         own wasm_instance_t** out);
/* What the guest wrote so far to a captured stdout / stderr (not NUL-terminated). */
WASM_API_EXTERN void wisp_store_wasi_stdout(const wasm_store_t*, own wasm_byte_vec_t* out);
WASM_API_EXTERN void wisp_store_wasi_stderr(const wasm_store_t*, own wasm_byte_vec_t* out);

#undef own

#ifdef __cplusplus
}  /* extern "C" */
#endif

#endif /* WISP_H */
