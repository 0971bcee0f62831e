// Fuzz target: differential execution of guard-page memory (faults become traps) against explicit
// bounds checks (Config::explicit_bounds_checks), a runtime switch of one binary. Both must produce
// the same results, the same traps and the same final memory contents. (Comparing the tail-call and
// loop dispatch modes needs two builds of the library; the CI runs the whole spec suite in both.)
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "fuzz_common.h"

namespace {

wisp::Engine make_engine(bool explicit_checks) {
  wisp::Config c;
  c.consume_fuel = true;
  c.explicit_bounds_checks = explicit_checks;
  return wisp::Engine(c);
}

[[noreturn]] void mismatch(const char* what, const std::string& name) {
  std::fprintf(stderr, "guard-page vs explicit-bounds mismatch: %s (export \"%s\")\n", what, name.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const wisp::Engine guard = make_engine(false);
  static const wisp::Engine checked = make_engine(true);
  wisp::fuzz::RunOutcome a = wisp::fuzz::run_module(guard, {data, size});
  wisp::fuzz::RunOutcome b = wisp::fuzz::run_module(checked, {data, size});
  if (a.compiled != b.compiled) mismatch("compile", "");
  // Fuel is charged per IR size, which may differ between the modes: stop comparing at exhaustion.
  if (a.fuel_ran_out || b.fuel_ran_out) return 0;
  if (a.instantiated != b.instantiated) mismatch("instantiate", a.instantiate_error + " / " + b.instantiate_error);
  if (a.instantiate_error != b.instantiate_error) mismatch("instantiation error", a.instantiate_error + " / " + b.instantiate_error);
  if (a.calls.size() != b.calls.size()) mismatch("number of calls", "");
  for (size_t i = 0; i < a.calls.size(); ++i) {
    const auto& x = a.calls[i];
    const auto& y = b.calls[i];
    if (x.ok != y.ok) mismatch("outcome", x.name + ": " + x.message + " / " + y.message);
    if (!x.ok) {
      if (x.kind != y.kind || x.message != y.message) mismatch("trap", x.name + ": " + x.message + " / " + y.message);
      continue;
    }
    if (x.results.size() != y.results.size()) mismatch("result count", x.name);
    for (size_t k = 0; k < x.results.size(); ++k) {
      const wisp::Val& u = x.results[k];
      const wisp::Val& v = y.results[k];
      if (u.kind() != v.kind()) mismatch("result kind", x.name);
      // funcrefs point into different stores: compare nullness only.
      if (u.kind() == wisp::ValKind::funcref || u.kind() == wisp::ValKind::externref) {
        if (u.is_null() != v.is_null()) mismatch("result ref", x.name);
      } else if (std::memcmp(u.raw().bytes, v.raw().bytes, 16) != 0) {
        mismatch("result value", x.name);
      }
    }
  }
  if (a.memories != b.memories) mismatch("memory contents", "");
  return 0;
}
