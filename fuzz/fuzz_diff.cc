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

[[noreturn]] void mismatch(const char* pair, const char* what, const std::string& detail) {
  std::fprintf(stderr, "%s mismatch: %s (%s)\n", pair, what, detail.c_str());
  std::abort();
}

// Compares two outcomes. `same_fuel`: the engines run identical IR, so fuel exhaustion and the fuel
// left must agree too; otherwise (fuel is charged per IR instruction, and the IR differs) comparing
// stops where either ran out.
void compare(const char* pair, const wisp::fuzz::RunOutcome& a, const wisp::fuzz::RunOutcome& b, bool same_fuel) {
  if (a.compiled != b.compiled) mismatch(pair, "compile", "");
  if (same_fuel) {
    if (a.fuel_ran_out != b.fuel_ran_out) mismatch(pair, "fuel exhaustion", "");
    if (a.fuel_left != b.fuel_left)
      mismatch(pair, "fuel left", std::to_string(a.fuel_left) + " / " + std::to_string(b.fuel_left));
  } else if (a.fuel_ran_out || b.fuel_ran_out) {
    return;
  }
  if (a.instantiated != b.instantiated) mismatch(pair, "instantiate", a.instantiate_error + " / " + b.instantiate_error);
  if (a.instantiate_error != b.instantiate_error)
    mismatch(pair, "instantiation error", a.instantiate_error + " / " + b.instantiate_error);
  if (a.calls.size() != b.calls.size()) mismatch(pair, "number of calls", "");
  for (size_t i = 0; i < a.calls.size(); ++i) {
    const auto& x = a.calls[i];
    const auto& y = b.calls[i];
    const std::string where = "export \"" + x.name + "\": " + x.message + " / " + y.message;
    if (x.ok != y.ok) mismatch(pair, "outcome", where);
    if (!x.ok) {
      if (x.kind != y.kind || x.message != y.message) mismatch(pair, "trap", where);
      continue;
    }
    if (x.results.size() != y.results.size()) mismatch(pair, "result count", where);
    for (size_t k = 0; k < x.results.size(); ++k) {
      const wisp::Val& u = x.results[k];
      const wisp::Val& v = y.results[k];
      if (u.kind() != v.kind()) mismatch(pair, "result kind", where);
      // References point into different stores: compare nullness only.
      if (u.kind() == wisp::ValKind::funcref || u.kind() == wisp::ValKind::externref ||
          u.kind() == wisp::ValKind::exnref) {
        if (u.is_null() != v.is_null()) mismatch(pair, "result ref", where);
      } else if (std::memcmp(u.raw().bytes, v.raw().bytes, 16) != 0) {
        mismatch(pair, "result value", where);
      }
    }
  }
  if (a.memories != b.memories) mismatch(pair, "memory contents", "");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using D = wisp::Config::Dispatch;
  static const wisp::Engine tailcall_guard = make_engine(D::tailcall, false);
  static const wisp::Engine loop_guard = make_engine(D::loop, false);
  static const wisp::Engine loop_checked = make_engine(D::loop, true);
  wisp::fuzz::RunOutcome a = wisp::fuzz::run_module(tailcall_guard, {data, size});
  wisp::fuzz::RunOutcome b = wisp::fuzz::run_module(loop_guard, {data, size});
  compare("tail-call vs loop dispatch", a, b, true);
  wisp::fuzz::RunOutcome c = wisp::fuzz::run_module(loop_checked, {data, size});
  compare("guard-page vs explicit-bounds", b, c, false);
  return 0;
}
