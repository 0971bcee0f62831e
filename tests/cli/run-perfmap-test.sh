#!/bin/sh
# wisp run --profile perfmap (perf's JIT map): with --tier jit, /tmp/perf-PID.map gets one line
# "START SIZE NAME" (hex) per compiled function: the name section's name, else wasm-function[N]; the
# ranges do not overlap. In the auto tier, each function gets its line when it is tiered up (here at its
# first call: --tier-up-threshold=1; `twice` never calls function 2). Without the JIT the test is skipped.
# usage: run-perfmap-test.sh WISP
set -eu
WISP=$1
DIR=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp)
trap 'rm -f "$out" "${map:-}"' EXIT
"$WISP" run --tier jit --profile perfmap --invoke twice "$DIR/perfmap.wasm" 10 >"$out" 2>&1 &
pid=$!
wait "$pid" || { cat "$out"; echo "FAIL: wisp run exited non-zero"; exit 1; }
[ "$(cat "$out")" = 110 ] || { cat "$out"; echo "FAIL: wrong result"; exit 1; }
map=/tmp/perf-$pid.map
if ! "$WISP" run --tier jit --invoke twice "$DIR/perfmap.wasm" 1 >/dev/null 2>&1; then
  echo "skipped: no JIT in this build"; exit 0
fi
[ -f "$map" ] || { echo "FAIL: no $map"; exit 1; }
cat "$map"
# Every line is START SIZE NAME in hex, and the names are the compiled functions'.
bad=$(grep -cvE '^[0-9a-f]+ [0-9a-f]+ [^ ].*$' "$map" || true)
[ "$bad" = 0 ] || { echo "FAIL: $bad malformed lines"; exit 1; }
names=$(cut -d' ' -f3- "$map" | sort | tr '\n' ' ')
[ "$names" = "fib twice wasm-function[2] " ] || { echo "FAIL: names '$names'"; exit 1; }
# No two ranges overlap.
last=0
for range in $(while read -r start size _; do echo "$((0x$start)):$((0x$start + 0x$size))"; done <"$map" | sort -t: -n -k1,1); do
  s=${range%%:*}; e=${range##*:}
  [ "$s" -ge "$last" ] || { echo "FAIL: overlapping ranges"; exit 1; }
  last=$e
done

# auto: the functions compiled by tier-up, as they are installed.
"$WISP" run --tier auto --tier-up-threshold=1 --profile perfmap --invoke twice "$DIR/perfmap.wasm" 10 >"$out" 2>&1 &
pid=$!
wait "$pid" || { cat "$out"; echo "FAIL: wisp run (auto) exited non-zero"; exit 1; }
[ "$(cat "$out")" = 110 ] || { cat "$out"; echo "FAIL: wrong result (auto)"; exit 1; }
rm -f "$map"
map=/tmp/perf-$pid.map
[ -f "$map" ] || { echo "FAIL: no $map (auto)"; exit 1; }
cat "$map"
bad=$(grep -cvE '^[0-9a-f]+ [0-9a-f]+ [^ ].*$' "$map" || true)
[ "$bad" = 0 ] || { echo "FAIL: $bad malformed lines (auto)"; exit 1; }
names=$(cut -d' ' -f3- "$map" | sort | tr '\n' ' ')
[ "$names" = "fib twice " ] || { echo "FAIL: names '$names' (auto)"; exit 1; }
echo "2 passed, 0 failed"
