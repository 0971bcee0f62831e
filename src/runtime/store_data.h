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

  // Exceptions thrown in this store (runtime/exceptions.h): live objects, the free list, and the count
  // that triggers the next collection.
  std::vector<std::unique_ptr<ExnObject>> exns;
  std::vector<ExnObject*> free_exns;
  size_t exn_collect_at = 1024;
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
