;; FizzBuzz 1..100 written by hand against preview0 WASI (`wasi_unstable.fd_write`), using the legacy
;; `get_local` / `set_local` instruction names. Run it with: wisp run examples/fizzbuzz.wat
(module
  (import "wasi_unstable" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  ;; 0..7: one iovec; 8..11: bytes written; 16..: the words; 64..: the line being built.
  (data (i32.const 16) "Fizz")
  (data (i32.const 20) "Buzz")

  ;; Copies `len` bytes from `src` to the line at `pos`; returns the new end.
  (func $append (param $pos i32) (param $src i32) (param $len i32) (result i32)
    (block $done
      (loop $copy
        (br_if $done (i32.eqz (get_local $len)))
        (i32.store8 (get_local $pos) (i32.load8_u (get_local $src)))
        (set_local $pos (i32.add (get_local $pos) (i32.const 1)))
        (set_local $src (i32.add (get_local $src) (i32.const 1)))
        (set_local $len (i32.sub (get_local $len) (i32.const 1)))
        (br $copy)))
    (get_local $pos))

  ;; Writes the decimal digits of `n` at `pos`; returns the new end.
  (func $append_number (param $pos i32) (param $n i32) (result i32)
    (local $div i32)
    (set_local $div (i32.const 1))
    (block $found
      (loop $scale
        (br_if $found (i32.lt_u (i32.div_u (get_local $n) (get_local $div)) (i32.const 10)))
        (set_local $div (i32.mul (get_local $div) (i32.const 10)))
        (br $scale)))
    (loop $digits
      (i32.store8 (get_local $pos)
        (i32.add (i32.const 48) (i32.rem_u (i32.div_u (get_local $n) (get_local $div)) (i32.const 10))))
      (set_local $pos (i32.add (get_local $pos) (i32.const 1)))
      (set_local $div (i32.div_u (get_local $div) (i32.const 10)))
      (br_if $digits (get_local $div)))
    (get_local $pos))

  (func $main (export "_start")
    (local $i i32)
    (local $end i32)
    (set_local $i (i32.const 1))
    (loop $next
      (set_local $end (i32.const 64))
      (if (i32.eqz (i32.rem_u (get_local $i) (i32.const 3)))
        (then (set_local $end (call $append (get_local $end) (i32.const 16) (i32.const 4)))))
      (if (i32.eqz (i32.rem_u (get_local $i) (i32.const 5)))
        (then (set_local $end (call $append (get_local $end) (i32.const 20) (i32.const 4)))))
      (if (i32.eq (get_local $end) (i32.const 64))
        (then (set_local $end (call $append_number (get_local $end) (get_local $i)))))
      (i32.store8 (get_local $end) (i32.const 10))
      (i32.store (i32.const 0) (i32.const 64))
      (i32.store (i32.const 4) (i32.sub (i32.add (get_local $end) (i32.const 1)) (i32.const 64)))
      (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
      (set_local $i (i32.add (get_local $i) (i32.const 1)))
      (br_if $next (i32.le_u (get_local $i) (i32.const 100))))))
