;; table64 (part of memory64): 64-bit tables use their own IR forms (the _t64 handlers, a 64-bit index
;; operand). These cases check that an index is never truncated to 32 bits, that index + length cannot
;; overflow, that table.copy mixes address types by the spec's rule, and the limits' edges.

(module
  (type $ii (func (param i32) (result i32)))
  (table $t64 i64 4 10 funcref)
  (table $t32 4 funcref)
  (table $e64 i64 2 externref)
  (elem (table $t64) (offset (i64.const 1)) func $inc $dbl)
  (elem (table $t32) (offset (i32.const 0)) func $dbl)
  (elem $seg func $inc $dbl $inc)
  (func $inc (type $ii) (i32.add (local.get 0) (i32.const 1)))
  (func $dbl (type $ii) (i32.mul (local.get 0) (i32.const 2)))
  (func (export "call") (param i64 i32) (result i32)
    (call_indirect $t64 (type $ii) (local.get 1) (local.get 0)))
  (func (export "tail") (param i64 i32) (result i32)
    (return_call_indirect $t64 (type $ii) (local.get 1) (local.get 0)))
  (func (export "size") (result i64) (table.size $t64))
  (func (export "grow") (param i64) (result i64) (table.grow $t64 (ref.null func) (local.get 0)))
  (func (export "grow_e") (param i64) (result i64) (table.grow $e64 (ref.null extern) (local.get 0)))
  (func (export "is_null") (param i64) (result i32) (ref.is_null (table.get $t64 (local.get 0))))
  (func (export "set_e") (param i64 externref) (table.set $e64 (local.get 0) (local.get 1)))
  (func (export "get_e") (param i64) (result externref) (table.get $e64 (local.get 0)))
  (func (export "fill_e") (param i64 externref i64) (table.fill $e64 (local.get 0) (local.get 1) (local.get 2)))
  ;; 64-bit destination, 32-bit source: the length is i32 (the smaller address type).
  (func (export "copy_64_32") (param i64 i32 i32) (table.copy $t64 $t32 (local.get 0) (local.get 1) (local.get 2)))
  (func (export "copy_32_64") (param i32 i64 i32) (table.copy $t32 $t64 (local.get 0) (local.get 1) (local.get 2)))
  (func (export "copy_64_64") (param i64 i64 i64) (table.copy $t64 $t64 (local.get 0) (local.get 1) (local.get 2)))
  (func (export "call32") (param i32 i32) (result i32)
    (call_indirect $t32 (type $ii) (local.get 1) (local.get 0)))
  (func (export "init") (param i64 i32 i32) (table.init $t64 $seg (local.get 0) (local.get 1) (local.get 2)))
)

(assert_return (invoke "size") (i64.const 4))
(assert_return (invoke "call" (i64.const 1) (i32.const 5)) (i32.const 6))
(assert_return (invoke "call" (i64.const 2) (i32.const 5)) (i32.const 10))
(assert_return (invoke "tail" (i64.const 2) (i32.const 7)) (i32.const 14))
(assert_trap (invoke "call" (i64.const 0) (i32.const 5)) "uninitialized element")
;; 2^32 + 1 would be element 1 if the index were truncated.
(assert_trap (invoke "call" (i64.const 0x1_0000_0001) (i32.const 5)) "undefined element")
(assert_trap (invoke "tail" (i64.const 0x1_0000_0001) (i32.const 5)) "undefined element")
(assert_trap (invoke "call" (i64.const -1) (i32.const 5)) "undefined element")
(assert_trap (invoke "is_null" (i64.const 0x1_0000_0000)) "out of bounds table access")
(assert_return (invoke "is_null" (i64.const 3)) (i32.const 1))

(assert_return (invoke "set_e" (i64.const 1) (ref.extern 7)))
(assert_return (invoke "get_e" (i64.const 1)) (ref.extern 7))
(assert_trap (invoke "set_e" (i64.const 0x1_0000_0001) (ref.extern 8)) "out of bounds table access")
(assert_trap (invoke "get_e" (i64.const 0x1_0000_0001)) "out of bounds table access")
(assert_return (invoke "get_e" (i64.const 1)) (ref.extern 7))
;; index + length overflows u64: out of bounds, nothing written.
(assert_trap (invoke "fill_e" (i64.const 1) (ref.extern 9) (i64.const -1)) "out of bounds table access")
(assert_trap (invoke "fill_e" (i64.const 0x1_0000_0000) (ref.extern 9) (i64.const 0)) "out of bounds table access")
(assert_return (invoke "fill_e" (i64.const 2) (ref.extern 9) (i64.const 0)))
(assert_return (invoke "get_e" (i64.const 1)) (ref.extern 7))
(assert_return (invoke "fill_e" (i64.const 0) (ref.extern 9) (i64.const 2)))
(assert_return (invoke "get_e" (i64.const 1)) (ref.extern 9))

