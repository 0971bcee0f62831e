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

  // Execution tier. `interp`: the interpreter only. `jit`: every function is compiled by the baseline
  // x86-64 JIT when it is translated (translation becomes eager: everything before running); what the JIT
  // does not compile runs in the interpreter on the same frames. `automatic`: functions start interpreted;
  // one whose calls and loop iterations reach `tier_up_threshold` is compiled, and a running loop goes on
  // in its machine code (OSR). A build without the JIT (WISP_JIT=OFF, or not
  // x86-64) runs `jit` in the interpreter; tier_supported() says which.
  enum class Tier : uint8_t { automatic, interp, jit };
  Tier tier = Tier::automatic;
  uint64_t jit_code_limit = uint64_t(256) << 20;  // bytes of machine code per engine; past it: interpreted
  uint32_t tier_up_threshold = 1000;  // `automatic`: calls + loop iterations before a function is compiled
  // Appends "START SIZE name" for each function the JIT compiles to /tmp/perf-PID.map (tier jit: all at
  // once; automatic: each when it is tiered up), so Linux perf names samples in JIT code (the name
  // section's name, else wasm-function[N]). No effect without the JIT.
  bool perf_map = false;

  // The post-2.0 proposals accepted (wisp/features.h); the rest are rejected like unknown opcodes.
  Features features = Features::defaults();

  // Whether this build of the library has dispatch mode `d` (`automatic` and `loop` always).
  static bool dispatch_supported(Dispatch d);
  // Whether this build runs tier `t` as asked (`jit` needs a JIT build).
  static bool tier_supported(Tier t);
};

// What the JIT did for an engine (all zero without it).
struct TierStats {
  uint64_t compiled = 0;       // functions running machine code
  uint64_t not_compiled = 0;   // functions left to the interpreter
  uint64_t over_limit = 0;     // of those, for want of code memory (Config::jit_code_limit)
  uint64_t native_instrs = 0;  // IR instructions compiled to machine code
  uint64_t exit_instrs = 0;    // IR instructions the compiled functions leave to the interpreter
  uint64_t code_bytes = 0;     // code memory in use
};

// Compilation environment shared by modules and stores: the configuration and the canonical function
// type registry. Cheap to copy (copies share state); thread-safe.
class Engine {
 public:
  explicit Engine(Config config = {});
  // The configuration in effect: as given, with `dispatch` resolved to the mode used.
  const Config& config() const;
  // The JIT's counters for this engine (Config::tier jit).
  TierStats tier_stats() const;

  // Internal: the shared implementation (type registry, runtime config).
  const std::shared_ptr<detail::EngineImpl>& impl() const { return impl_; }
  bool operator==(const Engine& other) const { return impl_ == other.impl_; }

 private:
  std::shared_ptr<detail::EngineImpl> impl_;
};

}  // namespace wisp
