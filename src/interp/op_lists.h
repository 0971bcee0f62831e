// X-macro lists of the operator families the interpreter implements generically. handlers.def turns
// them into handlers (one per operand form); the IR builder maps wasm::Op to those handlers by name.
// In expressions, `a` and `b` are the operands; num:: is interp/numeric.h; sgn() reinterprets as signed.
#pragma once

// Binary operators without traps: X(name, T operand type, K immediate kind, R result type, expr).
#define WISP_PURE_BINOPS(X)                                                          \
  X(i32_add, uint32_t, "i", uint32_t, a + b)                                          \
  X(i32_sub, uint32_t, "i", uint32_t, a - b)                                          \
  X(i32_mul, uint32_t, "i", uint32_t, a * b)                                          \
  X(i32_and, uint32_t, "i", uint32_t, a & b)                                          \
  X(i32_or, uint32_t, "i", uint32_t, a | b)                                           \
  X(i32_xor, uint32_t, "i", uint32_t, a ^ b)                                          \
  X(i32_shl, uint32_t, "i", uint32_t, a << (b & 31))                                  \
  X(i32_shr_s, uint32_t, "i", uint32_t, num::shr_s32(a, b))                           \
  X(i32_shr_u, uint32_t, "i", uint32_t, a >> (b & 31))                                \
  X(i32_rotl, uint32_t, "i", uint32_t, num::rotl32(a, b))                             \
  X(i32_rotr, uint32_t, "i", uint32_t, num::rotr32(a, b))                             \
  X(i32_eq, uint32_t, "i", uint32_t, a == b)                                          \
  X(i32_ne, uint32_t, "i", uint32_t, a != b)                                          \
  X(i32_lt_s, uint32_t, "i", uint32_t, sgn(a) < sgn(b))                               \
  X(i32_lt_u, uint32_t, "i", uint32_t, a < b)                                         \
  X(i32_gt_s, uint32_t, "i", uint32_t, sgn(a) > sgn(b))                               \
  X(i32_gt_u, uint32_t, "i", uint32_t, a > b)                                         \
  X(i32_le_s, uint32_t, "i", uint32_t, sgn(a) <= sgn(b))                              \
  X(i32_le_u, uint32_t, "i", uint32_t, a <= b)                                        \
  X(i32_ge_s, uint32_t, "i", uint32_t, sgn(a) >= sgn(b))                              \
  X(i32_ge_u, uint32_t, "i", uint32_t, a >= b)                                        \
  X(i64_add, uint64_t, "I", uint64_t, a + b)                                          \
  X(i64_sub, uint64_t, "I", uint64_t, a - b)                                          \
  X(i64_mul, uint64_t, "I", uint64_t, a * b)                                          \
  X(i64_and, uint64_t, "I", uint64_t, a & b)                                          \
  X(i64_or, uint64_t, "I", uint64_t, a | b)                                           \
  X(i64_xor, uint64_t, "I", uint64_t, a ^ b)                                          \
  X(i64_shl, uint64_t, "I", uint64_t, a << (b & 63))                                  \
  X(i64_shr_s, uint64_t, "I", uint64_t, num::shr_s64(a, b))                           \
  X(i64_shr_u, uint64_t, "I", uint64_t, a >> (b & 63))                                \
  X(i64_rotl, uint64_t, "I", uint64_t, num::rotl64(a, b))                             \
  X(i64_rotr, uint64_t, "I", uint64_t, num::rotr64(a, b))                             \
  X(i64_eq, uint64_t, "I", uint32_t, a == b)                                          \
  X(i64_ne, uint64_t, "I", uint32_t, a != b)                                          \
  X(i64_lt_s, uint64_t, "I", uint32_t, sgn(a) < sgn(b))                               \
  X(i64_lt_u, uint64_t, "I", uint32_t, a < b)                                         \
  X(i64_gt_s, uint64_t, "I", uint32_t, sgn(a) > sgn(b))                               \
  X(i64_gt_u, uint64_t, "I", uint32_t, a > b)                                         \
  X(i64_le_s, uint64_t, "I", uint32_t, sgn(a) <= sgn(b))                              \
  X(i64_le_u, uint64_t, "I", uint32_t, a <= b)                                        \
  X(i64_ge_s, uint64_t, "I", uint32_t, sgn(a) >= sgn(b))                              \
  X(i64_ge_u, uint64_t, "I", uint32_t, a >= b)                                        \
  X(f32_add, float, "i", float, a + b)                                                \
  X(f32_sub, float, "i", float, a - b)                                                \
  X(f32_mul, float, "i", float, a * b)                                                \
  X(f32_div, float, "i", float, a / b)                                                \
  X(f32_min, float, "i", float, num::fmin(a, b))                                      \
  X(f32_max, float, "i", float, num::fmax(a, b))                                      \
  X(f32_copysign, uint32_t, "i", uint32_t, num::f32_copysign(a, b))                   \
  X(f32_eq, float, "i", uint32_t, a == b)                                             \
  X(f32_ne, float, "i", uint32_t, a != b)                                             \
  X(f32_lt, float, "i", uint32_t, a < b)                                              \
  X(f32_gt, float, "i", uint32_t, a > b)                                              \
  X(f32_le, float, "i", uint32_t, a <= b)                                             \
  X(f32_ge, float, "i", uint32_t, a >= b)                                             \
  X(f64_add, double, "I", double, a + b)                                              \
  X(f64_sub, double, "I", double, a - b)                                              \
  X(f64_mul, double, "I", double, a * b)                                              \
  X(f64_div, double, "I", double, a / b)                                              \
  X(f64_min, double, "I", double, num::fmin(a, b))                                    \
  X(f64_max, double, "I", double, num::fmax(a, b))                                    \
  X(f64_copysign, uint64_t, "I", uint64_t, num::f64_copysign(a, b))                   \
  X(f64_eq, double, "I", uint32_t, a == b)                                            \
  X(f64_ne, double, "I", uint32_t, a != b)                                            \
  X(f64_lt, double, "I", uint32_t, a < b)                                             \
  X(f64_gt, double, "I", uint32_t, a > b)                                             \
  X(f64_le, double, "I", uint32_t, a <= b)                                            \
  X(f64_ge, double, "I", uint32_t, a >= b)

