;; GC front end (issue 16): decoding, validation, text format and linking of GC types and instructions
;; where the spec scripts are thin. Run by ctest with -W gc=y (wast_gc_front_end), in both dispatch
;; modes. Modules with GC instructions are `module definition`s: they compile (validate) but are not
;; instantiated until the interpreter runs GC code.

;; Packed storage: struct.get / array.get only on unpacked storage, the _s / _u forms only on packed.
(module definition
  (type $s (struct (field i8) (field (mut i16)) (field i32)))
  (type $a (array (mut i8)))
  (func (param (ref $s) (ref $a)) (result i32)
    (i32.add (struct.get_s $s 0 (local.get 0)) (struct.get_u $s 1 (local.get 0)))
    (struct.set $s 1 (local.get 0) (i32.const -1))
    (drop (struct.get $s 2 (local.get 0)))
    (i32.add (array.get_u $a (local.get 1) (i32.const 0)))))
(assert_invalid
  (module (type $s (struct (field i8))) (func (param (ref $s)) (result i32) (struct.get $s 0 (local.get 0))))
  "field is packed")
(assert_invalid
  (module (type $s (struct (field i32))) (func (param (ref $s)) (result i32) (struct.get_u $s 0 (local.get 0))))
  "field is unpacked")
(assert_invalid
  (module (type $a (array i16)) (func (param (ref $a)) (result i32) (array.get $a (local.get 0) (i32.const 0))))
  "array is packed")
(assert_invalid
  (module (type $a (array f32)) (func (param (ref $a)) (result f32) (array.get_s $a (local.get 0) (i32.const 0))))
  "array is unpacked")
(assert_invalid
  (module (type $s (struct (field i32))) (func (param (ref $s)) (struct.set $s 0 (local.get 0) (i32.const 1))))
  "immutable field")
(assert_invalid
  (module (type $s (struct (field i32))) (func (param (ref $s)) (result i32) (struct.get $s 1 (local.get 0))))
  "unknown field")
(assert_invalid
  (module (type $f (func)) (func (param (ref $f)) (result i32) (struct.get $f 0 (local.get 0))))
  "non-structure type")
(assert_invalid
  (module (type $s (struct)) (func (result i32) (array.len (struct.new $s))))
  "type mismatch")

;; Array bulk instructions: mutability, storage compatibility, segment types.
(assert_invalid
  (module (type $a (array i8))
    (func (param (ref $a)) (array.fill $a (local.get 0) (i32.const 0) (i32.const 1) (i32.const 1))))
  "immutable array")
(assert_invalid
  (module (type $d (array (mut i8))) (type $s (array i16))
    (func (param (ref $d) (ref $s))
      (array.copy $d $s (local.get 0) (i32.const 0) (local.get 1) (i32.const 0) (i32.const 1))))
  "array types do not match")
(assert_invalid
  (module (type $d (array (mut anyref))) (type $s (array funcref))
    (func (param (ref $d) (ref $s))
      (array.copy $d $s (local.get 0) (i32.const 0) (local.get 1) (i32.const 0) (i32.const 1))))
  "array types do not match")
(module definition  ;; an immutable source of a subtype is fine
  (type $d (array (mut eqref))) (type $s (array i31ref))
  (func (param (ref $d) (ref $s))
    (array.copy $d $s (local.get 0) (i32.const 0) (local.get 1) (i32.const 0) (i32.const 1))))
(assert_invalid
  (module (type $a (array (mut funcref))) (data $d "")
    (func (param (ref $a)) (array.init_data $a $d (local.get 0) (i32.const 0) (i32.const 0) (i32.const 0))))
  "array type is not numeric or vector")
(assert_invalid
  (module (type $a (array (mut i31ref))) (elem $e funcref)
    (func (param (ref $a)) (array.init_elem $a $e (local.get 0) (i32.const 0) (i32.const 0) (i32.const 0))))
  "type mismatch")
(assert_invalid
  (module (type $a (array (ref any))) (func (result (ref $a)) (array.new_default $a (i32.const 1))))
  "array type is not defaultable")
