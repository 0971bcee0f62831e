;; A reactor: `wisp run --invoke get` must run _initialize first.
(module
  (global $g (mut i32) (i32.const 0))
  (func (export "_initialize") (global.set $g (i32.const 41)))
  (func (export "get") (result i32) (i32.add (global.get $g) (i32.const 1))))
