;; Self-test of `wisp wast`: the runner must fail exactly the commands marked "expect-fail" (and pass
;; all others), so a runner that passes everything cannot hide behind a green spec suite.
;; Checked by runner-selftest.sh.
(module
  (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
  (func (export "snan") (result f32) (f32.const nan:0x1))
  (func (export "qnan") (result f32) (f32.const -nan:0x600001))
  (func (export "cnan") (result f64) (f64.const -nan))
  (func (export "neg0") (result f64) (f64.const -0))
  (func (export "two") (result i64 f32) (i64.const -1) (f32.const 1.5))
  (func (export "id_ext") (param externref) (result externref) (local.get 0))
  (func $rec (export "rec") (call $rec))
  (func (export "null_func") (result funcref) (ref.null func))
  (func (export "some_func") (result funcref) (ref.func $rec))
  (global (export "g") i32 (i32.const 5))
)
(assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 3))
(assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 4))  ;; expect-fail
(assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i64.const 3))  ;; expect-fail
(assert_return (invoke "add" (i32.const 1) (i32.const 2)))  ;; expect-fail
(assert_return (invoke "add" (i32.const -1) (i32.const 0)) (i32.const 0xffffffff))
(assert_return (invoke "two") (i64.const -1) (f32.const 1.5))
(assert_return (invoke "two") (i64.const -1) (f32.const 1.25))  ;; expect-fail
(assert_return (invoke "snan") (f32.const nan:0x1))
(assert_return (invoke "snan") (f32.const nan:arithmetic))  ;; expect-fail
(assert_return (invoke "snan") (f32.const nan:canonical))  ;; expect-fail
(assert_return (invoke "qnan") (f32.const nan:arithmetic))
(assert_return (invoke "qnan") (f32.const nan:canonical))  ;; expect-fail
(assert_return (invoke "cnan") (f64.const nan:canonical))
(assert_return (invoke "cnan") (f64.const nan:arithmetic))
(assert_return (invoke "neg0") (f64.const -0))
(assert_return (invoke "neg0") (f64.const 0))  ;; expect-fail
(assert_return (invoke "add" (i32.const 1) (i32.const 2)) (either (i32.const 4) (i32.const 3)))
(assert_return (invoke "add" (i32.const 1) (i32.const 2)) (either (i32.const 4) (i64.const 3)))  ;; expect-fail
(assert_return (invoke "cnan") (either (f64.const 1) (f64.const nan:canonical)))
(assert_return (invoke "id_ext" (ref.extern 0)) (ref.extern 0))
(assert_return (invoke "id_ext" (ref.extern 0)) (ref.null extern))  ;; expect-fail
(assert_return (invoke "id_ext" (ref.null extern)) (ref.null extern))
(assert_return (invoke "id_ext" (ref.extern 1)) (ref.extern 2))  ;; expect-fail
(assert_return (invoke "null_func") (ref.null func))
(assert_return (invoke "null_func") (ref.null extern))  ;; expect-fail
(assert_return (invoke "some_func") (ref.func))
(assert_return (invoke "null_func") (ref.func))  ;; expect-fail
(assert_return (get "g") (i32.const 5))
(assert_return (get "g") (i32.const 6))  ;; expect-fail
(assert_return (invoke "missing"))  ;; expect-fail
(assert_trap (invoke "div" (i32.const 1) (i32.const 0)) "integer divide by zero")
(assert_trap (invoke "div" (i32.const 1) (i32.const 1)) "integer divide by zero")  ;; expect-fail
(assert_exhaustion (invoke "rec") "call stack exhausted")
(assert_trap (invoke "rec") "call stack exhausted")  ;; expect-fail
(assert_exhaustion (invoke "div" (i32.const 1) (i32.const 0)) "call stack exhausted")  ;; expect-fail
(invoke "add" (i32.const 1) (i32.const 2))
(invoke "div" (i32.const 1) (i32.const 0))  ;; expect-fail
(assert_invalid (module (func (result i32) (i64.const 0))) "type mismatch")
(assert_invalid (module (func (result i32) (i32.const 0))) "type mismatch")  ;; expect-fail
(assert_invalid (module quote "(func (i32.const))") "type mismatch")  ;; expect-fail
(assert_malformed (module quote "(func (i32.const))") "unexpected token")
(assert_malformed (module binary "\00asm\01\00\00\00") "unexpected end")  ;; expect-fail
(assert_malformed (module binary "\00asm\02\00\00\00") "unknown binary version")
(assert_unlinkable (module (import "spectest" "unknown" (func))) "unknown import")
(assert_unlinkable (module (import "spectest" "print_i32" (func (param i64)))) "incompatible import type")
(assert_unlinkable (module (import "spectest" "print_i32" (func (param i32)))) "unknown import")  ;; expect-fail
(assert_trap (module (func $t unreachable) (start $t)) "unreachable")
(assert_trap (module (func $t nop) (start $t)) "unreachable")  ;; expect-fail
(module $M (func (export "f") (result i32) (i32.const 42)))
(register "m" $M)
(register "m2" $Nope)  ;; expect-fail
(module (import "m" "f" (func $f (result i32))) (func (export "g") (result i32) (call $f)))
(assert_return (invoke "g") (i32.const 42))
(assert_return (invoke $M "f") (i32.const 42))
(assert_return (invoke $Nope "f") (i32.const 42))  ;; expect-fail
(module (import "spectest" "missing" (func)))  ;; expect-fail
(assert_return (invoke "g") (i32.const 42))  ;; expect-fail
(module (import "spectest" "print_i32" (func (param i32)))
        (import "spectest" "global_i32" (global i32))
        (import "spectest" "global_f64" (global f64))
        (import "spectest" "table" (table 10 20 funcref))
        (import "spectest" "memory" (memory 1 2))
        (func (export "gi") (result i32) (global.get 0))
        (func (export "gf") (result f64) (global.get 1))
        (func (export "call_print") (call 0 (i32.const 1))))
