;; A module with a name section (names.wasm is this file through `wat2wasm --debug-names`, checked in so
;; the golden outputs do not depend on the wabt version).
(module $named
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory 1)
  (func $main (export "_start") (local $iov i32)
    (local.set $iov (i32.const 8))
    (drop (call $fd_write (i32.const 1) (local.get $iov) (i32.const 1) (i32.const 0))))
  (func $helper (param $n i32) (result i32) (i32.mul (local.get $n) (local.get $n)))
  (data (i32.const 16) "hi\n")
)
