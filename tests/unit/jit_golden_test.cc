// Golden machine-code listings: tests/golden/jit/NAME.wat -> NAME.asm, every defined function as
// `wisp inspect --asm` shows it (Zydis, no absolute addresses, helpers by name). Set
// WISP_UPDATE_GOLDEN=1 to rewrite the listings after an intended change of the JIT's code. The functions
// avoid instructions whose code depends on the CPU (clz, ctz, popcnt: lzcnt/tzcnt/popcnt when present).
#include <gtest/gtest.h>


#include "binary/module_decoder.h"
#include "golden_util.h"
#include "text/wat.h"
#include "tools/jit_asm.h"

namespace wisp::tools {
namespace {

std::string asm_listing(const std::string& wat) {
  auto bytes = text::wat_to_wasm(wat);
  if (!bytes.ok()) return "error: " + bytes.error().to_string();
  auto mod = binary::decode_module(std::move(*bytes));
  if (!mod.ok()) return "error: " + mod.error().to_string();
  const wasm::Module& m = **mod;
  std::string out;
  for (uint32_t i = m.num_imported_funcs; i < m.func_types.size(); ++i) {
    auto text = function_asm_text(m, std::to_string(i));
    out += text.ok() ? *text : "error: " + text.error().to_string() + "\n";
    out += "\n";
  }
  return out;
}

TEST(JitGolden, AsmListings) {
#if !(WISP_HAVE_JIT && WISP_HAVE_ZYDIS)
  GTEST_SKIP() << "this build has no JIT or no disassembler";
#endif
  auto probe = asm_listing("(module (func))");
  if (probe.find("cannot load the disassembler") != std::string::npos) GTEST_SKIP() << probe;
  int checked = testing::check_golden_dir("jit", ".asm", [](const std::string& wat) { return asm_listing(wat); });
  EXPECT_GT(checked, 0);
}

// The listing is the same from one compilation to the next (no addresses of this process in it).
TEST(JitGolden, ListingIsStable) {
#if !(WISP_HAVE_JIT && WISP_HAVE_ZYDIS)
  GTEST_SKIP() << "this build has no JIT or no disassembler";
#endif
  const char* wat = "(module (memory 1) (global (mut i32) (i32.const 0)) (func $f (param i32) (result i32)"
                    " (global.set 0 (local.get 0)) (memory.fill (local.get 0) (i32.const 0) (i32.const 1))"
                    " (call $f (global.get 0))))";
  std::string a = asm_listing(wat), b = asm_listing(wat);
  if (a.find("cannot load the disassembler") != std::string::npos) GTEST_SKIP() << a;
  EXPECT_EQ(a, b);
  EXPECT_NE(a.find("<memory_fill>"), std::string::npos) << a;
  EXPECT_EQ(a.find("<call_direct>"), std::string::npos) << a;  // calls are inline
  EXPECT_EQ(a.find("<helper>"), std::string::npos) << a;
}

}  // namespace
}  // namespace wisp::tools
