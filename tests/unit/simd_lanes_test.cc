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
  V128 r = load16(v);
  // Opaque to the optimiser: g++ folds a conversion intrinsic of a constant with C's saturating rules
  // (cvttps2dq of NaN gave 0), so the tests see what the instruction computes at run time.
  __asm__ volatile("" : : "r"(&r) : "memory");
  return r;
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

// ---- relaxed SIMD: one behaviour per instruction (the table in simd_portable.h), bit for bit the same in
// both sets, NaN payloads included ------------------------------------------------------------------------

// Both sets, so every known answer below holds for the x86 set and the portable one.
#define WISP_BOTH(expr_impl, expr_portable, check) \
  {                                                \
    V128 r = (expr_impl);                          \
    check;                                         \
    r = (expr_portable);                           \
    check;                                         \
  }
#define WISP_RELAXED(fn, ...) WISP_BOTH(impl::fn(__VA_ARGS__), p::fn(__VA_ARGS__), RELAXED_CHECK)

TEST(SimdLanesRelaxed, SwizzleIsPshufb) {
  V128 a = make<uint8_t>(10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25);
  V128 idx = make<uint8_t>(0, 15, 16, 17, 31, 127, 128, 255, 0x8f, 0x70, 3, 3, 3, 3, 3, 3);
#define RELAXED_CHECK                                                                             \
  {                                                                                               \
    const uint8_t want[16] = {10, 25, 10, 11, 25, 25, 0, 0, 0, 10, 13, 13, 13, 13, 13, 13};       \
    for (int i = 0; i < 16; ++i) EXPECT_EQ(at<uint8_t>(r, i), want[i]) << i;                      \
  }
  WISP_RELAXED(i8x16_relaxed_swizzle, a, idx)
#undef RELAXED_CHECK
}

TEST(SimdLanesRelaxed, TruncationsGiveTheIndefiniteValue) {
  float fnan = std::numeric_limits<float>::quiet_NaN(), finf = std::numeric_limits<float>::infinity();
  double dnan = std::numeric_limits<double>::quiet_NaN();
  // signed: NaN and out of range -> INT32_MIN; -2^31 itself and -0.9 are in range.
#define RELAXED_CHECK                                            \
  EXPECT_EQ(at<uint32_t>(r, 0), 0x80000000u);                    \
  EXPECT_EQ(at<uint32_t>(r, 1), 0x80000000u);                    \
  EXPECT_EQ(at<int32_t>(r, 2), INT32_MIN);                       \
  EXPECT_EQ(at<int32_t>(r, 3), 0);
  WISP_RELAXED(i32x4_relaxed_trunc_f32x4_s, make<float>(fnan, 2147483648.0f, -2147483648.0f, -0.9f))
#undef RELAXED_CHECK
#define RELAXED_CHECK                                            \
  EXPECT_EQ(at<uint32_t>(r, 0), 0x80000000u);                    \
  EXPECT_EQ(at<uint32_t>(r, 1), 0x80000000u);                    \
  EXPECT_EQ(at<int32_t>(r, 2), 2147483520);                      \
  EXPECT_EQ(at<int32_t>(r, 3), -7);
  WISP_RELAXED(i32x4_relaxed_trunc_f32x4_s, make<float>(-finf, -2147483904.0f, 2147483520.0f, -7.99f))
#undef RELAXED_CHECK
  // unsigned: NaN, <= -1 and >= 2^32 -> UINT32_MAX; (-1, 0) truncates to 0.
#define RELAXED_CHECK                                            \
  EXPECT_EQ(at<uint32_t>(r, 0), 0xFFFFFFFFu);                    \
  EXPECT_EQ(at<uint32_t>(r, 1), 0xFFFFFFFFu);                    \
  EXPECT_EQ(at<uint32_t>(r, 2), 0xFFFFFFFFu);                    \
  EXPECT_EQ(at<uint32_t>(r, 3), 0u);
  WISP_RELAXED(i32x4_relaxed_trunc_f32x4_u, make<float>(fnan, -1.0f, 4294967296.0f, -0.99f))
#undef RELAXED_CHECK
#define RELAXED_CHECK                                            \
  EXPECT_EQ(at<uint32_t>(r, 0), 4294967040u);                    \
  EXPECT_EQ(at<uint32_t>(r, 1), 2147483648u);                    \
  EXPECT_EQ(at<uint32_t>(r, 2), 0xFFFFFFFFu);                    \
  EXPECT_EQ(at<uint32_t>(r, 3), 0u);
  WISP_RELAXED(i32x4_relaxed_trunc_f32x4_u, make<float>(4294967040.0f, 2147483648.0f, finf, -0.0f))
#undef RELAXED_CHECK
  // f64x2 forms: two lanes, the upper ones 0.
#define RELAXED_CHECK                                            \
  EXPECT_EQ(at<uint32_t>(r, 0), 0x80000000u);                    \
  EXPECT_EQ(at<int32_t>(r, 1), INT32_MIN);                       \
  EXPECT_EQ(at<uint64_t>(r, 1), 0u);
  WISP_RELAXED(i32x4_relaxed_trunc_f64x2_s_zero, make<double>(dnan, -2147483648.9))
#undef RELAXED_CHECK
#define RELAXED_CHECK                                            \
  EXPECT_EQ(at<uint32_t>(r, 0), 0x80000000u);                    \
  EXPECT_EQ(at<int32_t>(r, 1), 2147483647);                      \
  EXPECT_EQ(at<uint64_t>(r, 1), 0u);
  WISP_RELAXED(i32x4_relaxed_trunc_f64x2_s_zero, make<double>(2147483648.0, 2147483647.9))
#undef RELAXED_CHECK
#define RELAXED_CHECK                                            \
  EXPECT_EQ(at<uint32_t>(r, 0), 0xFFFFFFFFu);                    \
  EXPECT_EQ(at<uint32_t>(r, 1), 0xFFFFFFFFu);                    \
  EXPECT_EQ(at<uint64_t>(r, 1), 0u);
  WISP_RELAXED(i32x4_relaxed_trunc_f64x2_u_zero, make<double>(dnan, -1.0))
  WISP_RELAXED(i32x4_relaxed_trunc_f64x2_u_zero, make<double>(4294967296.0, -dnan))
#undef RELAXED_CHECK
#define RELAXED_CHECK                                            \
  EXPECT_EQ(at<uint32_t>(r, 0), 4294967295u);                    \
  EXPECT_EQ(at<uint32_t>(r, 1), 0u);                             \
  EXPECT_EQ(at<uint64_t>(r, 1), 0u);
  WISP_RELAXED(i32x4_relaxed_trunc_f64x2_u_zero, make<double>(4294967295.9, -0.5))
#undef RELAXED_CHECK
}

