// Lane semantics of every SIMD operator, portable: GCC/Clang vector extensions and lane loops.
// Function names are the opcode identifiers of wasm/simd_opcodes.def, so the handler tables map
// opcodes to functions by name. simd.h picks this or the x86 set (which overrides hot operators).
#pragma once
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>

#include "interp/numeric.h"

namespace wisp::interp::simd {

typedef long long V128 __attribute__((vector_size(16), aligned(16)));
typedef int8_t I8 __attribute__((vector_size(16)));
typedef uint8_t U8 __attribute__((vector_size(16)));
typedef int16_t I16 __attribute__((vector_size(16)));
typedef uint16_t U16 __attribute__((vector_size(16)));
typedef int32_t I32 __attribute__((vector_size(16)));
typedef uint32_t U32 __attribute__((vector_size(16)));
typedef int64_t I64 __attribute__((vector_size(16)));
typedef uint64_t U64 __attribute__((vector_size(16)));
typedef float F32 __attribute__((vector_size(16)));
typedef double F64 __attribute__((vector_size(16)));

// Unaligned 16-byte access (slots are 8-byte aligned; memory is unaligned).
inline V128 load16(const void* p) {
  V128 v;
  std::memcpy(&v, p, 16);
  return v;
}
inline void store16(void* p, V128 v) { std::memcpy(p, &v, 16); }

namespace portable {

// Lane arrays for the operators that are simplest as loops.
template <typename L>
struct Lanes {
  static constexpr int n = 16 / int(sizeof(L));
  L v[16 / sizeof(L)];
};
template <typename L>
inline Lanes<L> lanes(V128 x) {
  Lanes<L> r;
  std::memcpy(r.v, &x, 16);
  return r;
}
template <typename L>
inline V128 pack(const Lanes<L>& l) {
  V128 r;
  std::memcpy(&r, l.v, 16);
  return r;
}
template <typename L, typename F>
inline V128 map1(V128 a, F f) {
  Lanes<L> x = lanes<L>(a);
  for (int i = 0; i < Lanes<L>::n; ++i) x.v[i] = f(x.v[i]);
  return pack(x);
}
template <typename L, typename F>
inline V128 map2(V128 a, V128 b, F f) {
  Lanes<L> x = lanes<L>(a), y = lanes<L>(b);
  for (int i = 0; i < Lanes<L>::n; ++i) x.v[i] = f(x.v[i], y.v[i]);
  return pack(x);
}
template <typename L>
inline L sat(int64_t v) {
  if (v < int64_t(std::numeric_limits<L>::min())) return std::numeric_limits<L>::min();
  if (v > int64_t(std::numeric_limits<L>::max())) return std::numeric_limits<L>::max();
  return L(v);
}

// ---- constants, splats, lanes --------------------------------------------------------------------------
inline V128 i8x16_splat(uint32_t x) { return V128(U8{} + uint8_t(x)); }
inline V128 i16x8_splat(uint32_t x) { return V128(U16{} + uint16_t(x)); }
inline V128 i32x4_splat(uint32_t x) { return V128(U32{} + x); }
inline V128 i64x2_splat(uint64_t x) { return V128(U64{} + x); }
inline V128 f32x4_splat(uint32_t bits) { return i32x4_splat(bits); }
inline V128 f64x2_splat(uint64_t bits) { return i64x2_splat(bits); }

template <typename L>
inline L lane(V128 a, uint32_t i) {
  L v;
  std::memcpy(&v, reinterpret_cast<const char*>(&a) + i * sizeof(L), sizeof(L));
  return v;
}
template <typename L>
inline V128 with_lane(V128 a, uint32_t i, L v) {
  std::memcpy(reinterpret_cast<char*>(&a) + i * sizeof(L), &v, sizeof(L));
  return a;
}
inline uint32_t i8x16_extract_lane_s(V128 a, uint32_t i) { return uint32_t(int32_t(lane<int8_t>(a, i))); }
inline uint32_t i8x16_extract_lane_u(V128 a, uint32_t i) { return lane<uint8_t>(a, i); }
inline uint32_t i16x8_extract_lane_s(V128 a, uint32_t i) { return uint32_t(int32_t(lane<int16_t>(a, i))); }
inline uint32_t i16x8_extract_lane_u(V128 a, uint32_t i) { return lane<uint16_t>(a, i); }
inline uint32_t i32x4_extract_lane(V128 a, uint32_t i) { return lane<uint32_t>(a, i); }
inline uint64_t i64x2_extract_lane(V128 a, uint32_t i) { return lane<uint64_t>(a, i); }
inline uint32_t f32x4_extract_lane(V128 a, uint32_t i) { return lane<uint32_t>(a, i); }
inline uint64_t f64x2_extract_lane(V128 a, uint32_t i) { return lane<uint64_t>(a, i); }
inline V128 i8x16_replace_lane(V128 a, uint32_t i, uint32_t v) { return with_lane(a, i, uint8_t(v)); }
inline V128 i16x8_replace_lane(V128 a, uint32_t i, uint32_t v) { return with_lane(a, i, uint16_t(v)); }
inline V128 i32x4_replace_lane(V128 a, uint32_t i, uint32_t v) { return with_lane(a, i, v); }
inline V128 i64x2_replace_lane(V128 a, uint32_t i, uint64_t v) { return with_lane(a, i, v); }
inline V128 f32x4_replace_lane(V128 a, uint32_t i, uint32_t v) { return with_lane(a, i, v); }
inline V128 f64x2_replace_lane(V128 a, uint32_t i, uint64_t v) { return with_lane(a, i, v); }

inline V128 i8x16_shuffle(V128 a, V128 b, const uint8_t* idx) {
  uint8_t both[32], r[16];
  std::memcpy(both, &a, 16);
  std::memcpy(both + 16, &b, 16);
  for (int i = 0; i < 16; ++i) r[i] = both[idx[i] & 31];
  return load16(r);
}
inline V128 i8x16_swizzle(V128 a, V128 s) {
  Lanes<uint8_t> x = lanes<uint8_t>(a), i = lanes<uint8_t>(s), r;
  for (int k = 0; k < 16; ++k) r.v[k] = i.v[k] < 16 ? x.v[i.v[k]] : 0;
  return pack(r);
}

// ---- bitwise -------------------------------------------------------------------------------------------
inline V128 v128_not(V128 a) { return ~a; }
inline V128 v128_and(V128 a, V128 b) { return a & b; }
inline V128 v128_andnot(V128 a, V128 b) { return a & ~b; }
inline V128 v128_or(V128 a, V128 b) { return a | b; }
inline V128 v128_xor(V128 a, V128 b) { return a ^ b; }
inline V128 v128_bitselect(V128 a, V128 b, V128 c) { return (a & c) | (b & ~c); }
inline uint32_t v128_any_true(V128 a) { return (a[0] | a[1]) != 0; }

template <typename L>
inline uint32_t all_true(V128 a) {
  Lanes<L> x = lanes<L>(a);
  for (int i = 0; i < Lanes<L>::n; ++i)
    if (x.v[i] == 0) return 0;
  return 1;
}
template <typename L>
inline uint32_t bitmask(V128 a) {
  Lanes<std::make_signed_t<L>> x = lanes<std::make_signed_t<L>>(a);
  uint32_t m = 0;
  for (int i = 0; i < Lanes<L>::n; ++i) m |= uint32_t(x.v[i] < 0) << i;
  return m;
}
inline uint32_t i8x16_all_true(V128 a) { return all_true<uint8_t>(a); }
inline uint32_t i16x8_all_true(V128 a) { return all_true<uint16_t>(a); }
inline uint32_t i32x4_all_true(V128 a) { return all_true<uint32_t>(a); }
inline uint32_t i64x2_all_true(V128 a) { return all_true<uint64_t>(a); }
inline uint32_t i8x16_bitmask(V128 a) { return bitmask<uint8_t>(a); }
inline uint32_t i16x8_bitmask(V128 a) { return bitmask<uint16_t>(a); }
inline uint32_t i32x4_bitmask(V128 a) { return bitmask<uint32_t>(a); }
inline uint32_t i64x2_bitmask(V128 a) { return bitmask<uint64_t>(a); }

// ---- integer comparisons (vector compares yield all-ones / zero lanes) ---------------------------------
#define WISP_SIMD_CMP(shape, S, U)                                                      \
  inline V128 shape##_eq(V128 a, V128 b) { return V128(S(a) == S(b)); }                 \
  inline V128 shape##_ne(V128 a, V128 b) { return V128(S(a) != S(b)); }                 \
  inline V128 shape##_lt_s(V128 a, V128 b) { return V128(S(a) < S(b)); }                \
  inline V128 shape##_gt_s(V128 a, V128 b) { return V128(S(a) > S(b)); }                \
  inline V128 shape##_le_s(V128 a, V128 b) { return V128(S(a) <= S(b)); }               \
  inline V128 shape##_ge_s(V128 a, V128 b) { return V128(S(a) >= S(b)); }               \
  inline V128 shape##_lt_u(V128 a, V128 b) { return V128(U(a) < U(b)); }                \
  inline V128 shape##_gt_u(V128 a, V128 b) { return V128(U(a) > U(b)); }                \
  inline V128 shape##_le_u(V128 a, V128 b) { return V128(U(a) <= U(b)); }               \
  inline V128 shape##_ge_u(V128 a, V128 b) { return V128(U(a) >= U(b)); }
WISP_SIMD_CMP(i8x16, I8, U8)
WISP_SIMD_CMP(i16x8, I16, U16)
WISP_SIMD_CMP(i32x4, I32, U32)
WISP_SIMD_CMP(i64x2, I64, U64)
#undef WISP_SIMD_CMP

#define WISP_SIMD_FCMP(shape, F)                                                        \
  inline V128 shape##_eq(V128 a, V128 b) { return V128(F(a) == F(b)); }                 \
  inline V128 shape##_ne(V128 a, V128 b) { return V128(F(a) != F(b)); }                 \
  inline V128 shape##_lt(V128 a, V128 b) { return V128(F(a) < F(b)); }                  \
  inline V128 shape##_gt(V128 a, V128 b) { return V128(F(a) > F(b)); }                  \
  inline V128 shape##_le(V128 a, V128 b) { return V128(F(a) <= F(b)); }                 \
  inline V128 shape##_ge(V128 a, V128 b) { return V128(F(a) >= F(b)); }
WISP_SIMD_FCMP(f32x4, F32)
WISP_SIMD_FCMP(f64x2, F64)
#undef WISP_SIMD_FCMP

// ---- integer arithmetic (unsigned vectors: wrap-around without UB) ------------------------------------
#define WISP_SIMD_IARITH(shape, S, U, L, bits)                                                     \
  inline V128 shape##_add(V128 a, V128 b) { return V128(U(a) + U(b)); }                            \
  inline V128 shape##_sub(V128 a, V128 b) { return V128(U(a) - U(b)); }                            \
  inline V128 shape##_neg(V128 a) { return V128(U{} - U(a)); }                                     \
  inline V128 shape##_shl(V128 a, uint32_t n) { return V128(U(a) << L(n & (bits - 1))); }          \
  inline V128 shape##_shr_s(V128 a, uint32_t n) { return V128(S(a) >> std::make_signed_t<L>(n & (bits - 1))); } \
  inline V128 shape##_shr_u(V128 a, uint32_t n) { return V128(U(a) >> L(n & (bits - 1))); }        \
  inline V128 shape##_abs(V128 a) {                                                                \
    return map1<L>(a, [](L x) { return std::make_signed_t<L>(x) < 0 ? L(0 - x) : x; });            \
  }
WISP_SIMD_IARITH(i8x16, I8, U8, uint8_t, 8)
WISP_SIMD_IARITH(i16x8, I16, U16, uint16_t, 16)
WISP_SIMD_IARITH(i32x4, I32, U32, uint32_t, 32)
WISP_SIMD_IARITH(i64x2, I64, U64, uint64_t, 64)
#undef WISP_SIMD_IARITH

inline V128 i16x8_mul(V128 a, V128 b) { return V128(U16(a) * U16(b)); }
inline V128 i32x4_mul(V128 a, V128 b) { return V128(U32(a) * U32(b)); }
inline V128 i64x2_mul(V128 a, V128 b) { return V128(U64(a) * U64(b)); }

#define WISP_SIMD_MINMAX(shape, S, U)                                                             \
  inline V128 shape##_min_s(V128 a, V128 b) { return map2<S>(a, b, [](S x, S y) { return x < y ? x : y; }); } \
  inline V128 shape##_min_u(V128 a, V128 b) { return map2<U>(a, b, [](U x, U y) { return x < y ? x : y; }); } \
  inline V128 shape##_max_s(V128 a, V128 b) { return map2<S>(a, b, [](S x, S y) { return x > y ? x : y; }); } \
  inline V128 shape##_max_u(V128 a, V128 b) { return map2<U>(a, b, [](U x, U y) { return x > y ? x : y; }); }
WISP_SIMD_MINMAX(i8x16, int8_t, uint8_t)
WISP_SIMD_MINMAX(i16x8, int16_t, uint16_t)
WISP_SIMD_MINMAX(i32x4, int32_t, uint32_t)
#undef WISP_SIMD_MINMAX

#define WISP_SIMD_SAT(shape, S, U)                                                                  \
  inline V128 shape##_add_sat_s(V128 a, V128 b) {                                                  \
    return map2<S>(a, b, [](S x, S y) { return sat<S>(int64_t(x) + y); });                         \
  }                                                                                                \
  inline V128 shape##_add_sat_u(V128 a, V128 b) {                                                  \
    return map2<U>(a, b, [](U x, U y) { return sat<U>(int64_t(x) + y); });                         \
  }                                                                                                \
  inline V128 shape##_sub_sat_s(V128 a, V128 b) {                                                  \
    return map2<S>(a, b, [](S x, S y) { return sat<S>(int64_t(x) - y); });                         \
  }                                                                                                \
  inline V128 shape##_sub_sat_u(V128 a, V128 b) {                                                  \
    return map2<U>(a, b, [](U x, U y) { return sat<U>(int64_t(x) - y); });                         \
  }                                                                                                \
  inline V128 shape##_avgr_u(V128 a, V128 b) {                                                     \
    return map2<U>(a, b, [](U x, U y) { return U((uint32_t(x) + y + 1) >> 1); });                  \
  }
