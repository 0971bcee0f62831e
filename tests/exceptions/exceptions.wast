;; Exception handling beyond the spec suite: deep unwinding, nested rethrow, delegate chains, payload
;; layouts, exnref round trips and many throws (the exception collector keeps memory bounded).

(module
  (tag $e (param i32))
  (tag $f (param i64 f64))
  (tag $v (param v128 i32))
  (tag $empty)

  ;; Recursion `depth` frames deep, then throw: unwinds every frame to the outermost handler.
  (func $deep (param $n i32) (result i32)
    (if (i32.eqz (local.get $n)) (then (throw $e (i32.const 42))))
    (i32.add (call $deep (i32.sub (local.get $n) (i32.const 1))) (i32.const 1)))
  (func (export "deep") (param i32) (result i32)
    (block $h (result i32)
      (try_table (result i32) (catch $e $h) (call $deep (local.get 0)))))

  ;; Handlers at several depths: the innermost one that matches wins; others are skipped.
  (func $mid (param i32) (result i32)
    (block $h
      (try_table (catch $empty $h) (return (i32.add (call $deep (local.get 0)) (i32.const 1000)))))
    (i32.const -1))
  (func (export "skip-nonmatching") (param i32) (result i32)
    (block $h (result i32)
      (try_table (result i32) (catch $e $h) (call $mid (local.get 0)))))

  ;; Multi-value and v128 payloads land in the right slots.
  (func (export "payload-f") (result i64 f64)
    (block $h (result i64 f64)
      (try_table (catch $f $h) (throw $f (i64.const -5) (f64.const 2.5)))
      (unreachable)))
  (func (export "payload-v") (result i32)
    (local $k i32)
    (block $h (result v128 i32)
      (try_table (catch $v $h) (throw $v (v128.const i32x4 1 2 3 4) (i32.const 9)))
      (unreachable))
    (local.set $k)
    (i32x4.extract_lane 2)
    (i32.add (local.get $k)))

  ;; Legacy: rethrow from nested handlers, the outer exception after an inner one was handled.
  (func (export "rethrow-nested") (param i32) (result i32)
    (try (result i32)
      (do
        (try (result i32)
          (do (throw $e (local.get 0)))
          (catch $e
            (drop)
            (try (result i32)
              (do (throw $empty))
              (catch $empty (rethrow 1)))))) ;; rethrows $e, not $empty
      (catch $e (i32.add (i32.const 100)))))

  ;; Legacy: catch_all then rethrow through several frames, caught by a catch with the payload.
  (func $cleanup (param i32)
    (try (do (throw $e (local.get 0))) (catch_all (rethrow 0))))
  (func $cleanup2 (param i32)
    (try (do (call $cleanup (local.get 0))) (catch_all (rethrow 0))))
  (func (export "cleanup-chain") (param i32) (result i32)
    (try (result i32) (do (call $cleanup2 (local.get 0)) (i32.const -1)) (catch $e)))

  ;; Legacy: delegate chains to an outer try; delegating to the function label leaves the function.
  (func $del (param i32)
    (try (do (try (do (throw $e (local.get 0))) (delegate 1))) (catch $e (drop) (unreachable))))
  (func (export "delegate-out") (param i32) (result i32)
    (try (result i32) (do (call $del (local.get 0)) (i32.const -1)) (catch $e (i32.add (i32.const 1)))))
  (func (export "delegate-chain") (result i32)
    (try $outer (result i32)
      (do
        (try (result i32)
          (do
            (try (result i32) (do (throw $e (i32.const 3))) (delegate $outer)))
          (catch $e (drop) (i32.const -1))))
      (catch $e (i32.add (i32.const 10)))))

  ;; exnref: caught by catch_all_ref, kept in a local, thrown again later and caught with its payload.
  (func (export "exnref-roundtrip") (result i32)
    (local $x exnref)
    (local.set $x
      (block $h (result exnref)
        (try_table (catch_all_ref $h) (throw $e (i32.const 77)))
        (unreachable)))
    (block $h2 (result i32)
      (try_table (catch $e $h2) (throw_ref (local.get $x)))
      (unreachable)))
  (func (export "throw-null") (throw_ref (ref.null exn)))

  ;; Many throws and catches: each iteration makes an exception that becomes garbage.
  (func (export "many") (param $n i32) (result i32)
    (local $sum i32)
    (loop $l
      (block $h (result i32)
        (try_table (result i32) (catch $e $h) (throw $e (local.get $n))))
      (local.set $sum (i32.add (local.get $sum)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $sum))
  (func (export "many-legacy") (param $n i32) (result i32)
    (local $sum i32)
    (loop $l
      (try (do (throw $e (local.get $n)))
        (catch $e (local.set $sum (i32.add (local.get $sum)))))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $sum))

  ;; A catch whose label is the function's returns the payload.
  (func (export "catch-to-function") (result i32)
    (try_table (catch $e 0) (throw $e (i32.const 5)))
    (i32.const -1))
  ;; A throw inside a loop body caught by a handler that branches back to the loop.
  (func (export "catch-to-loop") (result i32)
    (local $i i32)
    (block $done
      (i32.const 0)
      (loop $l (param i32)
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (drop)
        (br_if $done (i32.ge_u (local.get $i) (i32.const 5)))
        (try_table (catch $e $l) (throw $e (local.get $i)))))
    (local.get $i))
)

(assert_return (invoke "deep" (i32.const 0)) (i32.const 42))
(assert_return (invoke "deep" (i32.const 5000)) (i32.const 42))
(assert_return (invoke "skip-nonmatching" (i32.const 200)) (i32.const 42))
(assert_return (invoke "payload-f") (i64.const -5) (f64.const 2.5))
(assert_return (invoke "payload-v") (i32.const 12))
(assert_return (invoke "rethrow-nested" (i32.const 7)) (i32.const 107))
(assert_return (invoke "cleanup-chain" (i32.const 8)) (i32.const 8))
(assert_return (invoke "delegate-out" (i32.const 4)) (i32.const 5))
(assert_return (invoke "delegate-chain") (i32.const 13))
(assert_return (invoke "exnref-roundtrip") (i32.const 77))
(assert_trap (invoke "throw-null") "null exception reference")
(assert_return (invoke "many" (i32.const 100000)) (i32.const 705082704))
(assert_return (invoke "many-legacy" (i32.const 100000)) (i32.const 705082704))
(assert_return (invoke "catch-to-function") (i32.const 5))
(assert_return (invoke "catch-to-loop") (i32.const 5))

;; Tag identity: each instantiation makes new tags; an imported tag is the exporter's.
(module $A
  (tag $t (export "t") (param i32))
  (func (export "throw") (param i32) (throw $t (local.get 0))))
(register "A" $A)
(module $B
  (import "A" "t" (tag $theirs (param i32)))
  (import "A" "throw" (func $throw (param i32)))
  (tag $mine (param i32))
  (func (export "catch-theirs") (result i32)
    (block $h (result i32)
      (try_table (result i32) (catch $theirs $h) (call $throw (i32.const 11)) (i32.const -1))))
  (func (export "catch-mine") (result i32)
    (block $h (result i32)
      (try_table (result i32) (catch $mine $h) (call $throw (i32.const 11)) (i32.const -1)))))
(assert_return (invoke $B "catch-theirs") (i32.const 11))
(assert_exception (invoke $B "catch-mine"))
(assert_unlinkable
  (module (import "A" "t" (tag (param i64))))
  "incompatible import type")
