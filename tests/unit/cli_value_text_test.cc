// Number parsing and printing of `wisp run --invoke` (cli/value_text.h).
#include "../../cli/value_text.h"

#include <gtest/gtest.h>

#include <cstring>

using wisp::cli::format_f32;
using wisp::cli::format_f64;
using wisp::cli::parse_f32_bits;
using wisp::cli::parse_f64_bits;
using wisp::cli::parse_int;

namespace {

TEST(CliValueText, IntegersInBothSignedAndUnsignedRanges) {
  EXPECT_EQ(parse_int("10", 32), 10u);
  EXPECT_EQ(parse_int("-1", 32), 0xffffffffu);
  EXPECT_EQ(parse_int("4294967295", 32), 0xffffffffu);
  EXPECT_EQ(parse_int("-2147483648", 32), 0x80000000u);
  EXPECT_EQ(parse_int("0x7fff_ffff", 32), 0x7fffffffu);
  EXPECT_EQ(parse_int("-0x10", 64), 0xfffffffffffffff0ull);
  EXPECT_EQ(parse_int("18446744073709551615", 64), UINT64_MAX);
  EXPECT_EQ(parse_int("-9223372036854775808", 64), 0x8000000000000000ull);
  EXPECT_EQ(parse_int("+7", 64), 7u);
}

TEST(CliValueText, IntegerErrors) {
  EXPECT_FALSE(parse_int("4294967296", 32));
  EXPECT_FALSE(parse_int("-2147483649", 32));
  EXPECT_FALSE(parse_int("18446744073709551616", 64));
  EXPECT_FALSE(parse_int("", 32));
  EXPECT_FALSE(parse_int("-", 32));
  EXPECT_FALSE(parse_int("0x", 32));
  EXPECT_FALSE(parse_int("12a", 32));
  EXPECT_FALSE(parse_int("1__0", 32));
  EXPECT_FALSE(parse_int("_1", 32));
  EXPECT_FALSE(parse_int("1.5", 32));
  EXPECT_FALSE(parse_int(" 1", 32));
}

TEST(CliValueText, FloatsParse) {
  EXPECT_EQ(parse_f32_bits("1.5"), 0x3fc00000u);
  EXPECT_EQ(parse_f32_bits("-0"), 0x80000000u);
  EXPECT_EQ(parse_f32_bits("0x1.8p1"), 0x40400000u);
  EXPECT_EQ(parse_f32_bits("inf"), 0x7f800000u);
  EXPECT_EQ(parse_f32_bits("-inf"), 0xff800000u);
  EXPECT_EQ(parse_f32_bits("nan"), 0x7fc00000u);
  EXPECT_EQ(parse_f32_bits("-nan"), 0xffc00000u);
  EXPECT_EQ(parse_f32_bits("nan:0x1"), 0x7f800001u);
  EXPECT_EQ(parse_f64_bits("0.1"), 0x3fb999999999999aull);
  EXPECT_EQ(parse_f64_bits("1e308"), 0x7fe1ccf385ebc8a0ull);
  EXPECT_EQ(parse_f64_bits("nan:0x4"), 0x7ff0000000000004ull);
  EXPECT_EQ(parse_f64_bits("1_000.5"), parse_f64_bits("1000.5"));
}

TEST(CliValueText, FloatErrors) {
  EXPECT_FALSE(parse_f32_bits(""));
  EXPECT_FALSE(parse_f32_bits("abc"));
  EXPECT_FALSE(parse_f32_bits("1.5x"));
  EXPECT_FALSE(parse_f32_bits(" 1"));
  EXPECT_FALSE(parse_f32_bits("nan:0x0"));
  EXPECT_FALSE(parse_f32_bits("nan:0x800000"));  // payload wider than 23 bits
  EXPECT_FALSE(parse_f64_bits("nan:0x10000000000000"));
}

TEST(CliValueText, FloatsPrintShortestAndRoundTrip) {
  EXPECT_EQ(format_f64(*parse_f64_bits("3628800")), "3628800");
  EXPECT_EQ(format_f64(*parse_f64_bits("0.1")), "0.1");
  EXPECT_EQ(format_f32(*parse_f32_bits("0.1")), "0.1");
  EXPECT_EQ(format_f32(0x80000000u), "-0");
  EXPECT_EQ(format_f32(0x7f800000u), "inf");
  EXPECT_EQ(format_f64(0xfff0000000000000ull), "-inf");
  EXPECT_EQ(format_f32(0x7fc00000u), "nan");
  EXPECT_EQ(format_f32(0xffc00000u), "-nan");
  EXPECT_EQ(format_f32(0x7fa00001u), "nan:0x200001");
  EXPECT_EQ(format_f64(0x7ff0000000000004ull), "nan:0x4");
  // Every printed value reads back to the same bits.
  const uint32_t f32s[] = {0x00000001u, 0x7f7fffffu, 0x3eaaaaabu, 0xc2f6e979u, 0x7f800001u, 0xff812345u};
  for (uint32_t b : f32s) EXPECT_EQ(parse_f32_bits(format_f32(b)), b) << format_f32(b);
  const uint64_t f64s[] = {1ull, 0x7fefffffffffffffull, 0x3fd5555555555555ull, 0x7ff0000000000001ull,
                           0x8000000000000000ull};
  for (uint64_t b : f64s) EXPECT_EQ(parse_f64_bits(format_f64(b)), b) << format_f64(b);
}

}  // namespace
