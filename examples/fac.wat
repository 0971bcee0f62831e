;; The factorial function, the "hello world" of WebAssembly.
;;
;;   wisp run --invoke fac examples/fac.wat 10      prints 3628800
;;   wisp run --invoke fac_iter examples/fac.wat 20 prints 2432902008176640000
;;
;; i64 arithmetic wraps around modulo 2^64, so results above 20! are not the true factorial.
(module
  ;; Recursive: fac(n) = n <= 1 ? 1 : n * fac(n - 1).
  (func $fac (export "fac") (param $n i64) (result i64)
    (if (result i64) (i64.le_s (local.get $n) (i64.const 1))
      (then (i64.const 1))
      (else
        (i64.mul
          (local.get $n)
          (call $fac (i64.sub (local.get $n) (i64.const 1)))))))

  ;; Iterative: multiply an accumulator while counting n down, in constant stack space.
  (func (export "fac_iter") (param $n i64) (result i64)
    (local $acc i64)
    (local.set $acc (i64.const 1))
    (block $done
      (loop $again
        ;; Stop once n <= 1.
        (br_if $done (i64.le_s (local.get $n) (i64.const 1)))
        (local.set $acc (i64.mul (local.get $acc) (local.get $n)))
        (local.set $n (i64.sub (local.get $n) (i64.const 1)))
        (br $again)))
    (local.get $acc))
)