;; Growth: the result is the old size as i64, or -1 (all 64 bits) past the maximum.
(assert_return (invoke "grow" (i64.const 0x1_0000_0000)) (i64.const -1))
(assert_return (invoke "grow" (i64.const -1)) (i64.const -1))
(assert_return (invoke "grow" (i64.const 7)) (i64.const -1))
(assert_return (invoke "grow" (i64.const 6)) (i64.const 4))
(assert_return (invoke "size") (i64.const 10))
;; No declared maximum: the store's table limit (10,000,000 elements by default) stops it.
(assert_return (invoke "grow_e" (i64.const 0x1_0000_0000)) (i64.const -1))
(assert_return (invoke "grow_e" (i64.const 3)) (i64.const 2))

;; table.copy between address types.
(assert_return (invoke "copy_64_32" (i64.const 9) (i32.const 0) (i32.const 1)))
(assert_return (invoke "call" (i64.const 9) (i32.const 4)) (i32.const 8))
(assert_trap (invoke "copy_64_32" (i64.const 0x1_0000_0000) (i32.const 0) (i32.const 0)) "out of bounds table access")
(assert_trap (invoke "copy_64_32" (i64.const 9) (i32.const 0) (i32.const 2)) "out of bounds table access")
(assert_return (invoke "copy_32_64" (i32.const 3) (i64.const 1) (i32.const 1)))
(assert_return (invoke "call32" (i32.const 3) (i32.const 4)) (i32.const 5))
(assert_trap (invoke "copy_32_64" (i32.const 0) (i64.const 0x1_0000_0001) (i32.const 1)) "out of bounds table access")
(assert_trap (invoke "copy_64_64" (i64.const 1) (i64.const 0) (i64.const -1)) "out of bounds table access")
(assert_return (invoke "copy_64_64" (i64.const 5) (i64.const 1) (i64.const 2)))
(assert_return (invoke "call" (i64.const 6) (i32.const 4)) (i32.const 8))

;; table.init: a 64-bit destination; the segment offset and length stay i32.
(assert_return (invoke "init" (i64.const 7) (i32.const 0) (i32.const 3)))
(assert_return (invoke "call" (i64.const 8) (i32.const 4)) (i32.const 8))
(assert_trap (invoke "init" (i64.const 0x1_0000_0007) (i32.const 0) (i32.const 1)) "out of bounds table access")
(assert_trap (invoke "init" (i64.const -1) (i32.const 0) (i32.const 1)) "out of bounds table access")

;; Typing: every index and length follows the table's address type.
(assert_invalid (module (table i64 1 funcref) (func (drop (table.get 0 (i32.const 0))))) "type mismatch")
(assert_invalid (module (table i64 1 funcref) (func (result i32) (table.size 0))) "type mismatch")
(assert_invalid (module (table i64 1 funcref) (func (result i32) (table.grow 0 (ref.null func) (i64.const 1))))
  "type mismatch")
(assert_invalid (module (table i64 1 funcref) (func (call_indirect (i32.const 0)))) "type mismatch")
(assert_invalid (module (table i64 1 funcref) (func (return_call_indirect (i32.const 0)))) "type mismatch")
(assert_invalid
  (module (table $a i64 1 funcref) (table $b 1 funcref)
    (func (table.copy $a $b (i64.const 0) (i32.const 0) (i64.const 0))))
  "type mismatch")
(assert_invalid
  (module (table i64 1 funcref) (elem $e func) (func (table.init 0 $e (i64.const 0) (i64.const 0) (i32.const 0))))
  "type mismatch")
(assert_invalid (module (table i64 1 funcref) (elem (i32.const 0) func)) "type mismatch")
(assert_invalid (module (table 1 funcref) (elem (table 0) (i64.const 0) func)) "type mismatch")

;; Limits: any u64 bounds a 64-bit table; a 32-bit one stops at 2^32-1.
(module definition (table i64 0x1_0000_0000 0xffff_ffff_ffff_ffff funcref))
(module (table i64 0 0xffff_ffff_ffff_ffff externref))
(assert_invalid (module (table 0x1_0000_0000 funcref)) "table size must be at most 2^32-1")
(assert_invalid (module (table 0 0x1_0000_0000 funcref)) "table size must be at most 2^32-1")
(assert_invalid (module (table i64 2 1 funcref)) "size minimum must not be greater than maximum")
;; A huge minimum fails instantiation cleanly (the store's table limit), allocating nothing.
(assert_trap (module (table i64 0x1_0000_0000_0000 funcref)) "table minimum size")
(assert_trap (module (table i64 0xffff_ffff_ffff_ffff funcref)) "table minimum size")

;; Imports: a 64-bit table matches only a 64-bit table import.
(module $exp (table (export "t64") i64 2 funcref) (table (export "t32") 2 funcref))
(register "exp" $exp)
(module (import "exp" "t64" (table i64 2 funcref)))
(module (import "exp" "t32" (table 2 funcref)))
(assert_unlinkable (module (import "exp" "t64" (table 2 funcref))) "incompatible import type")
(assert_unlinkable (module (import "exp" "t32" (table i64 2 funcref))) "incompatible import type")
(module (import "spectest" "table64" (table i64 10 20 funcref)))
(assert_unlinkable (module (import "spectest" "table64" (table 10 20 funcref))) "incompatible import type")
