;; The JIT's pinned registers (issue 17, src/jit/compiler.cc): hot locals and temporaries live in registers
;; across loops; the frame must be right wherever machine code hands over to the interpreter mid-loop and
;; the registers right where it comes back. Each loop below keeps several integer and float values live
;; across such a point: a call (compiled and host), memory.grow, a throw caught in the loop, a trap that
;; ends the call (the next call must start clean), a global helper call, and a branch table. In the
;; interpreter these are plain programs; in every JIT mode they check the hand-overs.

(module
  (import "spectest" "global_i32" (global $imported i32))
  (memory 1 100)
  (global $g (mut i64) (i64.const 0))
  (tag $t (param i32 f64))

  (func $id (param i32) (result i32) (local.get 0))
  (func $mix (param i64 f64) (result f64) (f64.add (f64.convert_i64_s (local.get 0)) (local.get 1)))

  ;; Calls in the loop: the callee (compiled) runs on the frame above; every live value must survive.
  (func (export "calls") (param $n i32) (result f64)
    (local $i i32) (local $a i64) (local $x f64) (local $y f64) (local $k i32)
    (local.set $y (f64.const 0.5))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $a (i64.add (local.get $a) (i64.extend_i32_u (call $id (local.get $i)))))
        (local.set $k (i32.add (local.get $k) (i32.mul (local.get $i) (i32.const 3))))
        (local.set $x (call $mix (local.get $a) (f64.mul (local.get $x) (local.get $y))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l)))
    (f64.add (local.get $x) (f64.convert_i32_u (local.get $k))))

  ;; memory.grow and memory.size (left to the interpreter or compiled) between uses of pinned values, and
  ;; stores through the grown memory.
  (func (export "grow") (param $n i32) (result i64)
    (local $i i32) (local $s i64) (local $p i32) (local $f f32)
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $p (i32.mul (memory.grow (i32.const 1)) (i32.const 65536)))
        (i64.store (local.get $p) (i64.add (local.get $s) (i64.const 7)))
        (local.set $f (f32.add (local.get $f) (f32.const 1.25)))
        (local.set $s (i64.add (i64.load (local.get $p))
                               (i64.extend_i32_u (i32.add (memory.size) (i32.trunc_f32_u (local.get $f))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l)))
    (local.get $s))

  ;; A throw caught inside the loop, its payload merged into pinned values at the landing.
  (func (export "catch") (param $n i32) (result f64)
    (local $i i32) (local $acc f64) (local $c i32) (local $v i32) (local $w f64)
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (block $h (result i32 f64)
          (try_table (catch $t $h)
            (if (i32.and (local.get $i) (i32.const 1))
              (then (throw $t (local.get $i) (f64.convert_i32_u (local.get $c)))))
            (local.set $c (i32.add (local.get $c) (i32.const 10))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $l))
        (local.set $w)
        (local.set $v)
        (local.set $acc (f64.add (local.get $acc) (f64.add (local.get $w) (f64.convert_i32_u (local.get $v)))))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l)))
    (f64.add (local.get $acc) (f64.convert_i32_u (local.get $c))))

  ;; A trap in the middle of a loop (division by zero at i = $at): the call ends; a later call starts over.
  (func (export "trap") (param $n i32) (param $at i32) (result i32)
    (local $i i32) (local $s i32) (local $d f64)
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $d (f64.add (local.get $d) (f64.const 1)))
        (local.set $s (i32.add (local.get $s)
                               (i32.div_u (i32.const 1000) (i32.sub (local.get $at) (local.get $i)))))
        (local.set $s (i32.add (local.get $s) (i32.trunc_f64_s (local.get $d))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l)))
    (local.get $s))

  ;; Globals (helper calls that take the caller-saved registers) and a branch table in the loop.
  (func (export "globals") (param $n i32) (result i64)
    (local $i i32) (local $a i32) (local $b i64) (local $x f64) (local $y f64) (local $z f64) (local $q i32)
    (local.set $y (f64.const 3))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (global.set $g (i64.add (global.get $g) (i64.extend_i32_u (local.get $i))))
        (local.set $x (f64.add (local.get $x) (local.get $y)))
        (local.set $z (f64.mul (local.get $x) (f64.const 0.5)))
        (block $c (block $b (block $a
          (br_table $a $b $c (i32.rem_u (local.get $i) (i32.const 3))))
          (local.set $a (i32.add (local.get $a) (global.get $imported))) (br $c))
          (local.set $q (i32.xor (local.get $q) (local.get $i))))
        (local.set $b (i64.add (local.get $b) (global.get $g)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l)))
    (i64.add (i64.add (local.get $b) (i64.trunc_f64_s (local.get $z)))
             (i64.extend_i32_u (i32.add (local.get $a) (local.get $q)))))
)

(assert_return (invoke "calls" (i32.const 0)) (f64.const 0))
(assert_return (invoke "calls" (i32.const 100)) (f64.const 24554))
(assert_return (invoke "grow" (i32.const 5)) (i64.const 72))
(assert_return (invoke "catch" (i32.const 10)) (f64.const 240))
(assert_trap (invoke "trap" (i32.const 10) (i32.const 4)) "integer divide by zero")
(assert_return (invoke "trap" (i32.const 3) (i32.const 4)) (i32.const 1089))
(assert_return (invoke "globals" (i32.const 30)) (i64.const 11221))
