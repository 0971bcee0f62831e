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
inline V128 f64x2_promote_low_f32x4(V128 a) { return v(_mm_castpd_si128(_mm_cvtps_pd(_mm_castsi128_ps(m(a))))); }
inline V128 f32x4_demote_f64x2_zero(V128 a) { return v(_mm_castps_si128(_mm_cvtpd_ps(_mm_castsi128_pd(m(a))))); }

}  // namespace wisp::interp::simd::x86