WISP_SIMD_SAT(i8x16, int8_t, uint8_t)
WISP_SIMD_SAT(i16x8, int16_t, uint16_t)
#undef WISP_SIMD_SAT

inline V128 i8x16_popcnt(V128 a) { return map1<uint8_t>(a, [](uint8_t x) { return uint8_t(std::popcount(x)); }); }

inline V128 i16x8_q15mulr_sat_s(V128 a, V128 b) {
  return map2<int16_t>(a, b, [](int16_t x, int16_t y) { return sat<int16_t>((int32_t(x) * y + 0x4000) >> 15); });
}

// Narrowing: signed inputs saturated to the narrower signed / unsigned range; a gives the low half.
template <typename From, typename To>
inline V128 narrow(V128 a, V128 b) {
  Lanes<From> x = lanes<From>(a), y = lanes<From>(b);
  Lanes<To> r;
  constexpr int n = Lanes<From>::n;
  for (int i = 0; i < n; ++i) {
    r.v[i] = sat<To>(x.v[i]);
    r.v[i + n] = sat<To>(y.v[i]);
  }
  return pack(r);
}
inline V128 i8x16_narrow_i16x8_s(V128 a, V128 b) { return narrow<int16_t, int8_t>(a, b); }
inline V128 i8x16_narrow_i16x8_u(V128 a, V128 b) { return narrow<int16_t, uint8_t>(a, b); }
inline V128 i16x8_narrow_i32x4_s(V128 a, V128 b) { return narrow<int32_t, int16_t>(a, b); }
inline V128 i16x8_narrow_i32x4_u(V128 a, V128 b) { return narrow<int32_t, uint16_t>(a, b); }

