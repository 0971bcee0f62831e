// Result comparison of `wisp wast` assert_return (cli/wast_match.h): bit-exact values, NaN patterns,
// v128 lane shapes and references.
#include "../../cli/wast_match.h"

#include <gtest/gtest.h>

#include <cstring>

using wisp::cli::GotValue;
using wisp::cli::to_string;
using wisp::cli::value_matches;
using wisp::text::NanPattern;
using wisp::text::WastValue;
using GK = GotValue::Kind;
using WK = WastValue::Kind;

namespace {

WastValue want32(WK kind, uint32_t bits, NanPattern nan = NanPattern::none) {
  WastValue v;
  v.kind = kind;
  std::memcpy(v.bytes, &bits, 4);
  v.nan = nan;
  return v;
}

WastValue want64(WK kind, uint64_t bits, NanPattern nan = NanPattern::none) {
  WastValue v;
  v.kind = kind;
  std::memcpy(v.bytes, &bits, 8);
  v.nan = nan;
  return v;
}

TEST(CliWastMatch, IntegersAreBitExactAndKindChecked) {
  EXPECT_TRUE(value_matches(want32(WK::i32, 7), GotValue::bits32(GK::i32, 7)));
  EXPECT_FALSE(value_matches(want32(WK::i32, 7), GotValue::bits32(GK::i32, 8)));
  EXPECT_FALSE(value_matches(want32(WK::i32, 7), GotValue::bits64(GK::i64, 7)));
  EXPECT_TRUE(value_matches(want64(WK::i64, 0x8000000000000000ull), GotValue::bits64(GK::i64, 0x8000000000000000ull)));
  EXPECT_FALSE(value_matches(want64(WK::i64, 1), GotValue::bits64(GK::i64, 0x100000001ull)));
}

TEST(CliWastMatch, FloatsCompareByBits) {
  EXPECT_TRUE(value_matches(want32(WK::f32, 0x3f800000u), GotValue::bits32(GK::f32, 0x3f800000u)));
  EXPECT_FALSE(value_matches(want32(WK::f32, 0x00000000u), GotValue::bits32(GK::f32, 0x80000000u)));  // 0 vs -0
  EXPECT_TRUE(value_matches(want32(WK::f32, 0x7fc00001u), GotValue::bits32(GK::f32, 0x7fc00001u)));   // exact NaN
  EXPECT_FALSE(value_matches(want32(WK::f32, 0x7fc00001u), GotValue::bits32(GK::f32, 0x7fc00000u)));
  EXPECT_FALSE(value_matches(want64(WK::f64, 0x0ull), GotValue::bits64(GK::f64, 0x8000000000000000ull)));
  EXPECT_FALSE(value_matches(want32(WK::f32, 0x3f800000u), GotValue::bits32(GK::i32, 0x3f800000u)));
}

TEST(CliWastMatch, CanonicalNanOfEitherSign) {
  auto c32 = want32(WK::f32, 0, NanPattern::canonical);
  EXPECT_TRUE(value_matches(c32, GotValue::bits32(GK::f32, 0x7fc00000u)));
  EXPECT_TRUE(value_matches(c32, GotValue::bits32(GK::f32, 0xffc00000u)));
  EXPECT_FALSE(value_matches(c32, GotValue::bits32(GK::f32, 0x7fc00001u)));  // payload beyond the quiet bit
  EXPECT_FALSE(value_matches(c32, GotValue::bits32(GK::f32, 0x7fa00000u)));  // signalling
  EXPECT_FALSE(value_matches(c32, GotValue::bits32(GK::f32, 0x7f800000u)));  // infinity
  auto c64 = want64(WK::f64, 0, NanPattern::canonical);
  EXPECT_TRUE(value_matches(c64, GotValue::bits64(GK::f64, 0x7ff8000000000000ull)));
  EXPECT_TRUE(value_matches(c64, GotValue::bits64(GK::f64, 0xfff8000000000000ull)));
  EXPECT_FALSE(value_matches(c64, GotValue::bits64(GK::f64, 0x7ff8000000000001ull)));
  EXPECT_FALSE(value_matches(c64, GotValue::bits64(GK::f64, 0x7ff0000000000000ull)));
}

TEST(CliWastMatch, ArithmeticNanNeedsTheQuietBit) {
  auto a32 = want32(WK::f32, 0, NanPattern::arithmetic);
  EXPECT_TRUE(value_matches(a32, GotValue::bits32(GK::f32, 0x7fc00000u)));
  EXPECT_TRUE(value_matches(a32, GotValue::bits32(GK::f32, 0xffc12345u)));
  EXPECT_FALSE(value_matches(a32, GotValue::bits32(GK::f32, 0x7f812345u)));  // signalling NaN
  EXPECT_FALSE(value_matches(a32, GotValue::bits32(GK::f32, 0x3fc00000u)));  // a number with the bit set
  auto a64 = want64(WK::f64, 0, NanPattern::arithmetic);
  EXPECT_TRUE(value_matches(a64, GotValue::bits64(GK::f64, 0xfff8000000000123ull)));
  EXPECT_FALSE(value_matches(a64, GotValue::bits64(GK::f64, 0x7ff0000000000123ull)));
  EXPECT_FALSE(value_matches(a64, GotValue::bits32(GK::f32, 0x7fc00000u)));  // wrong type
}

TEST(CliWastMatch, V128LanesPerShape) {
  WastValue w;
  w.kind = WK::v128;
  w.lane_bits = 32;
  w.lanes_float = true;
  uint32_t lanes[4] = {0x3f800000u, 0, 0, 0x40000000u};
  std::memcpy(w.bytes, lanes, 16);
  w.lane_nan[1] = NanPattern::canonical;
  w.lane_nan[2] = NanPattern::arithmetic;
  GotValue g;
  g.kind = GK::v128;
  uint32_t got[4] = {0x3f800000u, 0xffc00000u, 0x7fc00042u, 0x40000000u};
  std::memcpy(g.bytes, got, 16);
  EXPECT_TRUE(value_matches(w, g));
  got[2] = 0x7f800042u;  // not arithmetic
  std::memcpy(g.bytes, got, 16);
  EXPECT_FALSE(value_matches(w, g));

  WastValue wi;
  wi.kind = WK::v128;
  wi.lane_bits = 8;
  for (int i = 0; i < 16; ++i) wi.bytes[i] = uint8_t(i);
  GotValue gi;
  gi.kind = GK::v128;
  for (int i = 0; i < 16; ++i) gi.bytes[i] = uint8_t(i);
  EXPECT_TRUE(value_matches(wi, gi));
  gi.bytes[15] = 0;
  EXPECT_FALSE(value_matches(wi, gi));
}

TEST(CliWastMatch, References) {
  WastValue null_func;
  null_func.kind = WK::ref_null;
  null_func.ref_type = wisp::wasm::ValType::funcref();
  WastValue null_extern = null_func;
  null_extern.ref_type = wisp::wasm::ValType::externref();
  EXPECT_TRUE(value_matches(null_func, GotValue::ref(GK::funcref, true)));
  EXPECT_FALSE(value_matches(null_func, GotValue::ref(GK::externref, true)));
  EXPECT_FALSE(value_matches(null_func, GotValue::ref(GK::funcref, false)));
  EXPECT_TRUE(value_matches(null_extern, GotValue::ref(GK::externref, true)));

  WastValue ext = want32(WK::ref_extern, 1);
  EXPECT_TRUE(value_matches(ext, GotValue::ref(GK::externref, false, 1)));
  EXPECT_FALSE(value_matches(ext, GotValue::ref(GK::externref, false, 2)));
  EXPECT_FALSE(value_matches(ext, GotValue::ref(GK::externref, true)));
  EXPECT_FALSE(value_matches(want32(WK::ref_extern, 0), GotValue::ref(GK::externref, true)));  // 0 is not null
  WastValue any_ext = want32(WK::ref_extern, 0);
  any_ext.ref_extern_any = true;
  EXPECT_TRUE(value_matches(any_ext, GotValue::ref(GK::externref, false, 9)));
  EXPECT_FALSE(value_matches(any_ext, GotValue::ref(GK::externref, true)));
  EXPECT_FALSE(value_matches(any_ext, GotValue::ref(GK::funcref, false)));

  WastValue any_func;
  any_func.kind = WK::ref_func;
  any_func.ref_func_any = true;
  EXPECT_TRUE(value_matches(any_func, GotValue::ref(GK::funcref, false)));
  EXPECT_FALSE(value_matches(any_func, GotValue::ref(GK::funcref, true)));
  EXPECT_FALSE(value_matches(any_func, GotValue::ref(GK::externref, false, 3)));
}

TEST(CliWastMatch, EitherMatchesAnyAlternative) {
  WastValue e;
  e.kind = WK::either;
  e.alternatives = {want32(WK::i32, 1), want32(WK::i32, 2)};
  EXPECT_TRUE(value_matches(e, GotValue::bits32(GK::i32, 1)));
  EXPECT_TRUE(value_matches(e, GotValue::bits32(GK::i32, 2)));
  EXPECT_FALSE(value_matches(e, GotValue::bits32(GK::i32, 3)));
  EXPECT_FALSE(value_matches(e, GotValue::bits32(GK::f32, 1)));
  e.alternatives.push_back(want32(WK::f32, 0, NanPattern::canonical));  // patterns still apply inside
  EXPECT_TRUE(value_matches(e, GotValue::bits32(GK::f32, 0xffc00000u)));
  EXPECT_EQ(to_string(e), "either(i32.const 1 (0x00000001) | i32.const 2 (0x00000002) | f32.const nan:canonical)");
}

TEST(CliWastMatch, Display) {
  EXPECT_EQ(to_string(want32(WK::i32, 0xffffffffu)), "i32.const -1 (0xffffffff)");
  EXPECT_EQ(to_string(want32(WK::f32, 0, NanPattern::canonical)), "f32.const nan:canonical");
  EXPECT_EQ(to_string(GotValue::bits32(GK::f32, 0x3f800000u)), "f32.const 1 (0x3f800000)");
  EXPECT_EQ(to_string(GotValue::ref(GK::externref, false, 5)), "ref.extern 5");
}

}  // namespace