(assert_return (invoke "gi") (i32.const 666))
(assert_return (invoke "gf") (f64.const 666.6))
(assert_return (invoke "call_print"))

;; A module or command that fails to parse fails alone; the rest of the script still runs.
(module $Bad (func (export "f") (i32.bogus)))  ;; expect-fail
(assert_return (invoke "gi") (i32.const 666))  ;; expect-fail
(assert_return (invoke $Bad "f"))  ;; expect-fail
(register "bad" $Bad)  ;; expect-fail
(module (import "bad" "f" (func)))  ;; expect-fail
(bogus_command)  ;; expect-fail
(module $Good (func (export "seven") (result i32) (i32.const 7)))
(assert_return (invoke "seven") (i32.const bogus))  ;; expect-fail
(assert_return (invoke "seven") (i32.const 7))
(assert_trap (module (func $s (i32.bogus)) (start $s)) "unreachable")  ;; expect-fail
(assert_unlinkable (module (import "spectest" "unknown" (func)) (func (i32.bogus))) "unknown import")  ;; expect-fail
(assert_malformed (module (func (i32.bogus))) "unknown operator")
(assert_invalid (module (func (i32.bogus))) "type mismatch")  ;; expect-fail

;; Definitions are compiled, not instantiated; each instance has its own state.
(module definition $D
  (global $g (mut i32) (i32.const 0))
  (func (export "inc") (result i32) (global.set $g (i32.add (global.get $g) (i32.const 1))) (global.get $g)))
(assert_return (invoke "seven") (i32.const 7))
(module instance $D1 $D)
(module instance $D2 $D)
(assert_return (invoke $D1 "inc") (i32.const 1))
(assert_return (invoke $D1 "inc") (i32.const 2))
(assert_return (invoke $D2 "inc") (i32.const 1))
(assert_return (invoke "inc") (i32.const 2))
(assert_return (invoke $D2 "inc") (i32.const 2))  ;; expect-fail
(module instance $D)
(assert_return (invoke "inc") (i32.const 1))
(register "d1" $D1)
(module (import "d1" "inc" (func $inc (result i32))) (func (export "inc3") (result i32) (call $inc)))
(assert_return (invoke "inc3") (i32.const 3))
(module definition (func (export "t") (unreachable)))
(module instance)
(assert_trap (invoke "t") "unreachable")
(module instance $X $Nope)  ;; expect-fail
(assert_return (invoke $X "t"))  ;; expect-fail
(module definition $BadDef (func (i32.bogus)))  ;; expect-fail
(module instance $BadDef)  ;; expect-fail
(module definition binary "\00asm\01\00\00\00")
(module instance)
(module definition (import "spectest" "unknown" (func)))
(module instance)  ;; expect-fail

;; assert_exception wants an uncaught Wasm exception: neither a result nor a trap is one.
(module (func (export "one") (result i32) (i32.const 1)) (func (export "trap") (unreachable)))
(assert_exception (invoke "one"))  ;; expect-fail
(assert_exception (invoke "trap"))  ;; expect-fail

;; Reference results of every form parse; those no value can have yet fail.
(module
  (func (export "null_func") (result funcref) (ref.null func))
  (func (export "null_ext") (result externref) (ref.null extern))
  (func (export "id_ext") (param externref) (result externref) (local.get 0)))
(assert_return (invoke "null_func") (ref.null nofunc))
(assert_return (invoke "null_func") (ref.null))
(assert_return (invoke "null_ext") (ref.null noextern))
(assert_return (invoke "null_ext") (ref.null func))  ;; expect-fail
(assert_return (invoke "null_func") (ref.null any))  ;; expect-fail
(assert_return (invoke "null_func") (ref.null exn))  ;; expect-fail
(assert_return (invoke "id_ext" (ref.extern 1)) (ref.extern))
(assert_return (invoke "id_ext" (ref.extern 1)) (ref.host 1))  ;; expect-fail
(assert_return (invoke "id_ext" (ref.extern 1)) (ref.struct))  ;; expect-fail
(assert_return (invoke "id_ext" (ref.extern 1)) (ref.i31))  ;; expect-fail
(assert_return (invoke "id_ext" (ref.null exn)) (ref.null extern))  ;; expect-fail
