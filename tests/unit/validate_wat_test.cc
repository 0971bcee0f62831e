// End-to-end validation of small text modules: text -> binary -> module decoder -> validator.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "binary/module_decoder.h"
#include "text/wat.h"
#include "validate/module_validator.h"

namespace wisp::validate {
namespace {

Result<void> validate_wat(std::string_view wat) {
  auto bytes = text::wat_to_wasm(wat);
  if (!bytes) return bytes.error();
  auto m = binary::decode_module(std::move(*bytes));
  if (!m) return m.error();
  return validate_module(**m);
}

void expect_ok(std::string_view wat) {
  auto r = validate_wat(wat);
  EXPECT_TRUE(r.ok()) << wat << "\n" << (r.ok() ? "" : r.error().to_string());
}

void expect_invalid(std::string_view wat, const std::string& msg) {
  auto r = validate_wat(wat);
  ASSERT_FALSE(r.ok()) << wat;
  EXPECT_EQ(r.error().kind, ErrorKind::Invalid) << r.error().to_string();
  EXPECT_EQ(r.error().message.substr(0, msg.size()), msg) << r.error().to_string();
}

TEST(ValidateWat, ValidPrograms) {
  expect_ok(R"wat((module
    (func $fac (export "fac") (param i64) (result i64)
      (if (result i64) (i64.eqz (local.get 0))
        (then (i64.const 1))
        (else (i64.mul (local.get 0) (call $fac (i64.sub (local.get 0) (i64.const 1)))))))))wat");
  expect_ok(R"wat((module
    (func (param i32) (result i32 i64)
      (block (result i32 i64)
        (br_table 0 0 (i32.const 1) (i64.const 2) (local.get 0))))))wat");
  expect_ok(R"wat((module
    (memory 1) (data "abc")
    (func (memory.init 0 (i32.const 0) (i32.const 0) (i32.const 3)) (data.drop 0))))wat");
  expect_ok(R"wat((module
    (table 2 funcref) (elem declare func 0)
    (func (result funcref) (ref.func 0))
    (func (param i32) (result i32) (call_indirect (param i32) (result i32) (local.get 0) (i32.const 0)))))wat");
}

TEST(ValidateWat, InvalidPrograms) {
  expect_invalid("(module (func (result i32) (i64.const 1)))", "type mismatch");
  expect_invalid("(module (func (br 1)))", "unknown label");
  expect_invalid("(module (func (local.get 0) (drop)))", "unknown local");
  expect_invalid("(module (func (drop (i32.load (i32.const 0)))))", "unknown memory");
  expect_invalid("(module (func (result i32) (ref.func 0) (ref.is_null)))", "undeclared function reference");
  expect_invalid("(module (global i32 (i32.const 0)) (func (global.set 0 (i32.const 1))))", "global is immutable");
  expect_invalid("(module (global i32 (i32.div_s (i32.const 1) (i32.const 1))))", "constant expression required");
}

}  // namespace
}  // namespace wisp::validate

namespace wisp::validate {
namespace {

// Errors in constant expressions name the module offset, not one relative to the expression (issue 19).
TEST(ValidateWat, ConstExprErrorOffsetsAreModuleOffsets) {
  auto bytes = text::wat_to_wasm("(module (global i32 (i64.const 0)))");
  ASSERT_TRUE(bytes.ok());
  const std::vector<uint8_t> init = {0x42, 0x00, 0x0B};  // i64.const 0, end
  auto at = std::search(bytes->begin(), bytes->end(), init.begin(), init.end());
  ASSERT_NE(at, bytes->end());
  uint64_t end_offset = uint64_t(at - bytes->begin()) + 2;
  auto m = binary::decode_module(std::move(*bytes));
  ASSERT_TRUE(m.ok());
  auto r = validate_module(**m);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message.substr(0, 13), "type mismatch");
  EXPECT_EQ(r.error().offset, end_offset) << r.error().to_string();
}

}  // namespace
}  // namespace wisp::validate
