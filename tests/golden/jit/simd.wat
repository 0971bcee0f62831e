;; SIMD (v128) code, SSE4.1 only: operands loaded from their two slots with movdqu (slots are 8-byte
;; aligned), results stored back; constants from the function's 16-byte aligned pool after the code.
(module
  (memory 1)
  (func $blend (param i32 i32) (local v128)
    ;; (a * 3 + b) >> 2 on 16-bit lanes, narrowed back to bytes with unsigned saturation.
    (local.set 2 (i16x8.extend_low_i8x16_u (v128.load (local.get 0))))
    (v128.store (local.get 1)
      (i8x16.narrow_i16x8_u
        (i16x8.shr_u (i16x8.add (i16x8.mul (local.get 2) (i16x8.splat (i32.const 3)))
                                (i16x8.extend_low_i8x16_u (v128.load offset=16 (local.get 0))))
                     (i32.const 2))
        (local.get 2))))
  (func $fmin (param v128 v128) (result v128) (f32x4.min (local.get 0) (local.get 1)))
  (func $shuffle (param v128 v128) (result i32)
    (i8x16.bitmask (i8x16.shuffle 0 17 2 19 4 21 6 23 8 25 10 27 12 29 14 31 (local.get 0) (local.get 1))))
)
