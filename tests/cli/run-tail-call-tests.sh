#!/bin/sh
# Tail calls in constant stack through `wisp run` (issue 14): mutual recursion 10 million deep through
# return_call and return_call_indirect completes in both dispatch modes, even with a small value stack,
# while the same recursion through plain calls stops with "call stack exhausted" (exit 134).
#   run-tail-call-tests.sh WISP_BINARY
set -u
W=${1:?usage: run-tail-call-tests.sh WISP_BINARY}
M="$(cd "$(dirname "$0")" && pwd)/tail_calls_deep.wat"
fails=0
# check NAME EXPECTED_EXIT EXPECTED_TEXT ARGS...: runs wisp ARGS, checks exit code and (stdout+stderr) text.
check() {
  name=$1 want_rc=$2 want=$3
  shift 3
  out=$("$W" "$@" 2>&1)
  rc=$?
  if [ "$rc" != "$want_rc" ] || ! printf '%s\n' "$out" | grep -qxF -- "$want"; then
    echo "FAIL $name: exit $rc (want $want_rc, line '$want'), output:"; printf '%s\n' "$out" | head -5
    fails=$((fails + 1))
  fi
}

for mode in auto loop; do  # auto: tail-call dispatch where the build has it
  d="--dispatch=$mode"
  check "$mode even 10M" 0 1 run "$d" --invoke even "$M" 10000000
  check "$mode odd 10M+1" 0 1 run "$d" --invoke odd "$M" 10000001
  check "$mode indirect 10M" 0 1 run "$d" --invoke even_indirect "$M" 10000000
  check "$mode 64 KiB stack" 0 0 run "$d" --max-wasm-stack 65536 --invoke even "$M" 10000001
  check "$mode plain calls" 134 "Error: wasm trap: call stack exhausted" \
    run "$d" --invoke even_call "$M" 10000000
done
[ "$fails" -eq 0 ] && echo "tail calls: all checks passed"
[ "$fails" -eq 0 ]
