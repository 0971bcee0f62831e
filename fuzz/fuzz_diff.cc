// Fuzz target: differential execution of one module in three engines of one binary, each pair differing
// in one setting, so that a mismatch names its cause:
//   A: tail-call dispatch, guard-page memory (faults become traps) -- the release configuration;
//   B: loop dispatch, guard-page memory                            -- A vs B: the two dispatch modes;
//   C: loop dispatch, explicit bounds checks                       -- B vs C: the two bounds-check modes.
// Pairs must produce the same results, the same traps and the same final memory contents. A and B run
// the same IR (only the handler words differ), so they must also agree on fuel: they are compared even
// when fuel runs out, and on the fuel left. The fuzz build compiles both dispatch modes in (see
// fuzz/CMakeLists.txt); the target refuses to run if tail-call dispatch is missing.
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "fuzz_common.h"

namespace {

wisp::Engine make_engine(wisp::Config::Dispatch dispatch, bool explicit_checks) {
  wisp::Config c;
  c.consume_fuel = true;
  c.dispatch = dispatch;
  c.explicit_bounds_checks = explicit_checks;
  wisp::Engine e(c);
  if (e.config().dispatch != dispatch) {
    std::fprintf(stderr, "fuzz_diff: this build lacks the requested dispatch mode\n");
    std::abort();
  }
  return e;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using D = wisp::Config::Dispatch;
  static const wisp::Engine tailcall_guard = make_engine(D::tailcall, false);
  static const wisp::Engine loop_guard = make_engine(D::loop, false);
  static const wisp::Engine loop_checked = make_engine(D::loop, true);
  wisp::fuzz::RunOutcome a = wisp::fuzz::run_module(tailcall_guard, {data, size});
  wisp::fuzz::RunOutcome b = wisp::fuzz::run_module(loop_guard, {data, size});
  wisp::fuzz::compare_outcomes("tail-call vs loop dispatch", a, b, true);
  wisp::fuzz::RunOutcome c = wisp::fuzz::run_module(loop_checked, {data, size});
  wisp::fuzz::compare_outcomes("guard-page vs explicit-bounds", b, c, false);
  return 0;
}
