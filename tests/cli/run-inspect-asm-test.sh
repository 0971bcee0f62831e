#!/bin/sh
# wisp inspect --asm FUNC: the JIT's machine code under each IR instruction, helpers by name; in a build
# without Zydis' headers, or where libZydis cannot be loaded, a clear error (exit 2).
# usage: run-inspect-asm-test.sh WISP HAVE_ZYDIS(1|0)
set -eu
WISP=$1
DIR=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp)
trap 'rm -f "$out"' EXIT
status=0
"$WISP" inspect --asm fib "$DIR/perfmap.wasm" >"$out" 2>&1 || status=$?
if [ "$2" != 1 ] || grep -q "cannot load the disassembler" "$out"; then
  [ "$status" = 2 ] && grep -qE "no disassembler|cannot load the disassembler" "$out" ||
    { cat "$out"; echo "FAIL: expected a clear error"; exit 1; }
  echo "1 passed, 0 failed"; exit 0
fi
[ "$status" = 0 ] || { cat "$out"; echo "FAIL: exit $status"; exit 1; }
for want in "func 0 <fib>:" "entry and exit:" "op_br_if_i32_ge_u_sib" "op_call_xs" "out of line (hand-overs):" "hand over at @"; do
  grep -qF "$want" "$out" || { cat "$out"; echo "FAIL: no '$want' in the listing"; exit 1; }
done
# By name and by index alike; an imported or unknown function is a usage error.
"$WISP" inspect --asm 0 "$DIR/perfmap.wasm" | cmp -s - "$out" || { echo "FAIL: by index differs"; exit 1; }
status=0; "$WISP" inspect --asm nosuch "$DIR/perfmap.wasm" >/dev/null 2>&1 || status=$?
[ "$status" = 2 ] || { echo "FAIL: unknown function gave $status"; exit 1; }
echo "1 passed, 0 failed"
