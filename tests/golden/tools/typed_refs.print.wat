(module
  (type (;0;) (func (param i32) (result i32)))
  (type (;1;) (func (param (ref null 0)) (result (ref 0))))
  (type (;2;) (func (param funcref) (result (ref func))))
  (func (;0;) (type 0) (param i32) (result i32)
    local.get 0
    i32.const 1
    i32.add
  )
  (func (;1;) (type 1) (param (ref null 0)) (result (ref 0))
    block
      local.get 0
      br_on_null 0
      return
    end
    ref.func 0
  )
  (func (;2;) (type 0) (param i32) (result i32) (local (ref 0))
    ref.null 0
    call 1
    local.set 1
    local.get 0
    local.get 1
    call_ref 0
  )
  (func (;3;) (type 0) (param i32) (result i32)
    local.get 0
    i32.const 0
    table.get 0
    ref.as_non_null
    return_call_ref 0
  )
  (func (;4;) (type 2) (param funcref) (result (ref func))
    block (result (ref func))
      local.get 0
      br_on_non_null 0
      ref.func 0
    end
  )
  (table (;0;) 2 (ref null 0) (ref.func 0))
  (table (;1;) 1 (ref 0) (ref.func 0))
  (global (;0;) (ref null 0) (ref.null 0))
  (export "run" (func 2))
  (export "tail" (func 3))
  (export "some" (func 4))
  (elem (;0;) declare func 0)
)
