// wisp public API: Config and Engine.
#pragma once
#include <cstdint>
#include <memory>

#include "wisp/features.h"

namespace wisp {

namespace detail {
struct EngineImpl;
}

// Engine-wide settings, fixed when the Engine is created (they decide how code is built).
struct Config {
  bool explicit_bounds_checks = false;  // check every memory access instead of relying on guard pages
  bool lazy_translation = true;         // translate a function to IR on its first call (else at instantiation)
  // Execution limits: when set, code checks them at function entry and loop headers (every call and loop
  // back-edge); when not, the checks are not emitted at all. Fuel: a unit is about one IR instruction.
  bool consume_fuel = false;            // stores count fuel (Store::set_fuel); running out traps
  bool interruptible = false;           // guests poll the store's interrupt flag (Store::interrupt_handle)

  // Interpreter dispatch: tail-call threaded handlers (the fast mode) or one loop with computed goto.
  // Both give the same results; `automatic` is tail-call where the build has it, else loop. Builds with
  // GCC or sanitizers have only loop: there a requested `tailcall` falls back to loop, and
  // Engine::config().dispatch reports the mode in use (never `automatic`); see dispatch_supported().
  enum class Dispatch : uint8_t { automatic, tailcall, loop };
  Dispatch dispatch = Dispatch::automatic;

  // The post-2.0 proposals accepted (wisp/features.h); the rest are rejected like unknown opcodes.
  Features features = Features::defaults();

  // Whether this build of the library has dispatch mode `d` (`automatic` and `loop` always).
  static bool dispatch_supported(Dispatch d);
};

// Compilation environment shared by modules and stores: the configuration and the canonical function
// type registry. Cheap to copy (copies share state); thread-safe.
class Engine {
 public:
  explicit Engine(Config config = {});
  // The configuration in effect: as given, with `dispatch` resolved to the mode used.
  const Config& config() const;

  // Internal: the shared implementation (type registry, runtime config).
  const std::shared_ptr<detail::EngineImpl>& impl() const { return impl_; }
  bool operator==(const Engine& other) const { return impl_ == other.impl_; }

 private:
  std::shared_ptr<detail::EngineImpl> impl_;
};

}  // namespace wisp