// Integer division: X(name, T, K, expr); every one traps on b == 0; `_s` division also on overflow.
#define WISP_DIV_BINOPS(X)                                  \
  X(i32_div_s, uint32_t, "i", 1, num::div_s(a, b))           \
  X(i32_div_u, uint32_t, "i", 0, a / b)                      \
  X(i32_rem_s, uint32_t, "i", 0, num::rem_s(a, b))           \
  X(i32_rem_u, uint32_t, "i", 0, a % b)                      \
  X(i64_div_s, uint64_t, "I", 1, num::div_s(a, b))           \
  X(i64_div_u, uint64_t, "I", 0, a / b)                      \
  X(i64_rem_s, uint64_t, "I", 0, num::rem_s(a, b))           \
  X(i64_rem_u, uint64_t, "I", 0, a % b)

// Unary operators without traps: X(name, T, R, expr). (Reinterpretations and i32.wrap_i64 emit no code.)
#define WISP_PURE_UNOPS(X)                                                          \
  X(i32_eqz, uint32_t, uint32_t, a == 0)                                             \
  X(i64_eqz, uint64_t, uint32_t, a == 0)                                             \
  X(i32_clz, uint32_t, uint32_t, std::countl_zero(a))                                \
  X(i32_ctz, uint32_t, uint32_t, std::countr_zero(a))                                \
  X(i32_popcnt, uint32_t, uint32_t, std::popcount(a))                                \
  X(i64_clz, uint64_t, uint64_t, std::countl_zero(a))                                \
  X(i64_ctz, uint64_t, uint64_t, std::countr_zero(a))                                \
  X(i64_popcnt, uint64_t, uint64_t, std::popcount(a))                                \
  X(f32_abs, uint32_t, uint32_t, num::f32_abs(a))                                    \
  X(f32_neg, uint32_t, uint32_t, num::f32_neg(a))                                    \
  X(f32_ceil, float, float, num::fceil(a))                                           \
  X(f32_floor, float, float, num::ffloor(a))                                         \
  X(f32_trunc, float, float, num::ftrunc(a))                                         \
  X(f32_nearest, float, float, num::fnearest(a))                                     \
  X(f32_sqrt, float, float, num::fsqrt(a))                                           \
  X(f64_abs, uint64_t, uint64_t, num::f64_abs(a))                                    \
  X(f64_neg, uint64_t, uint64_t, num::f64_neg(a))                                    \
  X(f64_ceil, double, double, num::fceil(a))                                         \
  X(f64_floor, double, double, num::ffloor(a))                                       \
  X(f64_trunc, double, double, num::ftrunc(a))                                       \
  X(f64_nearest, double, double, num::fnearest(a))                                   \
  X(f64_sqrt, double, double, num::fsqrt(a))                                         \
  X(i64_extend_i32_s, uint32_t, uint64_t, uint64_t(int64_t(int32_t(a))))             \
  X(i64_extend_i32_u, uint32_t, uint64_t, uint64_t(a))                               \
  X(f32_convert_i32_s, uint32_t, float, float(int32_t(a)))                           \
  X(f32_convert_i32_u, uint32_t, float, float(a))                                    \
  X(f32_convert_i64_s, uint64_t, float, float(int64_t(a)))                           \
  X(f32_convert_i64_u, uint64_t, float, float(a))                                    \
  X(f32_demote_f64, double, float, float(a))                                         \
  X(f64_convert_i32_s, uint32_t, double, double(int32_t(a)))                         \
  X(f64_convert_i32_u, uint32_t, double, double(a))                                  \
  X(f64_convert_i64_s, uint64_t, double, double(int64_t(a)))                         \
  X(f64_convert_i64_u, uint64_t, double, double(a))                                  \
  X(f64_promote_f32, float, double, double(a))                                       \
  X(i32_extend8_s, uint32_t, uint32_t, uint32_t(int32_t(int8_t(a))))                 \
  X(i32_extend16_s, uint32_t, uint32_t, uint32_t(int32_t(int16_t(a))))               \
  X(i64_extend8_s, uint64_t, uint64_t, uint64_t(int64_t(int8_t(a))))                 \
  X(i64_extend16_s, uint64_t, uint64_t, uint64_t(int64_t(int16_t(a))))               \
  X(i64_extend32_s, uint64_t, uint64_t, uint64_t(int64_t(int32_t(a))))               \
  X(i32_trunc_sat_f32_s, float, uint32_t, uint32_t(num::trunc_sat<int32_t>(a)))      \
  X(i32_trunc_sat_f32_u, float, uint32_t, num::trunc_sat<uint32_t>(a))               \
  X(i32_trunc_sat_f64_s, double, uint32_t, uint32_t(num::trunc_sat<int32_t>(a)))     \
  X(i32_trunc_sat_f64_u, double, uint32_t, num::trunc_sat<uint32_t>(a))              \
  X(i64_trunc_sat_f32_s, float, uint64_t, uint64_t(num::trunc_sat<int64_t>(a)))      \
  X(i64_trunc_sat_f32_u, float, uint64_t, num::trunc_sat<uint64_t>(a))               \
  X(i64_trunc_sat_f64_s, double, uint64_t, uint64_t(num::trunc_sat<int64_t>(a)))     \
  X(i64_trunc_sat_f64_u, double, uint64_t, num::trunc_sat<uint64_t>(a))

