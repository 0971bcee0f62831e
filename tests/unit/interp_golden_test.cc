// Golden IR listings: tests/golden/ir/NAME.wat -> NAME.ir (every defined function, printed).
// Set WISP_UPDATE_GOLDEN=1 to rewrite the listings after an intended IR change.
#include <gtest/gtest.h>


#include "binary/module_decoder.h"
#include "golden_util.h"
#include "interp/ir_builder.h"
#include "interp/ir_printer.h"
#include "text/wat.h"

namespace wisp::interp {
namespace {

std::string listing(const std::string& wat, bool explicit_checks) {
  auto bytes = text::wat_to_wasm(wat);
  if (!bytes.ok()) return "error: " + bytes.error().to_string();
  auto mod = binary::decode_module(std::move(*bytes));
  if (!mod.ok()) return "error: " + mod.error().to_string();
  runtime::EngineConfig config;
  config.explicit_bounds_checks = explicit_checks;
  std::string out;
  const wasm::Module& m = **mod;
  for (uint32_t i = m.num_imported_funcs; i < m.func_types.size(); ++i) {
    auto code = translate_function(m, i, config);
    out += "func " + std::to_string(i) + ": ";
    out += code.ok() ? print_ir(**code) : "error: " + code.error().to_string() + "\n";
  }
  return out;
}

TEST(InterpGolden, IrListings) {
  int checked = testing::check_golden_dir("ir", ".ir", [](const std::string& wat) { return listing(wat, false); });
  EXPECT_GT(checked, 0);
}

TEST(InterpGolden, ExplicitBoundsChecksUseCheckedForms) {
  std::string got = listing("(module (memory 1) (func (param i32) (result i32) (i32.load (local.get 0))))", true);
  EXPECT_NE(got.find("op_i32_load_sso_chk"), std::string::npos) << got;
  // Memories other than memory 0 are always checked, by their own forms.
  got = listing("(module (memory 1) (memory 1) (func (param i32) (result i32) (i32.load 1 (local.get 0))))", true);
  EXPECT_NE(got.find("op_i32_load_ssxI"), std::string::npos) << got;
}

}  // namespace
}  // namespace wisp::interp
