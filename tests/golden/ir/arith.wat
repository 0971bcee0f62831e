;; Operand forms: locals and constants are read in place; a local.set right after the producer
;; rewrites its destination.
(module
  (func (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func (param i32) (result i32) (i32.sub (i32.const 7) (local.get 0)))
  (func (param i64) (result i64) (local i64)
    (local.set 1 (i64.mul (local.get 0) (i64.const 3)))
    (i64.add (local.get 1) (local.get 0)))
  (func (param i32 i32) (result i32 i32) (local.get 1) (local.get 0))
  (func (param f64) (result i32) (i32.trunc_f64_s (f64.sqrt (local.get 0))))
)
