#!/bin/sh
# The GC differential corpus (issue 16): run-diff-corpus.sh GC_DIFF_HOST CORPUS_DIR
# Each CORPUS_DIR/NAME.wasm is a module binaryen's fuzzer made (wasm-opt -ttf, see fuzz/gc_diff.sh) and
# NAME.expected what binaryen's own interpreter printed for it (wasm-opt --fuzz-exec-before): the
# reference, not wisp's output. gc_diff_host runs the module the same way in each tier and dispatch mode
# and must print the same transcript once both are normalised (trap messages as classes, NaNs as "nan";
# gc_diff_host.cc says why). No binaryen needed: the outputs are checked in.
set -u
HOST=${1:?usage: run-diff-corpus.sh GC_DIFF_HOST CORPUS_DIR}
DIR=${2:?usage: run-diff-corpus.sh GC_DIFF_HOST CORPUS_DIR}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
n=0
fail=0
for wasm in "$DIR"/*.wasm; do
  name=${wasm%.wasm}
  "$HOST" --normalize "$name.expected" > "$TMP/expected" || { echo "FAIL $wasm: cannot read $name.expected"; fail=$((fail + 1)); continue; }
  # The interpreter in both dispatch modes, every function compiled first, and tier-up at the first call;
  # --gc-stress: a collection at almost every allocation, in the interpreter and in JIT code.
  for mode in "--tier interp" "--tier interp --dispatch loop" "--tier jit" "--tier auto --tier-up-threshold 1" \
              "--tier interp --gc-stress" "--tier jit --gc-stress"; do
    n=$((n + 1))
    # shellcheck disable=SC2086
    if ! timeout 120 "$HOST" $mode "$wasm" > "$TMP/actual" 2> "$TMP/stderr"; then
      echo "FAIL $wasm ($mode): exit status $?"; head -5 "$TMP/stderr"; fail=$((fail + 1)); continue
    fi
    if ! cmp -s "$TMP/expected" "$TMP/actual"; then
      echo "FAIL $wasm ($mode): differs from binaryen's output (< binaryen, > wisp)"
      diff "$TMP/expected" "$TMP/actual" | head -20
      fail=$((fail + 1))
    fi
  done
done
if [ "$n" = 0 ]; then
  echo "no modules in $DIR"
  exit 1
fi
echo "$n runs, $fail failed"
[ "$fail" = 0 ]
