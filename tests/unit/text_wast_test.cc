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

TEST(TextWast, CommandsThatFailToParseFailAlone) {
  // A broken text module outside assert_malformed/assert_invalid, or a command that does not parse, is
  // recorded in that command; the commands around it are kept.
  Script s = wast(R"W(
(module $A (func (br $x)))
(assert_return (invoke "f" (i32.const nan:canonical)))
(bogus)
(assert_trap (invoke "f"))
(assert_trap (module (func (i32.foo))) "unreachable")
(module $B (func))
)W");
  ASSERT_EQ(s.commands.size(), 6u);
  EXPECT_EQ(s.commands[0].kind, Command::Kind::module);
  EXPECT_EQ(s.commands[0].module_name, "$A");
  EXPECT_NE(s.commands[0].parse_error.find("unknown label"), std::string::npos) << s.commands[0].parse_error;
  for (int i = 1; i <= 3; ++i) {
    EXPECT_EQ(s.commands[i].kind, Command::Kind::bad) << i;
    EXPECT_FALSE(s.commands[i].parse_error.empty()) << i;
  }
  EXPECT_EQ(s.commands[2].line, 4u);
  EXPECT_EQ(s.commands[4].kind, Command::Kind::assert_trap);
  EXPECT_FALSE(s.commands[4].parse_error.empty());
  EXPECT_EQ(s.commands[5].module_name, "$B");
  EXPECT_TRUE(s.commands[5].parse_error.empty());
}

TEST(TextWast, LexicalErrorsFailTheirCommandsOnly) {
  Script s = wast("(module $A (func))\n(module $B (func {x}))\n(invoke \"f\" \"\\q\")\n)\n"
                  "(module definition $C \"a\"b)\n(invoke $A \"f\")\n(module (func)");
  ASSERT_EQ(s.commands.size(), 7u);
  EXPECT_TRUE(s.commands[0].parse_error.empty());
  EXPECT_EQ(s.commands[1].kind, Command::Kind::module);
  EXPECT_EQ(s.commands[1].module_name, "$B");
  EXPECT_EQ(s.commands[1].line, 2u);
  EXPECT_NE(s.commands[1].parse_error.find("2:18"), std::string::npos) << s.commands[1].parse_error;
  EXPECT_EQ(s.commands[2].kind, Command::Kind::bad);
  EXPECT_EQ(s.commands[3].kind, Command::Kind::bad);  // a stray ")"
  EXPECT_EQ(s.commands[4].kind, Command::Kind::module);
  EXPECT_TRUE(s.commands[4].definition);
  EXPECT_EQ(s.commands[4].module_name, "$C");
  EXPECT_EQ(s.commands[5].kind, Command::Kind::action);
  EXPECT_EQ(s.commands[5].line, 6u);
  EXPECT_TRUE(s.commands[5].parse_error.empty());
  EXPECT_EQ(s.commands[6].kind, Command::Kind::module);  // unclosed at the end
  EXPECT_FALSE(s.commands[6].parse_error.empty());
}

TEST(TextWast, DefinitionsInstancesAndExceptions) {
  Script s = wast(R"W(
(module definition $M (func (export "f")))
(module definition binary "\00asm\01\00\00\00")
(module instance $I1 $M)
(module instance $M)
(module instance)
(register "i1" $I1)
(assert_exception (invoke $I1 "f"))
(assert_malformed_custom (module quote "(@custom)") "@custom annotation: missing section name")
(assert_invalid_custom (module (func)) "x")
)W");
  ASSERT_EQ(s.commands.size(), 9u);
  EXPECT_EQ(s.commands[0].kind, Command::Kind::module);
  EXPECT_TRUE(s.commands[0].definition);
  EXPECT_EQ(s.commands[0].module_name, "$M");
  EXPECT_EQ(s.commands[0].module.bytes, *wat_to_wasm("(module (func (export \"f\")))"));
  EXPECT_TRUE(s.commands[1].definition);
  EXPECT_EQ(s.commands[1].module.bytes.size(), 8u);
  EXPECT_EQ(s.commands[2].kind, Command::Kind::module_instance);
  EXPECT_EQ(s.commands[2].module_name, "$I1");
  EXPECT_EQ(s.commands[2].definition_name, "$M");
  EXPECT_EQ(s.commands[3].module_name, "");
  EXPECT_EQ(s.commands[3].definition_name, "$M");
  EXPECT_EQ(s.commands[4].definition_name, "");
  EXPECT_EQ(s.commands[6].kind, Command::Kind::assert_exception);
  EXPECT_EQ(s.commands[6].action.module, "$I1");
  EXPECT_EQ(s.commands[7].kind, Command::Kind::assert_malformed_custom);
  EXPECT_EQ(s.commands[7].module.quote, "(@custom)");
  EXPECT_EQ(s.commands[8].kind, Command::Kind::assert_invalid_custom);
}

