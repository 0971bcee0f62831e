// Canonical function type ids, shared by every module of an Engine, so call_indirect is one compare.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "wasm/types.h"

namespace wisp::runtime {

// A value type of a module with its indexed heap type replaced by that type's canonical id (the form the
// runtime objects and the linker compare: see wasm::canonical_subtype).
inline wasm::ValType canonical_type(wasm::ValType t, const std::vector<uint32_t>& type_ids) {
  if (t.is_ref() && !wasm::is_abstract_heap(t.heap()) && t.heap() < type_ids.size())
    return wasm::ValType::ref(type_ids[t.heap()], t.nullable());
  return t;
}

class TypeRegistry {
 public:
  // Returns the id of `type`, registering it if new. Thread-safe. Equal types get equal ids.
  // `type` may not name other types (host function types: abstract references only).
  uint32_t intern(const wasm::FuncType& type);
  // The ids of a module's types in index order. Indexed heap types inside them are replaced by the ids of
  // the types they name (a type naming itself by a marker), so equivalent types of different modules get
  // equal ids; the registered FuncTypes hold canonical ids in their heap types.
  std::vector<uint32_t> intern_module(const std::vector<wasm::FuncType>& types);
  // The type of an id (the reference stays valid for the registry's life).
  const wasm::FuncType& type(uint32_t id) const;

 private:
  mutable std::mutex mu_;
  std::map<std::vector<uint32_t>, uint32_t> ids_;  // key: encoded params/results
  std::vector<std::unique_ptr<wasm::FuncType>> types_;
};

}  // namespace wisp::runtime