// Trapping float-to-int truncations: X(name, T float type, I integer type, R result slot type).
#define WISP_TRUNC_UNOPS(X)                             \
  X(i32_trunc_f32_s, float, int32_t, uint32_t)          \
  X(i32_trunc_f32_u, float, uint32_t, uint32_t)         \
  X(i32_trunc_f64_s, double, int32_t, uint32_t)         \
  X(i32_trunc_f64_u, double, uint32_t, uint32_t)        \
  X(i64_trunc_f32_s, float, int64_t, uint64_t)          \
  X(i64_trunc_f32_u, float, uint64_t, uint64_t)         \
  X(i64_trunc_f64_s, double, int64_t, uint64_t)         \
  X(i64_trunc_f64_u, double, uint64_t, uint64_t)

// Integer comparisons fused into br_if: X(name, T, K, cond, negated name). Exact negation makes
// `if` (branch when false) use the same handlers.
#define WISP_FUSED_CMPS(X)                                   \
  X(i32_eq, uint32_t, "i", a == b, i32_ne)                    \
  X(i32_ne, uint32_t, "i", a != b, i32_eq)                    \
  X(i32_lt_s, uint32_t, "i", sgn(a) < sgn(b), i32_ge_s)       \
  X(i32_lt_u, uint32_t, "i", a < b, i32_ge_u)                 \
  X(i32_gt_s, uint32_t, "i", sgn(a) > sgn(b), i32_le_s)       \
  X(i32_gt_u, uint32_t, "i", a > b, i32_le_u)                 \
  X(i32_le_s, uint32_t, "i", sgn(a) <= sgn(b), i32_gt_s)      \
  X(i32_le_u, uint32_t, "i", a <= b, i32_gt_u)                \
  X(i32_ge_s, uint32_t, "i", sgn(a) >= sgn(b), i32_lt_s)      \
  X(i32_ge_u, uint32_t, "i", a >= b, i32_lt_u)                \
  X(i64_eq, uint64_t, "I", a == b, i64_ne)                    \
  X(i64_ne, uint64_t, "I", a != b, i64_eq)                    \
  X(i64_lt_s, uint64_t, "I", sgn(a) < sgn(b), i64_ge_s)       \
  X(i64_lt_u, uint64_t, "I", a < b, i64_ge_u)                 \
  X(i64_gt_s, uint64_t, "I", sgn(a) > sgn(b), i64_le_s)       \
  X(i64_gt_u, uint64_t, "I", a > b, i64_le_u)                 \
  X(i64_le_s, uint64_t, "I", sgn(a) <= sgn(b), i64_gt_s)      \
  X(i64_le_u, uint64_t, "I", a <= b, i64_gt_u)                \
  X(i64_ge_s, uint64_t, "I", sgn(a) >= sgn(b), i64_lt_s)      \
  X(i64_ge_u, uint64_t, "I", a >= b, i64_lt_u)

