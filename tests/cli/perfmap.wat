;; wisp run --profile perfmap: each function the JIT compiles gets a line in /tmp/perf-PID.map.
;; perfmap.wasm is this module with a name section: wat2wasm --debug-names perfmap.wat -o perfmap.wasm
(module
  (func $fib (export "fib") (param i32) (result i32)
    (if (result i32) (i32.lt_u (local.get 0) (i32.const 2))
      (then (local.get 0))
      (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                     (call $fib (i32.sub (local.get 0) (i32.const 2)))))))
  (func $twice (export "twice") (param i32) (result i32) (i32.mul (call $fib (local.get 0)) (i32.const 2)))
  (func (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
)
