;; Branches, loops, br_table (a jump table after the code), calls, tail calls and returns inline, a
;; global, and memory 0 through the guard pages.
(module
  (memory 1)
  (global $g (mut i32) (i32.const 0))
  (func $sum (param i32) (result i32) (local i32)
    (block $done
      (loop $top
        (br_if $done (i32.eqz (local.get 0)))
        (local.set 1 (i32.add (local.get 1) (local.get 0)))
        (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
        (br $top)))
    (local.get 1))
  (func $pick (param i32) (result i32)
    (block $c (block $b (block $a (br_table $a $b $c (local.get 0))) (return (i32.const 10)))
      (return (i32.const 20)))
    (i32.const 30))
  (func $call (param i32) (result i32) (call $sum (local.get 0)))
  (func $bump (global.set $g (i32.add (global.get $g) (i32.const 1))))
  (func $load_store (param i32)
    (i32.store offset=4 (local.get 0) (i32.add (i32.load (local.get 0)) (i32.const 1))))
  (type $t (func (param i32) (result i32)))
  (table 1 funcref)
  (func $indirect (param i32 i32) (result i32) (call_indirect (type $t) (local.get 1) (local.get 0)))
  (func $tail (param i32) (result i32) (return_call $pick (local.get 0)))
)
