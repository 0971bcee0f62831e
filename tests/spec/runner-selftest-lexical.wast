;; Self-test of `wisp wast` (see runner-selftest.sh): lexical errors fail only their own commands, and a
;; module with one fails the commands that use it.
(module $A (func (export "f") (result i32) (i32.const 1)))
(assert_return (invoke "f") (i32.const 1))
(module $B (func (export "f") (result i32) {reserved}))  ;; expect-fail
(assert_return (invoke "f") (i32.const 1))  ;; expect-fail
(assert_return (invoke $B "f") (i32.const 1))  ;; expect-fail
(assert_return (invoke $A "f") (i32.const 1))
(module definition $D (func (export "f") (result i32) (i32.const 2) "a"b))  ;; expect-fail
(module instance $D)  ;; expect-fail
(assert_return (invoke $A "f" "\q") (i32.const 1))  ;; expect-fail
(module (func (export "g") (result i32) (i32.const 3)))
(assert_return (invoke "g") (i32.const 3))
(assert_return (invoke "g") (i32.const 4))  ;; expect-fail
(assert_malformed (module quote "(func {})") "unknown operator")
