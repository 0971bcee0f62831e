;; Compare + br_if fusion, loops, if/else with results, br_table with value copies.
(module
  (func (param i32) (result i32) (local i32)
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get 1) (local.get 0)))
        (local.set 1 (i32.add (local.get 1) (i32.const 1)))
        (br $l)))
    (local.get 1))
  (func (param i32) (result i32)
    (if (result i32) (i32.eqz (local.get 0))
      (then (i32.const 10))
      (else (i32.const 20))))
  (func (param i32) (result i32)
    (block $a (result i32)
      (block $b (result i32)
        (br_table $a $b (i32.const 5) (local.get 0)))
      (i32.add (i32.const 1))))
)
