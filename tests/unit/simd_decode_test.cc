// SIMD decoding and validation (validate/func_decoder_simd.h) and the opcode table (wasm/simd_opcodes.def).
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "validate/validate_function.h"
#include "validate_test_util.h"
#include "wasm/simd_opcodes.h"

namespace wisp::validate {
namespace {

using namespace wisp::validate::testing;
const ValType V128 = ValType::v128();

Result<void> check(std::vector<ValType> params, std::vector<ValType> results, std::vector<uint8_t> code,
                   bool with_memory = true) {
  TestModule t;
  if (with_memory) t.memory();
  uint32_t ty = t.type(std::move(params), std::move(results));
  uint32_t f = t.func(ty, std::move(code));
  return validate_function(t.m, f);
}

void expect_ok(const Result<void>& r) { EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().to_string()); }
void expect_error(const Result<void>& r, ErrorKind kind, const std::string& msg) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, kind) << r.error().to_string();
  EXPECT_EQ(r.error().message.substr(0, msg.size()), msg) << r.error().to_string();
}

TEST(SimdOpcodes, TableIsComplete) {
  EXPECT_EQ(wasm::kNumSimdOps, 256u);  // 236 of Wasm 2.0 and 20 of relaxed SIMD
  std::set<uint32_t> codes;
  for (const auto& info : wasm::kSimdOpInfo) {
    EXPECT_TRUE(codes.insert(info.code).second) << info.name;
    auto back = wasm::simd_op_from_name(info.name, Features::all());
    ASSERT_TRUE(back.has_value()) << info.name;
    EXPECT_EQ(wasm::simd_op_info(*back).code, info.code);
  }
  EXPECT_EQ(wasm::simd_op_info(wasm::SimdOp::i32x4_dot_i16x8_s).code, 0xBAu);
  EXPECT_FALSE(wasm::simd_op_from_code(0x9A).has_value());  // unassigned (removed prototype opcode)
}

TEST(SimdDecode, ConstAndBinop) {
  std::vector<uint8_t> code = {0xFD, 12};
  code.insert(code.end(), 16, 1);
  code.insert(code.end(), {0x20, 0, 0xFD, 0xAE, 0x01, 0x0B});  // local.get 0; i32x4.add
  expect_ok(check({V128}, {V128}, code));
}

TEST(SimdDecode, TypeMismatch) {
  // i32.const 0; i32x4.neg
  expect_error(check({}, {V128}, {0x41, 0, 0xFD, 0xA1, 0x01, 0x0B}), ErrorKind::Invalid, "type mismatch");
  // local.get 0 (v128); i32x4.extract_lane 0 -> i32, but the result is v128
  expect_error(check({V128}, {V128}, {0x20, 0, 0xFD, 27, 0, 0x0B}), ErrorKind::Invalid, "type mismatch");
  expect_ok(check({V128}, {I32}, {0x20, 0, 0xFD, 27, 3, 0x0B}));
}

TEST(SimdDecode, LaneIndexBounds) {
  expect_error(check({V128}, {I32}, {0x20, 0, 0xFD, 27, 4, 0x0B}), ErrorKind::Invalid, "invalid lane index");
  expect_ok(check({V128}, {I32}, {0x20, 0, 0xFD, 21, 15, 0x0B}));
  std::vector<uint8_t> shuffle = {0x20, 0, 0x20, 0, 0xFD, 13};
  shuffle.insert(shuffle.end(), 15, 31);
  shuffle.push_back(32);
  shuffle.push_back(0x0B);
  expect_error(check({V128}, {V128}, shuffle), ErrorKind::Invalid, "invalid lane index");
}

TEST(SimdDecode, MemoryForms) {
  // i32.const 0; v128.load align=4 offset=0
  expect_ok(check({}, {V128}, {0x41, 0, 0xFD, 0, 4, 0, 0x0B}));
  expect_error(check({}, {V128}, {0x41, 0, 0xFD, 0, 5, 0, 0x0B}), ErrorKind::Invalid,
               "alignment must not be larger than natural");
  expect_error(check({}, {V128}, {0x41, 0, 0xFD, 0, 4, 0, 0x0B}, false), ErrorKind::Invalid, "unknown memory");
  // v128.load16_lane align=1 offset=0 lane 7, then lane 8
  expect_ok(check({V128}, {V128}, {0x41, 0, 0x20, 0, 0xFD, 85, 1, 0, 7, 0x0B}));
  expect_error(check({V128}, {V128}, {0x41, 0, 0x20, 0, 0xFD, 85, 1, 0, 8, 0x0B}), ErrorKind::Invalid,
               "invalid lane index");
  // v128.store: no result
  expect_ok(check({V128}, {}, {0x41, 0, 0x20, 0, 0xFD, 11, 4, 0, 0x0B}));
}

TEST(SimdDecode, IllegalAndTruncated) {
  expect_error(check({}, {}, {0xFD, 0x9A, 0x01, 0x0B}), ErrorKind::Malformed, "illegal opcode");
  expect_error(check({}, {V128}, {0xFD, 12, 1, 2, 3}), ErrorKind::Malformed, "unexpected end");
}

}  // namespace
}  // namespace wisp::validate
