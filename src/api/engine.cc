#include "api/internal.h"
#include "interp/invoke.h"
#include "wisp/engine.h"

namespace wisp {

bool Config::dispatch_supported(Dispatch d) { return d != Dispatch::tailcall || runtime::kTailcallCompiledIn; }

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
}

const Config& Engine::config() const { return impl_->config; }

}  // namespace wisp
