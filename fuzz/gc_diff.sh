#!/bin/bash
# GC differential fuzzing against binaryen (issue 16).
#
#   fuzz/gc_diff.sh SECONDS            generate and compare random modules for SECONDS
#   fuzz/gc_diff.sh --corpus DIR N     write N new corpus entries (NAME.wasm + NAME.expected) into DIR
#
# Each round: random bytes -> `wasm-opt -ttf` (binaryen's fuzzer turns any bytes into a valid module; with
# GC, exceptions, tail calls, SIMD, typed function references, multi-memory, memory64 ...) -> `wasm-opt
# --fuzz-exec-before` on the written binary prints what binaryen's interpreter does when it calls every
# export -> tests/gc/gc_diff_host (wisp) runs the same binary in each tier (interpreter in both dispatch
# modes, JIT, tier-up at the first call; interpreter and JIT again collecting at almost every allocation,
# --gc-stress) -> both transcripts, normalised, must be equal. A mismatch leaves
# the module and both outputs in $WISP_GC_DIFF_WORK (default build/gc-diff)/mismatch-N/ and fails the run.
#
# Generation, and what is left out on purpose:
#  - half of the rounds give -ttf a module of the spec suite's GC, reference and exception scripts as its
#    initial content (--initial-fuzz; fuzz/gc_diff_seeds.py extracts them, once, into $WORK/seeds): the
#    fuzzer then calls and mixes the spec's casts, subtype chains and array copies.
#  - a third of the modules go through binaryen's optimiser as well (-O2), a third through a random pass
#    pipeline (--fuzz-passes): other code shapes (casts refined, locals to struct fields, inlined calls,
#    JS legalisation's env.setTempRet0 imports ...) than -ttf writes.
#  - features wisp has no support for are disabled in -ttf: threads/atomics, shared-everything, strings,
#    stack switching, fp16, custom descriptors, wide arithmetic, custom page sizes, compact imports ...
#  - relaxed SIMD is disabled: its results are implementation-defined, binaryen picks one choice.
#  - --denan: binaryen's pass that turns NaN results into 0, so NaN payloads and signs (which the spec
#    leaves open for arithmetic NaNs) cannot reach integers through reinterpret or memory. Any NaN that
#    still prints is compared as "nan".
#  - the expected output is binaryen's run of the written binary (a second wasm-opt call), not of its
#    in-memory module, so both runtimes see exactly the same bytes.
#  - modules where binaryen reports a host limit (its recursion or allocation limit) or where wisp runs out
#    of stack or GC heap are counted as skipped, not compared: where a resource limit strikes differs by
#    design.
# Known differences that are binaryen's (a mismatch of this kind is no wisp bug):
#  - binaryen's interpreter evaluates an element segment's expressions again at every array.new_elem /
#    array.init_elem, so objects a segment allocates are fresh each time (ref.eq of two reads differs);
#    the spec evaluates them once, at instantiation (array_new_elem.wast tests it; wisp follows the spec).
# Needs binaryen (a wasm-opt that runs on Node: `npm pack binaryen`; $WISP_BINARYEN names its bin/ folder or
# the wasm-opt script, default /tmp/binaryen-npm/node_modules/binaryen/bin) and node ($WISP_NODE, else
# /tmp/node26/bin/node if present, else node on PATH). Without them it says so and exits 77 (skip). CI
# runs the checked-in corpus instead (tests/gc/run-diff-corpus.sh, ctest gc_diff_corpus).
set -u
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD=${WISP_BUILD:-$ROOT/build}
WORK=${WISP_GC_DIFF_WORK:-$BUILD/gc-diff}

BIN=${WISP_BINARYEN:-/tmp/binaryen-npm/node_modules/binaryen/bin}
[ -d "$BIN" ] && BIN="$BIN/wasm-opt"
NODE=${WISP_NODE:-}
if [ -z "$NODE" ]; then
  if [ -x /tmp/node26/bin/node ]; then NODE=/tmp/node26/bin/node; else NODE=$(command -v node || true); fi
fi
if [ ! -f "$BIN" ] || [ -z "$NODE" ]; then
  echo "gc_diff: binaryen's wasm-opt ($BIN) or node not found: set WISP_BINARYEN / WISP_NODE (skipped)"
  exit 77
fi
FEATURES="--all-features --disable-threads --disable-shared-everything --disable-strings
  --disable-stack-switching --disable-fp16 --disable-custom-descriptors --disable-relaxed-simd
  --disable-multibyte --disable-acquire-release-atomics --disable-relaxed-atomics --disable-custom-page-sizes
  --disable-wide-arithmetic --disable-compact-imports"
wasm_opt() { "$NODE" "$BIN" "$@"; }

cmake --build "$BUILD" --target gc_diff_host >/dev/null || { echo "gc_diff: cannot build gc_diff_host"; exit 2; }
HOST="$BUILD/gc_diff_host"
MODES=("--tier interp" "--tier interp --dispatch loop" "--tier jit" "--tier auto --tier-up-threshold 1"
       "--tier interp --gc-stress" "--tier jit --gc-stress")
