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

const wasm::FuncType& TypeRegistry::type(uint32_t id) const {
  std::lock_guard<std::mutex> lock(mu_);
  return *types_[id];
}

}  // namespace wisp::runtime
