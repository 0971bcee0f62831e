// Canonical function type ids, shared by every module of an Engine, so call_indirect is one compare.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "wasm/types.h"

namespace wisp::runtime {

class TypeRegistry {
 public:
  // Returns the id of `type`, registering it if new. Thread-safe. Equal types get equal ids.
  uint32_t intern(const wasm::FuncType& type);
  // The type of an id (the reference stays valid for the registry's life).
  const wasm::FuncType& type(uint32_t id) const;

 private:
  mutable std::mutex mu_;
  std::map<std::vector<uint32_t>, uint32_t> ids_;  // key: encoded params/results
  std::vector<std::unique_ptr<wasm::FuncType>> types_;
};

}  // namespace wisp::runtime
