;; Multi-memory: memory 0 keeps its guarded forms (and the fused address forms); memory 1 uses the _x
;; forms, which name the memory and carry a 64-bit offset.
(module
  (memory $a 1)
  (memory $b 1)
  (func (param i32 i32) (result i32)
    (i32.store $b offset=8 (local.get 0) (i32.load $a offset=4 (i32.add (local.get 1) (i32.const 16))))
    (i32.load $b (i32.add (local.get 1) (i32.const 16))))
  (func (param i32) (result i32)
    (memory.copy $a $b (local.get 0) (i32.const 0) (i32.const 4))
    (memory.fill $b (local.get 0) (i32.const 0) (i32.const 4))
    (drop (memory.grow $b (i32.const 1)))
    (i32.add (memory.size $a) (memory.size $b)))
  (func (param i32)
    (v128.store $b offset=16 (local.get 0) (v128.load $b (local.get 0))))
)
