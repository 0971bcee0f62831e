// wisp public API: Memory, a linear memory of a store (defined by an instance, imported, or created by
// the host). A small handle {store id, object}; using it with another store fails.
#pragma once
#include <cstdint>
#include <span>
#include <string>

#include "wisp/error.h"
#include "wisp/store.h"
#include "wisp/types.h"

namespace wisp::runtime {
struct MemoryInstance;
}

namespace wisp {

class Memory {
 public:
  Memory() = default;  // an empty handle
  // A new memory of `type` (min pages committed; max capped by the store's limits).
  static Result<Memory> create(Store& store, const MemoryType& type);

  // The current type (limits.min is the current page count). Like every accessor that returns a
  // Result, a Usage error for an empty handle or one of another store.
  Result<MemoryType> type(Store& store) const;
  // Base address of the memory (nullptr for an empty handle or one of another store). Stable: the base
  // never moves on grow with guard pages, but may move in explicit-bounds-check mode: re-read after calls
  // and grows.
  uint8_t* data(Store& store) const;
  Result<uint64_t> size(Store& store) const;   // in bytes
  Result<uint64_t> pages(Store& store) const;  // in 64 KiB pages
  // Grows by `delta` pages; returns the previous page count, or an error when it cannot grow.
  Result<uint64_t> grow(Store& store, uint64_t delta) const;
  // Bounds-checked copies ("out of bounds memory access" errors, kind Trap).
  Result<void> read(Store& store, uint64_t offset, std::span<uint8_t> out) const;
  Result<void> write(Store& store, uint64_t offset, std::span<const uint8_t> in) const;
  // The bytes [offset, offset + len) as a string (a guest's string from a pointer and a length).
  Result<std::string> read_string(Store& store, uint64_t offset, uint64_t len) const;
  // A bounds-checked view of [offset, offset + len), valid until the memory grows or Wasm runs again
  // (either may move or unmap it): for reading or writing in place without a copy.
  Result<std::span<uint8_t>> view(Store& store, uint64_t offset, uint64_t len) const;

  // Internal.
  Memory(uint64_t store_id, runtime::MemoryInstance* m) : store_id_(store_id), mem_(m) {}
  uint64_t store_id() const { return store_id_; }
  runtime::MemoryInstance* internal() const { return mem_; }
  bool operator==(const Memory&) const = default;

 private:
  uint64_t store_id_ = 0;
  runtime::MemoryInstance* mem_ = nullptr;
};

}  // namespace wisp