// Widening of the low or high half.
template <typename From, typename To>
inline V128 extend(V128 a, int half) {
  Lanes<From> x = lanes<From>(a);
  Lanes<To> r;
  for (int i = 0; i < Lanes<To>::n; ++i) r.v[i] = To(x.v[i + half * Lanes<To>::n]);
  return pack(r);
}
template <typename From, typename To>
inline V128 extmul(V128 a, V128 b, int half) {
  Lanes<From> x = lanes<From>(a), y = lanes<From>(b);
  Lanes<To> r;
  for (int i = 0; i < Lanes<To>::n; ++i) {
    int k = i + half * Lanes<To>::n;
    r.v[i] = To(To(x.v[k]) * To(y.v[k]));
  }
  return pack(r);
}
template <typename From, typename To>
inline V128 extadd_pairwise(V128 a) {
  Lanes<From> x = lanes<From>(a);
  Lanes<To> r;
  for (int i = 0; i < Lanes<To>::n; ++i) r.v[i] = To(To(x.v[2 * i]) + To(x.v[2 * i + 1]));
  return pack(r);
}
#define WISP_SIMD_EXT(to, from, S, U, WS, WU)                                                          \
  inline V128 to##_extend_low_##from##_s(V128 a) { return extend<S, WS>(a, 0); }                     \
  inline V128 to##_extend_high_##from##_s(V128 a) { return extend<S, WS>(a, 1); }                    \
  inline V128 to##_extend_low_##from##_u(V128 a) { return extend<U, WU>(a, 0); }                     \
  inline V128 to##_extend_high_##from##_u(V128 a) { return extend<U, WU>(a, 1); }                    \
  inline V128 to##_extmul_low_##from##_s(V128 a, V128 b) { return extmul<S, WS>(a, b, 0); }          \
  inline V128 to##_extmul_high_##from##_s(V128 a, V128 b) { return extmul<S, WS>(a, b, 1); }         \
  inline V128 to##_extmul_low_##from##_u(V128 a, V128 b) { return extmul<U, WU>(a, b, 0); }          \
  inline V128 to##_extmul_high_##from##_u(V128 a, V128 b) { return extmul<U, WU>(a, b, 1); }
