// Engine-wide settings the runtime carries for the execution tier: fixed when an engine is made, copied
// into every store and every module's code cache.
#pragma once
#include <cstdint>
#include <memory>

namespace wisp::runtime {

struct Executor;

// Engine-wide state of an execution tier (e.g. the JIT's code memory), opaque to the runtime.
struct TierEngineState {
  virtual ~TierEngineState() = default;
};

// How the interpreter dispatches between handlers (DESIGN.md §2). Loop mode is always compiled in;
// tail-call mode only when WISP_DISPATCH_TAILCALL=1 (clang with musttail and preserve_none), where it is
// the default. Asking for tail-call in a build without it runs loop mode (interp::handler_word, run).
// It lives here, not in interp, because it is part of the engine's configuration: the runtime carries it
// (and refuses to instantiate code built for another mode than the store's) without interpreting it.
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
  // Tier-up counters (Config::tier auto): when non-zero, IR gets op_tier_count at function entry and loop
  // headers, and a function is compiled after this many of them ran.
  uint32_t tier_up_threshold = 0;
  DispatchMode dispatch = kDefaultDispatch;  // the IR of every module of the engine is built for this mode
  // The execution tier that builds code and runs functions (runtime/executor.h), installed by whoever
  // makes the engine (the public API installs the interpreter). Required before anything runs.
  const Executor* executor = nullptr;
  std::shared_ptr<TierEngineState> tier_state;  // the executor's, when it keeps any (the JIT)
};

}  // namespace wisp::runtime
