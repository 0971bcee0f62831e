// X-macro lists of the SIMD operator families, generated from wasm/simd_opcodes.def by signature.
// handlers_simd.def turns them into handlers; the IR builder maps wasm::SimdOp to those handlers by name.
// Each X(ident, ...) calls simd::impl::ident (interp/simd.h).
#pragma once

#define WISP_SIMD_BINOPS(X) \
  X(i8x16_swizzle) \
  X(i8x16_eq) \
  X(i8x16_ne) \
  X(i8x16_lt_s) \
  X(i8x16_lt_u) \
  X(i8x16_gt_s) \
  X(i8x16_gt_u) \
  X(i8x16_le_s) \
  X(i8x16_le_u) \
  X(i8x16_ge_s) \
  X(i8x16_ge_u) \
  X(i16x8_eq) \
  X(i16x8_ne) \
  X(i16x8_lt_s) \
  X(i16x8_lt_u) \
  X(i16x8_gt_s) \
  X(i16x8_gt_u) \
  X(i16x8_le_s) \
  X(i16x8_le_u) \
  X(i16x8_ge_s) \
  X(i16x8_ge_u) \
  X(i32x4_eq) \
  X(i32x4_ne) \
  X(i32x4_lt_s) \
  X(i32x4_lt_u) \
  X(i32x4_gt_s) \
  X(i32x4_gt_u) \
  X(i32x4_le_s) \
  X(i32x4_le_u) \
  X(i32x4_ge_s) \
  X(i32x4_ge_u) \
  X(f32x4_eq) \
  X(f32x4_ne) \
  X(f32x4_lt) \
  X(f32x4_gt) \
  X(f32x4_le) \
  X(f32x4_ge) \
  X(f64x2_eq) \
  X(f64x2_ne) \
  X(f64x2_lt) \
  X(f64x2_gt) \
  X(f64x2_le) \
  X(f64x2_ge) \
  X(v128_and) \
  X(v128_andnot) \
  X(v128_or) \
  X(v128_xor) \
  X(i8x16_narrow_i16x8_s) \
  X(i8x16_narrow_i16x8_u) \
  X(i8x16_add) \
  X(i8x16_add_sat_s) \
  X(i8x16_add_sat_u) \
  X(i8x16_sub) \
  X(i8x16_sub_sat_s) \
  X(i8x16_sub_sat_u) \
  X(i8x16_min_s) \
  X(i8x16_min_u) \
  X(i8x16_max_s) \
  X(i8x16_max_u) \
  X(i8x16_avgr_u) \
  X(i16x8_q15mulr_sat_s) \
  X(i16x8_narrow_i32x4_s) \
  X(i16x8_narrow_i32x4_u) \
  X(i16x8_add) \
  X(i16x8_add_sat_s) \
  X(i16x8_add_sat_u) \
  X(i16x8_sub) \
  X(i16x8_sub_sat_s) \
  X(i16x8_sub_sat_u) \
  X(i16x8_mul) \
  X(i16x8_min_s) \
  X(i16x8_min_u) \
  X(i16x8_max_s) \
  X(i16x8_max_u) \
  X(i16x8_avgr_u) \
  X(i16x8_extmul_low_i8x16_s) \
  X(i16x8_extmul_high_i8x16_s) \
  X(i16x8_extmul_low_i8x16_u) \
  X(i16x8_extmul_high_i8x16_u) \
  X(i32x4_add) \
  X(i32x4_sub) \
  X(i32x4_mul) \
  X(i32x4_min_s) \
  X(i32x4_min_u) \
  X(i32x4_max_s) \
  X(i32x4_max_u) \
  X(i32x4_dot_i16x8_s) \
  X(i32x4_extmul_low_i16x8_s) \
  X(i32x4_extmul_high_i16x8_s) \
  X(i32x4_extmul_low_i16x8_u) \
  X(i32x4_extmul_high_i16x8_u) \
  X(i64x2_add) \
  X(i64x2_sub) \
  X(i64x2_mul) \
  X(i64x2_eq) \
  X(i64x2_ne) \
  X(i64x2_lt_s) \
  X(i64x2_gt_s) \
  X(i64x2_le_s) \
  X(i64x2_ge_s) \
  X(i64x2_extmul_low_i32x4_s) \
  X(i64x2_extmul_high_i32x4_s) \
  X(i64x2_extmul_low_i32x4_u) \
  X(i64x2_extmul_high_i32x4_u) \
  X(f32x4_add) \
  X(f32x4_sub) \
  X(f32x4_mul) \
  X(f32x4_div) \
  X(f32x4_min) \
  X(f32x4_max) \
  X(f32x4_pmin) \
  X(f32x4_pmax) \
  X(f64x2_add) \
  X(f64x2_sub) \
  X(f64x2_mul) \
  X(f64x2_div) \
  X(f64x2_min) \
  X(f64x2_max) \
  X(f64x2_pmin) \
  X(f64x2_pmax)