WISP_SIMD_EXT(i16x8, i8x16, int8_t, uint8_t, int16_t, uint16_t)
WISP_SIMD_EXT(i32x4, i16x8, int16_t, uint16_t, int32_t, uint32_t)
WISP_SIMD_EXT(i64x2, i32x4, int32_t, uint32_t, int64_t, uint64_t)
#undef WISP_SIMD_EXT
inline V128 i16x8_extadd_pairwise_i8x16_s(V128 a) { return extadd_pairwise<int8_t, int16_t>(a); }
inline V128 i16x8_extadd_pairwise_i8x16_u(V128 a) { return extadd_pairwise<uint8_t, uint16_t>(a); }
inline V128 i32x4_extadd_pairwise_i16x8_s(V128 a) { return extadd_pairwise<int16_t, int32_t>(a); }
inline V128 i32x4_extadd_pairwise_i16x8_u(V128 a) { return extadd_pairwise<uint16_t, uint32_t>(a); }

inline V128 i32x4_dot_i16x8_s(V128 a, V128 b) {
  Lanes<int16_t> x = lanes<int16_t>(a), y = lanes<int16_t>(b);
  Lanes<uint32_t> r;
  for (int i = 0; i < 4; ++i)
    r.v[i] = uint32_t(int32_t(x.v[2 * i]) * y.v[2 * i]) + uint32_t(int32_t(x.v[2 * i + 1]) * y.v[2 * i + 1]);
  return pack(r);
}

