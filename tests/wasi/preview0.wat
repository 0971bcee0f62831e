;; preview0 (`wasi_unstable`) layouts: fd_seek's whence order (cur=0, end=1, set=2) and the 56-byte
;; filestat with a u32 nlink at offset 20 and the size at 24. Needs /sandbox preopened as fd 3.
(module
  (import "wasi_unstable" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_unstable" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_unstable" "fd_seek" (func $fd_seek (param i32 i64 i32 i32) (result i32)))
  (import "wasi_unstable" "fd_filestat_get" (func $fd_filestat_get (param i32 i32) (result i32)))
  (import "wasi_unstable" "fd_close" (func $fd_close (param i32) (result i32)))
  (memory (export "memory") 1)
  ;; 0: iovec, 8: nwritten, 16: opened fd, 24: new offset, 64: filestat, 256: strings
  (data (i32.const 256) "p0.txt")          ;; 6
  (data (i32.const 272) "hello world")     ;; 11
  (data (i32.const 288) "open ")           ;; 5
  (data (i32.const 296) "write ")          ;; 6
  (data (i32.const 304) "seek end ")       ;; 9
  (data (i32.const 320) "seek set ")       ;; 9
  (data (i32.const 336) "seek cur ")       ;; 9
  (data (i32.const 352) "filetype ")       ;; 9
  (data (i32.const 368) "nlink ")          ;; 6
  (data (i32.const 384) "size ")           ;; 5
  (data (i32.const 400) "ok\n")
  (data (i32.const 404) "bad\n")

  (func $print (param $ptr i32) (param $len i32)
    (i32.store (i32.const 0) (local.get $ptr))
    (i32.store (i32.const 4) (local.get $len))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))
  (func $check (param $label i32) (param $len i32) (param $ok i32)
    (call $print (local.get $label) (local.get $len))
    (if (local.get $ok)
      (then (call $print (i32.const 400) (i32.const 3)))
      (else (call $print (i32.const 404) (i32.const 4)))))

  (func (export "_start")
    (local $fd i32)
    ;; path_open(3, follow, "p0.txt", creat|trunc, read|write|seek|tell|filestat_get, 0, 0, &fd)
    (call $check (i32.const 288) (i32.const 5)
      (i32.eqz (call $path_open (i32.const 3) (i32.const 1) (i32.const 256) (i32.const 6)
        (i32.const 9) (i64.const 0x200066) (i64.const 0) (i32.const 0) (i32.const 16))))
    (local.set $fd (i32.load (i32.const 16)))
    (i32.store (i32.const 0) (i32.const 272))
    (i32.store (i32.const 4) (i32.const 11))
    (call $check (i32.const 296) (i32.const 6)
      (i32.and (i32.eqz (call $fd_write (local.get $fd) (i32.const 0) (i32.const 1) (i32.const 8)))
               (i32.eq (i32.load (i32.const 8)) (i32.const 11))))
    ;; whence 1 is END in preview0: 11 - 5 = 6
    (call $check (i32.const 304) (i32.const 9)
      (i32.and (i32.eqz (call $fd_seek (local.get $fd) (i64.const -5) (i32.const 1) (i32.const 24)))
               (i64.eq (i64.load (i32.const 24)) (i64.const 6))))
    ;; whence 2 is SET: 2
    (call $check (i32.const 320) (i32.const 9)
      (i32.and (i32.eqz (call $fd_seek (local.get $fd) (i64.const 2) (i32.const 2) (i32.const 24)))
               (i64.eq (i64.load (i32.const 24)) (i64.const 2))))
    ;; whence 0 is CUR: 2 + 3 = 5
    (call $check (i32.const 336) (i32.const 9)
      (i32.and (i32.eqz (call $fd_seek (local.get $fd) (i64.const 3) (i32.const 0) (i32.const 24)))
               (i64.eq (i64.load (i32.const 24)) (i64.const 5))))
    (drop (call $fd_filestat_get (local.get $fd) (i32.const 64)))
    ;; filetype (u8 at 16) is regular_file = 4, nlink (u32 at 20) is 1, size (u64 at 24) is 11
    (call $check (i32.const 352) (i32.const 9) (i32.eq (i32.load8_u (i32.const 80)) (i32.const 4)))
    (call $check (i32.const 368) (i32.const 6) (i32.eq (i32.load (i32.const 84)) (i32.const 1)))
    (call $check (i32.const 384) (i32.const 5) (i64.eq (i64.load (i32.const 88)) (i64.const 11)))
    (drop (call $fd_close (local.get $fd)))))
