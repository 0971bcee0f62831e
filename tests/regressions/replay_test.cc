// Fuzzer reproducers as permanent tests: every file in tests/regressions/inputs/ goes through the
// checks of the fuzz targets (fuzz/): decode + validate, and for valid modules instantiate-and-run
// under limits, once with guard pages and once with explicit bounds checks, with equal outcomes.
// Name a reproducer after what it caught, e.g. `run-br-table-oob.wasm`; `.wat` files are text inputs.
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "../../fuzz/fuzz_common.h"
#include "text/wast.h"
#include "text/wat.h"

namespace wisp {
namespace {

std::vector<std::filesystem::path> inputs() {
  std::vector<std::filesystem::path> out;
  auto dir = std::filesystem::path(WISP_TESTS_DIR) / "regressions" / "inputs";
  if (std::filesystem::is_directory(dir))
    for (const auto& e : std::filesystem::directory_iterator(dir))
      if (e.is_regular_file()) out.push_back(e.path());
  return out;
}

std::vector<uint8_t> read_all(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

Engine engine_for(bool explicit_checks) {
  Config c;
  c.consume_fuel = true;
  c.interruptible = true;
  c.explicit_bounds_checks = explicit_checks;
  return Engine(c);
}

void check_module(const std::vector<uint8_t>& wasm, const std::string& name) {
  static const Engine guard = engine_for(false);
  static const Engine checked = engine_for(true);
  auto valid = Module::validate(guard, wasm);
  auto module = Module::compile(guard, wasm);
  ASSERT_EQ(valid.ok(), module.ok()) << name;
  if (!module.ok()) {
    EXPECT_TRUE(module.error().kind == ErrorKind::Malformed || module.error().kind == ErrorKind::Invalid) << name;
    return;
  }
  fuzz::RunOutcome a = fuzz::run_module(guard, wasm);
  fuzz::RunOutcome b = fuzz::run_module(checked, wasm);
  for (const auto& c : a.calls) {
    if (!c.ok) {
      EXPECT_TRUE(c.kind == ErrorKind::Trap || c.kind == ErrorKind::Exhaustion || c.kind == ErrorKind::Exception)
          << name << " " << c.message;
    }
  }
  EXPECT_EQ(a.instantiated, b.instantiated) << name;
  if (a.fuel_ran_out || b.fuel_ran_out) return;
  ASSERT_EQ(a.calls.size(), b.calls.size()) << name;
  for (size_t i = 0; i < a.calls.size(); ++i) {
    EXPECT_EQ(a.calls[i].ok, b.calls[i].ok) << name << " " << a.calls[i].name;
    EXPECT_EQ(a.calls[i].message, b.calls[i].message) << name << " " << a.calls[i].name;
  }
  EXPECT_TRUE(a.memories == b.memories) << name;
}

TEST(Regressions, ReplayInputs) {
  auto files = inputs();
  EXPECT_FALSE(files.empty());
  for (const auto& p : files) {
    SCOPED_TRACE(p.filename().string());
    std::vector<uint8_t> bytes = read_all(p);
    if (p.extension() == ".wat" || p.extension() == ".wast") {
      std::string_view src(reinterpret_cast<const char*>(bytes.data()), bytes.size());
      (void)text::parse_wast(src);
      auto wasm = text::wat_to_wasm(src);
      if (wasm.ok()) check_module(*wasm, p.filename().string());
    } else {
      check_module(bytes, p.filename().string());
    }
  }
}

}  // namespace
}  // namespace wisp
