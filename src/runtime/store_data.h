// StoreData: owns every runtime object of one store, its execution state and its limits.
// Single-threaded: one store is used by one thread at a time (the interrupt flag excepted).
#pragma once
#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <unordered_map>

#include "runtime/engine_config.h"
#include "runtime/executor.h"
#include "runtime/instance_data.h"
#include "runtime/type_registry.h"

namespace wisp::runtime {

// Per-store limits. Exceeding one is a trap or an error with a clear message.
struct StoreLimits {
  uint64_t max_memory_pages = 262'144;             // per memory: 16 GiB (a 32-bit one stops at 4 GiB)
  uint64_t max_table_elements = 10'000'000;        // per table
  uint64_t max_value_stack_bytes = 64ull << 20;    // interpreter value stack (slots)
  uint32_t max_call_depth = 50'000;                // frames on the call stack
  uint32_t max_instances = 10'000;
  uint64_t max_gc_heap_bytes = 1ull << 30;         // GC objects of the store (src/gc)
};

// The store's GC heap (gc::Heap, a layer above the runtime): made on the first allocation. The runtime
// reaches it only for constant expressions (runtime/const_eval.cc), through these functions: their
// intermediate values sit in no scanned stack, so they never collect. 0 means the heap limit was hit.
struct GcHeapState {
  GcHeapState() = default;
  virtual ~GcHeapState() = default;
  GcHeapState(const GcHeapState&) = delete;
  GcHeapState& operator=(const GcHeapState&) = delete;

  // struct.new(_default) of canonical type `type_id` with `fields` (values: one per field, or nullptr).
  virtual RefBits const_struct(uint32_t type_id, const std::vector<wasm::FieldType>& fields, const Value* values) = 0;
  // array.new(_default/_fixed): n elements, each values[i] (`fill`: all values[0]; values nullptr: zero).
  virtual RefBits const_array(uint32_t type_id, const wasm::FieldType& elem, uint32_t n, const Value* values,
                              bool fill) = 0;
  // any.convert_extern (to_any) / extern.convert_any of non-null bits.
  virtual RefBits const_convert(RefBits bits, bool to_any) = 0;
};

struct StoreData {
  std::shared_ptr<TypeRegistry> types;  // the engine's registry
  EngineConfig config;
  StoreLimits limits;

  // Objects live in deques so their addresses never change.
  std::deque<FuncInstance> funcs;
  std::deque<TableInstance> tables;
  std::deque<MemoryInstance> memories;  // each releases its mapping in ~StoreData (runtime/memory.h)
  std::deque<GlobalInstance> globals;
  std::deque<InstanceData> instances;
  std::deque<TagInstance> tags;

  // GC objects and exceptions of this store (gc::heap_of); `make_gc_heap` makes it for the runtime's
  // own use (constant expressions), installed by the API like EngineConfig::executor.
  std::unique_ptr<GcHeapState> gc_heap;
  GcHeapState& (*make_gc_heap)(StoreData&) = nullptr;
  uint64_t id = 0;  // the public Store's id (handles made by lower layers carry it)

  // Fuel: when enabled, execution traps with "all fuel consumed" once it reaches zero.
  bool fuel_enabled = false;
  uint64_t fuel = 0;
  // Set from any thread to stop the running guest at the next call or loop back-edge check; non-zero
  // says why (kInterruptRequested / kInterruptDeadline, runtime/deadline_timer.h).
  std::atomic<uint8_t> interrupt{0};
  bool interrupt_checks = false;  // whether handlers poll `interrupt` (chosen when code is built)

  // Host functions a Linker created in this store, by the Linker definition's id (never reused): kept
  // here, not in the Linker, so one Linker serves any number of stores and forgets nothing of them.
  std::unordered_map<uint64_t, FuncInstance*> linker_funcs;

  std::unique_ptr<TierStoreState> stacks;  // the execution tier's, made on the first call (runtime/executor.h)
  void* host_data = nullptr;  // the public API's back-pointer (wisp::Store)

  StoreData() = default;
  StoreData(const StoreData&) = delete;
  StoreData& operator=(const StoreData&) = delete;
  ~StoreData();
};

}  // namespace wisp::runtime