// ---- floats --------------------------------------------------------------------------------------------
template <typename F>
inline F fpmin(F a, F b) { return b < a ? b : a; }
template <typename F>
inline F fpmax(F a, F b) { return a < b ? b : a; }
// Rounding keeps NaNs quiet (arithmetic NaN) like the scalar operators.
template <typename F>
inline F fnearest(F a) { return std::nearbyint(a); }

#define WISP_SIMD_FARITH(shape, F, V, B, BL)                                                              \
  inline V128 shape##_add(V128 a, V128 b) { return V128(V(a) + V(b)); }                              \
  inline V128 shape##_sub(V128 a, V128 b) { return V128(V(a) - V(b)); }                              \
  inline V128 shape##_mul(V128 a, V128 b) { return V128(V(a) * V(b)); }                              \
  inline V128 shape##_div(V128 a, V128 b) { return V128(V(a) / V(b)); }                              \
  inline V128 shape##_min(V128 a, V128 b) { return map2<F>(a, b, [](F x, F y) { return num::fmin(x, y); }); } \
  inline V128 shape##_max(V128 a, V128 b) { return map2<F>(a, b, [](F x, F y) { return num::fmax(x, y); }); } \
  inline V128 shape##_pmin(V128 a, V128 b) { return map2<F>(a, b, fpmin<F>); }                      \
  inline V128 shape##_pmax(V128 a, V128 b) { return map2<F>(a, b, fpmax<F>); }                      \
  inline V128 shape##_abs(V128 a) { return V128(B(a) & ~(B{} + (BL(1) << (sizeof(F) * 8 - 1)))); }   \
  inline V128 shape##_neg(V128 a) { return V128(B(a) ^ (B{} + (BL(1) << (sizeof(F) * 8 - 1)))); }     \
  inline V128 shape##_sqrt(V128 a) { return map1<F>(a, [](F x) { return std::sqrt(x); }); }          \
  inline V128 shape##_ceil(V128 a) { return map1<F>(a, [](F x) { return std::ceil(x); }); }          \
  inline V128 shape##_floor(V128 a) { return map1<F>(a, [](F x) { return std::floor(x); }); }        \
  inline V128 shape##_trunc(V128 a) { return map1<F>(a, [](F x) { return std::trunc(x); }); }        \
  inline V128 shape##_nearest(V128 a) { return map1<F>(a, fnearest<F>); }
WISP_SIMD_FARITH(f32x4, float, F32, U32, uint32_t)
WISP_SIMD_FARITH(f64x2, double, F64, U64, uint64_t)
#undef WISP_SIMD_FARITH

// Saturating float -> int conversion of one lane (NaN -> 0).
template <typename I, typename F>
inline I trunc_sat(F x) {
  if (std::isnan(x)) return 0;
  if (x <= F(std::numeric_limits<I>::min())) return std::numeric_limits<I>::min();
  if (x >= F(std::numeric_limits<I>::max())) return std::numeric_limits<I>::max();
  return I(x);
}
inline V128 i32x4_trunc_sat_f32x4_s(V128 a) {
  Lanes<float> x = lanes<float>(a);
  Lanes<int32_t> r;
  for (int i = 0; i < 4; ++i) r.v[i] = trunc_sat<int32_t>(x.v[i]);
  return pack(r);
}
inline V128 i32x4_trunc_sat_f32x4_u(V128 a) {
  Lanes<float> x = lanes<float>(a);
  Lanes<uint32_t> r;
  for (int i = 0; i < 4; ++i) r.v[i] = trunc_sat<uint32_t>(x.v[i]);
  return pack(r);
}
inline V128 i32x4_trunc_sat_f64x2_s_zero(V128 a) {
  Lanes<double> x = lanes<double>(a);
  Lanes<int32_t> r{};
  for (int i = 0; i < 2; ++i) r.v[i] = trunc_sat<int32_t>(x.v[i]);
  return pack(r);
}
inline V128 i32x4_trunc_sat_f64x2_u_zero(V128 a) {
  Lanes<double> x = lanes<double>(a);
  Lanes<uint32_t> r{};
  for (int i = 0; i < 2; ++i) r.v[i] = trunc_sat<uint32_t>(x.v[i]);
  return pack(r);
}
inline V128 f32x4_convert_i32x4_s(V128 a) { return map1<int32_t>(a, [](int32_t x) { return std::bit_cast<int32_t>(float(x)); }); }
inline V128 f32x4_convert_i32x4_u(V128 a) { return map1<uint32_t>(a, [](uint32_t x) { return std::bit_cast<uint32_t>(float(x)); }); }
inline V128 f64x2_convert_low_i32x4_s(V128 a) {
  Lanes<int32_t> x = lanes<int32_t>(a);
  Lanes<double> r;
  for (int i = 0; i < 2; ++i) r.v[i] = double(x.v[i]);
  return pack(r);
}
inline V128 f64x2_convert_low_i32x4_u(V128 a) {
  Lanes<uint32_t> x = lanes<uint32_t>(a);
  Lanes<double> r;
  for (int i = 0; i < 2; ++i) r.v[i] = double(x.v[i]);
  return pack(r);
}
inline V128 f32x4_demote_f64x2_zero(V128 a) {
  Lanes<double> x = lanes<double>(a);
  Lanes<float> r{};
  for (int i = 0; i < 2; ++i) r.v[i] = float(x.v[i]);
  return pack(r);
}
inline V128 f64x2_promote_low_f32x4(V128 a) {
  Lanes<float> x = lanes<float>(a);
  Lanes<double> r;
  for (int i = 0; i < 2; ++i) r.v[i] = double(x.v[i]);
  return pack(r);
}

