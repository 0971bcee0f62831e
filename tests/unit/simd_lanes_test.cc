// SIMD lane semantics: known answers for the tricky operators, and on x86-64 a cross-check of every
// SSE4.1 override against the portable implementation on random and edge-case inputs.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <string_view>

#include "interp/simd.h"
#include "interp/simd_op_lists.h"

namespace {

using namespace wisp::interp::simd;
namespace p = wisp::interp::simd::portable;

template <typename L, typename... Ls>
V128 make(Ls... ls) {
  L v[16 / sizeof(L)] = {L(ls)...};
  return load16(v);
}
template <typename L>
L at(V128 x, int i) {
  L v;
  std::memcpy(&v, reinterpret_cast<const char*>(&x) + i * sizeof(L), sizeof(L));
  return v;
}
bool same(V128 a, V128 b) { return std::memcmp(&a, &b, 16) == 0; }

TEST(SimdLanes, IntegerArithmeticWraps) {
  V128 a = make<int8_t>(127, -128, 1, 0, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
  V128 b = make<int8_t>(1, -1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
  V128 r = impl::i8x16_add(a, b);
  EXPECT_EQ(at<int8_t>(r, 0), -128);
  EXPECT_EQ(at<int8_t>(r, 1), 127);
  r = impl::i8x16_add_sat_s(a, b);
  EXPECT_EQ(at<int8_t>(r, 0), 127);
  EXPECT_EQ(at<int8_t>(r, 1), -128);
  r = impl::i8x16_abs(a);
  EXPECT_EQ(at<int8_t>(r, 1), -128);  // abs(INT8_MIN) wraps
  r = impl::i8x16_sub_sat_u(b, a);
  EXPECT_EQ(at<uint8_t>(r, 0), 0);
}

TEST(SimdLanes, ShiftsMaskTheCount) {
  V128 a = make<int16_t>(-2, 4, 0, 0, 0, 0, 0, 0);
  EXPECT_EQ(at<int16_t>(impl::i16x8_shr_s(a, 17), 0), -1);
  EXPECT_EQ(at<uint16_t>(impl::i16x8_shr_u(a, 17), 0), 0x7fff);
  EXPECT_EQ(at<int16_t>(impl::i16x8_shl(a, 16), 1), 4);
}

TEST(SimdLanes, SwizzleAndShuffle) {
  V128 a = make<uint8_t>(10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25);
  V128 idx = make<uint8_t>(15, 0, 16, 255, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0x80);
  V128 r = impl::i8x16_swizzle(a, idx);
  EXPECT_EQ(at<uint8_t>(r, 0), 25);
  EXPECT_EQ(at<uint8_t>(r, 1), 10);
  EXPECT_EQ(at<uint8_t>(r, 2), 0);
  EXPECT_EQ(at<uint8_t>(r, 3), 0);
  EXPECT_EQ(at<uint8_t>(r, 15), 0);
  uint8_t lanes[16] = {31, 0, 16, 15, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
  V128 b = impl::i8x16_splat(99);
  r = impl::i8x16_shuffle(a, b, lanes);
  EXPECT_EQ(at<uint8_t>(r, 0), 99);
  EXPECT_EQ(at<uint8_t>(r, 1), 10);
  EXPECT_EQ(at<uint8_t>(r, 3), 25);
}

TEST(SimdLanes, NarrowExtendDotQ15) {
  V128 a = make<int16_t>(300, -300, 127, -128, 255, 256, -1, 0);
  V128 s = impl::i8x16_narrow_i16x8_s(a, a);
  V128 u = impl::i8x16_narrow_i16x8_u(a, a);
  EXPECT_EQ(at<int8_t>(s, 0), 127);
  EXPECT_EQ(at<int8_t>(s, 1), -128);
  EXPECT_EQ(at<uint8_t>(u, 0), 255);
  EXPECT_EQ(at<uint8_t>(u, 1), 0);
  EXPECT_EQ(at<uint8_t>(u, 5), 255);
  V128 d = impl::i32x4_dot_i16x8_s(make<int16_t>(-32768, -32768, 2, 3, 0, 0, 0, 0),
                                   make<int16_t>(-32768, -32768, 4, 5, 0, 0, 0, 0));
  EXPECT_EQ(at<uint32_t>(d, 0), 0x80000000u);
  EXPECT_EQ(at<int32_t>(d, 1), 23);
  V128 q = impl::i16x8_q15mulr_sat_s(make<int16_t>(-32768, 16384, 0, 0, 0, 0, 0, 0),
                                     make<int16_t>(-32768, 16384, 0, 0, 0, 0, 0, 0));
  EXPECT_EQ(at<int16_t>(q, 0), 32767);
  EXPECT_EQ(at<int16_t>(q, 1), 8192);
  V128 e = impl::i32x4_extend_high_i16x8_u(a);
  EXPECT_EQ(at<uint32_t>(e, 2), 0xffffu);
}

TEST(SimdLanes, FloatMinMaxNaNAndZeros) {
  float nan = std::numeric_limits<float>::quiet_NaN();
  V128 a = make<float>(-0.0f, 1.0f, nan, 2.0f);
  V128 b = make<float>(0.0f, nan, 1.0f, 3.0f);
  V128 mn = impl::f32x4_min(a, b);
  EXPECT_TRUE(std::signbit(at<float>(mn, 0)));
  EXPECT_TRUE(std::isnan(at<float>(mn, 1)));
  EXPECT_TRUE(std::isnan(at<float>(mn, 2)));
  EXPECT_EQ(at<float>(mn, 3), 2.0f);
  V128 mx = impl::f32x4_max(a, b);
  EXPECT_FALSE(std::signbit(at<float>(mx, 0)));
  V128 pm = impl::f32x4_pmin(a, b);  // b < a ? b : a
  EXPECT_TRUE(std::signbit(at<float>(pm, 0)));
  EXPECT_EQ(at<float>(pm, 1), 1.0f);
  EXPECT_TRUE(std::isnan(at<float>(pm, 2)));
  V128 n = impl::f32x4_nearest(make<float>(2.5f, 3.5f, -0.5f, 1e30f));
  EXPECT_EQ(at<float>(n, 0), 2.0f);
  EXPECT_EQ(at<float>(n, 1), 4.0f);
  EXPECT_TRUE(std::signbit(at<float>(n, 2)));
}

TEST(SimdLanes, ConversionsSaturate) {
  float nan = std::numeric_limits<float>::quiet_NaN();
  V128 t = impl::i32x4_trunc_sat_f32x4_s(make<float>(nan, 3e9f, -3e9f, -1.5f));
  EXPECT_EQ(at<int32_t>(t, 0), 0);
  EXPECT_EQ(at<int32_t>(t, 1), INT32_MAX);
  EXPECT_EQ(at<int32_t>(t, 2), INT32_MIN);
  EXPECT_EQ(at<int32_t>(t, 3), -1);
  V128 u = impl::i32x4_trunc_sat_f64x2_u_zero(make<double>(-1.0, 5e9));
  EXPECT_EQ(at<uint32_t>(u, 0), 0u);
  EXPECT_EQ(at<uint32_t>(u, 1), UINT32_MAX);
  EXPECT_EQ(at<uint32_t>(u, 2), 0u);
  V128 c = impl::f32x4_convert_i32x4_u(make<uint32_t>(0xffffffffu, 1, 0, 0));
  EXPECT_EQ(at<float>(c, 0), 4294967296.0f);
}

TEST(SimdLanes, TestsAndBitmasks) {
  V128 a = make<int32_t>(-1, 0, 5, INT32_MIN);
  EXPECT_EQ(impl::i32x4_bitmask(a), 0b1001u);
  EXPECT_EQ(impl::i32x4_all_true(a), 0u);
  EXPECT_EQ(impl::v128_any_true(a), 1u);
  EXPECT_EQ(impl::v128_any_true(V128{}), 0u);
  EXPECT_EQ(impl::i8x16_all_true(impl::i8x16_splat(1)), 1u);
  EXPECT_EQ(impl::i8x16_bitmask(impl::i8x16_splat(0x80)), 0xffffu);
}

TEST(SimdLanes, LoadsAndLanes) {
  uint8_t mem[16];
  for (int i = 0; i < 16; ++i) mem[i] = uint8_t(0xF0 + i);
  V128 r = impl::v128_load8x8_s(mem);
  EXPECT_EQ(at<int16_t>(r, 0), int16_t(int8_t(0xF0)));
  r = impl::v128_load32_zero(mem);
  EXPECT_EQ(at<uint32_t>(r, 0), 0xF3F2F1F0u);
  EXPECT_EQ(at<uint32_t>(r, 1), 0u);
  r = impl::v128_load16_lane(mem + 2, V128{}, 7);
  EXPECT_EQ(at<uint16_t>(r, 7), 0xF3F2);
  uint8_t out[8] = {};
  impl::v128_store64_lane(out, make<uint64_t>(1, 0x1122334455667788ull), 1);
  EXPECT_EQ(out[0], 0x88);
  EXPECT_EQ(impl::i8x16_extract_lane_s(impl::i8x16_splat(0xff), 3), 0xffffffffu);
  EXPECT_EQ(impl::i16x8_extract_lane_u(impl::i16x8_splat(0xffff), 3), 0xffffu);
}

// Random vectors with plenty of edge values (0, -1, min, max, NaN patterns, signed zeros).
V128 random_vector(std::mt19937_64& rng) {
  static const uint8_t kEdges[] = {0x00, 0xff, 0x80, 0x7f, 0x01, 0xfe, 0x7f, 0xc0};
  uint8_t b[16];
  for (auto& x : b) x = (rng() & 3) == 0 ? kEdges[rng() % 8] : uint8_t(rng());
  return load16(b);
}

// Float results may differ only in NaN payloads; compare NaN-ness per lane then.
bool same_or_both_nan(V128 a, V128 b) {
  if (same(a, b)) return true;
  for (int i = 0; i < 4; ++i) {
    float x = at<float>(a, i), y = at<float>(b, i);
    if (std::memcmp(&x, &y, 4) != 0 && !(std::isnan(x) && std::isnan(y))) return false;
  }
  return true;
}
bool same_or_both_nan64(V128 a, V128 b) {
  if (same(a, b)) return true;
  for (int i = 0; i < 2; ++i) {
    double x = at<double>(a, i), y = at<double>(b, i);
    if (std::memcmp(&x, &y, 8) != 0 && !(std::isnan(x) && std::isnan(y))) return false;
  }
  return true;
}

bool same_lanes(std::string_view id, V128 x, V128 y) {
  if (id.starts_with("f32")) return same_or_both_nan(x, y);
  if (id.starts_with("f64")) return same_or_both_nan64(x, y);
  return same(x, y);
}

TEST(SimdLanes, ImplMatchesPortable) {
  std::mt19937_64 rng(42);
  for (int iter = 0; iter < 2000; ++iter) {
    V128 a = random_vector(rng), b = random_vector(rng), c = random_vector(rng);
    uint32_t n = uint32_t(rng());
#define WISP_CHECK_BIN(id)                                                                     \
  {                                                                                            \
    V128 x = impl::id(a, b), y = p::id(a, b);                                                  \
    ASSERT_TRUE(same_lanes(#id, x, y)) << #id;                                                 \
  }
    WISP_SIMD_BINOPS(WISP_CHECK_BIN)
#undef WISP_CHECK_BIN
#define WISP_CHECK_UN(id)                                                                      \
  {                                                                                            \
    V128 x = impl::id(a), y = p::id(a);                                                        \
    ASSERT_TRUE(same_lanes(#id, x, y)) << #id;                                                 \
  }
    WISP_SIMD_UNOPS(WISP_CHECK_UN)
#undef WISP_CHECK_UN
#define WISP_CHECK_TEST(id) ASSERT_EQ(impl::id(a), p::id(a)) << #id;
    WISP_SIMD_TESTS(WISP_CHECK_TEST)
#undef WISP_CHECK_TEST
#define WISP_CHECK_SHIFT(id) ASSERT_TRUE(same(impl::id(a, n), p::id(a, n))) << #id;
    WISP_SIMD_SHIFTS(WISP_CHECK_SHIFT)
#undef WISP_CHECK_SHIFT
    ASSERT_TRUE(same(impl::v128_bitselect(a, b, c), p::v128_bitselect(a, b, c)));
  }
}

}  // namespace
