// How the host sees a Wasm value type: the public ValKind of include/wisp/types.h. One mapping for every
// place a value crosses to the host (the API's Val, exception payloads), so they cannot disagree.
#pragma once
#include "runtime/store_data.h"
#include "runtime/type_registry.h"
#include "wasm/types.h"
#include "wisp/types.h"

namespace wisp::runtime {

// Abstract heap types only: a concrete (indexed) heap type maps to funcref.
constexpr ValKind public_kind(wasm::ValType t) {
  switch (t.kind()) {
    case wasm::ValKind::i32: return ValKind::i32;
    case wasm::ValKind::i64: return ValKind::i64;
    case wasm::ValKind::f32: return ValKind::f32;
    case wasm::ValKind::f64: return ValKind::f64;
    case wasm::ValKind::v128: return ValKind::v128;
    case wasm::ValKind::ref: break;
  }
  switch (t.heap()) {
    case uint32_t(wasm::HeapKind::exn):
    case uint32_t(wasm::HeapKind::noexn): return ValKind::exnref;
    case uint32_t(wasm::HeapKind::extern_):
    case uint32_t(wasm::HeapKind::noextern): return ValKind::externref;
    case uint32_t(wasm::HeapKind::any):
    case uint32_t(wasm::HeapKind::none): return ValKind::anyref;
    case uint32_t(wasm::HeapKind::eq): return ValKind::eqref;
    case uint32_t(wasm::HeapKind::i31): return ValKind::i31ref;
    case uint32_t(wasm::HeapKind::struct_): return ValKind::structref;
    case uint32_t(wasm::HeapKind::array): return ValKind::arrayref;
    default: return ValKind::funcref;
  }
}

// Concrete heap types too, through the store's (canonical) type registry.
inline ValKind public_kind(const StoreData& store, wasm::ValType t) {
  if (t.is_ref() && !wasm::is_abstract_heap(t.heap())) {
    switch (store.types->info(t.heap()).kind) {
      case wasm::TypeKind::struct_: return ValKind::structref;
      case wasm::TypeKind::array: return ValKind::arrayref;
      case wasm::TypeKind::func: return ValKind::funcref;
    }
  }
  return public_kind(t);
}

}  // namespace wisp::runtime
