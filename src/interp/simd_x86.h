// SSE4.1/SSSE3 versions of the SIMD operators where an instruction does the lane work directly.
// Qualified lookup simd::x86::f finds these first; everything else comes from the portable set
// through the using-directive.
#pragma once
#include <immintrin.h>

#include "interp/simd_portable.h"

namespace wisp::interp::simd::x86 {

using namespace portable;  // NOLINT: the fallback for operators not overridden here

inline __m128i m(V128 v) { return __m128i(v); }
inline V128 v(__m128i x) { return V128(x); }

inline V128 i8x16_swizzle(V128 a, V128 s) {
  // pshufb zeroes lanes whose index has the top bit set: saturate indices >= 16 up to >= 0x80.
  __m128i idx = _mm_adds_epu8(m(s), _mm_set1_epi8(0x70));
  return v(_mm_shuffle_epi8(m(a), idx));
}

// Two pshufb, one per source: an index selects from `a` when < 16 and from `b` when in 16..31; the
// other table sees an index with its top bit set and contributes zero.
inline V128 i8x16_shuffle(V128 a, V128 b, const uint8_t* idx) {
  __m128i i = _mm_loadu_si128(reinterpret_cast<const __m128i*>(idx));
  __m128i from_a = _mm_or_si128(i, _mm_cmpgt_epi8(i, _mm_set1_epi8(15)));
  __m128i from_b = _mm_sub_epi8(i, _mm_set1_epi8(16));  // indices < 16 wrap to 0xF0..0xFF
  return v(_mm_or_si128(_mm_shuffle_epi8(m(a), from_a), _mm_shuffle_epi8(m(b), from_b)));
}

inline V128 i8x16_add_sat_s(V128 a, V128 b) { return v(_mm_adds_epi8(m(a), m(b))); }
inline V128 i8x16_add_sat_u(V128 a, V128 b) { return v(_mm_adds_epu8(m(a), m(b))); }
inline V128 i8x16_sub_sat_s(V128 a, V128 b) { return v(_mm_subs_epi8(m(a), m(b))); }
inline V128 i8x16_sub_sat_u(V128 a, V128 b) { return v(_mm_subs_epu8(m(a), m(b))); }
inline V128 i16x8_add_sat_s(V128 a, V128 b) { return v(_mm_adds_epi16(m(a), m(b))); }
inline V128 i16x8_add_sat_u(V128 a, V128 b) { return v(_mm_adds_epu16(m(a), m(b))); }
inline V128 i16x8_sub_sat_s(V128 a, V128 b) { return v(_mm_subs_epi16(m(a), m(b))); }
inline V128 i16x8_sub_sat_u(V128 a, V128 b) { return v(_mm_subs_epu16(m(a), m(b))); }
inline V128 i8x16_avgr_u(V128 a, V128 b) { return v(_mm_avg_epu8(m(a), m(b))); }
inline V128 i16x8_avgr_u(V128 a, V128 b) { return v(_mm_avg_epu16(m(a), m(b))); }

inline V128 i8x16_min_s(V128 a, V128 b) { return v(_mm_min_epi8(m(a), m(b))); }
inline V128 i8x16_min_u(V128 a, V128 b) { return v(_mm_min_epu8(m(a), m(b))); }
inline V128 i8x16_max_s(V128 a, V128 b) { return v(_mm_max_epi8(m(a), m(b))); }
inline V128 i8x16_max_u(V128 a, V128 b) { return v(_mm_max_epu8(m(a), m(b))); }
inline V128 i16x8_min_s(V128 a, V128 b) { return v(_mm_min_epi16(m(a), m(b))); }
inline V128 i16x8_min_u(V128 a, V128 b) { return v(_mm_min_epu16(m(a), m(b))); }
inline V128 i16x8_max_s(V128 a, V128 b) { return v(_mm_max_epi16(m(a), m(b))); }
inline V128 i16x8_max_u(V128 a, V128 b) { return v(_mm_max_epu16(m(a), m(b))); }
inline V128 i32x4_min_s(V128 a, V128 b) { return v(_mm_min_epi32(m(a), m(b))); }
inline V128 i32x4_min_u(V128 a, V128 b) { return v(_mm_min_epu32(m(a), m(b))); }
inline V128 i32x4_max_s(V128 a, V128 b) { return v(_mm_max_epi32(m(a), m(b))); }
inline V128 i32x4_max_u(V128 a, V128 b) { return v(_mm_max_epu32(m(a), m(b))); }

inline V128 i8x16_abs(V128 a) { return v(_mm_abs_epi8(m(a))); }
inline V128 i16x8_abs(V128 a) { return v(_mm_abs_epi16(m(a))); }
inline V128 i32x4_abs(V128 a) { return v(_mm_abs_epi32(m(a))); }

inline V128 i8x16_narrow_i16x8_s(V128 a, V128 b) { return v(_mm_packs_epi16(m(a), m(b))); }
inline V128 i8x16_narrow_i16x8_u(V128 a, V128 b) { return v(_mm_packus_epi16(m(a), m(b))); }
inline V128 i16x8_narrow_i32x4_s(V128 a, V128 b) { return v(_mm_packs_epi32(m(a), m(b))); }
inline V128 i16x8_narrow_i32x4_u(V128 a, V128 b) { return v(_mm_packus_epi32(m(a), m(b))); }

inline V128 i16x8_extend_low_i8x16_s(V128 a) { return v(_mm_cvtepi8_epi16(m(a))); }
inline V128 i16x8_extend_low_i8x16_u(V128 a) { return v(_mm_cvtepu8_epi16(m(a))); }
inline V128 i32x4_extend_low_i16x8_s(V128 a) { return v(_mm_cvtepi16_epi32(m(a))); }
inline V128 i32x4_extend_low_i16x8_u(V128 a) { return v(_mm_cvtepu16_epi32(m(a))); }
inline V128 i64x2_extend_low_i32x4_s(V128 a) { return v(_mm_cvtepi32_epi64(m(a))); }
inline V128 i64x2_extend_low_i32x4_u(V128 a) { return v(_mm_cvtepu32_epi64(m(a))); }

inline V128 i32x4_dot_i16x8_s(V128 a, V128 b) { return v(_mm_madd_epi16(m(a), m(b))); }
inline V128 i32x4_mul(V128 a, V128 b) { return v(_mm_mullo_epi32(m(a), m(b))); }

inline uint32_t i8x16_bitmask(V128 a) { return uint32_t(_mm_movemask_epi8(m(a))); }
inline uint32_t i32x4_bitmask(V128 a) { return uint32_t(_mm_movemask_ps(_mm_castsi128_ps(m(a)))); }
inline uint32_t i64x2_bitmask(V128 a) { return uint32_t(_mm_movemask_pd(_mm_castsi128_pd(m(a)))); }
inline uint32_t i8x16_all_true(V128 a) {
  return _mm_movemask_epi8(_mm_cmpeq_epi8(m(a), _mm_setzero_si128())) == 0;
}

inline V128 f32x4_pmin(V128 a, V128 b) { return v(_mm_castps_si128(_mm_min_ps(_mm_castsi128_ps(m(b)), _mm_castsi128_ps(m(a))))); }
inline V128 f32x4_pmax(V128 a, V128 b) { return v(_mm_castps_si128(_mm_max_ps(_mm_castsi128_ps(m(b)), _mm_castsi128_ps(m(a))))); }
inline V128 f64x2_pmin(V128 a, V128 b) { return v(_mm_castpd_si128(_mm_min_pd(_mm_castsi128_pd(m(b)), _mm_castsi128_pd(m(a))))); }
inline V128 f64x2_pmax(V128 a, V128 b) { return v(_mm_castpd_si128(_mm_max_pd(_mm_castsi128_pd(m(b)), _mm_castsi128_pd(m(a))))); }
// Wasm min/max: a NaN operand gives a NaN (canonical here), and -0 < +0. minps/maxps return their
// second operand on NaN and on equality, so computing both operand orders and OR-ing (min: -0 wins) or
// AND-ing (max: +0 wins) settles the zeros; NaN lanes are then replaced by the canonical NaN.
inline __m128 ps(V128 x) { return _mm_castsi128_ps(m(x)); }
inline __m128d pd(V128 x) { return _mm_castsi128_pd(m(x)); }
// Float add and mul with the operands in Wasm order, a op b: with two NaN operands x86 returns the first
// one's (quieted), and a plain a + b may be commuted differently by the C++ compiler in every build (the
// release and the sanitizer builds did differ); the JIT (src/jit/compiler_simd.inc) computes the same.
#define WISP_SIMD_ORDERED(name, insn, T, cast, uncast)                         \
  inline V128 name(V128 a, V128 b) {                                           \
    T x = cast(a);                                                             \
    __asm__(insn " %1, %0" : "+x"(x) : "x"(cast(b)));                          \
    return v(uncast(x));                                                       \
  }
WISP_SIMD_ORDERED(f32x4_add, "addps", __m128, ps, _mm_castps_si128)
WISP_SIMD_ORDERED(f32x4_mul, "mulps", __m128, ps, _mm_castps_si128)
WISP_SIMD_ORDERED(f64x2_add, "addpd", __m128d, pd, _mm_castpd_si128)
WISP_SIMD_ORDERED(f64x2_mul, "mulpd", __m128d, pd, _mm_castpd_si128)
#undef WISP_SIMD_ORDERED
inline V128 f32x4_min(V128 a, V128 b) {
  __m128 r = _mm_or_ps(_mm_min_ps(ps(a), ps(b)), _mm_min_ps(ps(b), ps(a)));
  __m128 nan = _mm_cmpunord_ps(ps(a), ps(b));
  return v(_mm_castps_si128(_mm_blendv_ps(r, _mm_castsi128_ps(_mm_set1_epi32(0x7FC00000)), nan)));
}
inline V128 f32x4_max(V128 a, V128 b) {
  __m128 r = _mm_and_ps(_mm_max_ps(ps(a), ps(b)), _mm_max_ps(ps(b), ps(a)));
  __m128 nan = _mm_cmpunord_ps(ps(a), ps(b));
  return v(_mm_castps_si128(_mm_blendv_ps(r, _mm_castsi128_ps(_mm_set1_epi32(0x7FC00000)), nan)));
}
inline V128 f64x2_min(V128 a, V128 b) {
  __m128d r = _mm_or_pd(_mm_min_pd(pd(a), pd(b)), _mm_min_pd(pd(b), pd(a)));
  __m128d nan = _mm_cmpunord_pd(pd(a), pd(b));
  return v(_mm_castpd_si128(_mm_blendv_pd(r, _mm_castsi128_pd(_mm_set1_epi64x(0x7FF8000000000000)), nan)));
}
inline V128 f64x2_max(V128 a, V128 b) {
  __m128d r = _mm_and_pd(_mm_max_pd(pd(a), pd(b)), _mm_max_pd(pd(b), pd(a)));
  __m128d nan = _mm_cmpunord_pd(pd(a), pd(b));
  return v(_mm_castpd_si128(_mm_blendv_pd(r, _mm_castsi128_pd(_mm_set1_epi64x(0x7FF8000000000000)), nan)));
}

inline V128 f32x4_sqrt(V128 a) { return v(_mm_castps_si128(_mm_sqrt_ps(_mm_castsi128_ps(m(a))))); }
inline V128 f64x2_sqrt(V128 a) { return v(_mm_castpd_si128(_mm_sqrt_pd(_mm_castsi128_pd(m(a))))); }
#define WISP_SIMD_ROUND(name, mode)                                                                   \
  inline V128 f32x4_##name(V128 a) { return v(_mm_castps_si128(_mm_round_ps(_mm_castsi128_ps(m(a)), mode))); } \
  inline V128 f64x2_##name(V128 a) { return v(_mm_castpd_si128(_mm_round_pd(_mm_castsi128_pd(m(a)), mode))); }
WISP_SIMD_ROUND(ceil, _MM_FROUND_TO_POS_INF | _MM_FROUND_NO_EXC)
WISP_SIMD_ROUND(floor, _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC)
WISP_SIMD_ROUND(trunc, _MM_FROUND_TO_ZERO | _MM_FROUND_NO_EXC)
WISP_SIMD_ROUND(nearest, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC)
#undef WISP_SIMD_ROUND
inline V128 f32x4_convert_i32x4_s(V128 a) { return v(_mm_castps_si128(_mm_cvtepi32_ps(m(a)))); }
inline V128 f64x2_convert_low_i32x4_s(V128 a) { return v(_mm_castpd_si128(_mm_cvtepi32_pd(m(a)))); }
// Saturating truncations. cvttps2dq/cvttpd2dq give 0x80000000 for NaN and out-of-range lanes: NaN
// lanes are zeroed first and positive overflow is flipped to 0x7FFFFFFF.
inline V128 i32x4_trunc_sat_f32x4_s(V128 a) {
  __m128 x = _mm_and_ps(ps(a), _mm_cmpeq_ps(ps(a), ps(a)));
  __m128i r = _mm_cvttps_epi32(x);
  __m128i over = _mm_castps_si128(_mm_cmpge_ps(x, _mm_set1_ps(2147483648.0f)));
  return v(_mm_xor_si128(r, over));
}
// Unsigned: clamp below at 0 (maxps also turns NaN into 0), convert [2^31, 2^32) as x - 2^31 with the
// top bit put back, and saturate lanes >= 2^32 to all ones.
inline V128 i32x4_trunc_sat_f32x4_u(V128 a) {
  __m128 x = _mm_max_ps(ps(a), _mm_setzero_ps());
  __m128 two31 = _mm_set1_ps(2147483648.0f);
  __m128i low = _mm_cvttps_epi32(x);
  __m128i high = _mm_xor_si128(_mm_cvttps_epi32(_mm_sub_ps(x, two31)), _mm_set1_epi32(int32_t(0x80000000u)));
  __m128 big = _mm_cmpge_ps(x, two31);
  __m128i r = _mm_castps_si128(_mm_blendv_ps(_mm_castsi128_ps(low), _mm_castsi128_ps(high), big));
  return v(_mm_or_si128(r, _mm_castps_si128(_mm_cmpge_ps(x, _mm_set1_ps(4294967296.0f)))));
}
inline V128 i32x4_trunc_sat_f64x2_s_zero(V128 a) {
  __m128d x = _mm_and_pd(pd(a), _mm_cmpeq_pd(pd(a), pd(a)));
  x = _mm_min_pd(_mm_max_pd(x, _mm_set1_pd(-2147483648.0)), _mm_set1_pd(2147483647.0));
  return v(_mm_cvttpd_epi32(x));
}
// Unsigned to 32 bits from doubles: clamp to [0, 2^32 - 1], truncate, then convert x - 2^31 (exact, in
// int32 range) and put the top bit back.
inline V128 i32x4_trunc_sat_f64x2_u_zero(V128 a) {
  __m128d x = _mm_min_pd(_mm_max_pd(pd(a), _mm_setzero_pd()), _mm_set1_pd(4294967295.0));
  x = _mm_round_pd(x, _MM_FROUND_TO_ZERO | _MM_FROUND_NO_EXC);
  __m128i r = _mm_cvttpd_epi32(_mm_sub_pd(x, _mm_set1_pd(2147483648.0)));
  return v(_mm_xor_si128(r, _mm_set_epi32(0, 0, int32_t(0x80000000u), int32_t(0x80000000u))));
}
// Unsigned to float: the high and low 16-bit halves convert exactly; one rounding in the final add.
inline V128 f32x4_convert_i32x4_u(V128 a) {
  __m128 lo = _mm_cvtepi32_ps(_mm_and_si128(m(a), _mm_set1_epi32(0xFFFF)));
  __m128 hi = _mm_mul_ps(_mm_cvtepi32_ps(_mm_srli_epi32(m(a), 16)), _mm_set1_ps(65536.0f));
  return v(_mm_castps_si128(_mm_add_ps(hi, lo)));
}
inline V128 f64x2_convert_low_i32x4_u(V128 a) {
  __m128i flipped = _mm_xor_si128(m(a), _mm_set1_epi32(int32_t(0x80000000u)));
  return v(_mm_castpd_si128(_mm_add_pd(_mm_cvtepi32_pd(flipped), _mm_set1_pd(2147483648.0))));
}
inline V128 f64x2_promote_low_f32x4(V128 a) { return v(_mm_castpd_si128(_mm_cvtps_pd(_mm_castsi128_ps(m(a))))); }
inline V128 f32x4_demote_f64x2_zero(V128 a) { return v(_mm_castps_si128(_mm_cvtpd_ps(_mm_castsi128_pd(m(a))))); }


// ---- relaxed SIMD: the instructions whose behaviour portable.h's table names (madd/nmadd use the portable
// per-lane std::fma: SSE4.1 has no fused multiply-add) --------------------------------------------------
inline V128 i8x16_relaxed_swizzle(V128 a, V128 s) { return v(_mm_shuffle_epi8(m(a), m(s))); }
inline V128 i32x4_relaxed_trunc_f32x4_s(V128 a) { return v(_mm_cvttps_epi32(ps(a))); }
inline V128 i32x4_relaxed_trunc_f64x2_s_zero(V128 a) { return v(_mm_cvttpd_epi32(pd(a))); }
// The unsigned forms as vcvttps2udq/vcvttpd2udq: the saturating conversion, with every lane outside
// (-1, 2^32) (NaN included: unordered compares are true) forced to all ones.
inline V128 i32x4_relaxed_trunc_f32x4_u(V128 a) {
  __m128 bad = _mm_or_ps(_mm_cmpngt_ps(ps(a), _mm_set1_ps(-1.0f)), _mm_cmpnlt_ps(ps(a), _mm_set1_ps(4294967296.0f)));
  return v(_mm_or_si128(m(i32x4_trunc_sat_f32x4_u(a)), _mm_castps_si128(bad)));
}
inline V128 i32x4_relaxed_trunc_f64x2_u_zero(V128 a) {
  __m128d bad = _mm_or_pd(_mm_cmpngt_pd(pd(a), _mm_set1_pd(-1.0)), _mm_cmpnlt_pd(pd(a), _mm_set1_pd(4294967296.0)));
  // 64-bit masks to the two low 32-bit lanes, upper lanes 0.
  __m128 bad32 = _mm_shuffle_ps(_mm_castpd_ps(bad), _mm_setzero_ps(), _MM_SHUFFLE(0, 0, 2, 0));
  return v(_mm_or_si128(m(i32x4_trunc_sat_f64x2_u_zero(a)), _mm_castps_si128(bad32)));
}
inline V128 i8x16_relaxed_laneselect(V128 a, V128 b, V128 c) { return v(_mm_blendv_epi8(m(b), m(a), m(c))); }
inline V128 i16x8_relaxed_laneselect(V128 a, V128 b, V128 c) {
  return v(_mm_blendv_epi8(m(b), m(a), _mm_srai_epi16(m(c), 15)));  // the lane's top bit, not each byte's
}
inline V128 i32x4_relaxed_laneselect(V128 a, V128 b, V128 c) {
  return v(_mm_castps_si128(_mm_blendv_ps(ps(b), ps(a), ps(c))));
}
inline V128 i64x2_relaxed_laneselect(V128 a, V128 b, V128 c) {
  return v(_mm_castpd_si128(_mm_blendv_pd(pd(b), pd(a), pd(c))));
}
inline V128 f32x4_relaxed_min(V128 a, V128 b) { return v(_mm_castps_si128(_mm_min_ps(ps(a), ps(b)))); }
inline V128 f32x4_relaxed_max(V128 a, V128 b) { return v(_mm_castps_si128(_mm_max_ps(ps(a), ps(b)))); }
inline V128 f64x2_relaxed_min(V128 a, V128 b) { return v(_mm_castpd_si128(_mm_min_pd(pd(a), pd(b)))); }
inline V128 f64x2_relaxed_max(V128 a, V128 b) { return v(_mm_castpd_si128(_mm_max_pd(pd(a), pd(b)))); }
inline V128 i16x8_relaxed_q15mulr_s(V128 a, V128 b) { return v(_mm_mulhrs_epi16(m(a), m(b))); }
inline V128 i16x8_relaxed_dot_i8x16_i7x16_s(V128 a, V128 b) { return v(_mm_maddubs_epi16(m(b), m(a))); }
inline V128 i32x4_relaxed_dot_i8x16_i7x16_add_s(V128 a, V128 b, V128 c) {
  __m128i pairs = _mm_madd_epi16(_mm_maddubs_epi16(m(b), m(a)), _mm_set1_epi16(1));
  return v(_mm_add_epi32(pairs, m(c)));
}

}  // namespace wisp::interp::simd::x86
