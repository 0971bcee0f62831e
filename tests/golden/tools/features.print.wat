(module
  (type (;0;) (func (param i32 i32) (result i32)))
  (type (;1;) (func (result i32 i64)))
  (type (;2;) (func (param i32) (result i32)))
  (type (;3;) (func (param i32)))
  (type (;4;) (func))
  (import "env" "add" (func (;0;) (type 0) (param i32 i32) (result i32)))
  (import "env" "table" (table (;0;) 2 10 funcref))
  (import "env" "memory" (memory (;0;) 1))
  (import "env" "flag" (global (;0;) i32))
  (func (;1;) (type 0) (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.mul
  )
  (func (;2;) (type 1) (result i32 i64)
    i32.const 1
    i64.const 2
  )
  (func (;3;) (type 2) (param i32) (result i32) (local i32) (local f32 f32)
    block (result i32)
      loop
        local.get 1
        i32.const 1
        i32.add
        local.tee 1
        i32.const 10
        i32.lt_u
        br_if 0
      end
      block
        block
          local.get 0
          br_table 1 0 1
        end
      end
      local.get 1
      i32.const -1
      local.get 0
      select (result i32)
    end
    i32.const 1
    i32.const 2
    i32.const 0
    call_indirect (type 0)
    drop
    call 2
    drop
    drop
  )
  (func (;4;) (type 3) (param i32)
    local.get 0
    local.get 0
    i64.load8_u offset=3
    i64.store offset=8 align=4
    i32.const 0
    i32.const 0
    i32.const 4
    memory.init 1
    data.drop 1
    i32.const 0
    i32.const 8
    i32.const 4
    memory.copy
    i32.const 0
    i32.const 0
    i32.const 16
    memory.fill
    memory.size
    memory.grow
    drop
    local.get 0
    f32.const -1e-45
    f32.store
    local.get 0
    f64.const -nan:0x123
    f64.store
    local.get 0
    f32.const inf
    f32.store
  )
  (func (;5;) (type 4)
    i32.const 0
    ref.null extern
    table.set 1
    ref.null extern
    i32.const 1
    table.grow 1
    drop
    i32.const 0
    i32.const 0
    i32.const 1
    table.init 1
    elem.drop 1
    i32.const 0
    i32.const 1
    i32.const 1
    table.copy
    ref.func 1
    ref.is_null
    drop
    table.size 1
    drop
  )
  (func (;6;) (type 4)
  )
  (table (;1;) 4 externref)
  (global (;1;) (mut i64) (i64.const -7))
  (global (;2;) f64 (f64.const 3.141592653589793))
  (global (;3;) funcref (ref.func 1))
  (export "mul" (func 1))
  (export "counter" (global 1))
  (export "refs" (table 1))
  (export "mem" (memory 0))
  (start 6)
  (elem (;0;) (table 0) (offset (i32.const 0)) func 1 2)
  (elem (;1;) funcref (item (ref.func 3)) (item (ref.null func)))
  (elem (;2;) declare func 5)
  (data (;0;) (offset (i32.const 16)) "hello, \22wisp\22\0a\00\ff")
  (data (;1;) "passive")
)
