;; Extended constant expressions (feature extended-const): i32/i64 add, sub, mul and global.get of any
;; immutable global defined earlier (or imported) in global initialisers, element and data offsets and
;; element expressions. The spec's global.wast and elem.wast need typed references to parse, so their
;; extended-const cases are covered here as well.

(module
  (global $imp (import "spectest" "global_i32") i32)          ;; 666
  (global $i64 (import "spectest" "global_i64") i64)          ;; 666
  (global $a i32 (i32.const 10))
  (global $b i32 (i32.mul (global.get $a) (i32.add (global.get $imp) (i32.const -656))))  ;; 100
  (global $c i64 (i64.sub (i64.mul (global.get $i64) (i64.const 3)) (i64.const 1998)))   ;; 0
  (global $wrap i32 (i32.mul (i32.const 0x10000) (i32.const 0x10001)))                    ;; wraps to 0x10000
  (global $wrap64 i64 (i64.add (i64.const 0x7fffffffffffffff) (i64.const 1)))
  (global $f funcref (ref.func $seven))
  (table $t 8 funcref)
  (elem (table $t) (i32.sub (global.get $b) (i32.const 97)) func $seven)        ;; slot 3
  (elem (table $t) (offset (i32.add (global.get $a) (i32.const -5))) funcref (global.get $f))  ;; slot 5
  (memory 1)
  (data (i32.add (global.get $b) (i32.const 1)) "\2a")                          ;; byte 101
  (data (i32.mul (global.get $a) (global.get $a)) "\07")                        ;; byte 100
  (func $seven (result i32) (i32.const 7))
  (func (export "b") (result i32) (global.get $b))
  (func (export "c") (result i64) (global.get $c))
  (func (export "wrap") (result i32) (global.get $wrap))
  (func (export "wrap64") (result i64) (global.get $wrap64))
  (func (export "call") (param i32) (result i32) (call_indirect $t (result i32) (local.get 0)))
  (func (export "load8") (param i32) (result i32) (i32.load8_u (local.get 0)))
)
(assert_return (invoke "b") (i32.const 100))
(assert_return (invoke "c") (i64.const 0))
(assert_return (invoke "wrap") (i32.const 0x10000))
(assert_return (invoke "wrap64") (i64.const 0x8000000000000000))
(assert_return (invoke "call" (i32.const 3)) (i32.const 7))
(assert_return (invoke "call" (i32.const 5)) (i32.const 7))
(assert_trap (invoke "call" (i32.const 4)) "uninitialized element")
(assert_return (invoke "load8" (i32.const 100)) (i32.const 7))
(assert_return (invoke "load8" (i32.const 101)) (i32.const 42))

;; An offset computed out of bounds traps at instantiation.
(assert_trap
  (module (memory 1) (data (i32.mul (i32.const 0x100) (i32.const 0x100)) "x"))
  "out of bounds memory access")
(assert_trap
  (module (table 1 funcref) (func $f) (elem (i32.add (i32.const 1) (i32.const 0)) $f))
  "out of bounds table access")

;; Only earlier, immutable globals; only add, sub and mul.
(assert_invalid
  (module (global i32 (global.get 1)) (global i32 (i32.const 0)))
  "unknown global")
(assert_invalid
  (module (global $g i32 (global.get $g)))
  "unknown global")
(assert_invalid
  (module (global $m (mut i32) (i32.const 1)) (global i32 (i32.add (global.get $m) (i32.const 1))))
  "constant expression required")
(assert_invalid
  (module (memory 1) (global $m (mut i32) (i32.const 1)) (data (global.get $m) ""))
  "constant expression required")
(assert_invalid
  (module (global i32 (i32.div_u (i32.const 4) (i32.const 2))))
  "constant expression required")
(assert_invalid
  (module (global i64 (i64.and (i64.const 4) (i64.const 2))))
  "constant expression required")
(assert_invalid
  (module (global i32 (i32.add (i32.const 1) (i64.const 2))))
  "type mismatch")
(assert_invalid
  (module (global i32 (i32.add (i32.const 1))))
  "type mismatch")
(assert_invalid
  (module (global i32 (i32.const 1) (i32.const 2) (i32.const 3) (i32.add)))
  "type mismatch")
