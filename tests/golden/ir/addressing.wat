;; Scaled-index addressing: `base + (i << k)` is one op_i32_add_shl_sssi, and a load or store of it
;; absorbs that too (op_*_sssio). A shl whose result is kept (local.tee) or that ends a block is not fused.
(module
  (memory 1)
  (func $load (param $a i32) (param $i i32) (result i32)
    (i32.load offset=8 (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 2)))))
  (func $store_rev (param $a i32) (param $i i32) (param $v i64)
    (i64.store (i32.add (i32.shl (local.get $i) (i32.const 3)) (local.get $a)) (local.get $v)))
  (func $value (param $a i32) (param $i i32) (result i32)
    (local $p i32)
    (local.set $p (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 4))))
    (local.get $p))
  (func $kept (param $a i32) (param $i i32) (result i32)
    (local $t i32)
    (i32.add (local.get $a) (local.tee $t (i32.shl (local.get $i) (i32.const 2)))))
  (func $across_block (param $a i32) (param $i i32) (result i32)
    (i32.add (local.get $a) (block (result i32) (i32.shl (local.get $i) (i32.const 2)))))
)
