// StoreData: owns every runtime object of one store, its execution stacks and its limits.
// Single-threaded: one store is used by one thread at a time (the interrupt flag excepted).
#pragma once
#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>

#include "runtime/instance_data.h"
#include "runtime/type_registry.h"

namespace wisp::interp {
struct ExecStacks;  // value stack + call stack, created by the interpreter on first call
void destroy_exec_stacks(ExecStacks*);
}

namespace wisp::runtime {

// How the interpreter dispatches between handlers (DESIGN.md §2). Loop mode is always compiled in;
// tail-call mode only when WISP_DISPATCH_TAILCALL=1 (clang with musttail and preserve_none), where it is
// the default. Asking for tail-call in a build without it runs loop mode (interp::handler_word, run).
enum class DispatchMode : uint8_t { tailcall, loop };
#if defined(WISP_DISPATCH_TAILCALL) && WISP_DISPATCH_TAILCALL
constexpr bool kTailcallCompiledIn = true;
#else
constexpr bool kTailcallCompiledIn = false;
#endif
constexpr DispatchMode kDefaultDispatch = kTailcallCompiledIn ? DispatchMode::tailcall : DispatchMode::loop;

// Engine-wide settings fixed when code is built.
struct EngineConfig {
  bool explicit_bounds_checks = false;  // true: check every access instead of relying on guard pages
  bool lazy_translation = true;         // build a function's IR on its first call
  bool consume_fuel = false;            // code decrements StoreData::fuel (set for every store of the engine)
  bool interruptible = false;           // code polls StoreData::interrupt at calls and loop back-edges
  DispatchMode dispatch = kDefaultDispatch;  // the IR of every module of the engine is built for this mode
};

// Per-store limits. Exceeding one is a trap or an error with a clear message.
struct StoreLimits {
  uint64_t max_memory_pages = wasm::kMaxPages32;   // per memory
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

  // Fuel: when enabled, execution traps with "all fuel consumed" once it reaches zero.
  bool fuel_enabled = false;
  uint64_t fuel = 0;
  // Set from any thread to stop the running guest at the next call or loop back-edge check; non-zero
  // says why (kInterruptRequested / kInterruptDeadline, runtime/deadline_timer.h).
  std::atomic<uint8_t> interrupt{0};
  bool interrupt_checks = false;  // whether handlers poll `interrupt` (chosen when code is built)

  std::unique_ptr<interp::ExecStacks, void (*)(interp::ExecStacks*)> stacks{nullptr, interp::destroy_exec_stacks};
  void* host_data = nullptr;  // the public API's back-pointer (wisp::Store)

  StoreData() = default;
  StoreData(const StoreData&) = delete;
  StoreData& operator=(const StoreData&) = delete;
  ~StoreData();
};

}  // namespace wisp::runtime
