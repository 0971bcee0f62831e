// Linear memory allocation: guard-page reservations on 64-bit hosts (base never moves, no bounds checks),
// or plain checked allocations. Owned by the interpreter side (it cooperates with the trap handler).
#pragma once
#include <cstdint>

#include "runtime/instance_data.h"
#include "util/error.h"

namespace wisp::runtime {

// Initialises `mem` for `type` with `min` pages, reserving guard space unless `explicit_checks`.
// `max_pages` is the effective maximum (declared max capped by limits).
Result<void> memory_init(MemoryInstance& mem, const wasm::MemoryType& type, uint64_t max_pages,
                         bool explicit_checks);
// Grows by `delta` pages; returns the old page count, or -1 if it cannot grow (memory.grow semantics).
int64_t memory_grow(MemoryInstance& mem, uint64_t delta);
// Releases the memory's mapping.
void memory_release(MemoryInstance& mem);

}  // namespace wisp::runtime