// ---- memory: `p` points at the effective address (bounds already checked or guarded) -------------------
inline V128 v128_load(const uint8_t* p) { return load16(p); }
template <typename From, typename To>
inline V128 load_ext(const uint8_t* p) {
  Lanes<From> x{};
  std::memcpy(x.v, p, 8);
  return extend<From, To>(pack(x), 0);
}
inline V128 v128_load8x8_s(const uint8_t* p) { return load_ext<int8_t, int16_t>(p); }
inline V128 v128_load8x8_u(const uint8_t* p) { return load_ext<uint8_t, uint16_t>(p); }
inline V128 v128_load16x4_s(const uint8_t* p) { return load_ext<int16_t, int32_t>(p); }
inline V128 v128_load16x4_u(const uint8_t* p) { return load_ext<uint16_t, uint32_t>(p); }
inline V128 v128_load32x2_s(const uint8_t* p) { return load_ext<int32_t, int64_t>(p); }
inline V128 v128_load32x2_u(const uint8_t* p) { return load_ext<uint32_t, uint64_t>(p); }
template <typename L>
inline L read_lane(const uint8_t* p) {
  L v;
  std::memcpy(&v, p, sizeof(L));
  return v;
}
inline V128 v128_load8_splat(const uint8_t* p) { return i8x16_splat(p[0]); }
inline V128 v128_load16_splat(const uint8_t* p) { return i16x8_splat(read_lane<uint16_t>(p)); }
inline V128 v128_load32_splat(const uint8_t* p) { return i32x4_splat(read_lane<uint32_t>(p)); }
inline V128 v128_load64_splat(const uint8_t* p) { return i64x2_splat(read_lane<uint64_t>(p)); }
inline V128 v128_load32_zero(const uint8_t* p) { return with_lane(V128{}, 0, read_lane<uint32_t>(p)); }
inline V128 v128_load64_zero(const uint8_t* p) { return with_lane(V128{}, 0, read_lane<uint64_t>(p)); }
inline V128 v128_load8_lane(const uint8_t* p, V128 v, uint32_t i) { return with_lane(v, i, read_lane<uint8_t>(p)); }
inline V128 v128_load16_lane(const uint8_t* p, V128 v, uint32_t i) { return with_lane(v, i, read_lane<uint16_t>(p)); }
inline V128 v128_load32_lane(const uint8_t* p, V128 v, uint32_t i) { return with_lane(v, i, read_lane<uint32_t>(p)); }
inline V128 v128_load64_lane(const uint8_t* p, V128 v, uint32_t i) { return with_lane(v, i, read_lane<uint64_t>(p)); }
inline void v128_store(uint8_t* p, V128 v) { store16(p, v); }
inline void v128_store8_lane(uint8_t* p, V128 v, uint32_t i) { std::memcpy(p, reinterpret_cast<const char*>(&v) + i, 1); }
inline void v128_store16_lane(uint8_t* p, V128 v, uint32_t i) { std::memcpy(p, reinterpret_cast<const char*>(&v) + 2 * i, 2); }
inline void v128_store32_lane(uint8_t* p, V128 v, uint32_t i) { std::memcpy(p, reinterpret_cast<const char*>(&v) + 4 * i, 4); }
inline void v128_store64_lane(uint8_t* p, V128 v, uint32_t i) { std::memcpy(p, reinterpret_cast<const char*>(&v) + 8 * i, 8); }


