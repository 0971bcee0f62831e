(module $named
  (type (;0;) (func (param i32 i32 i32 i32) (result i32)))
  (type (;1;) (func))
  (type (;2;) (func (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (type 0) (param i32 i32 i32 i32) (result i32)))
  (func $main (type 1) (local $iov i32)
    i32.const 8
    local.set $iov
    i32.const 1
    local.get $iov
    i32.const 1
    i32.const 0
    call $fd_write
    drop
  )
  (func $helper (type 2) (param $n i32) (result i32)
    local.get $n
    local.get $n
    i32.mul
  )
  (memory (;0;) 1)
  (export "_start" (func $main))
  (data (;0;) (offset (i32.const 16)) "hi\0a")
)
