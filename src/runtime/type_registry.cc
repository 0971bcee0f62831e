#include "runtime/type_registry.h"

namespace wisp::runtime {

uint32_t TypeRegistry::intern(const wasm::FuncType& type) {
  // Key: param count, then every param and result type's packed bits (unambiguous).
  std::vector<uint32_t> key;
  key.reserve(1 + type.params.size() + type.results.size());
  key.push_back(uint32_t(type.params.size()));
  for (wasm::ValType t : type.params) key.push_back(t.bits());
  for (wasm::ValType t : type.results) key.push_back(t.bits());

  std::lock_guard<std::mutex> lock(mu_);
  auto [it, inserted] = ids_.try_emplace(std::move(key), uint32_t(types_.size()));
  if (inserted) types_.push_back(std::make_unique<wasm::FuncType>(type));
  return it->second;
}

std::vector<uint32_t> TypeRegistry::intern_module(const std::vector<wasm::FuncType>& types) {
  constexpr uint32_t kSelf = wasm::kHeapAbstractBase - 1;
  std::vector<uint32_t> ids;
  ids.reserve(types.size());
  for (uint32_t i = 0; i < types.size(); ++i) {
    wasm::FuncType canon = types[i];
    auto fix = [&](wasm::ValType& t) {
      if (!t.is_ref() || wasm::is_abstract_heap(t.heap())) return;
      uint32_t h = t.heap();
      // Validation guarantees h names a type; a later one (no rec groups yet) keeps a distinct marker.
      t = wasm::ValType::ref(h == i ? kSelf : h < i ? ids[h] : kSelf - 1 - (h - i), t.nullable());
    };
    for (wasm::ValType& t : canon.params) fix(t);
    for (wasm::ValType& t : canon.results) fix(t);
    ids.push_back(intern(canon));
  }
  return ids;
}

const wasm::FuncType& TypeRegistry::type(uint32_t id) const {
  std::lock_guard<std::mutex> lock(mu_);
  return *types_[id];
}

}  // namespace wisp::runtime