TEST(SimdLanesRelaxed, MaddIsFused) {
  // (1 + 2^-23)^2 - (1 + 2^-22) = 2^-46 exactly, lost to rounding when unfused.
  float x = 1.0f + 0x1p-23f, c = -(1.0f + 0x1p-22f);
#define RELAXED_CHECK for (int i = 0; i < 4; ++i) EXPECT_EQ(at<float>(r, i), 0x1p-46f) << i;
  WISP_RELAXED(f32x4_relaxed_madd, make<float>(x, x, x, x), make<float>(x, x, x, x), make<float>(c, c, c, c))
  WISP_RELAXED(f32x4_relaxed_nmadd, make<float>(-x, -x, -x, -x), make<float>(x, x, x, x), make<float>(c, c, c, c))
#undef RELAXED_CHECK
  double y = 1.0 + 0x1p-52, d = -(1.0 + 0x1p-51);
#define RELAXED_CHECK for (int i = 0; i < 2; ++i) EXPECT_EQ(at<double>(r, i), 0x1p-104) << i;
  WISP_RELAXED(f64x2_relaxed_madd, make<double>(y, y), make<double>(y, y), make<double>(d, d))
  WISP_RELAXED(f64x2_relaxed_nmadd, make<double>(y, y), make<double>(-y, -y), make<double>(d, d))
#undef RELAXED_CHECK
  // No intermediate overflow: FLT_MAX * 2 - FLT_MAX = FLT_MAX.
  float m = std::numeric_limits<float>::max();
#define RELAXED_CHECK EXPECT_EQ(at<float>(r, 0), m);
  WISP_RELAXED(f32x4_relaxed_madd, make<float>(m, 0, 0, 0), make<float>(2, 0, 0, 0), make<float>(-m, 0, 0, 0))
#undef RELAXED_CHECK
}

