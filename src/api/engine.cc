#include "api/internal.h"
#include "wisp/engine.h"

namespace wisp {

Engine::Engine(Config config) : impl_(std::make_shared<detail::EngineImpl>()) {
  impl_->config = config;
  impl_->runtime_config.explicit_bounds_checks = config.explicit_bounds_checks;
  impl_->runtime_config.lazy_translation = config.lazy_translation;
  impl_->runtime_config.consume_fuel = config.consume_fuel;
  impl_->runtime_config.interruptible = config.interruptible;
}

const Config& Engine::config() const { return impl_->config; }

}  // namespace wisp
