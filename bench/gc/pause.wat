;; pause: GC pauses under a large live set. run(live_mib, iters) builds a live structure of
;; live_mib * 32768 two-field structs (about live_mib MiB at 32 bytes an object) in chains of 1024
;; rooted in a global array, then runs `iters` iterations, each allocating a 1000-node short-lived list
;; and replacing one live chain with a new one (so old objects die too). Each iteration is timed with
;; WASI clock_time_get (monotonic); the result is the longest iteration in microseconds, a measure of
;; the longest pause. The live structure's checksum is verified at the end (a trap if it is wrong).
(module
  (import "wasi_snapshot_preview1" "clock_time_get" (func $clock (param i32 i64 i32) (result i32)))
  (memory (export "memory") 1)
  (type $node (struct (field $v i64) (field $next (mut (ref null $node)))))
  (type $roots (array (mut (ref null $node))))
  (global $live (mut (ref null $roots)) (ref.null $roots))
  (func $now (result i64)
    (drop (call $clock (i32.const 1) (i64.const 1) (i32.const 0)))
    (i64.load (i32.const 0)))
  (func $chain (param $len i32) (param $v i64) (result (ref null $node))
    (local $h (ref null $node))
    (block $e
      (loop $l
        (br_if $e (i32.eqz (local.get $len)))
        (local.set $h (struct.new $node (local.get $v) (local.get $h)))
        (local.set $len (i32.sub (local.get $len) (i32.const 1)))
        (br $l)))
    (local.get $h))
  (func $sum (param $h (ref null $node)) (result i64)
    (local $s i64)
    (block $e
      (loop $l
        (br_if $e (ref.is_null (local.get $h)))
        (local.set $s (i64.add (local.get $s) (struct.get $node $v (local.get $h))))
        (local.set $h (struct.get $node $next (local.get $h)))
        (br $l)))
    (local.get $s))
  (func (export "run") (param $live_mib i32) (param $iters i32) (result i64)
    (local $nchains i32) (local $i i32) (local $k i32) (local $t0 i64) (local $t1 i64)
    (local $max i64) (local $junk i64) (local $expect i64) (local $got i64)
    (local.set $nchains (i32.mul (local.get $live_mib) (i32.const 32)))
    (global.set $live (array.new $roots (ref.null $node) (i32.add (local.get $nchains) (i32.const 1))))
    (local.set $i (i32.const 0))
    (block $e
      (loop $l
        (br_if $e (i32.ge_u (local.get $i) (local.get $nchains)))
        (array.set $roots (global.get $live) (local.get $i)
          (call $chain (i32.const 1024) (i64.extend_i32_u (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l)))
    (local.set $i (i32.const 0))
    (local.set $t0 (call $now))
    (block $e
      (loop $l
        (br_if $e (i32.ge_u (local.get $i) (local.get $iters)))
        (local.set $junk (i64.add (local.get $junk)
          (call $sum (call $chain (i32.const 1000) (i64.const 1)))))
        (if (local.get $nchains)
          (then
            (local.set $k (i32.rem_u (local.get $i) (local.get $nchains)))
            (array.set $roots (global.get $live) (local.get $k)
              (call $chain (i32.const 1024) (i64.extend_i32_u (local.get $k))))))
        (local.set $t1 (call $now))
        (if (i64.gt_u (i64.sub (local.get $t1) (local.get $t0)) (local.get $max))
          (then (local.set $max (i64.sub (local.get $t1) (local.get $t0)))))
        (local.set $t0 (local.get $t1))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l)))
    ;; verify: chain k holds 1024 nodes of value k; the short-lived lists summed to 1000 each
    (local.set $i (i32.const 0))
    (block $e
      (loop $l
        (br_if $e (i32.ge_u (local.get $i) (local.get $nchains)))
        (local.set $expect (i64.add (local.get $expect)
          (i64.mul (i64.extend_i32_u (local.get $i)) (i64.const 1024))))
        (local.set $got (i64.add (local.get $got)
          (call $sum (array.get $roots (global.get $live) (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l)))
    (if (i64.ne (local.get $got) (local.get $expect)) (then unreachable))
    (if (i64.ne (local.get $junk) (i64.mul (i64.extend_i32_u (local.get $iters)) (i64.const 1000)))
      (then unreachable))
    (i64.div_u (local.get $max) (i64.const 1000))))