mkdir -p "$WORK"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# Seeds: the import-free modules of the spec's GC, reference and exception scripts, as binaries.
SUITE=${WISP_TESTSUITE:-$ROOT/../shared/wasm-testsuite}/latest
SEEDS="$WORK/seeds"
if [ ! -d "$SEEDS" ] && [ -d "$SUITE" ] && command -v python3 >/dev/null; then
  echo "gc_diff: converting seed modules from $SUITE (once)"
  rm -rf "$SEEDS.tmp"
  python3 fuzz/gc_diff_seeds.py "$SEEDS.tmp" "$SUITE"/array*.wast "$SUITE"/br_on_*.wast "$SUITE"/i31.wast \
    "$SUITE"/ref_*.wast "$SUITE"/struct.wast "$SUITE"/extern.wast "$SUITE"/type-*.wast "$SUITE"/call_ref.wast \
    "$SUITE"/return_call_ref.wast "$SUITE"/throw_ref.wast "$SUITE"/try_table.wast "$SUITE"/local_init.wast >/dev/null
  for w in "$SEEDS.tmp"/*.wat; do
    # shellcheck disable=SC2086
    wasm_opt "$w" $FEATURES -o "${w%.wat}.wasm" -q 2>/dev/null
    rm -f "$w"
  done
  mv "$SEEDS.tmp" "$SEEDS"
fi
SEED_FILES=()
[ -d "$SEEDS" ] && for s in "$SEEDS"/*.wasm; do [ -f "$s" ] && SEED_FILES+=("$s"); done

# generate SIZE OUT.wasm OUT.expected: a random module and binaryen's transcript of it.
generate() {
  head -c "$1" /dev/urandom > "$TMP/in.dat"
  initial=""
  if [ "${#SEED_FILES[@]}" -gt 0 ] && [ $((RANDOM % 2)) = 0 ]; then
    initial="--initial-fuzz=${SEED_FILES[$((RANDOM % ${#SEED_FILES[@]}))]}"
  fi
  case $((RANDOM % 3)) in 0) passes="" ;; 1) passes="-O2" ;; *) passes="--fuzz-passes" ;; esac
  # shellcheck disable=SC2086
  wasm_opt -ttf "$TMP/in.dat" $initial $FEATURES $passes --denan -o "$2" -q 2>/dev/null || return 1
  # shellcheck disable=SC2086
  timeout 120 "$NODE" "$BIN" "$2" $FEATURES --fuzz-exec-before -q -o /dev/null > "$3" 2>/dev/null || return 1
}

if [ "${1:-}" = "--corpus" ]; then
  DIR=${2:?usage: gc_diff.sh --corpus DIR N}
  N=${3:?usage: gc_diff.sh --corpus DIR N}
  mkdir -p "$DIR"
  made=0
  while [ "$made" -lt "$N" ]; do
    name="$DIR/m$(date +%s)-$RANDOM"
    # Small inputs make small modules (a few KB), so the corpus stays small.
    generate $(( (RANDOM % 4 + 1) * 1000 )) "$name.wasm" "$name.expected" || { rm -f "$name".*; continue; }
    if grep -q '^\[host limit' "$name.expected"; then rm -f "$name".*; continue; fi
    made=$((made + 1))
  done
  echo "gc_diff: $made corpus entries in $DIR"
  exit 0
fi

SECONDS_=${1:?usage: gc_diff.sh SECONDS | --corpus DIR N}
end=$(( $(date +%s) + SECONDS_ ))
total=0; matched=0; skipped=0; mismatched=0; failed_gen=0
while [ "$(date +%s)" -lt "$end" ]; do
  if ! generate $(( (RANDOM % 12 + 1) * 1000 )) "$TMP/m.wasm" "$TMP/m.expected"; then
    failed_gen=$((failed_gen + 1)); continue
  fi
  total=$((total + 1))
  "$HOST" --normalize "$TMP/m.expected" > "$TMP/expected"
  if grep -q '^\[host limit' "$TMP/expected"; then skipped=$((skipped + 1)); continue; fi
  verdict=match
  for mode in "${MODES[@]}"; do
    # shellcheck disable=SC2086
    timeout 120 "$HOST" $mode "$TMP/m.wasm" > "$TMP/actual" 2> "$TMP/stderr"
    rc=$?
    if grep -q '^\[host limit' "$TMP/actual"; then verdict=skip; break; fi
    if [ "$rc" != 0 ] || ! cmp -s "$TMP/expected" "$TMP/actual"; then
      verdict=mismatch
      dir="$WORK/mismatch-$(date +%s)-$RANDOM"
      mkdir -p "$dir"
      cp "$TMP/m.wasm" "$dir/module.wasm"; cp "$TMP/m.expected" "$dir/binaryen.txt"
      cp "$TMP/actual" "$dir/wisp.txt"; cp "$TMP/stderr" "$dir/wisp.stderr"
      echo "$mode (exit $rc)" > "$dir/mode"
      diff "$TMP/expected" "$TMP/actual" > "$dir/diff"
      echo "gc_diff: MISMATCH ($mode, exit $rc): $dir"; head -6 "$dir/diff"
      break
    fi
  done
  case $verdict in
    match) matched=$((matched + 1)) ;;
    skip) skipped=$((skipped + 1)) ;;
    mismatch) mismatched=$((mismatched + 1)) ;;
  esac
  [ $((total % 100)) = 0 ] && echo "gc_diff: $total modules, $mismatched mismatched, $skipped skipped"
done
echo "gc_diff: $total modules: $matched matched in all ${#MODES[@]} modes, $skipped skipped (resource limits)," \
     "$mismatched mismatched; $failed_gen generation failures"
[ "$mismatched" = 0 ]
