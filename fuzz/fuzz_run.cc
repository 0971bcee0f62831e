// Fuzz target: instantiate and run. Valid modules are instantiated with stand-in imports and every
// exported function is called with zero arguments, under fuel, memory, table, instance and stack
// limits: any module must finish (fuel) with results or a clean trap.
#include <cstdint>
#include <cstdlib>

#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const wisp::Engine engine([] {
    wisp::Config c;
    c.consume_fuel = true;
    c.interruptible = true;
    return c;
  }());
  wisp::fuzz::RunOutcome r = wisp::fuzz::run_module(engine, {data, size});
  for (const auto& c : r.calls) {
    if (c.ok) continue;
    // Only traps, exhaustion and uncaught Wasm exceptions may come out of running a valid, instantiated
    // module.
    if (c.kind != wisp::ErrorKind::Trap && c.kind != wisp::ErrorKind::Exhaustion &&
        c.kind != wisp::ErrorKind::Exception) {
      std::fprintf(stderr, "export %s: unexpected error kind: %s\n", c.name.c_str(), c.message.c_str());
      std::abort();
    }
  }
  return 0;
}
