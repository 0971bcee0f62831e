#!/bin/sh
# Runs one libFuzzer target for a bounded time: fuzz/run.sh TARGET SECONDS [extra libFuzzer flags]
# TARGET: decode | text | run | diff | jit | wasi_path. Builds the targets (clang-19, ASan+UBSan) into
# $WISP_FUZZ_BUILD (default build-fuzz), seeds the corpus from the spec suite on first use, and fails
# (non-zero exit, crash-* / timeout-* / leak-* file left in $WISP_FUZZ_WORK/TARGET) on any finding.
set -eu
cd "$(dirname "$0")/.."
ROOT=$(pwd)
TARGET=${1:?usage: fuzz/run.sh TARGET SECONDS}
SECONDS_=${2:?usage: fuzz/run.sh TARGET SECONDS}
shift 2
BUILD=${WISP_FUZZ_BUILD:-$ROOT/build-fuzz}
WORK=${WISP_FUZZ_WORK:-$BUILD/work}
SUITE=${WISP_TESTSUITE:-$ROOT/../shared/wasm-testsuite}/2.0
# Wasm 3.0 scripts of the features wisp implements (on by default), seeded alongside 2.0 so the fuzzers
# reach their instructions too; add a feature's files here when it lands.
LATEST=$(dirname "$SUITE")/latest
LATEST_SEEDS="$LATEST/return_call.wast $LATEST/return_call_indirect.wast $LATEST/annotations.wast $LATEST/id.wast
  $LATEST/custom/custom_annot.wast $LATEST/custom/name_annot.wast $LATEST/custom/branch_hint.wast"
LATEST_SEEDS="$LATEST_SEEDS $LATEST/*relaxed*.wast"  # relaxed SIMD
LATEST_SEEDS="$LATEST_SEEDS $LATEST/data.wast $LATEST/load1.wast $LATEST/store1.wast $LATEST/memory_grow.wast"
LATEST_SEEDS="$LATEST_SEEDS $LATEST/memory_copy1.wast $LATEST/memory_init0.wast $LATEST/simd_memory-multi.wast"
# Typed function references.
LATEST_SEEDS="$LATEST_SEEDS $LATEST/call_ref.wast $LATEST/return_call_ref.wast $LATEST/br_on_null.wast
  $LATEST/br_on_non_null.wast $LATEST/ref_as_non_null.wast $LATEST/local_init.wast $LATEST/ref.wast"
# Exceptions.
LATEST_SEEDS="$LATEST_SEEDS $LATEST/throw.wast $LATEST/throw_ref.wast
  $LATEST/try_table.wast $LATEST/tag.wast $LATEST/legacy/rethrow.wast
  $LATEST/legacy/try_catch.wast $LATEST/legacy/try_delegate.wast $(dirname "$0")/../tests/exceptions/exceptions.wast"
# GC: structs, arrays, i31, casts, subtyping (and the JIT's compiled forms of them)
LATEST_SEEDS="$LATEST_SEEDS $LATEST/struct.wast $LATEST/array.wast $LATEST/array_copy.wast $LATEST/array_fill.wast
  $LATEST/array_init_data.wast $LATEST/array_new_data.wast $LATEST/i31.wast $LATEST/ref_cast.wast $LATEST/ref_test.wast
  $LATEST/br_on_cast.wast $LATEST/br_on_cast_fail.wast $LATEST/ref_eq.wast $LATEST/extern.wast
  $LATEST/type-subtyping.wast $(dirname "$0")/../tests/wast/gc_subtype_layout.wast $(dirname "$0")/../tests/wast/jit_cover.wast
  $(dirname "$0")/../tests/wast/jit_calls.wast"

if [ ! -f "$BUILD/build.ninja" ]; then
  cmake -S fuzz -B "$BUILD" -G Ninja -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 >/dev/null
fi
cmake --build "$BUILD" --target "fuzz_$TARGET" >/dev/null

SEEDS="$WORK/seeds-$TARGET"
CORPUS="$WORK/corpus-$TARGET"
ART="$WORK/artifacts-$TARGET"
mkdir -p "$CORPUS" "$ART"
if [ ! -d "$SEEDS" ]; then
  mkdir -p "$SEEDS.tmp"
  case "$TARGET" in
    decode|run|diff|jit)
      # Every module of the spec suite (wabt's wast2json splits the scripts), SIMD included.
      tmp=$(mktemp -d)
      for f in "$SUITE"/*.wast $LATEST_SEEDS; do
        b=$(basename "$f" .wast)
        wast2json --enable-all "$f" -o "$tmp/$b.json" >/dev/null 2>&1 || true
      done
      for w in "$tmp"/*.wasm; do [ -f "$w" ] && cp "$w" "$SEEDS.tmp/"; done
      rm -rf "$tmp" ;;
    text)
      # The spec scripts and a slice of each (libFuzzer's -max_len cuts the rest).
      for f in "$SUITE"/*.wast $LATEST_SEEDS; do
        [ "$(wc -c < "$f")" -lt 65536 ] && cp "$f" "$SEEDS.tmp/"
        head -c 3000 "$f" > "$SEEDS.tmp/head-$(basename "$f")"
      done ;;
    wasi_path)
      i=0
      for p in a a/b/c a/../a/file link_a/b ../outside link_up/x link_deep link_abs loop1 self/self/a \
               a/b/up3/etc a/b/file_link link_secret "a/b/c/../../../.." a/ "./a/./b/" ; do
        i=$((i + 1)); printf '\002%s' "$p" > "$SEEDS.tmp/p$i"; printf '\000%s' "$p" > "$SEEDS.tmp/n$i"
      done
      printf '\003../../outside\nplanted/secret' > "$SEEDS.tmp/plant1"
      printf '\003/etc\nplanted/passwd' > "$SEEDS.tmp/plant2"
      printf '\003a/b\nplanted/../../..' > "$SEEDS.tmp/plant3" ;;
    *) echo "unknown target $TARGET" >&2; exit 2 ;;
  esac
  mv "$SEEDS.tmp" "$SEEDS"
fi

# -rss_limit_mb: an input must not exhaust the host; -timeout: nor hang it (fuel bounds execution).
exec "$BUILD/fuzz_$TARGET" "$CORPUS" "$SEEDS" -max_total_time="$SECONDS_" -timeout=20 -rss_limit_mb=2560 \
  -max_len=65536 -artifact_prefix="$ART/" -print_final_stats=1 "$@"
