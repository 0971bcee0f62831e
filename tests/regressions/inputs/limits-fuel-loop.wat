;; An infinite loop and infinite recursion: the replay harness must stop them with fuel.
(module
  (memory (export "mem") 1)
  (func (export "spin") (loop $l (br $l)))
  (func $rec (export "rec") (call $rec))
  (func (export "store") (i32.store (i32.const 65532) (i32.const 7)))
  (func (export "oob") (i32.store (i32.const 65533) (i32.const 7))))
