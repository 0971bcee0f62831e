// Subtyping of value types (DESIGN.md §3): one relation, used by the validator (inside one module), the
// linker (across modules, on canonical type ids: runtime::TypeRegistry) and the casts. Concrete heap
// types (type indices) are looked up in a caller-supplied context, so the same rules serve module-local
// indices and engine-wide canonical ids: a concrete type is below the abstract type of its kind (func,
// struct <: eq, array <: eq) and below its declared supertypes (transitively), and the bottom of its
// hierarchy (nofunc, none) is below it.
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

// The kind of the hierarchy top a concrete type of kind k sits under (func; any for structs and arrays).
constexpr HeapKind concrete_top(TypeKind k) { return k == TypeKind::func ? HeapKind::func : HeapKind::any; }
// The abstract heap type right above a concrete type of kind k (func, struct, array).
constexpr HeapKind concrete_abstract(TypeKind k) {
  return k == TypeKind::func ? HeapKind::func : k == TypeKind::struct_ ? HeapKind::struct_ : HeapKind::array;
}

// Subtyping contexts (Types below) answer three questions about concrete heap types (type indices of a
// module, or the engine's canonical ids): kind(x) (func, struct, array), equivalent(x, y), and
// supertype(x) (its declared supertype, or kNoSupertype). Declared supertypes always have smaller
// indices (the validator checks it for modules, the registry keeps it for canonical ids), so walking
// them ends.

// The deepest supertype chain a valid module may declare (the validator's limit, V8's too): subtype
// walks and the engine's displays stay short whatever the input.
constexpr uint32_t kMaxSubtypeDepth = 63;

// heap a <: heap b.
template <typename Types>
constexpr bool heap_subtype(uint32_t a, uint32_t b, const Types& types) {
  bool ca = !is_abstract_heap(a), cb = !is_abstract_heap(b);
  if (!ca && !cb) return abstract_heap_subtype(HeapKind(a), HeapKind(b));
  if (ca && cb) {
    // Valid chains are at most kMaxSubtypeDepth deep; a longer walk is in a module being rejected.
    for (uint32_t x = a, steps = 0; steps <= kMaxSubtypeDepth; ++steps) {
      if (x == b || types.equivalent(x, b)) return true;
      uint32_t s = types.supertype(x);
      if (s >= x) return false;  // none (kNoSupertype), or not yet validated
      x = s;
    }
    return false;
  }
  if (ca) return abstract_heap_subtype(concrete_abstract(types.kind(a)), HeapKind(b));  // $t <: func, eq, ...
  return HeapKind(a) == heap_bottom(concrete_top(types.kind(b)));                        // none <: $t, ...
}

// t1 <: t2 for value types.
template <typename Types>
constexpr bool val_subtype(ValType a, ValType b, const Types& types) {
  if (a == b) return true;
  if (!a.is_ref() || !b.is_ref()) return false;
  if (a.nullable() && !b.nullable()) return false;
  return heap_subtype(a.heap(), b.heap(), types);
}

// The top of the hierarchy a heap type belongs to (func, extern, exn or any).
template <typename Types>
constexpr HeapKind heap_top_of(uint32_t heap, const Types& types) {
  return is_abstract_heap(heap) ? heap_top(HeapKind(heap)) : concrete_top(types.kind(heap));
}

// A context with function types only and no declared supertypes, where equal ids are the only
// equivalent ones: canonical ids of engines without GC types (host function signatures).
struct FuncOnlyTypes {
  constexpr TypeKind kind(uint32_t) const { return TypeKind::func; }
  constexpr bool equivalent(uint32_t, uint32_t) const { return false; }
  constexpr uint32_t supertype(uint32_t) const { return kNoSupertype; }
};

// Subtyping where concrete heap types are canonical ids of function types without declared supertypes
// (equal ids <=> equivalent types). Engines with GC types use runtime::TypeRegistry's relation instead.
constexpr bool canonical_subtype(ValType a, ValType b) { return val_subtype(a, b, FuncOnlyTypes{}); }

// Whether a value of type t has a default value (numbers, vectors, nullable references): locals of other
// types must be set before use, and tables of them need an initialiser.
constexpr bool defaultable(ValType t) { return !t.is_ref() || t.nullable(); }

}  // namespace wisp::wasm
