;; Straight-line integer and float code: operands read from slots or as immediates, results written
;; back to their slots, the one-value register cache (rax) between instructions.
(module
  (func $add (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func $mul_add (param i64) (result i64) (local i64)
    (local.set 1 (i64.mul (local.get 0) (i64.const 3)))
    (i64.add (local.get 1) (local.get 0)))
  (func $div (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
  (func $fma (param f64 f64 f64) (result f64) (f64.add (f64.mul (local.get 0) (local.get 1)) (local.get 2)))
  (func $trunc (param f32) (result i32) (i32.trunc_f32_s (local.get 0)))
)