(assert_invalid
  (module (type $s (struct (field (ref eq)))) (func (result (ref $s)) (struct.new_default $s)))
  "field type is not defaultable")

;; Casts: the operand must be in the target's hierarchy; br_on_cast's target below its source type.
(assert_invalid
  (module (func (param anyref) (result i32) (ref.test funcref (local.get 0))))
  "type mismatch")
(assert_invalid
  (module (func (param externref) (result anyref) (ref.cast anyref (local.get 0))))
  "type mismatch")
(assert_invalid
  (module (func (param eqref) (result anyref)
    (block $l (result anyref) (br_on_cast $l eqref anyref (local.get 0)))))
  "type mismatch")
(assert_invalid  ;; br_on_cast_fail branches with the source type minus the target's nullness: eqref here
  (module (type $s (struct))
    (func (param eqref) (result (ref eq))
      (block $l (result (ref eq)) (br_on_cast_fail $l eqref (ref $s) (local.get 0)) (drop) (unreachable))))
  "type mismatch")
(module definition
  (type $s (struct))
  (func (param eqref) (result (ref eq))
    (block $l (result (ref eq)) (br_on_cast_fail $l eqref (ref null $s) (local.get 0)) (drop) (unreachable))))

;; Sub types: supertypes declared before, not final, with matching definitions.
(assert_invalid
  (module (type $a (struct)) (type $b (sub $a (struct))))
  "sub type")
(assert_invalid
  (module (rec (type $b (sub $a (struct))) (type $a (sub (struct)))))
  "forward use of type")
(assert_invalid  ;; mutable fields are invariant
  (module (type $a (sub (struct (field (mut anyref))))) (type $b (sub $a (struct (field (mut eqref))))))
  "sub type")
(module definition  ;; immutable fields are covariant, and a subtype may add fields
  (type $a (sub (struct (field anyref)))) (type $b (sub $a (struct (field eqref) (field i8)))))
(assert_invalid
  (module (type $a (sub (array i8))) (type $b (sub $a (array i16))))
  "sub type")
(assert_invalid
  (module (type $a (sub (func (param eqref)))) (type $b (sub $a (func (param i31ref)))))
  "sub type")
(assert_invalid  ;; a reference beyond the own rec group
  (module (rec (type (struct (field (ref 1))))) (type (struct)))
  "unknown type")

;; Function-type positions reject struct and array types.
(assert_invalid (module (type $s (struct)) (func (type $s))) "non-function type")
(assert_invalid (module (type $s (struct)) (func (block (type $s)))) "non-function type")
(assert_invalid (module (type $s (struct)) (table 1 funcref) (func (call_indirect (type $s) (i32.const 0))))
  "non-function type")

;; Constant expressions: GC allocation and conversion, and earlier globals.
(module definition
  (type $s (struct (field i32) (field (ref null $s))))
  (type $a (array i8))
  (global $g1 (ref $s) (struct.new $s (i32.const 1) (ref.null $s)))
  (global $g2 (ref $s) (struct.new $s (i32.const 2) (global.get $g1)))
  (global $g3 anyref (array.new_fixed $a 3 (i32.const 1) (i32.const 2) (i32.const 3)))
  (global $g4 externref (extern.convert_any (ref.i31 (i32.const 4))))
  (global $g5 anyref (any.convert_extern (global.get $g4))))
(assert_invalid
  (module (type $a (array i8)) (data $d "") (global anyref (array.new_data $a $d (i32.const 0) (i32.const 0))))
  "constant expression required")
(assert_invalid
  (module (global $m (mut i32) (i32.const 0)) (global anyref (ref.i31 (global.get $m))))
  "constant expression required")
(assert_invalid
  (module (type $s (struct (field i32))) (global (ref $s) (struct.new $s (i64.const 0))))
  "type mismatch")

;; Text: field names are per type; duplicates are malformed.
(assert_malformed (module quote "(type (struct (field $x i32) (field $x i64)))") "duplicate field")
(module definition
  (type $p (struct (field $x i32) (field $y f64)))
  (type $q (struct (field $y i64) (field $x f32)))
  (func (param (ref $p) (ref $q)) (result f64)
    (drop (struct.get $q $x (local.get 1)))
    (struct.get $p $y (local.get 0))))