#define WISP_SIMD_UNOPS(X) \
  X(v128_not) \
  X(f32x4_demote_f64x2_zero) \
  X(f64x2_promote_low_f32x4) \
  X(i8x16_abs) \
  X(i8x16_neg) \
  X(i8x16_popcnt) \
  X(f32x4_ceil) \
  X(f32x4_floor) \
  X(f32x4_trunc) \
  X(f32x4_nearest) \
  X(f64x2_ceil) \
  X(f64x2_floor) \
  X(f64x2_trunc) \
  X(i16x8_extadd_pairwise_i8x16_s) \
  X(i16x8_extadd_pairwise_i8x16_u) \
  X(i32x4_extadd_pairwise_i16x8_s) \
  X(i32x4_extadd_pairwise_i16x8_u) \
  X(i16x8_abs) \
  X(i16x8_neg) \
  X(i16x8_extend_low_i8x16_s) \
  X(i16x8_extend_high_i8x16_s) \
  X(i16x8_extend_low_i8x16_u) \
  X(i16x8_extend_high_i8x16_u) \
  X(f64x2_nearest) \
  X(i32x4_abs) \
  X(i32x4_neg) \
  X(i32x4_extend_low_i16x8_s) \
  X(i32x4_extend_high_i16x8_s) \
  X(i32x4_extend_low_i16x8_u) \
  X(i32x4_extend_high_i16x8_u) \
  X(i64x2_abs) \
  X(i64x2_neg) \
  X(i64x2_extend_low_i32x4_s) \
  X(i64x2_extend_high_i32x4_s) \
  X(i64x2_extend_low_i32x4_u) \
  X(i64x2_extend_high_i32x4_u) \
  X(f32x4_abs) \
  X(f32x4_neg) \
  X(f32x4_sqrt) \
  X(f64x2_abs) \
  X(f64x2_neg) \
  X(f64x2_sqrt) \
  X(i32x4_trunc_sat_f32x4_s) \
  X(i32x4_trunc_sat_f32x4_u) \
  X(f32x4_convert_i32x4_s) \
  X(f32x4_convert_i32x4_u) \
  X(i32x4_trunc_sat_f64x2_s_zero) \
  X(i32x4_trunc_sat_f64x2_u_zero) \
  X(f64x2_convert_low_i32x4_s) \
  X(f64x2_convert_low_i32x4_u)

#define WISP_SIMD_TESTS(X) \
  X(v128_any_true) \
  X(i8x16_all_true) \
  X(i8x16_bitmask) \
  X(i16x8_all_true) \
  X(i16x8_bitmask) \
  X(i32x4_all_true) \
  X(i32x4_bitmask) \
  X(i64x2_all_true) \
  X(i64x2_bitmask)

#define WISP_SIMD_SHIFTS(X) \
  X(i8x16_shl) \
  X(i8x16_shr_s) \
  X(i8x16_shr_u) \
  X(i16x8_shl) \
  X(i16x8_shr_s) \
  X(i16x8_shr_u) \
  X(i32x4_shl) \
  X(i32x4_shr_s) \
  X(i32x4_shr_u) \
  X(i64x2_shl) \
  X(i64x2_shr_s) \
  X(i64x2_shr_u)

