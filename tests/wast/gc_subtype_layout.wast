;; A subtype's objects keep the supertype's field offsets (fields laid out in declaration order):
;; struct.get through the supertype reads the right field whatever the fields' sizes, and reference
;; fields after non-reference ones keep their targets alive through collections.
(module
  (type $a (sub (struct (field i32))))
  (type $b (sub $a (struct (field i32) (field i64))))
  (type $node (sub (struct (field i8) (field (mut (ref null $node))))))
  (type $node2 (sub $node (struct (field i8) (field (mut (ref null $node))) (field i16) (field (ref null $a)))))
  (func (export "up") (result i32)
    (struct.get $a 0 (ref.cast (ref $a) (struct.new $b (i32.const 9) (i64.const 0)))))
  (func (export "up2") (result i32)
    (struct.get $a 0 (struct.new $b (i32.const 9) (i64.const 7))))
  ;; A list of $node2 read through $node, built while enough garbage is made to collect many times.
  (func (export "list") (param $n i32) (result i32)
    (local $head (ref null $node)) (local $i i32) (local $sum i32) (local $j i32)
    (loop $build
      (local.set $head (struct.new $node2 (local.get $i) (local.get $head) (i32.const 3)
                                         (struct.new $a (local.get $i))))
      (local.set $j (i32.const 0))
      (loop $garbage
        (drop (struct.new $b (local.get $j) (i64.const 1)))
        (br_if $garbage (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (i32.const 2000))))
      (br_if $build (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (loop $walk
      (local.set $sum (i32.add (local.get $sum)
        (struct.get $a 0 (struct.get $node2 3 (ref.cast (ref $node2) (local.get $head))))))
      (local.set $head (struct.get $node 1 (local.get $head)))
      (br_if $walk (i32.eqz (ref.is_null (local.get $head)))))
    (local.get $sum))
)
(assert_return (invoke "up") (i32.const 9))
(assert_return (invoke "up2") (i32.const 9))
(assert_return (invoke "list" (i32.const 2000)) (i32.const 1999000))
