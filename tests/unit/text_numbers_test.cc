// Numeric literal tests: integer ranges, float rounding, NaN payloads.
#include <gtest/gtest.h>

#include <cstring>

#include "text/numbers.h"

namespace wisp::text {
namespace {

uint32_t f32_bits(std::string_view t) {
  NumResult r = parse_f32(t);
  EXPECT_TRUE(r.ok()) << t;
  return uint32_t(r.bits);
}
uint64_t f64_bits(std::string_view t) {
  NumResult r = parse_f64(t);
  EXPECT_TRUE(r.ok()) << t;
  return r.bits;
}

TEST(TextNumbers, Integers) {
  EXPECT_EQ(parse_int("0", 32).bits, 0u);
  EXPECT_EQ(parse_int("-1", 32).bits, 0xFFFFFFFFu);
  EXPECT_EQ(parse_int("4294967295", 32).bits, 0xFFFFFFFFu);
  EXPECT_EQ(parse_int("-2147483648", 32).bits, 0x80000000u);
  EXPECT_EQ(parse_int("+0x7fff_ffff", 32).bits, 0x7FFFFFFFu);
  EXPECT_EQ(parse_int("1_000_000", 32).bits, 1000000u);
  EXPECT_EQ(parse_int("0xffff_ffff_ffff_ffff", 64).bits, UINT64_MAX);
  EXPECT_EQ(parse_int("-9223372036854775808", 64).bits, 0x8000000000000000u);
  EXPECT_EQ(parse_int("0x1_0000_0000", 32).status, NumStatus::out_of_range);
  EXPECT_EQ(parse_int("-2147483649", 32).status, NumStatus::out_of_range);
  EXPECT_EQ(parse_int("18446744073709551616", 64).status, NumStatus::out_of_range);
  EXPECT_EQ(parse_int("-9223372036854775809", 64).status, NumStatus::out_of_range);
  EXPECT_EQ(parse_int("0x", 32).status, NumStatus::malformed);
  EXPECT_EQ(parse_int("1_", 32).status, NumStatus::malformed);
  EXPECT_EQ(parse_int("_1", 32).status, NumStatus::malformed);
  EXPECT_EQ(parse_int("1__0", 32).status, NumStatus::malformed);
  EXPECT_EQ(parse_int("0xg", 32).status, NumStatus::malformed);
  EXPECT_EQ(parse_int("1.0", 32).status, NumStatus::malformed);
  EXPECT_EQ(parse_int("-128", 8).bits, 0x80u);
  EXPECT_EQ(parse_int("255", 8).bits, 0xFFu);
  EXPECT_EQ(parse_int("256", 8).status, NumStatus::out_of_range);
  EXPECT_EQ(parse_uint("-1", 32).status, NumStatus::malformed);
  EXPECT_EQ(parse_uint("4294967296", 32).status, NumStatus::out_of_range);
}

TEST(TextNumbers, FloatBasics) {
  EXPECT_EQ(f32_bits("0"), 0u);
  EXPECT_EQ(f32_bits("-0"), 0x80000000u);
  EXPECT_EQ(f32_bits("1"), 0x3F800000u);
  EXPECT_EQ(f32_bits("0x1p-1"), 0x3F000000u);
  EXPECT_EQ(f32_bits("0x1.8p3"), 0x41400000u);
  EXPECT_EQ(f32_bits("1.5e+1_0"), 0x505F8476u);
  EXPECT_EQ(f32_bits("inf"), 0x7F800000u);
  EXPECT_EQ(f32_bits("-inf"), 0xFF800000u);
  EXPECT_EQ(f32_bits("nan"), 0x7FC00000u);
  EXPECT_EQ(f32_bits("-nan"), 0xFFC00000u);
  EXPECT_EQ(f32_bits("nan:0x200000"), 0x7FA00000u);
  EXPECT_EQ(f32_bits("-nan:0x7fffff"), 0xFFFFFFFFu);
  EXPECT_EQ(f64_bits("nan:0x1"), 0x7FF0000000000001u);
  EXPECT_EQ(f64_bits("0x1.fffffffffffffp1023"), 0x7FEFFFFFFFFFFFFFu);
  EXPECT_EQ(f64_bits("4.9e-324"), 1u);
  EXPECT_EQ(f32_bits("1."), 0x3F800000u);
  EXPECT_EQ(f32_bits("0x1."), 0x3F800000u);
  EXPECT_EQ(f32_bits("0x1.p1"), 0x40000000u);
}

TEST(TextNumbers, FloatRounding) {
  // Ties-to-even at the f32 boundary, from hex literals with many digits.
  EXPECT_EQ(f32_bits("0x1.00000100000000000p0"), 0x3F800000u);   // exact tie -> even (down)
  EXPECT_EQ(f32_bits("0x1.00000100000000001p0"), 0x3F800001u);   // just above the tie -> up
  EXPECT_EQ(f32_bits("0x1.00000300000000000p0"), 0x3F800002u);   // tie, odd -> up to even
  EXPECT_EQ(f32_bits("0x1.fffffefffffffffffp0"), 0x3FFFFFFFu);
  // Decimal to f32 directly (no double rounding through f64).
  EXPECT_EQ(f32_bits("1.00000005960464477539062500000000001"), 0x3F800001u);
  EXPECT_EQ(f32_bits("1.000000059604644775390625"), 0x3F800000u);
  EXPECT_EQ(f32_bits("+0x1.fffffep127"), 0x7F7FFFFFu);
  EXPECT_EQ(f32_bits("0x1p-149"), 1u);
  EXPECT_EQ(f32_bits("0x1p-150"), 0u);  // tie with zero rounds to even (zero)
  // Largest value below the overflow threshold still rounds to max finite.
  EXPECT_EQ(f32_bits("0x1.fffffefffffffp127"), 0x7F7FFFFFu);
  EXPECT_EQ(parse_f32("0x1.ffffffp127").status, NumStatus::out_of_range);
  EXPECT_EQ(parse_f32("1e39").status, NumStatus::out_of_range);
  EXPECT_EQ(parse_f64("1e309").status, NumStatus::out_of_range);
  EXPECT_EQ(f64_bits("0x1.000000000000080000000001p0"), 0x3FF0000000000001u);
  EXPECT_EQ(f64_bits("0x1.0000000000000800p0"), 0x3FF0000000000000u);
}

TEST(TextNumbers, FloatErrors) {
  EXPECT_EQ(parse_f32("nan:0x0").status, NumStatus::out_of_range);
  EXPECT_EQ(parse_f32("nan:0x800000").status, NumStatus::out_of_range);
  EXPECT_EQ(parse_f32("nan:1").status, NumStatus::malformed);
  EXPECT_EQ(parse_f32(".0").status, NumStatus::malformed);
  EXPECT_EQ(parse_f32("0e").status, NumStatus::malformed);
  EXPECT_EQ(parse_f32("0x0p").status, NumStatus::malformed);
  EXPECT_EQ(parse_f32("0x.").status, NumStatus::malformed);
  EXPECT_EQ(parse_f32("1x").status, NumStatus::malformed);
  EXPECT_EQ(parse_f32("0x0pA").status, NumStatus::malformed);
  EXPECT_EQ(parse_f32("nan:canonical").status, NumStatus::malformed);
  EXPECT_EQ(parse_f32("infinity").status, NumStatus::malformed);
}

}  // namespace
}  // namespace wisp::text
