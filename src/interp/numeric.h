// Scalar semantics of Wasm numeric instructions as small inline functions: integer ops with their trap
// conditions, IEEE float ops with the spec's NaN / signed-zero rules, conversions (trapping and saturating).
#pragma once
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

namespace wisp::interp::num {

// ---- bit casts -----------------------------------------------------------------------------------------
inline float f32_of(uint32_t b) { return std::bit_cast<float>(b); }
inline double f64_of(uint64_t b) { return std::bit_cast<double>(b); }
inline uint32_t bits_of(float f) { return std::bit_cast<uint32_t>(f); }
inline uint64_t bits_of(double d) { return std::bit_cast<uint64_t>(d); }

// ---- integers ------------------------------------------------------------------------------------------
inline uint32_t rotl32(uint32_t a, uint32_t b) { return std::rotl(a, int(b & 31)); }
inline uint32_t rotr32(uint32_t a, uint32_t b) { return std::rotr(a, int(b & 31)); }
inline uint64_t rotl64(uint64_t a, uint64_t b) { return std::rotl(a, int(b & 63)); }
inline uint64_t rotr64(uint64_t a, uint64_t b) { return std::rotr(a, int(b & 63)); }
inline uint32_t shr_s32(uint32_t a, uint32_t b) { return uint32_t(int32_t(a) >> (b & 31)); }
inline uint64_t shr_s64(uint64_t a, uint64_t b) { return uint64_t(int64_t(a) >> (b & 63)); }

// Division: the caller checks the trap conditions first (div_zero / div_overflow).
template <typename U>
inline bool div_overflow(U a, U b) {
  using S = std::make_signed_t<U>;
  return a == U(std::numeric_limits<S>::min()) && b == U(-1);
}
template <typename U>
inline U div_s(U a, U b) {
  using S = std::make_signed_t<U>;
  return U(S(a) / S(b));
}
template <typename U>
inline U rem_s(U a, U b) {
  using S = std::make_signed_t<U>;
  if (b == U(-1)) return 0;  // INT_MIN % -1 is UB in C++ but 0 in Wasm
  return U(S(a) % S(b));
}

// ---- floats --------------------------------------------------------------------------------------------
// Operations whose result is NaN must return a quiet NaN; adding the operands quiets signalling inputs.
template <typename F>
inline F fmin(F a, F b) {
  if (std::isnan(a) || std::isnan(b)) return a + b;
  if (a == b) return std::signbit(a) ? a : b;  // min(-0, +0) = -0
  return a < b ? a : b;
}
template <typename F>
inline F fmax(F a, F b) {
  if (std::isnan(a) || std::isnan(b)) return a + b;
  if (a == b) return std::signbit(a) ? b : a;  // max(-0, +0) = +0
  return a > b ? a : b;
}
template <typename F>
inline F fceil(F a) { return std::isnan(a) ? a + a : std::ceil(a); }
template <typename F>
inline F ffloor(F a) { return std::isnan(a) ? a + a : std::floor(a); }
template <typename F>
inline F ftrunc(F a) { return std::isnan(a) ? a + a : std::trunc(a); }
// Round to nearest, ties to even (the default rounding mode, which Wasm never changes).
template <typename F>
inline F fnearest(F a) { return std::isnan(a) ? a + a : std::nearbyint(a); }
template <typename F>
inline F fsqrt(F a) { return std::sqrt(a); }

// abs / neg / copysign are pure bit operations (NaN payloads untouched).
inline uint32_t f32_abs(uint32_t a) { return a & 0x7fffffffu; }
inline uint32_t f32_neg(uint32_t a) { return a ^ 0x80000000u; }
inline uint32_t f32_copysign(uint32_t a, uint32_t b) { return (a & 0x7fffffffu) | (b & 0x80000000u); }
inline uint64_t f64_abs(uint64_t a) { return a & 0x7fffffffffffffffull; }
inline uint64_t f64_neg(uint64_t a) { return a ^ 0x8000000000000000ull; }
inline uint64_t f64_copysign(uint64_t a, uint64_t b) {
  return (a & 0x7fffffffffffffffull) | (b & 0x8000000000000000ull);
}

// ---- conversions ---------------------------------------------------------------------------------------
// Trapping truncation: 0 ok, 1 invalid conversion (NaN), 2 integer overflow. Every float input converts
// exactly to double, and the bounds below are exact doubles, so comparing trunc(x) is exact.
enum class TruncStatus : uint8_t { ok, nan, overflow };

template <typename I>
inline TruncStatus trunc_check(double x) {
  if (std::isnan(x)) return TruncStatus::nan;
  double t = std::trunc(x);
  if constexpr (std::is_same_v<I, int32_t>) {
    if (t < -2147483648.0 || t > 2147483647.0) return TruncStatus::overflow;
  } else if constexpr (std::is_same_v<I, uint32_t>) {
    if (t < 0.0 || t > 4294967295.0) return TruncStatus::overflow;  // -0.x truncates to -0: fine
  } else if constexpr (std::is_same_v<I, int64_t>) {
    if (t < -9223372036854775808.0 || t >= 9223372036854775808.0) return TruncStatus::overflow;
  } else {
    if (t < 0.0 || t >= 18446744073709551616.0) return TruncStatus::overflow;
  }
  return TruncStatus::ok;
}
// Only valid after trunc_check(x) == ok.
template <typename I>
inline I trunc_unchecked(double x) { return I(std::trunc(x)); }

// Saturating truncation: NaN -> 0, out of range -> the nearest bound.
template <typename I>
inline I trunc_sat(double x) {
  if (std::isnan(x)) return 0;
  double t = std::trunc(x);
  constexpr double lo = double(std::numeric_limits<I>::min());
  if (t <= lo) return std::numeric_limits<I>::min();
  if constexpr (sizeof(I) == 4) {
    if (t >= double(std::numeric_limits<I>::max())) return std::numeric_limits<I>::max();
  } else {
    // 2^63 / 2^64 are exact doubles; max() itself is not representable.
    constexpr double hi = std::is_signed_v<I> ? 9223372036854775808.0 : 18446744073709551616.0;
    if (t >= hi) return std::numeric_limits<I>::max();
  }
  return I(t);
}

}  // namespace wisp::interp::num
