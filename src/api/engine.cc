#include <algorithm>

#include "api/internal.h"
#include "interp/invoke.h"
#if WISP_HAVE_JIT
#include "jit/jit.h"
#endif
#include "wisp/engine.h"

namespace wisp {

bool Config::dispatch_supported(Dispatch d) { return d != Dispatch::tailcall || runtime::kTailcallCompiledIn; }
bool Config::tier_supported(Tier t) { return t != Tier::jit || WISP_HAVE_JIT; }

Engine::Engine(Config config) : impl_(std::make_shared<detail::EngineImpl>()) {
  if (config.dispatch == Config::Dispatch::automatic || !Config::dispatch_supported(config.dispatch))
    config.dispatch = runtime::kTailcallCompiledIn ? Config::Dispatch::tailcall : Config::Dispatch::loop;
  impl_->config = config;
  impl_->runtime_config.explicit_bounds_checks = config.explicit_bounds_checks;
  impl_->runtime_config.lazy_translation = config.lazy_translation;
  impl_->runtime_config.consume_fuel = config.consume_fuel;
  impl_->runtime_config.interruptible = config.interruptible;
  impl_->runtime_config.dispatch =
      config.dispatch == Config::Dispatch::tailcall ? runtime::DispatchMode::tailcall : runtime::DispatchMode::loop;
  // The API's one contact with the interpreter: it installs it as the engine's execution tier.
  impl_->runtime_config.executor = &interp::executor();
#if WISP_HAVE_JIT
  // The JIT wraps the interpreter: every translated function goes through it, so translate them all now.
  if (config.tier == Config::Tier::jit) {
    impl_->runtime_config.executor = &jit::executor();
    auto code_memory = jit::make_engine_state(config.jit_code_limit);
    code_memory->perf_map = config.perf_map;
    impl_->runtime_config.tier_state = std::move(code_memory);
    impl_->runtime_config.lazy_translation = false;
  } else if (config.tier == Config::Tier::automatic) {
    // Functions start interpreted, with tier-up counters in their IR (only in this tier's IR).
    impl_->runtime_config.executor = &jit::executor();
    auto code_memory = jit::make_engine_state(config.jit_code_limit);
    code_memory->perf_map = config.perf_map;  // a line per function as it is tiered up
    impl_->runtime_config.tier_state = std::move(code_memory);
    impl_->runtime_config.tier_up_threshold = std::max<uint32_t>(config.tier_up_threshold, 1);
  }
#endif
}

TierStats Engine::tier_stats() const {
  TierStats s;
#if WISP_HAVE_JIT
  if (auto* m = dynamic_cast<jit::CodeMemory*>(impl_->runtime_config.tier_state.get())) {
    s.compiled = m->counters.compiled.load();
    s.not_compiled = m->counters.not_compiled.load();
    s.over_limit = m->counters.over_limit.load();
    s.native_instrs = m->counters.native_instrs.load();
    s.exit_instrs = m->counters.exit_instrs.load();
    s.code_bytes = m->used_bytes();
  }
#endif
  return s;
}

const Config& Engine::config() const { return impl_->config; }

}  // namespace wisp
