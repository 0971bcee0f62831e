// The execution seam (DESIGN.md §6): the runtime and the public API start execution only through an
// Executor, which an execution tier above the runtime (interp; later a JIT) implements and the embedder
// of the engine installs in EngineConfig::executor. The runtime never includes the tier.
#pragma once
#include <memory>
#include <optional>

#include "runtime/engine_config.h"
#include "util/error.h"

namespace wisp::wasm {
struct Module;
}

namespace wisp::runtime {

struct FuncInstance;
struct StoreData;
struct Value;

// A module's code as the tier builds it (e.g. the interpreter's lazily filled IR cache), shared by every
// instance of the module (InstanceData::code). Opaque to the runtime beyond the config it was built for.
struct TierModuleCode {
  explicit TierModuleCode(const EngineConfig& c) : config(c) {}
  virtual ~TierModuleCode() = default;
  TierModuleCode(const TierModuleCode&) = delete;
  TierModuleCode& operator=(const TierModuleCode&) = delete;

  EngineConfig config;
};

// A store's execution state as the tier keeps it (e.g. the interpreter's value and call stacks), made on
// the store's first call and destroyed with the store (StoreData::stacks). Opaque to the runtime.
struct TierStoreState {
  TierStoreState() = default;
  virtual ~TierStoreState() = default;
  TierStoreState(const TierStoreState&) = delete;
  TierStoreState& operator=(const TierStoreState&) = delete;
};

// Plain function pointers rather than an abstract class: a host->Wasm call goes straight into the tier's
// entry, one load more than a direct call (a virtual one needs a thunk to shift `this` away: +13
// instructions per TypedFunc::call under callgrind, against +1 for this).
struct Executor {
  // The (empty or lazily filled) code of a validated module, built for `config`.
  std::shared_ptr<TierModuleCode> (*make_module_code)(std::shared_ptr<const wasm::Module> module,
                                                      const EngineConfig& config);
  // Builds the code of a defined function now (eager translation); nothing for host functions.
  Result<void> (*prepare)(StoreData& store, FuncInstance* func);
  // Calls `func` (Wasm or host) in `store`: one Value per parameter in `args`, one per result written to
  // `results`. True, or false with the Error (Trap or Exhaustion, with a backtrace) in `err`: the
  // host->Wasm hot path builds no Result on success. Re-entrant (host functions may call back in).
  bool (*call)(StoreData& store, FuncInstance* func, const Value* args, Value* results, std::optional<Error>& err);
};

}  // namespace wisp::runtime