;; Linking: a function import accepts a function of a declared subtype; rec groups are canonical.
(module $M
  (type $t (sub (func)))
  (type $u (sub $t (func)))
  (func (export "u") (type $u))
  (rec (type $r1 (func (param (ref null $r2)))) (type $r2 (struct (field (ref null $r1)))))
  (func (export "r1") (type $r1)))
(register "M" $M)
(module
  (type $t (sub (func)))
  (type $u (sub $t (func)))
  (import "M" "u" (func (type $t)))
  (import "M" "u" (func (type $u))))
(module
  (rec (type $x1 (func (param (ref null $x2)))) (type $x2 (struct (field (ref null $x1)))))
  (import "M" "r1" (func (type $x1))))
(assert_unlinkable  ;; the same definitions in another rec group structure are distinct types
  (module
    (rec (type $x2 (struct (field (ref null $x1)))) (type $x1 (func (param (ref null $x2)))))
    (import "M" "r1" (func (type $x1))))
  "incompatible import type")
(assert_unlinkable  ;; a final type has no subtypes
  (module (type $t (func)) (import "M" "u" (func (type $t))))
  "incompatible import type")

;; Supertype chains are at most 63 deep (subtype tests walk them; the engine's displays copy them).
(module definition
  (type $t0 (sub (struct))) (type $t1 (sub $t0 (struct))) (type $t2 (sub $t1 (struct)))
  (func (param (ref $t2)) (result (ref $t0)) (local.get 0)))
(assert_invalid
  (module
    (type (sub (struct)))
    (type (sub 0 (struct)))
    (type (sub 1 (struct)))
    (type (sub 2 (struct)))
    (type (sub 3 (struct)))
    (type (sub 4 (struct)))
    (type (sub 5 (struct)))
    (type (sub 6 (struct)))
    (type (sub 7 (struct)))
    (type (sub 8 (struct)))
    (type (sub 9 (struct)))
    (type (sub 10 (struct)))
    (type (sub 11 (struct)))
    (type (sub 12 (struct)))
    (type (sub 13 (struct)))
    (type (sub 14 (struct)))
    (type (sub 15 (struct)))
    (type (sub 16 (struct)))
    (type (sub 17 (struct)))
    (type (sub 18 (struct)))
    (type (sub 19 (struct)))
    (type (sub 20 (struct)))
    (type (sub 21 (struct)))
    (type (sub 22 (struct)))
    (type (sub 23 (struct)))
    (type (sub 24 (struct)))
    (type (sub 25 (struct)))
    (type (sub 26 (struct)))
    (type (sub 27 (struct)))
    (type (sub 28 (struct)))
    (type (sub 29 (struct)))
    (type (sub 30 (struct)))
    (type (sub 31 (struct)))
    (type (sub 32 (struct)))
    (type (sub 33 (struct)))
    (type (sub 34 (struct)))
    (type (sub 35 (struct)))
    (type (sub 36 (struct)))
    (type (sub 37 (struct)))
    (type (sub 38 (struct)))
    (type (sub 39 (struct)))
    (type (sub 40 (struct)))
    (type (sub 41 (struct)))
    (type (sub 42 (struct)))
    (type (sub 43 (struct)))
    (type (sub 44 (struct)))
    (type (sub 45 (struct)))
    (type (sub 46 (struct)))
    (type (sub 47 (struct)))
    (type (sub 48 (struct)))
    (type (sub 49 (struct)))
    (type (sub 50 (struct)))
    (type (sub 51 (struct)))
    (type (sub 52 (struct)))
    (type (sub 53 (struct)))
    (type (sub 54 (struct)))
    (type (sub 55 (struct)))
    (type (sub 56 (struct)))
    (type (sub 57 (struct)))
    (type (sub 58 (struct)))
    (type (sub 59 (struct)))
    (type (sub 60 (struct)))
    (type (sub 61 (struct)))
    (type (sub 62 (struct)))
    (type (sub 63 (struct)))
  )
  "sub type depth limit exceeded")
