// Fuzz target: binary decoder + validator. Any byte string must produce a module or a Malformed /
// Invalid error, never a crash, hang, leak or sanitizer report.
#include <cstdint>
#include <cstdlib>
#include <span>

#include "wisp/wisp.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const wisp::Engine engine;
  std::span<const uint8_t> bytes(data, size);
  auto valid = wisp::Module::validate(engine, bytes);
  auto module = wisp::Module::compile(engine, bytes);
  // validate() and compile() must agree.
  if (bool(valid) != bool(module)) std::abort();
  if (!module) {
    auto k = module.error().kind;
    if (k != wisp::ErrorKind::Malformed && k != wisp::ErrorKind::Invalid) std::abort();
    return 0;
  }
  // Reflection over a valid module must work.
  (void)module->imports();
  (void)module->exports();
  (void)module->name();
  return 0;
}
