// The GC instructions' out-of-line work (handlers_gc.def): allocation, bulk array operations, casts and
// the any/extern conversions. Allocation may collect, so every helper that allocates takes the running
// frame (`fp`) to bound the conservatively scanned value stack, and no handler keeps an object pointer
// across one of these calls.
#pragma once
#include <cstdint>
#include <vector>

#include "gc/heap.h"
#include "interp/exec_state.h"

namespace wisp::interp {

// Flags of the cast instructions' target (operand after the heap type).
enum GcCastFlags : uint32_t {
  kCastNullable = 1,   // null passes
  kCastFuncs = 2,      // the value is a funcref (concrete target: a function type)
};

// The value stack a collection must scan while the function with frame `fp` runs.
gc::StackRange gc_stack(const ExecState* st, const char* fp);

// Allocation: the new reference, or 0 at the heap limit (the handler traps with gc_heap_limit).
uint64_t gc_struct_new(ExecState* st, const GcStructSite* site, const char* args, const char* fp);
TrapCode gc_array_new(ExecState* st, uint32_t type_index, uint32_t storage, const char* init, uint32_t n,
                      const char* fp, uint64_t* out);  // init nullptr: default (zero) elements
TrapCode gc_array_new_fixed(ExecState* st, uint32_t type_index, uint32_t storage, uint32_t n, const char* args,
                            const char* fp, uint64_t* out);
TrapCode gc_array_new_data(ExecState* st, uint32_t type_index, uint32_t storage, uint32_t data, uint32_t offset,
                           uint32_t n, const char* fp, uint64_t* out);
TrapCode gc_array_new_elem(ExecState* st, uint32_t type_index, uint32_t elem, uint32_t offset, uint32_t n,
                           const char* fp, uint64_t* out);

// Bulk array operations (null and bounds checks included).
TrapCode gc_array_fill(ExecState* st, uint64_t arr, uint32_t i, const char* value, uint32_t n);
TrapCode gc_array_copy(ExecState* st, uint64_t dst, uint32_t di, uint64_t src, uint32_t si, uint32_t n);
TrapCode gc_array_init_data(ExecState* st, uint32_t data, uint64_t arr, uint32_t d, uint32_t s, uint32_t n);
TrapCode gc_array_init_elem(ExecState* st, uint32_t elem, uint64_t arr, uint32_t d, uint32_t s, uint32_t n);

// Whether reference `bits` is in heap type `heap` (abstract, or a type index of the running module)
// with GcCastFlags `flags`: constant time (header kind, or the registry's supertype display).
bool gc_ref_test(const ExecState* st, uint64_t bits, uint32_t heap, uint32_t flags);

// call_indirect with GC types: whether `f`'s type is a declared subtype of the running module's type
// `type_index` (after the exact id compare failed).
[[gnu::cold, gnu::noinline]] bool gc_func_subtype(const ExecState* st, const runtime::FuncInstance* f,
                                                 uint32_t type_index);

// any.convert_extern (to_any) / extern.convert_any; TrapCode::gc_heap_limit when boxing fails.
TrapCode gc_convert(ExecState* st, uint64_t bits, bool to_any, const char* fp, uint64_t* out);

}  // namespace wisp::interp