TEST(SimdLanesRelaxed, LaneselectLooksAtTheTopBitOfEachLane) {
  V128 a = impl::i8x16_splat(0xAA), b = impl::i8x16_splat(0x55);
  // Mixed masks: only each lane's top bit counts (0x80 bytes, 0x8000 and 0x0080 halves, ...).
  V128 m8 = make<uint8_t>(0x80, 0x7f, 0xff, 0x00, 0xc0, 0x40, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
#define RELAXED_CHECK                                                                         \
  {                                                                                           \
    const uint8_t want[6] = {0xAA, 0x55, 0xAA, 0x55, 0xAA, 0x55};                             \
    for (int i = 0; i < 6; ++i) EXPECT_EQ(at<uint8_t>(r, i), want[i]) << i;                   \
  }
  WISP_RELAXED(i8x16_relaxed_laneselect, a, b, m8)
#undef RELAXED_CHECK
  V128 m16 = make<uint16_t>(0x8000, 0x0080, 0xff00, 0x00ff, 0xffff, 0, 0x7fff, 0x8001);
#define RELAXED_CHECK                                                                         \
  {                                                                                           \
    const uint16_t want[8] = {0xAAAA, 0x5555, 0xAAAA, 0x5555, 0xAAAA, 0x5555, 0x5555, 0xAAAA}; \
    for (int i = 0; i < 8; ++i) EXPECT_EQ(at<uint16_t>(r, i), want[i]) << i;                  \
  }
  WISP_RELAXED(i16x8_relaxed_laneselect, a, b, m16)
#undef RELAXED_CHECK
  V128 m32 = make<uint32_t>(0x80000000u, 0x7fffffffu, 0xffff0000u, 0x0000ffffu);
#define RELAXED_CHECK                                                                         \
  {                                                                                           \
    const uint32_t want[4] = {0xAAAAAAAAu, 0x55555555u, 0xAAAAAAAAu, 0x55555555u};            \
    for (int i = 0; i < 4; ++i) EXPECT_EQ(at<uint32_t>(r, i), want[i]) << i;                  \
  }
  WISP_RELAXED(i32x4_relaxed_laneselect, a, b, m32)
#undef RELAXED_CHECK
  V128 m64 = make<uint64_t>(0xffffffff00000000ull, 0x00000000ffffffffull);
#define RELAXED_CHECK                                                                         \
  EXPECT_EQ(at<uint64_t>(r, 0), 0xAAAAAAAAAAAAAAAAull);                                       \
  EXPECT_EQ(at<uint64_t>(r, 1), 0x5555555555555555ull);
  WISP_RELAXED(i64x2_relaxed_laneselect, a, b, m64)
#undef RELAXED_CHECK
}

TEST(SimdLanesRelaxed, MinMaxAreMinpsMaxps) {
  // A NaN operand or equal operands give the second operand, bits unchanged (a signalling NaN too).
  uint32_t snan = 0x7fa00001u, qnan = 0xffc00123u;
  V128 a = make<uint32_t>(snan, 0x3f800000u /* 1 */, 0x80000000u /* -0 */, 0x00000000u /* +0 */);
  V128 b = make<uint32_t>(0x40000000u /* 2 */, qnan, 0x00000000u, 0x80000000u);
#define RELAXED_CHECK                                                                         \
  EXPECT_EQ(at<uint32_t>(r, 0), 0x40000000u);                                                 \
  EXPECT_EQ(at<uint32_t>(r, 1), qnan);                                                        \
  EXPECT_EQ(at<uint32_t>(r, 2), 0x00000000u);                                                 \
  EXPECT_EQ(at<uint32_t>(r, 3), 0x80000000u);
  WISP_RELAXED(f32x4_relaxed_min, a, b)
  WISP_RELAXED(f32x4_relaxed_max, a, b)
#undef RELAXED_CHECK
#define RELAXED_CHECK                                                                         \
  EXPECT_EQ(at<float>(r, 0), 1.0f);                                                           \
  EXPECT_EQ(at<float>(r, 1), -3.0f);
  WISP_RELAXED(f32x4_relaxed_min, make<float>(1.0f, 5.0f, 0, 0), make<float>(2.0f, -3.0f, 0, 0))
#undef RELAXED_CHECK
  uint64_t dsnan = 0x7ff0000000000001ull;
#define RELAXED_CHECK                                                                         \
  EXPECT_EQ(at<uint64_t>(r, 0), 0x8000000000000000ull);                                       \
  EXPECT_EQ(at<uint64_t>(r, 1), dsnan);
  WISP_RELAXED(f64x2_relaxed_min, make<uint64_t>(0, 0x3ff0000000000000ull), make<uint64_t>(0x8000000000000000ull, dsnan))
  WISP_RELAXED(f64x2_relaxed_max, make<uint64_t>(0, 0x3ff0000000000000ull), make<uint64_t>(0x8000000000000000ull, dsnan))
#undef RELAXED_CHECK
#define RELAXED_CHECK EXPECT_EQ(at<double>(r, 0), 4.0); EXPECT_EQ(at<double>(r, 1), -1.0);
  WISP_RELAXED(f64x2_relaxed_max, make<double>(4.0, -2.0), make<double>(3.0, -1.0))
#undef RELAXED_CHECK
}

TEST(SimdLanesRelaxed, Q15AndDotProducts) {
#define RELAXED_CHECK                                                                         \
  EXPECT_EQ(at<int16_t>(r, 0), -32768); /* wraps where q15mulr_sat_s gives 32767 */           \
  EXPECT_EQ(at<int16_t>(r, 1), 32767);                                                        \
  EXPECT_EQ(at<int16_t>(r, 2), 32766);                                                        \
  EXPECT_EQ(at<int16_t>(r, 3), 8192);                                                         \
  EXPECT_EQ(at<int16_t>(r, 4), -1);
  WISP_RELAXED(i16x8_relaxed_q15mulr_s, make<int16_t>(-32768, -32767, 32767, 16384, 1, 0, 0, 0),
               make<int16_t>(-32768, -32768, 32767, 16384, -32768, 0, 0, 0))
#undef RELAXED_CHECK
  // b's bytes unsigned: -127 is 129; -128*129*2 = -33024 saturates to -32768. 127*255*2 = 64770 -> 32767.
  V128 a = make<int8_t>(-128, -128, 127, 127, -128, -128, 1, 2, 3, 4, 0, 0, 0, 0, 0, 0);
  V128 b = make<int8_t>(-127, -127, -1, -1, 127, 127, 5, 6, 7, 8, 0, 0, 0, 0, 0, 0);
#define RELAXED_CHECK                                                                         \
  EXPECT_EQ(at<int16_t>(r, 0), -32768);                                                       \
  EXPECT_EQ(at<int16_t>(r, 1), 32767);                                                        \
  EXPECT_EQ(at<int16_t>(r, 2), -32512);                                                       \
  EXPECT_EQ(at<int16_t>(r, 3), 17);                                                           \
  EXPECT_EQ(at<int16_t>(r, 4), 53);
  WISP_RELAXED(i16x8_relaxed_dot_i8x16_i7x16_s, a, b)
#undef RELAXED_CHECK
  // The saturated i16 pairs, then summed to i32 and added to c (wrapping).
  V128 c = make<int32_t>(1, INT32_MIN, -5, 0);
#define RELAXED_CHECK                                                                         \
  EXPECT_EQ(at<int32_t>(r, 0), -32768 + 32767 + 1);                                           \
  EXPECT_EQ(at<uint32_t>(r, 1), 0x80000000u - 32495u); /* -32512 + 17, wrapped */            \
  EXPECT_EQ(at<int32_t>(r, 2), 53 - 5);                                                       \
  EXPECT_EQ(at<int32_t>(r, 3), 0);
  WISP_RELAXED(i32x4_relaxed_dot_i8x16_i7x16_add_s, a, b, c)
#undef RELAXED_CHECK
}

#undef WISP_RELAXED
#undef WISP_BOTH

// Float lanes drawn from the edge cases of the relaxed instructions.
template <typename F>
V128 random_float_vector(std::mt19937_64& rng) {
  static const F kEdges[] = {F(0), -F(0), F(1), F(-1), F(-0.5), F(-0.99), F(2147483520.0), F(2147483648.0),
                             F(-2147483648.0), F(-2147483904.0), F(4294967040.0), F(4294967296.0),
                             F(-4294967296.0), F(1e30), std::numeric_limits<F>::max(),
                             std::numeric_limits<F>::denorm_min(), std::numeric_limits<F>::infinity(),
                             -std::numeric_limits<F>::infinity(), std::numeric_limits<F>::quiet_NaN(),
                             -std::numeric_limits<F>::quiet_NaN(), std::numeric_limits<F>::signaling_NaN()};
  F v[16 / sizeof(F)];
  for (F& x : v) {
    switch (rng() % 3) {
      case 0: x = kEdges[rng() % (sizeof(kEdges) / sizeof(F))]; break;
      case 1: x = F(int64_t(rng() % 20000000000ull) - 10000000000ll) / F(1 + rng() % 1000); break;
      default: {
        uint64_t bits = rng();
        std::memcpy(&x, &bits, sizeof(F));
      }
    }
  }
  return load16(v);
}

TEST(SimdLanesRelaxed, ImplMatchesPortableBitForBit) {
  std::mt19937_64 rng(7);
  for (int iter = 0; iter < 20000; ++iter) {
    int kind = iter % 3;  // byte edges, f32 lanes, f64 lanes
    auto gen = [&] {
      return kind == 0 ? random_vector(rng) : kind == 1 ? random_float_vector<float>(rng) : random_float_vector<double>(rng);
    };
    V128 a = gen(), b = gen(), c = gen();
#define WISP_CHECK_BIN(id) ASSERT_TRUE(same(impl::id(a, b), p::id(a, b))) << #id;
    WISP_SIMD_RELAXED_BINOPS(WISP_CHECK_BIN)
#undef WISP_CHECK_BIN
#define WISP_CHECK_UN(id) ASSERT_TRUE(same(impl::id(a), p::id(a))) << #id;
    WISP_SIMD_RELAXED_UNOPS(WISP_CHECK_UN)
#undef WISP_CHECK_UN
#define WISP_CHECK_TERN(id) ASSERT_TRUE(same(impl::id(a, b, c), p::id(a, b, c))) << #id;
    WISP_SIMD_RELAXED_TERNOPS(WISP_CHECK_TERN)
#undef WISP_CHECK_TERN
  }
}

}  // namespace
