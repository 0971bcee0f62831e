// Subtyping of value types (DESIGN.md §3): one relation, used by the validator (inside one module), the
// linker (across modules, on canonical type ids) and later by casts. Concrete heap types (type indices)
// are compared by a caller-supplied equivalence, so the same rules serve module-local indices and
// engine-wide canonical ids. There are no declared supertypes yet (GC, issue 16): a concrete type's only
// supertypes are itself (up to equivalence) and the abstract top of its hierarchy.
#pragma once
#include <cstdint>

#include "wasm/types.h"

namespace wisp::wasm {

// The top of the hierarchy an abstract heap type belongs to (func, extern, exn or any).
constexpr HeapKind heap_top(HeapKind h) {
  switch (h) {
    case HeapKind::func:
    case HeapKind::nofunc: return HeapKind::func;
    case HeapKind::extern_:
    case HeapKind::noextern: return HeapKind::extern_;
    case HeapKind::exn:
    case HeapKind::noexn: return HeapKind::exn;
    default: return HeapKind::any;
  }
}

// The bottom of a hierarchy (nofunc, noextern, noexn, none).
constexpr HeapKind heap_bottom(HeapKind top) {
  switch (top) {
    case HeapKind::func: return HeapKind::nofunc;
    case HeapKind::extern_: return HeapKind::noextern;
    case HeapKind::exn: return HeapKind::noexn;
    default: return HeapKind::none;
  }
}

// Abstract <: abstract.
constexpr bool abstract_heap_subtype(HeapKind a, HeapKind b) {
  if (a == b) return true;
  if (heap_top(a) != heap_top(b)) return false;
  if (a == heap_bottom(heap_top(a)) || b == heap_top(b)) return true;
  // The any hierarchy below its top: none <: i31, struct, array <: eq.
  return b == HeapKind::eq && (a == HeapKind::i31 || a == HeapKind::struct_ || a == HeapKind::array);
}

// heap a <: heap b. `equivalent(x, y)` decides for two concrete heap types (both indices). Every concrete
// type is a function type until GC brings structs and arrays.
template <typename Equiv>
constexpr bool heap_subtype(uint32_t a, uint32_t b, const Equiv& equivalent) {
  bool ca = !is_abstract_heap(a), cb = !is_abstract_heap(b);
  if (!ca && !cb) return abstract_heap_subtype(HeapKind(a), HeapKind(b));
  if (ca && cb) return a == b || equivalent(a, b);
  if (ca) return HeapKind(b) == HeapKind::func;  // $t <: func
  return HeapKind(a) == HeapKind::nofunc;        // nofunc <: $t
}

// t1 <: t2 for value types.
template <typename Equiv>
constexpr bool val_subtype(ValType a, ValType b, const Equiv& equivalent) {
  if (a == b) return true;
  if (!a.is_ref() || !b.is_ref()) return false;
  if (a.nullable() && !b.nullable()) return false;
  return heap_subtype(a.heap(), b.heap(), equivalent);
}

// Subtyping where concrete heap types are canonical ids (equal ids <=> equivalent types): the linker's.
constexpr bool canonical_subtype(ValType a, ValType b) {
  return val_subtype(a, b, [](uint32_t, uint32_t) { return false; });
}

// Whether a value of type t has a default value (numbers, vectors, nullable references): locals of other
// types must be set before use, and tables of them need an initialiser.
constexpr bool defaultable(ValType t) { return !t.is_ref() || t.nullable(); }

}  // namespace wisp::wasm
