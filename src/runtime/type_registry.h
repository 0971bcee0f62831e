// Canonical type ids, shared by every module of an Engine (DESIGN.md §9), so type identity is an id
// compare: call_indirect, imports, casts.
//
// Canonicalisation is iso-recursive and per rec group: a module's rec group is keyed by its whole
// definition, with references into the group written as positions and references to other types as
// their canonical ids; equal keys share ids (a group's types get consecutive ids). Types outside rec
// groups (every type before GC, host function types) are groups of one.
//
// Subtyping between canonical ids is O(1): each id records its supertype chain from the root (the
// display) and its depth in it, so `a <: b` iff depth(b) <= depth(a) && display(a)[depth(b)] == b
// (CanonicalType::is_subtype_of; casts and the heap objects' types use it). Declared supertypes always
// have smaller ids, so chains are acyclic.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "wasm/subtype.h"
#include "wasm/types.h"

namespace wisp::runtime {

// A value type of a module with its indexed heap type replaced by that type's canonical id (the form the
// runtime objects and the linker compare: see TypeRegistry::val_subtype).
inline wasm::ValType canonical_type(wasm::ValType t, const std::vector<uint32_t>& type_ids) {
  if (t.is_ref() && !wasm::is_abstract_heap(t.heap()) && t.heap() < type_ids.size())
    return wasm::ValType::ref(type_ids[t.heap()], t.nullable());
  return t;
}

// One canonical type. Immutable once registered and never moved (the registry owns it for its life), so
// references to it may be kept and read without the registry's lock.
struct CanonicalType {
  uint32_t id = 0;
  wasm::TypeKind kind = wasm::TypeKind::func;
  bool final = true;
  uint32_t supertype = wasm::kNoSupertype;  // canonical id of the declared supertype
  wasm::FuncType func;                      // function types; heap types hold canonical ids
  std::vector<wasm::FieldType> fields;      // struct fields / the array element; heap types canonical
  std::vector<uint32_t> display;            // supertype chain from its root to itself: display.back() == id

  uint32_t depth() const { return uint32_t(display.size() - 1); }
  // this <: other, by the display: one bounds check and one compare.
  bool is_subtype_of(const CanonicalType& other) const {
    uint32_t d = other.depth();
    return d < display.size() && display[d] == other.id;
  }
};

class TypeRegistry {
 public:
  // Returns the id of a function type that names no other types (host function types: abstract
  // references only), registering it if new: the id of a final function type in a rec group of its own.
  // Thread-safe.
  uint32_t intern(const wasm::FuncType& type);
  // The ids of a module's types in index order (`defs` parallel to `types`, as wasm::Module::type_defs;
  // missing entries are final function types in groups of one). Equivalent types of different modules
  // get equal ids; the registered types hold canonical ids in their heap types. The types must be valid.
  std::vector<uint32_t> intern_module(const std::vector<wasm::FuncType>& types,
                                      const std::vector<wasm::TypeDef>& defs = {});
  // The type of an id (the reference stays valid for the registry's life).
  const wasm::FuncType& type(uint32_t id) const { return info(id).func; }
  const CanonicalType& info(uint32_t id) const;
  // id a <: id b (declared supertypes, transitively; equal ids).
  bool is_subtype(uint32_t a, uint32_t b) const;
  // t1 <: t2 for value types whose concrete heap types are canonical ids (the linker's relation).
  bool val_subtype(wasm::ValType a, wasm::ValType b) const;

 private:
  // The subtyping context of wasm/subtype.h over canonical ids (callers hold mu_).
  struct Ids {
    const TypeRegistry& r;
    wasm::TypeKind kind(uint32_t x) const { return x < r.types_.size() ? r.types_[x]->kind : wasm::TypeKind::func; }
    bool equivalent(uint32_t, uint32_t) const { return false; }  // equal ids only
    uint32_t supertype(uint32_t x) const { return x < r.types_.size() ? r.types_[x]->supertype : wasm::kNoSupertype; }
  };

  mutable std::mutex mu_;
  std::map<std::vector<uint32_t>, uint32_t> groups_;  // rec group key -> id of its first type
  std::vector<std::unique_ptr<CanonicalType>> types_;
};

}  // namespace wisp::runtime
