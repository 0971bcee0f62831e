;; alloc: allocation rate of small structs. run(n) allocates n two-field structs; almost all die at
;; once, one in 1024 joins a list that is dropped every 2^20 allocations (medium-lived objects).
;; Returns a checksum of the values read back and the list lengths.
(module
  (type $node (struct (field $v i64) (field $next (mut (ref null $node)))))
  (func (export "run") (param $n i32) (result i64)
    (local $i i32) (local $x (ref $node)) (local $keep (ref null $node)) (local $sum i64)
    (local $len i64)
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $x (struct.new $node (i64.extend_i32_u (local.get $i)) (ref.null $node)))
        (local.set $sum (i64.add (local.get $sum) (struct.get $node $v (local.get $x))))
        (if (i32.eqz (i32.and (local.get $i) (i32.const 1023)))
          (then
            (struct.set $node $next (local.get $x) (local.get $keep))
            (local.set $keep (local.get $x))))
        (if (i32.eqz (i32.and (local.get $i) (i32.const 0xfffff)))
          (then
            ;; count the kept list, then drop it
            (block $e
              (loop $c
                (br_if $e (ref.is_null (local.get $keep)))
                (local.set $len (i64.add (local.get $len) (i64.const 1)))
                (local.set $keep (struct.get $node $next (local.get $keep)))
                (br $c)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l)))
    (i64.add (local.get $sum) (i64.shl (local.get $len) (i64.const 40)))))
