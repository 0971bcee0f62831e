;; Mutual recursion through tail calls, 10 million deep in tests/cli/run-tail-call-tests.sh: return_call and
;; return_call_indirect replace the caller's frame, so the depth needs no stack; the same recursion through
;; plain calls (even_call) exhausts it.
(module
  (type $step (func (param i64) (result i32)))
  (table funcref (elem $even_indirect $odd_indirect))

  (func $even (export "even") (param i64) (result i32)
    (if (result i32) (i64.eqz (local.get 0)) (then (i32.const 1))
      (else (return_call $odd (i64.sub (local.get 0) (i64.const 1))))))
  (func $odd (export "odd") (param i64) (result i32)
    (local f64 f64 f64)  ;; a frame of another size than even's
    (if (result i32) (i64.eqz (local.get 0)) (then (i32.const 0))
      (else (return_call $even (i64.sub (local.get 0) (i64.const 1))))))

  (func $even_indirect (export "even_indirect") (param i64) (result i32)
    (if (result i32) (i64.eqz (local.get 0)) (then (i32.const 1))
      (else (return_call_indirect (type $step) (i64.sub (local.get 0) (i64.const 1)) (i32.const 1)))))
  (func $odd_indirect (param i64) (result i32)
    (if (result i32) (i64.eqz (local.get 0)) (then (i32.const 0))
      (else (return_call_indirect (type $step) (i64.sub (local.get 0) (i64.const 1)) (i32.const 0)))))

  (func $even_call (export "even_call") (param i64) (result i32)
    (if (result i32) (i64.eqz (local.get 0)) (then (i32.const 1))
      (else (call $odd_call (i64.sub (local.get 0) (i64.const 1))))))
  (func $odd_call (param i64) (result i32)
    (if (result i32) (i64.eqz (local.get 0)) (then (i32.const 0))
      (else (call $even_call (i64.sub (local.get 0) (i64.const 1))))))
)