#define WISP_SIMD_SPLATS(X) \
  X(i8x16_splat, uint32_t) \
  X(i16x8_splat, uint32_t) \
  X(i32x4_splat, uint32_t) \
  X(i64x2_splat, uint64_t) \
  X(f32x4_splat, uint32_t) \
  X(f64x2_splat, uint64_t)

#define WISP_SIMD_EXTRACTS(X) \
  X(i8x16_extract_lane_s, uint32_t) \
  X(i8x16_extract_lane_u, uint32_t) \
  X(i16x8_extract_lane_s, uint32_t) \
  X(i16x8_extract_lane_u, uint32_t) \
  X(i32x4_extract_lane, uint32_t) \
  X(i64x2_extract_lane, uint64_t) \
  X(f32x4_extract_lane, uint32_t) \
  X(f64x2_extract_lane, uint64_t)

#define WISP_SIMD_REPLACES(X) \
  X(i8x16_replace_lane, uint32_t) \
  X(i16x8_replace_lane, uint32_t) \
  X(i32x4_replace_lane, uint32_t) \
  X(i64x2_replace_lane, uint64_t) \
  X(f32x4_replace_lane, uint32_t) \
  X(f64x2_replace_lane, uint64_t)

#define WISP_SIMD_LOADS(X) \
  X(v128_load, 16) \
  X(v128_load8x8_s, 8) \
  X(v128_load8x8_u, 8) \
  X(v128_load16x4_s, 8) \
  X(v128_load16x4_u, 8) \
  X(v128_load32x2_s, 8) \
  X(v128_load32x2_u, 8) \
  X(v128_load8_splat, 1) \
  X(v128_load16_splat, 2) \
  X(v128_load32_splat, 4) \
  X(v128_load64_splat, 8) \
  X(v128_load32_zero, 4) \
  X(v128_load64_zero, 8)

#define WISP_SIMD_LOAD_LANES(X) \
  X(v128_load8_lane, 1) \
  X(v128_load16_lane, 2) \
  X(v128_load32_lane, 4) \
  X(v128_load64_lane, 8)

#define WISP_SIMD_STORE_LANES(X) \
  X(v128_store8_lane, 1) \
  X(v128_store16_lane, 2) \
  X(v128_store32_lane, 4) \
  X(v128_store64_lane, 8)

// Relaxed SIMD (feature relaxed-simd): lists of their own, so the Wasm 2.0 families above stay as they are.
#define WISP_SIMD_RELAXED_BINOPS(X) \
  X(i8x16_relaxed_swizzle) \
  X(f32x4_relaxed_min) \
  X(f32x4_relaxed_max) \
  X(f64x2_relaxed_min) \
  X(f64x2_relaxed_max) \
  X(i16x8_relaxed_q15mulr_s) \
  X(i16x8_relaxed_dot_i8x16_i7x16_s)

#define WISP_SIMD_RELAXED_UNOPS(X) \
  X(i32x4_relaxed_trunc_f32x4_s) \
  X(i32x4_relaxed_trunc_f32x4_u) \
  X(i32x4_relaxed_trunc_f64x2_s_zero) \
  X(i32x4_relaxed_trunc_f64x2_u_zero)

#define WISP_SIMD_RELAXED_TERNOPS(X) \
  X(f32x4_relaxed_madd) \
  X(f32x4_relaxed_nmadd) \
  X(f64x2_relaxed_madd) \
  X(f64x2_relaxed_nmadd) \
  X(i8x16_relaxed_laneselect) \
  X(i16x8_relaxed_laneselect) \
  X(i32x4_relaxed_laneselect) \
  X(i64x2_relaxed_laneselect) \
  X(i32x4_relaxed_dot_i8x16_i7x16_add_s)
