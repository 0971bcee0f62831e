// Fuzz target: differential execution between the tiers. Each module runs in the interpreter and with
// the baseline JIT (Config::tier jit: every function compiled before it runs), once with guard-page
// memory (tail-call dispatch) and once with explicit bounds checks (loop dispatch), so each pair differs
// in the tier only. Pairs must agree on results, traps (kind and message), the final contents of
// exported memories and the fuel left: JIT code runs the same IR, charges the same fuel at the same
// checks and hands every trap to the interpreter, so nothing observable may differ. A build without the
// JIT (not x86-64, or no Xbyak) refuses to run.
#include <cstdio>
#include <cstdlib>

#include "fuzz_common.h"

namespace {

wisp::Engine make_engine(wisp::Config::Tier tier, wisp::Config::Dispatch dispatch, bool explicit_checks) {
  if (!wisp::Config::tier_supported(wisp::Config::Tier::jit) || !wisp::Config::dispatch_supported(dispatch)) {
    std::fprintf(stderr, "fuzz_jit: this build lacks the JIT or a dispatch mode\n");
    std::abort();
  }
  wisp::Config c;
  c.consume_fuel = true;
  c.tier = tier;
  c.dispatch = dispatch;
  c.explicit_bounds_checks = explicit_checks;
  return wisp::Engine(c);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using D = wisp::Config::Dispatch;
  using T = wisp::Config::Tier;
  static const wisp::Engine interp_guard = make_engine(T::interp, D::tailcall, false);
  static const wisp::Engine jit_guard = make_engine(T::jit, D::tailcall, false);
  static const wisp::Engine interp_checked = make_engine(T::interp, D::loop, true);
  static const wisp::Engine jit_checked = make_engine(T::jit, D::loop, true);
  wisp::fuzz::RunOutcome a = wisp::fuzz::run_module(interp_guard, {data, size});
  wisp::fuzz::RunOutcome b = wisp::fuzz::run_module(jit_guard, {data, size});
  wisp::fuzz::compare_outcomes("interp vs jit (guard pages)", a, b, true);
  wisp::fuzz::RunOutcome c = wisp::fuzz::run_module(interp_checked, {data, size});
  wisp::fuzz::RunOutcome d = wisp::fuzz::run_module(jit_checked, {data, size});
  wisp::fuzz::compare_outcomes("interp vs jit (explicit bounds checks)", c, d, true);
  return 0;
}