// ---- relaxed SIMD (Wasm 3.0) ---------------------------------------------------------------------------
// The spec leaves each relaxed instruction's result on some inputs to a global parameter R (an index into a
// list of allowed outcomes). wisp fixes every R, the same in every build (this set and simd_x86.h agree bit
// for bit), to what x86 SSE/AVX instructions compute:
//   instruction                          R              behaviour
//   i8x16.relaxed_swizzle                R_swizzle=1    pshufb: index with its top bit set -> 0, else
//                                                       a[index & 15] (16..127 wrap)
//   i32x4.relaxed_trunc_f32x4_s          R_trunc_s=1    cvttps2dq: NaN and out of range -> INT32_MIN
//   i32x4.relaxed_trunc_f64x2_s_zero     R_trunc_s=1    cvttpd2dq: the same; the two upper lanes 0
//   i32x4.relaxed_trunc_f32x4_u          R_trunc_u=1    vcvttps2udq (AVX-512): NaN, negative after
//                                                       truncation and >= 2^32 -> UINT32_MAX
//   i32x4.relaxed_trunc_f64x2_u_zero     R_trunc_u=1    vcvttpd2udq: the same; the two upper lanes 0
//   f32x4/f64x2.relaxed_madd, _nmadd     R_fmadd=1      fused (vfmadd): a*b+c and (-a)*b+c rounded once
//   i8x16..i64x2.relaxed_laneselect      R_laneselect=1 blendv: the top bit of each mask lane (of the
//                                                       lane's width, i16x8 too) picks a (set) or b
//   f32x4/f64x2.relaxed_min, _max        R_fmin=R_fmax=2  minps/maxps(a, b): a < b ? a : b and
//                                                       a > b ? a : b, so a NaN operand or +0/-0 give b
//   i16x8.relaxed_q15mulr_s              R_iq15mulr=1   pmulhrsw: INT16_MIN * INT16_MIN -> INT16_MIN
//   i16x8.relaxed_dot_i8x16_i7x16_s      R_idot=1       pmaddubsw(b, a): bytes of b unsigned, of a
//                                                       signed; each pair sum saturated to i16
//   i32x4.relaxed_dot_i8x16_i7x16_add_s  R_idot=1       the i16x8 form, pairs of its lanes summed to
//                                                       i32 (pmaddwd by 1), plus c (wrapping)
// Fused multiply-add: a*b+c rounded once. On x86-64 CPUs with FMA, the instruction the JIT emits
// (vfmadd213ps/pd with a as the destination; relaxed_fma_uses_hw), so a NaN operand's bits come out the
// same in both tiers by construction (std::fma does not promise which NaN it returns: GCC swaps a and b as
// commutative, which changes it). Elsewhere std::fma per lane, exactly specified (the JIT then leaves
// these instructions to the interpreter).

inline V128 i8x16_relaxed_swizzle(V128 a, V128 s) {
  Lanes<uint8_t> x = lanes<uint8_t>(a), i = lanes<uint8_t>(s), r;
  for (int k = 0; k < 16; ++k) r.v[k] = (i.v[k] & 0x80) ? 0 : x.v[i.v[k] & 15];
  return pack(r);
}

// One lane of the truncations, from a double (every f32 converts exactly): the valid range is the open
// interval of values whose truncation fits.
inline uint32_t relaxed_trunc_s(double x) {
  return x > -2147483649.0 && x < 2147483648.0 ? uint32_t(int32_t(x)) : 0x80000000u;
}
inline uint32_t relaxed_trunc_u(double x) {
  if (!(x > -1.0 && x < 4294967296.0)) return 0xFFFFFFFFu;
  return x <= 0 ? 0 : uint32_t(x);
}
template <typename F, uint32_t (*T)(double)>
inline V128 relaxed_trunc(V128 a) {
  Lanes<F> x = lanes<F>(a);
  Lanes<uint32_t> r{};  // f64x2 forms: upper lanes 0
  for (int i = 0; i < Lanes<F>::n; ++i) r.v[i] = T(double(x.v[i]));
  return pack(r);
}
inline V128 i32x4_relaxed_trunc_f32x4_s(V128 a) { return relaxed_trunc<float, relaxed_trunc_s>(a); }
inline V128 i32x4_relaxed_trunc_f32x4_u(V128 a) { return relaxed_trunc<float, relaxed_trunc_u>(a); }
inline V128 i32x4_relaxed_trunc_f64x2_s_zero(V128 a) { return relaxed_trunc<double, relaxed_trunc_s>(a); }
inline V128 i32x4_relaxed_trunc_f64x2_u_zero(V128 a) { return relaxed_trunc<double, relaxed_trunc_u>(a); }

// Decided once per process from the CPU (and the OS's saving of AVX state, which the check includes).
inline bool relaxed_fma_uses_hw() {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  static const bool hw = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("fma") != 0;
  }();
  return hw;
#else
  return false;
#endif
}

