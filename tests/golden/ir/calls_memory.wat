;; Calls take their arguments from consecutive temps; loads and stores read slots and offsets.
(module
  (memory 1)
  (func $f (param i32 i32) (result i32) (i32.load offset=4 (local.get 0)))
  (func (param i32) (result i32)
    (i32.store (local.get 0) (i32.const 42))
    (call $f (local.get 0) (i32.const 1)))
)
