// WAST scripts: commands, values, quoted and failing modules.
#include <gtest/gtest.h>

#include <cstring>

#include "text/wast.h"
#include "text/wat.h"

namespace wisp::text {
namespace {

Script wast(std::string_view src) {
  auto r = parse_wast(src);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? std::move(*r) : Script{};
}

uint32_t u32(const WastValue& v) {
  uint32_t x;
  std::memcpy(&x, v.bytes, 4);
  return x;
}
uint64_t u64(const WastValue& v) {
  uint64_t x;
  std::memcpy(&x, v.bytes, 8);
  return x;
}

TEST(TextWast, ModulesRegisterAndActions) {
  Script s = wast(R"W(
(module $M (func (export "f") (param i32) (result i32) (local.get 0)))
(register "m" $M)
(invoke "f" (i32.const -1))
(get $M "g")
(assert_return (invoke $M "f" (i32.const 7)) (i32.const 7))
)W");
  ASSERT_EQ(s.commands.size(), 5u);
  const Command& m = s.commands[0];
  EXPECT_EQ(m.kind, Command::Kind::module);
  EXPECT_EQ(m.line, 2u);
  EXPECT_EQ(m.module_name, "$M");
  EXPECT_EQ(m.module.kind, ModuleSource::Kind::binary);
  EXPECT_EQ(m.module.bytes, *wat_to_wasm("(module (func (export \"f\") (param i32) (result i32) (local.get 0)))"));
  EXPECT_EQ(s.commands[1].kind, Command::Kind::register_);
  EXPECT_EQ(s.commands[1].register_as, "m");
  EXPECT_EQ(s.commands[1].module_name, "$M");
  const Command& inv = s.commands[2];
  EXPECT_EQ(inv.kind, Command::Kind::action);
  EXPECT_EQ(inv.action.kind, Action::Kind::invoke);
  EXPECT_EQ(inv.action.module, "");
  EXPECT_EQ(inv.action.field, "f");
  ASSERT_EQ(inv.action.args.size(), 1u);
  EXPECT_EQ(inv.action.args[0].kind, WastValue::Kind::i32);
  EXPECT_EQ(u32(inv.action.args[0]), 0xFFFFFFFFu);
  EXPECT_EQ(s.commands[3].action.kind, Action::Kind::get);
  EXPECT_EQ(s.commands[3].action.module, "$M");
  EXPECT_EQ(s.commands[3].action.field, "g");
  const Command& ar = s.commands[4];
  EXPECT_EQ(ar.kind, Command::Kind::assert_return);
  EXPECT_EQ(ar.action.module, "$M");
  ASSERT_EQ(ar.expected.size(), 1u);
  EXPECT_EQ(u32(ar.expected[0]), 7u);
}

TEST(TextWast, Values) {
  Script s = wast(R"W(
(assert_return (invoke "f" (i64.const 0x8000_0000_0000_0000) (f32.const -0x1p-1) (f64.const nan:0x4)
                           (ref.null extern) (ref.extern 5))
  (f32.const nan:canonical) (f64.const nan:arithmetic) (ref.null func) (ref.func) (ref.extern 5)
  (v128.const i32x4 1 -1 0 0x7fffffff) (v128.const f32x4 nan:canonical 1 -0 nan:arithmetic)
  (v128.const i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 -1))
)W");
  ASSERT_EQ(s.commands.size(), 1u);
  const Command& c = s.commands[0];
  const auto& a = c.action.args;
  ASSERT_EQ(a.size(), 5u);
  EXPECT_EQ(a[0].kind, WastValue::Kind::i64);
  EXPECT_EQ(u64(a[0]), 0x8000000000000000u);
  EXPECT_EQ(a[1].kind, WastValue::Kind::f32);
  EXPECT_EQ(u32(a[1]), 0xBF000000u);
  EXPECT_EQ(u64(a[2]), 0x7FF0000000000004u);
  EXPECT_EQ(a[3].kind, WastValue::Kind::ref_null);
  EXPECT_EQ(a[3].ref_type, wasm::ValType::externref());
  EXPECT_EQ(a[4].kind, WastValue::Kind::ref_extern);
  EXPECT_EQ(u32(a[4]), 5u);
  const auto& e = c.expected;
  ASSERT_EQ(e.size(), 8u);
  EXPECT_EQ(e[0].nan, NanPattern::canonical);
  EXPECT_EQ(e[1].kind, WastValue::Kind::f64);
  EXPECT_EQ(e[1].nan, NanPattern::arithmetic);
  EXPECT_EQ(e[2].ref_type, wasm::ValType::funcref());
  EXPECT_EQ(e[3].kind, WastValue::Kind::ref_func);
  EXPECT_TRUE(e[3].ref_func_any);
  EXPECT_EQ(e[4].kind, WastValue::Kind::ref_extern);
  EXPECT_EQ(e[5].kind, WastValue::Kind::v128);
  EXPECT_EQ(e[5].lane_bits, 32);
  EXPECT_FALSE(e[5].lanes_float);
  uint8_t lanes[16] = {1, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x7F};
  EXPECT_EQ(std::memcmp(e[5].bytes, lanes, 16), 0);
  EXPECT_TRUE(e[6].lanes_float);
  EXPECT_EQ(e[6].lane_nan[0], NanPattern::canonical);
  EXPECT_EQ(e[6].lane_nan[1], NanPattern::none);
  EXPECT_EQ(e[6].lane_nan[3], NanPattern::arithmetic);
  EXPECT_EQ(e[6].bytes[4 + 3], 0x3F);
  EXPECT_EQ(e[6].bytes[8 + 3], 0x80);
  EXPECT_EQ(e[7].lane_bits, 8);
  EXPECT_EQ(e[7].bytes[15], 0xFF);
}

TEST(TextWast, Assertions) {
  Script s = wast(R"W(
(assert_trap (invoke "t") "integer divide by zero")
(assert_trap (module (func $s unreachable) (start $s)) "unreachable")
(assert_exhaustion (invoke "r") "call stack exhausted")
(assert_malformed (module quote "(func (i32.const 0x))") "unknown operator")
(assert_malformed (module binary "\00asm") "unexpected end")
(assert_invalid (module (func (result i32))) "type mismatch")
(assert_invalid (module (func (br $nowhere))) "unknown label")
(assert_unlinkable (module (import "x" "y" (func))) "unknown import")
(assert_uninstantiable (module (func $s unreachable) (start $s)) "unreachable")
)W");
  ASSERT_EQ(s.commands.size(), 9u);
  EXPECT_EQ(s.commands[0].kind, Command::Kind::assert_trap);
  EXPECT_FALSE(s.commands[0].has_module);
  EXPECT_EQ(s.commands[0].text, "integer divide by zero");
  EXPECT_TRUE(s.commands[1].has_module);
  EXPECT_FALSE(s.commands[1].module.bytes.empty());
  EXPECT_EQ(s.commands[2].kind, Command::Kind::assert_exhaustion);
  const Command& mq = s.commands[3];
  EXPECT_EQ(mq.kind, Command::Kind::assert_malformed);
  EXPECT_EQ(mq.module.kind, ModuleSource::Kind::quote);
  EXPECT_EQ(mq.module.quote, "(func (i32.const 0x))");
  EXPECT_FALSE(wat_to_wasm(mq.module.quote).ok());
  const Command& mb = s.commands[4];
  EXPECT_EQ(mb.module.kind, ModuleSource::Kind::binary);
  EXPECT_EQ(mb.module.bytes, (std::vector<uint8_t>{0x00, 'a', 's', 'm'}));
  EXPECT_EQ(s.commands[5].kind, Command::Kind::assert_invalid);
  EXPECT_EQ(s.commands[5].module.kind, ModuleSource::Kind::binary);
  // A text module failing at the text level inside assert_invalid is kept as its source text.
  const Command& bad = s.commands[6];
  EXPECT_EQ(bad.module.kind, ModuleSource::Kind::quote);
  EXPECT_EQ(bad.module.quote, "(module (func (br $nowhere)))");
  EXPECT_EQ(s.commands[7].kind, Command::Kind::assert_unlinkable);
  EXPECT_EQ(s.commands[8].kind, Command::Kind::assert_uninstantiable);
}

TEST(TextWast, ScriptErrors) {
  // A broken text module outside assert_malformed/assert_invalid is an error of the script.
  auto r = parse_wast("(module (func (br $x)))");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::Malformed);
  EXPECT_FALSE(parse_wast("(assert_return (invoke \"f\" (i32.const nan:canonical)))").ok());
  EXPECT_FALSE(parse_wast("(bogus)").ok());
  EXPECT_FALSE(parse_wast("(assert_trap (invoke \"f\"))").ok());
}

TEST(TextWast, EitherResults) {
  Script s = wast(R"W(
(assert_return (invoke "f") (either (i32.const 1) (i32.const 2)) (f32.const nan:canonical))
(assert_return (invoke "g") (either (v128.const f32x4 nan:arithmetic 0 0 0) (v128.const i8x16 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16)))
)W");
  ASSERT_EQ(s.commands.size(), 2u);
  ASSERT_EQ(s.commands[0].expected.size(), 2u);
  const WastValue& e = s.commands[0].expected[0];
  EXPECT_EQ(e.kind, WastValue::Kind::either);
  ASSERT_EQ(e.alternatives.size(), 2u);
  EXPECT_EQ(e.alternatives[1].kind, WastValue::Kind::i32);
  EXPECT_EQ(u32(e.alternatives[1]), 2u);
  EXPECT_EQ(s.commands[0].expected[1].kind, WastValue::Kind::f32);
  const WastValue& v = s.commands[1].expected[0];
  ASSERT_EQ(v.alternatives.size(), 2u);
  EXPECT_EQ(v.alternatives[0].lane_nan[0], NanPattern::arithmetic);
  EXPECT_EQ(v.alternatives[1].lane_bits, 8);
  // Only in expected results, and never empty.
  EXPECT_FALSE(parse_wast("(assert_return (invoke \"f\") (either))").ok());
  EXPECT_FALSE(parse_wast("(invoke \"f\" (either (i32.const 1)))").ok());
  EXPECT_FALSE(parse_wast("(assert_return (invoke \"f\") (either (i32.const x)))").ok());
}

TEST(TextWast, InlineModuleScript) {
  Script s = wast("(func (export \"f\")) (memory 1)");
  ASSERT_EQ(s.commands.size(), 1u);
  EXPECT_EQ(s.commands[0].kind, Command::Kind::module);
  EXPECT_EQ(s.commands[0].module.bytes, *wat_to_wasm("(module (func (export \"f\")) (memory 1))"));
}

}  // namespace
}  // namespace wisp::text