// nmadd is madd of -a (its sign bit flipped, a NaN's too), as the spec defines it.
template <typename F, bool kNegate>
inline V128 relaxed_fma(V128 a, V128 b, V128 c) {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  if (relaxed_fma_uses_hw()) {
    constexpr long long kSign = sizeof(F) == 4 ? INT64_MIN | (1LL << 31) : INT64_MIN;  // every lane's sign bit
    if constexpr (kNegate) a ^= V128{kSign, kSign};
    if constexpr (sizeof(F) == 4) {
      __asm__("vfmadd213ps %2, %1, %0" : "+x"(a) : "x"(b), "x"(c));  // a = b * a + c (AT&T operand order)
    } else {
      __asm__("vfmadd213pd %2, %1, %0" : "+x"(a) : "x"(b), "x"(c));
    }
    return a;
  }
#endif
  Lanes<F> x = lanes<F>(a), y = lanes<F>(b), z = lanes<F>(c);
  for (int i = 0; i < Lanes<F>::n; ++i) x.v[i] = std::fma(kNegate ? -x.v[i] : x.v[i], y.v[i], z.v[i]);
  return pack(x);
}
inline V128 f32x4_relaxed_madd(V128 a, V128 b, V128 c) { return relaxed_fma<float, false>(a, b, c); }
inline V128 f32x4_relaxed_nmadd(V128 a, V128 b, V128 c) { return relaxed_fma<float, true>(a, b, c); }
inline V128 f64x2_relaxed_madd(V128 a, V128 b, V128 c) { return relaxed_fma<double, false>(a, b, c); }
inline V128 f64x2_relaxed_nmadd(V128 a, V128 b, V128 c) { return relaxed_fma<double, true>(a, b, c); }

// Lanes whose mask lane is negative (top bit set) come from a.
template <typename S>
inline V128 relaxed_laneselect(V128 a, V128 b, V128 m) {
  V128 sel = V128(S(m) < S{});
  return (a & sel) | (b & ~sel);
}
inline V128 i8x16_relaxed_laneselect(V128 a, V128 b, V128 m) { return relaxed_laneselect<I8>(a, b, m); }
inline V128 i16x8_relaxed_laneselect(V128 a, V128 b, V128 m) { return relaxed_laneselect<I16>(a, b, m); }
inline V128 i32x4_relaxed_laneselect(V128 a, V128 b, V128 m) { return relaxed_laneselect<I32>(a, b, m); }
inline V128 i64x2_relaxed_laneselect(V128 a, V128 b, V128 m) { return relaxed_laneselect<I64>(a, b, m); }

// Compared as floats, selected as bits (a NaN passes through unchanged, payload and all).
template <typename F, typename B, bool kMax>
inline V128 relaxed_minmax(V128 a, V128 b) {
  Lanes<F> x = lanes<F>(a), y = lanes<F>(b);
  Lanes<B> xb = lanes<B>(a), yb = lanes<B>(b);
  for (int i = 0; i < Lanes<F>::n; ++i)
    if (!(kMax ? x.v[i] > y.v[i] : x.v[i] < y.v[i])) xb.v[i] = yb.v[i];
  return pack(xb);
}
inline V128 f32x4_relaxed_min(V128 a, V128 b) { return relaxed_minmax<float, uint32_t, false>(a, b); }
inline V128 f32x4_relaxed_max(V128 a, V128 b) { return relaxed_minmax<float, uint32_t, true>(a, b); }
inline V128 f64x2_relaxed_min(V128 a, V128 b) { return relaxed_minmax<double, uint64_t, false>(a, b); }
inline V128 f64x2_relaxed_max(V128 a, V128 b) { return relaxed_minmax<double, uint64_t, true>(a, b); }

inline V128 i16x8_relaxed_q15mulr_s(V128 a, V128 b) {
  return map2<int16_t>(a, b, [](int16_t x, int16_t y) { return int16_t(uint16_t((int32_t(x) * y + 0x4000) >> 15)); });
}

inline Lanes<int16_t> relaxed_dot_pairs(V128 a, V128 b) {
  Lanes<int8_t> x = lanes<int8_t>(a);
  Lanes<uint8_t> y = lanes<uint8_t>(b);
  Lanes<int16_t> r;
  for (int i = 0; i < 8; ++i) r.v[i] = sat<int16_t>(int32_t(x.v[2 * i]) * y.v[2 * i] + int32_t(x.v[2 * i + 1]) * y.v[2 * i + 1]);
  return r;
}
inline V128 i16x8_relaxed_dot_i8x16_i7x16_s(V128 a, V128 b) { return pack(relaxed_dot_pairs(a, b)); }
inline V128 i32x4_relaxed_dot_i8x16_i7x16_add_s(V128 a, V128 b, V128 c) {
  Lanes<int16_t> t = relaxed_dot_pairs(a, b);
  Lanes<uint32_t> z = lanes<uint32_t>(c);
  for (int i = 0; i < 4; ++i) z.v[i] += uint32_t(int32_t(t.v[2 * i]) + t.v[2 * i + 1]);
  return pack(z);
}

}  // namespace portable
}  // namespace wisp::interp::simd
