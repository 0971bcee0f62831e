#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "validate/const_expr.h"
#include "validate/func_decoder.h"
#include "validate_test_util.h"

namespace wisp::validate {
namespace {

using namespace wisp::validate::testing;

Result<void> check(const TestModule& t, std::vector<uint8_t> code, ValType expected, uint32_t visible = 0) {
  wasm::ConstExpr e;
  e.code = std::move(code);
  return validate_const_expr(t.m, e, expected, visible);
}

void expect_error(const Result<void>& r, ErrorKind kind, const std::string& msg) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, kind) << r.error().to_string();
  EXPECT_EQ(r.error().message.substr(0, msg.size()), msg) << r.error().to_string();
}

TEST(ValidateConstExpr, Constants) {
  TestModule t;
  EXPECT_TRUE(check(t, {0x41, 0x7F, 0x0B}, I32).ok());
  EXPECT_TRUE(check(t, {0x42, 0x7F, 0x0B}, I64).ok());
  EXPECT_TRUE(check(t, {0x43, 0, 0, 0x80, 0x3F, 0x0B}, F32).ok());
  EXPECT_TRUE(check(t, {0x44, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F, 0x0B}, F64).ok());
  EXPECT_TRUE(check(t, {0xD0, 0x6F, 0x0B}, ExternRef).ok());
  expect_error(check(t, {0x43, 0, 0, 0x80, 0x3F, 0x0B}, I32), ErrorKind::Invalid, "type mismatch");
  expect_error(check(t, {0x0B}, I32), ErrorKind::Invalid, "type mismatch");
  expect_error(check(t, {0x41, 0, 0x41, 0, 0x0B}, I32), ErrorKind::Invalid, "type mismatch");
  expect_error(check(t, {0xD0, 0x70, 0x0B}, ExternRef), ErrorKind::Invalid, "type mismatch");
}

TEST(ValidateConstExpr, NonConstantInstructions) {
  TestModule t;
  expect_error(check(t, {0x41, 0, 0x41, 0, 0x6A, 0x0B}, I32), ErrorKind::Invalid, "constant expression required");
  expect_error(check(t, {0x01, 0x0B}, I32), ErrorKind::Invalid, "constant expression required");
  expect_error(check(t, {0x41, 0, 0x01, 0x0B}, I32), ErrorKind::Invalid, "constant expression required");
  expect_error(check(t, {0x20, 0, 0x0B}, I32), ErrorKind::Invalid, "constant expression required");
  expect_error(check(t, {0xFC, 0, 0x0B}, I32), ErrorKind::Invalid, "constant expression required");
  expect_error(check(t, {0xF3, 0, 0x0B}, FuncRef), ErrorKind::Malformed, "illegal opcode");
  expect_error(check(t, {0x41, 0}, I32), ErrorKind::Malformed, "unexpected end");
  expect_error(check(t, {0x41, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, 0x0B}, I32), ErrorKind::Malformed,
               "integer representation too long");
}

// Extended constant expressions: decoded by the same FuncDecoder, admitted only when the feature is on.
TEST(ValidateConstExpr, ExtendedConst) {
  TestModule t;
  auto ext = [&](std::vector<uint8_t> code, ValType expected) {
    wasm::ConstExpr e;
    e.code = std::move(code);
    return validate_const_expr(t.m, e, expected, 0, /*extended_const=*/true);
  };
  EXPECT_TRUE(ext({0x41, 2, 0x41, 3, 0x6C, 0x41, 1, 0x6B, 0x0B}, I32).ok());  // (2*3)-1
  EXPECT_TRUE(ext({0x42, 2, 0x42, 3, 0x7C, 0x0B}, I64).ok());
  expect_error(ext({0x41, 2, 0x42, 3, 0x6A, 0x0B}, I32), ErrorKind::Invalid, "type mismatch");
  expect_error(ext({0x41, 2, 0x6A, 0x0B}, I32), ErrorKind::Invalid, "type mismatch");
  expect_error(ext({0x41, 2, 0x41, 3, 0x6D, 0x0B}, I32), ErrorKind::Invalid, "constant expression required");
  expect_error(check(t, {0x42, 2, 0x42, 3, 0x7E, 0x0B}, I64), ErrorKind::Invalid, "constant expression required");
}

TEST(ValidateConstExpr, GlobalGet) {
  TestModule t;
  t.global(I32, false);  // imported
  t.global(I64, true);   // imported, mutable
  t.global(I32, false);  // defined
  EXPECT_TRUE(check(t, {0x23, 0, 0x0B}, I32, 2).ok());
  expect_error(check(t, {0x23, 0, 0x0B}, I64, 2), ErrorKind::Invalid, "type mismatch");
  expect_error(check(t, {0x23, 1, 0x0B}, I64, 2), ErrorKind::Invalid, "constant expression required");
  expect_error(check(t, {0x23, 2, 0x0B}, I32, 2), ErrorKind::Invalid, "unknown global 2");
  expect_error(check(t, {0x23, 7, 0x0B}, I32, 2), ErrorKind::Invalid, "unknown global 7");
}

TEST(ValidateConstExpr, RefFunc) {
  TestModule t;
  uint32_t ty = t.type({}, {});
  t.func(ty, {0x0B});
  // ref.func in a constant expression does not need a prior declaration (it is one)
  EXPECT_TRUE(check(t, {0xD2, 0, 0x0B}, FuncRef).ok());
  expect_error(check(t, {0xD2, 1, 0x0B}, FuncRef), ErrorKind::Invalid, "unknown function 1");
  expect_error(check(t, {0xD2, 0, 0x0B}, I32), ErrorKind::Invalid, "type mismatch");
}

TEST(ValidateConstExpr, Hooks) {
  struct Rec : NullVisitor {
    std::vector<std::string> log;
    void on_i64_const(uint64_t v) { log.push_back("i64 " + std::to_string(v)); }
    void on_global_get(uint32_t i, wasm::ValType) { log.push_back("global " + std::to_string(i)); }
    void end_function(bool r) { log.push_back(r ? "end 1" : "end 0"); }
  };
  TestModule t;
  t.global(I64, false);
  wasm::ConstExpr e;
  e.code = {0x42, 0x2A, 0x0B};
  Rec r;
  FuncDecoder<ConstExprTag, Rec> d(t.m, e, I64, 1, r);
  ASSERT_TRUE(d.decode().ok());
  EXPECT_EQ(r.log, (std::vector<std::string>{"i64 42", "end 1"}));
  Rec r2;
  e.code = {0x23, 0, 0x0B};
  FuncDecoder<ConstExprTag, Rec> d2(t.m, e, I64, 1, r2);
  ASSERT_TRUE(d2.decode().ok());
  EXPECT_EQ(r2.log, (std::vector<std::string>{"global 0", "end 1"}));
}

}  // namespace
}  // namespace wisp::validate
