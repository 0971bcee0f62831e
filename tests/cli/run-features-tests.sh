#!/bin/sh
# `-W NAME=y|n` of wisp run, wast and validate (issue 13): post-2.0 features switched per run, bad names
# and values as usage errors (exit 2), `-W help`, and the --help texts documenting the option.
#   run-features-tests.sh WISP_BINARY
set -u
W=${1:?usage: run-features-tests.sh WISP_BINARY}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
# One function [] -> [] whose body is `ref.eq` without operands: an illegal opcode without gc, a type
# mismatch with it.
printf '\000asm\001\000\000\000\001\004\001\140\000\000\003\002\001\000\012\005\001\003\000\323\013' > "$T/ex.wasm"
# The same module inside a spec script.
printf '(module binary "\\00asm\\01\\00\\00\\00\\01\\04\\01\\60\\00\\00\\03\\02\\01\\00\\0a\\05\\01\\03\\00\\d3\\0b")\n' > "$T/ex.wast"
# The same function with `return_call 0` (tail calls: complete, on by default).
printf '\000asm\001\000\000\000\001\004\001\140\000\000\003\002\001\000\012\006\001\004\000\022\000\013' > "$T/tc.wasm"
printf '(module (func (export "f") (result i32) (i32.const 7)))\n' > "$T/ok.wat"
OFF="illegal opcode 0xd3"
ON="type mismatch"
fails=0
# check NAME EXPECTED_EXIT EXPECTED_TEXT ARGS...: runs wisp ARGS, checks exit code and output.
check() {
  name=$1 want_rc=$2 want=$3
  shift 3
  out=$("$W" "$@" 2>&1)
  rc=$?
  if [ "$rc" != "$want_rc" ] || { [ -n "$want" ] && ! printf '%s' "$out" | grep -qF -- "$want"; }; then
    echo "FAIL $name: exit $rc (want $want_rc, text '$want'), output:"; printf '%s\n' "$out" | head -5
    fails=$((fails + 1))
  fi
}

for cmd in run validate; do
  # Every feature is on by default since GC (issue 16); -W switches them off and on again.
  check "$cmd default" 1 "$ON" $cmd "$T/ex.wasm"
  check "$cmd -W gc=n" 1 "$OFF" $cmd -W gc=n "$T/ex.wasm"
  check "$cmd -Wgc=n" 1 "$OFF" $cmd -Wgc=n "$T/ex.wasm"
  check "$cmd -W gc=y" 1 "$ON" $cmd -W gc=n -W gc=y "$T/ex.wasm"
  check "$cmd --wasm=gc" 1 "$ON" $cmd -W all-proposals=n --wasm=gc "$T/ex.wasm"
  check "$cmd comma list" 1 "$OFF" $cmd -W gc=n,exceptions=yes,memory64=n "$T/ex.wasm"
  check "$cmd later wins" 1 "$ON" $cmd -W gc=n -W gc=y "$T/ex.wasm"
  check "$cmd all-proposals" 1 "$OFF" $cmd -W all-proposals=n "$T/ex.wasm"
  check "$cmd other feature" 1 "$OFF" $cmd -W gc=n -W tail-call=y "$T/ex.wasm"
  check "$cmd tail-call off" 1 "illegal opcode 0x12" $cmd -W tail-call=n "$T/tc.wasm"
  check "$cmd unknown name" 2 "unknown feature 'tail-calls'" $cmd -W tail-calls=y "$T/ex.wasm"
  check "$cmd bad value" 2 "bad value 'maybe'" $cmd -W tail-call=maybe "$T/ex.wasm"
  check "$cmd missing value" 2 "needs a setting" $cmd -W
  check "$cmd -W help" 0 "relaxed-simd" $cmd -W help
  check "$cmd --help" 0 "-W NAME=y|n" $cmd --help
done
check "validate tail-call default" 0 "" validate "$T/tc.wasm"
check "-W help default" 0 "tail-call             default: y" run -W help
check "-W help gc default" 0 "gc                    default: y" run -W help
check "run wasm 2.0 with all" 0 "7" run -W all-proposals=y --invoke f "$T/ok.wat"
check "validate wasm 2.0 with all" 0 "" validate -W all-proposals=y "$T/ok.wat"
check "wast default" 1 "$ON" wast -v "$T/ex.wast"
check "wast -W gc=n" 1 "$OFF" wast -v -W gc=n "$T/ex.wast"
# Exceptions (on by default): an uncaught exception is reported like a trap, naming its tag (exit 134).
printf '(module (tag $oops (export "oops") (param i32))\n (func $inner (throw $oops (i32.const 7)))\n (func (export "_start") (call $inner)))\n' > "$T/exn.wat"
check "run uncaught exception" 134 'uncaught exception (tag oops)' run "$T/exn.wat"
check "run uncaught exception backtrace" 134 '"_start" @' run "$T/exn.wat"
check "run exceptions off" 1 "malformed section id" run -W exceptions=n,legacy-exceptions=n "$T/exn.wat"
printf '(module (tag $t) (func (export "_start") (try_table (catch $t 0) (throw $t))))\n' > "$T/caught.wat"
check "run caught exception" 0 "" run "$T/caught.wat"
check "wast unknown name" 2 "unknown feature 'bogus'" wast -W bogus "$T/ex.wast"
check "wast bad value" 2 "bad value ''" wast -W gc= "$T/ex.wast"
check "wast -W help" 0 "multi-memory" wast -W help
check "wast --help" 0 "-W NAME=y|n" wast --help
if [ "$fails" != 0 ]; then
  echo "$fails failure(s)"
  exit 1
fi
echo "features CLI: all passed"