// Loads: X(name, M memory type, R slot type). Stores: X(name, M memory type, S slot type).
#define WISP_LOADS(X)                      \
  X(i32_load, uint32_t, uint32_t)           \
  X(i64_load, uint64_t, uint64_t)           \
  X(f32_load, uint32_t, uint32_t)           \
  X(f64_load, uint64_t, uint64_t)           \
  X(i32_load8_s, int8_t, uint32_t)          \
  X(i32_load8_u, uint8_t, uint32_t)         \
  X(i32_load16_s, int16_t, uint32_t)        \
  X(i32_load16_u, uint16_t, uint32_t)       \
  X(i64_load8_s, int8_t, uint64_t)          \
  X(i64_load8_u, uint8_t, uint64_t)         \
  X(i64_load16_s, int16_t, uint64_t)        \
  X(i64_load16_u, uint16_t, uint64_t)       \
  X(i64_load32_s, int32_t, uint64_t)        \
  X(i64_load32_u, uint32_t, uint64_t)

#define WISP_STORES(X)                     \
  X(i32_store, uint32_t, uint32_t)          \
  X(i64_store, uint64_t, uint64_t)          \
  X(f32_store, uint32_t, uint32_t)          \
  X(f64_store, uint64_t, uint64_t)          \
  X(i32_store8, uint8_t, uint32_t)          \
  X(i32_store16, uint16_t, uint32_t)        \
  X(i64_store8, uint8_t, uint64_t)          \
  X(i64_store16, uint16_t, uint64_t)        \
  X(i64_store32, uint32_t, uint64_t)