TEST(TextWast, ReferenceValues) {
  Script s = wast(R"W(
(assert_return (invoke "f" (ref.null exn) (ref.null any) (ref.host 3))
  (ref.null) (ref.null nofunc) (ref.null noexn) (ref.host 7) (ref.exn) (ref.any) (ref.eq) (ref.i31)
  (ref.struct) (ref.array) (ref.extern))
(assert_return (invoke "f" (ref.struct)))
(assert_return (invoke "f") (ref.null bogus))
)W");
  ASSERT_EQ(s.commands.size(), 3u);
  const auto& a = s.commands[0].action.args;
  ASSERT_EQ(a.size(), 3u);
  EXPECT_EQ(a[0].ref_type, wasm::ValType::exnref());
  EXPECT_EQ(a[1].ref_type, wasm::ValType::ref(uint32_t(wasm::HeapKind::any), true));
  EXPECT_EQ(a[2].kind, WastValue::Kind::ref_host);
  EXPECT_EQ(u32(a[2]), 3u);
  const auto& e = s.commands[0].expected;
  ASSERT_EQ(e.size(), 11u);
  EXPECT_TRUE(e[0].ref_null_any);
  EXPECT_EQ(e[1].ref_type, wasm::ValType::ref(uint32_t(wasm::HeapKind::nofunc), true));
  EXPECT_EQ(e[3].kind, WastValue::Kind::ref_host);
  EXPECT_EQ(e[4].kind, WastValue::Kind::ref_exn);
  EXPECT_EQ(e[5].kind, WastValue::Kind::ref_any);
  EXPECT_EQ(e[6].kind, WastValue::Kind::ref_eq);
  EXPECT_EQ(e[7].kind, WastValue::Kind::ref_i31);
  EXPECT_EQ(e[8].kind, WastValue::Kind::ref_struct);
  EXPECT_EQ(e[9].kind, WastValue::Kind::ref_array);
  EXPECT_TRUE(e[10].ref_extern_any);
  // (ref.struct) is no argument; an unknown heap type is no value.
  EXPECT_EQ(s.commands[1].kind, Command::Kind::bad);
  EXPECT_EQ(s.commands[2].kind, Command::Kind::bad);
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
  // Only in expected results, and never empty: otherwise the command fails to parse (and only it).
  for (const char* bad : {"(assert_return (invoke \"f\") (either))", "(invoke \"f\" (either (i32.const 1)))",
                          "(assert_return (invoke \"f\") (either (i32.const x)))"}) {
    Result<Script> r = parse_wast(bad);
    ASSERT_TRUE(r.ok()) << bad;
    ASSERT_EQ(r->commands.size(), 1u) << bad;
    EXPECT_FALSE(r->commands[0].parse_error.empty()) << bad;
  }
}

TEST(TextWast, InlineModuleScript) {
  Script s = wast("(func (export \"f\")) (memory 1)");
  ASSERT_EQ(s.commands.size(), 1u);
  EXPECT_EQ(s.commands[0].kind, Command::Kind::module);
  EXPECT_EQ(s.commands[0].module.bytes, *wat_to_wasm("(module (func (export \"f\")) (memory 1))"));
}

}  // namespace
}  // namespace wisp::text
