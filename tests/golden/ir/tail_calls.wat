;; Tail calls: the arguments go to consecutive temps as for a call; return_call moves them to the frame
;; base (operands: callee, first argument slot, argument slots) and returns nothing on its own.
(module
  (type $t (func (param i64 i64) (result i64)))
  (table 1 funcref)
  ;; fact(n, acc): tail-recursive factorial.
  (func $fact (param i64 i64) (result i64)
    (if (result i64) (i64.eqz (local.get 0)) (then (local.get 1))
      (else (return_call $fact (i64.sub (local.get 0) (i64.const 1)) (i64.mul (local.get 0) (local.get 1))))))
  (func (param i32) (result i64)
    (return_call_indirect (type $t) (i64.const 5) (i64.const 1) (local.get 0)))
)
