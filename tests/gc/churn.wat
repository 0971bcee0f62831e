;; GC churn (issue 16): builds and drops linked lists of structs, reference cycles and byte arrays,
;; several GB in total, while only a little is live at a time. `run` returns a checksum that depends on
;; every list and array having been built and read correctly; `hold` keeps N list nodes live at once
;; (for the heap-limit test).
(module
  (type $node (struct (field $next (mut (ref null $node))) (field $val i32)))
  (type $pair (struct (field $a (mut (ref null $pair))) (field $b (mut anyref)) (field $n i64)))
  (type $bytes (array (mut i8)))
  (global $keep (mut (ref null $node)) (ref.null $node))

  ;; A list of n nodes holding 0..n-1; returns its head.
  (func $list (param $n i32) (result (ref null $node))
    (local $head (ref null $node)) (local $i i32)
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $head (struct.new $node (local.get $head) (local.get $i)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l)))
    (local.get $head))

  ;; Sum of a list's values.
  (func $sum (param $p (ref null $node)) (result i32)
    (local $s i32)
    (block $done
      (loop $l
        (br_on_null $done (local.get $p))
        (local.set $s (i32.add (local.get $s) (struct.get $node $val (ref.as_non_null (local.get $p)))))
        (local.set $p (struct.get $node $next (ref.as_non_null (local.get $p))))
        (br $l)))
    (local.get $s))

  ;; A cycle of two pairs, dropped at once: returns a value read through the cycle.
  (func $cycle (param $k i64) (result i64)
    (local $x (ref null $pair)) (local $y (ref null $pair))
    (local.set $x (struct.new $pair (ref.null $pair) (ref.null any) (local.get $k)))
    (local.set $y (struct.new $pair (local.get $x) (local.get $x) (i64.const 1)))
    (struct.set $pair $a (local.get $x) (local.get $y))
    (struct.set $pair $b (local.get $x) (ref.i31 (i32.const 7)))
    (struct.get $pair $n (struct.get $pair $a (struct.get $pair $a (local.get $x)))))

  ;; A byte array of n bytes filled with b; returns its last byte.
  (func $bytes (param $n i32) (param $b i32) (result i32)
    (local $a (ref $bytes))
    (local.set $a (array.new $bytes (local.get $b) (local.get $n)))
    (array.get_u $bytes (local.get $a) (i32.sub (array.len (local.get $a)) (i32.const 1))))

  ;; rounds x (a 10,000-node list (~320 KB), 100 cycles, a 64 KiB array): ~400 KB per round.
  (func (export "run") (param $rounds i32) (result i64)
    (local $r i32) (local $acc i64) (local $j i32)
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $r) (local.get $rounds)))
        (local.set $acc (i64.add (local.get $acc) (i64.extend_i32_u (call $sum (call $list (i32.const 10000))))))
        (local.set $j (i32.const 0))
        (block $cd
          (loop $cl
            (br_if $cd (i32.ge_u (local.get $j) (i32.const 100)))
            (local.set $acc (i64.add (local.get $acc) (call $cycle (i64.extend_i32_u (local.get $j)))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $cl)))
        (local.set $acc (i64.add (local.get $acc)
          (i64.extend_i32_u (call $bytes (i32.const 65536) (i32.and (local.get $r) (i32.const 255))))))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $l)))
    (local.get $acc))

  ;; Keeps a list of n nodes live (in a global) and returns its sum.
  (func (export "hold") (param $n i32) (result i32)
    (global.set $keep (call $list (local.get $n)))
    (call $sum (global.get $keep))))
