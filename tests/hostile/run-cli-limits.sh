#!/bin/sh
# `wisp run` limit flags (issue 7): each flag's trap or error, and --help documenting them.
#   run-cli-limits.sh WISP_BINARY
set -u
W=${1:?usage: run-cli-limits.sh WISP_BINARY}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cat > "$T/m.wat" <<'WAT'
(module
  (memory 1)
  (table 1 funcref)
  (func (export "spin") (loop $l (br $l)))
  (func $rec (export "rec") (call $rec))
  (func (export "grow") (result i32) (memory.grow (i32.const 100)))
  (func (export "tgrow") (result i32) (table.grow (ref.null func) (i32.const 100)))
  (func (export "fills") (param i32) (result i32) (local i32)  ;; memory.fill of 64 KiB, N times
    (loop $l (memory.fill (i32.const 0) (i32.const 7) (i32.const 65536))
      (local.set 1 (i32.add (local.get 1) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get 1) (local.get 0))))
    (local.get 1))
  (func (export "count") (param i32) (result i32) (local i32)
    (loop $l (local.set 1 (i32.add (local.get 1) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get 1) (local.get 0))))
    (local.get 1)))
WAT
# A guest sleeping 30 s in poll_oneoff (issue 19): --timeout must end it as promptly as a running one.
cat > "$T/sleep.wat" <<'WAT'
(module
  (import "wasi_snapshot_preview1" "poll_oneoff" (func $poll (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "\01\00\00\00")
  (data (i32.const 24) "\00\ac\23\fc\06\00\00\00")
  (func (export "_start") (drop (call $poll (i32.const 0) (i32.const 100) (i32.const 1) (i32.const 200)))))
WAT
# memory64: the default limit allows a 64-bit memory of 5 GiB (only a few pages are touched);
# --max-memory-size bounds it, and a minimum above the limit names the limit.
cat > "$T/m64.wat" <<'WAT'
(module
  (memory i64 1)
  (func (export "grow5g") (result i64) (memory.grow (i64.const 81919)))
  (func (export "rt5g") (result i64)
    (drop (memory.grow (i64.const 81919)))
    (i64.store (i64.const 0x13FFFFFF8) (i64.const 42))
    (i64.load (i64.const 0x13FFFFFF8)))
  (func (export "past5g") (result i64)
    (drop (memory.grow (i64.const 81919)))
    (i64.load (i64.const 0x13FFFFFF9))))
WAT
echo '(module (memory i64 81920) (func (export "size") (result i64) (memory.size)))' > "$T/m64min.wat"
echo '(module (memory i64 0x100000) (func (export "_start")))' > "$T/m64huge.wat"
fails=0
# check NAME EXPECTED_EXIT EXPECTED_TEXT ARGS...: runs wisp run ARGS, checks exit code and output.
check() {
  name=$1 want_rc=$2 want=$3
  shift 3
  out=$("$W" run "$@" 2>&1)
  rc=$?
  if [ "$rc" != "$want_rc" ] || ! printf '%s' "$out" | grep -qF -- "$want"; then
    echo "FAIL $name: exit $rc (want $want_rc), output:"; printf '%s\n' "$out" | head -5
    fails=$((fails + 1))
  else
    echo "ok   $name"
  fi
}
check fuel 134 "wasm trap: all fuel consumed" --fuel 10000 --invoke spin "$T/m.wat"
check fuel-enough 0 "1000" --fuel 1000000 --invoke count "$T/m.wat" 1000
check fuel-short 134 "all fuel consumed" --fuel 500 --invoke count "$T/m.wat" 1000
# Bulk operations cost fuel by length (issue 19): 1000 fills of 64 KiB need 1,024,000 units for the
# bytes alone, so 100,000 units stop them at once; ten fills fit in 20,000.
check fuel-bulk 134 "all fuel consumed" --fuel 100000 --invoke fills "$T/m.wat" 1000
check fuel-bulk-enough 0 "10" --fuel 20000 --invoke fills "$T/m.wat" 10
check timeout 134 "deadline exceeded" --timeout 200ms --invoke spin "$T/m.wat"
start=$(date +%s)
check timeout-sleep 134 "deadline exceeded" --timeout 1s "$T/sleep.wat"
if [ $(($(date +%s) - start)) -gt 5 ]; then echo "FAIL timeout-sleep took over 5 s"; fails=$((fails + 1)); fi
check timeout-unneeded 0 "5" --timeout 10s --invoke count "$T/m.wat" 5
check stack 134 "call stack exhausted" --max-wasm-stack 64K --invoke rec "$T/m.wat"
check memory 0 "-1" --max-memory-size 2M --invoke grow "$T/m.wat"
check memory-default 0 "1" --invoke grow "$T/m.wat"
check memory-min 134 "memory" --max-memory-size 1K --invoke grow "$T/m.wat"
check memory64-5g 0 "42" --invoke rt5g "$T/m64.wat"
check memory64-past-end 134 "out of bounds memory access" --invoke past5g "$T/m64.wat"
check memory64-capped 0 "-1" --max-memory-size 4G --invoke grow5g "$T/m64.wat"
check memory64-raised 0 "1" --max-memory-size 6G --invoke grow5g "$T/m64.wat"
check memory64-min 134 "exceeds memory limits (at most 65536 pages) (--max-memory-size" --max-memory-size 4G \
  --invoke size "$T/m64min.wat"
check memory64-min-ok 0 "81920" --invoke size "$T/m64min.wat"
check memory64-min-default 134 "the default limit of 16 GiB per memory" "$T/m64huge.wat"
check table 0 "-1" --max-table-elements 50 --invoke tgrow "$T/m.wat"
check instances 134 "instance" --max-instances 0 --invoke grow "$T/m.wat"
check bad-value 2 "invalid value" --fuel lots "$T/m.wat"
check bad-duration 2 "invalid value" --timeout 2parsecs "$T/m.wat"
help=$("$W" run --help)
for flag in --fuel --timeout --max-memory-size --max-wasm-stack --max-table-elements --max-instances; do
  if ! printf '%s' "$help" | grep -qF -- "$flag"; then echo "FAIL --help lacks $flag"; fails=$((fails + 1)); fi
done
[ "$fails" = 0 ] && echo "all limit flags ok"
exit "$fails"
