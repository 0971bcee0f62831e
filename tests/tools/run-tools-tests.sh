#!/usr/bin/env bash
# CLI tests of the inspection tools (issue 8): inspect, print, strip, size, validate.
#
#   run-tools-tests.sh WISP_BINARY
#
# 1. Golden outputs: every tests/golden/tools/NAME.{wat,wasm} through each subcommand, compared with
#    NAME.<command>.{txt,json,wat}. WISP_UPDATE_GOLDEN=1 rewrites them after an intended change.
# 2. --json output of every subcommand parses as JSON (checked with python3 when installed).
# 3. Truncated, garbage, empty and missing files: one line on stderr (stdout for validate), exit status 1.
# 4. A C program built with clang-19 --target=wasm32-wasi -g: `wisp size` shows debug sections dominating,
#    `wisp strip` gives the same bytes as wabt's `wasm-strip`, and the stripped module still validates.
# 5. Print round trip of the compiled C programs (tests/wasi/*.c) and tests/wasi/*.wat: print, parse the
#    text back, print again: the two texts are identical.
# Needs clang-19 (wasm32-wasi) and wabt for 4; without them that part fails (not skipped): CI installs both.
set -u
WISP=$(realpath "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
GOLDEN="$ROOT/tests/golden/tools"
CC=${WASI_CC:-clang-19}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/wisp-tools-tests.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

pass=0
fail=0
failed=()
ok() { pass=$((pass + 1)); }
bad() {
  fail=$((fail + 1))
  failed+=("$1")
  echo "FAIL: $1" >&2
  [ $# -gt 1 ] && echo "$2" | head -20 >&2
}

have_python=0
command -v python3 >/dev/null 2>&1 && have_python=1
is_json() { [ $have_python = 0 ] || python3 -c 'import json,sys; json.load(sys.stdin)' <"$1" 2>/dev/null; }

# --- 1 + 2: golden outputs -------------------------------------------------------------------------------
golden() {  # golden NAME INPUT SUFFIX ARGS...
  local name=$1 input=$2 suffix=$3
  shift 3
  local expected="$GOLDEN/$name.$suffix" got="$WORK/$name.$suffix"
  if ! (cd "$GOLDEN" && "$WISP" "$@" "$(basename "$input")") >"$got" 2>"$WORK/err"; then
    bad "golden $name.$suffix: wisp $* exited non-zero" "$(cat "$WORK/err")"
    return
  fi
  if [ "${suffix##*.}" = json ] && ! is_json "$got"; then
    bad "golden $name.$suffix: not valid JSON" "$(head -c 300 "$got")"
    return
  fi
  if [ -n "${WISP_UPDATE_GOLDEN:-}" ]; then
    cp "$got" "$expected"
    ok
  elif [ ! -f "$expected" ]; then
    bad "golden $name.$suffix: missing $expected (run with WISP_UPDATE_GOLDEN=1)"
  elif diff -u "$expected" "$got" >"$WORK/diff"; then
    ok
  else
    bad "golden $name.$suffix differs" "$(cat "$WORK/diff")"
  fi
}

for input in "$GOLDEN"/*.wat "$GOLDEN"/*.wasm; do
  [ -f "$input" ] || continue
  base=$(basename "$input")
  name=${base%.*}
  # Inputs are NAME.wat / NAME.wasm; NAME.print.wat and the like are expected outputs.
  case "$name" in *.*) continue ;; esac
  # names.wat is the source of names.wasm: test the binary (it has the name section).
  if [ "${base##*.}" = wat ] && [ -f "$GOLDEN/$name.wasm" ]; then continue; fi
  golden "$name" "$input" inspect.txt inspect
  golden "$name" "$input" inspect.json inspect --json
  golden "$name" "$input" print.wat print
  golden "$name" "$input" folded.wat print --folded
  golden "$name" "$input" print.json print --json --no-names
  golden "$name" "$input" size.txt size
  golden "$name" "$input" size.json size --json -n 5
  golden "$name" "$input" validate.json validate --json
  golden "$name" "$input" ir.txt inspect --ir 1
done

# strip --json and --keep on the named module; the output keeps exactly the kept custom sections.
if "$WISP" strip "$GOLDEN/names.wasm" -o "$WORK/stripped.wasm" --json >"$WORK/strip.json" &&
   is_json "$WORK/strip.json" && grep -q '"removed":\["name"\]' "$WORK/strip.json" &&
   "$WISP" validate "$WORK/stripped.wasm" &&
   ! "$WISP" inspect "$WORK/stripped.wasm" | grep -q '"name"'; then
  ok
else
  bad "strip --json on names.wasm" "$(cat "$WORK/strip.json")"
fi
if "$WISP" strip "$GOLDEN/names.wasm" -o "$WORK/kept.wasm" --keep name &&
   cmp -s "$GOLDEN/names.wasm" "$WORK/kept.wasm"; then
  ok
else
  bad "strip --keep name must leave names.wasm unchanged"
fi

# --- 3: truncated, garbage, empty and missing inputs ------------------------------------------------------
head -c 40 "$GOLDEN/names.wasm" >"$WORK/truncated.wasm"
head -c 3 "$GOLDEN/names.wasm" >"$WORK/short.wasm"
: >"$WORK/empty.wasm"
printf 'this is not wasm \001\002\003' >"$WORK/garbage.wat"
head -c 64 /dev/urandom >"$WORK/random.bin"
printf '\000asm\001\000\000\000\001\377\377\377\377\017' >"$WORK/bad-length.wasm"
for input in truncated.wasm short.wasm empty.wasm garbage.wat random.bin bad-length.wasm missing.wasm; do
  for cmd in inspect print size strip validate "inspect --json" "size --json"; do
    extra=()
    [ "$cmd" = strip ] && extra=(-o "$WORK/out.wasm")
    # shellcheck disable=SC2086
    "$WISP" $cmd "$WORK/$input" "${extra[@]}" >"$WORK/out" 2>"$WORK/err"
    rc=$?
    if [ "$cmd" = validate ]; then msg="$WORK/out"; else msg="$WORK/err"; fi
    lines=$(wc -l <"$msg")
    if [ $rc = 1 ] && [ "$lines" = 1 ] && { [ "$cmd" = validate ] || [ ! -s "$WORK/out" ]; }; then
      ok
    else
      bad "wisp $cmd $input: want exit 1 and one error line, got exit $rc, $lines lines" "$(cat "$WORK/out" "$WORK/err")"
    fi
  done
done

# --- 4: a C program with debug info: size and strip vs wasm-strip -----------------------------------------
if ! command -v "$CC" >/dev/null 2>&1 || ! command -v wasm-strip >/dev/null 2>&1; then
  bad "need $CC (wasm32-wasi) and wabt's wasm-strip for the strip comparison"
elif ! "$CC" --target=wasm32-wasi -g -O1 "$ROOT/tests/wasi/files.c" -o "$WORK/debug.wasm" 2>"$WORK/cc.log"; then
  bad "compiling tests/wasi/files.c with -g" "$(cat "$WORK/cc.log")"
else
  "$WISP" size --json "$WORK/debug.wasm" >"$WORK/size.json"
  "$WISP" size -n 10 "$WORK/debug.wasm" >"$WORK/size.txt"
  # Debug sections dominate: the largest item is a .debug_* custom section and they take over half.
  top=$(sed -n 2p "$WORK/size.txt")
  debug_share=$(awk '/custom ".debug_/ { s += $2 } END { printf "%d", s }' <("$WISP" size "$WORK/debug.wasm"))
  if echo "$top" | grep -q 'custom ".debug_' && [ "$debug_share" -ge 50 ] && is_json "$WORK/size.json"; then
    ok
  else
    bad "wisp size on a -g build: debug sections should dominate (top: $top, share $debug_share%)" "$(cat "$WORK/size.txt")"
  fi
  cp "$WORK/debug.wasm" "$WORK/wabt.wasm"
  wasm-strip "$WORK/wabt.wasm"
  "$WISP" strip "$WORK/debug.wasm" -o "$WORK/wisp.wasm"
  before=$(stat -c %s "$WORK/debug.wasm")
  wabt_size=$(stat -c %s "$WORK/wabt.wasm")
  wisp_size=$(stat -c %s "$WORK/wisp.wasm")
  echo "strip: $before bytes with -g; wasm-strip: $wabt_size; wisp strip: $wisp_size"
  if [ "$wisp_size" = "$wabt_size" ] && cmp -s "$WORK/wabt.wasm" "$WORK/wisp.wasm" && "$WISP" validate "$WORK/wisp.wasm"; then
    ok
  else
    bad "wisp strip ($wisp_size bytes) should equal wasm-strip ($wabt_size bytes) and validate"
  fi
fi

# --- 5: print round trip of the WASI programs --------------------------------------------------------------
if command -v "$CC" >/dev/null 2>&1; then
  # (and the typed function references golden, whose types, tables and instructions are 3.0 text)
  for src in "$ROOT"/tests/wasi/*.c "$ROOT"/tests/wasi/*.wat "$GOLDEN"/typed_refs.wat; do
    name=$(basename "$src")
    if [ "${src##*.}" = c ]; then
      "$CC" --target=wasm32-wasi -O2 "$src" -o "$WORK/rt.wasm" 2>/dev/null || { bad "compile $name"; continue; }
      input="$WORK/rt.wasm"
    else
      input="$src"
    fi
    for mode in "" --folded; do
      # shellcheck disable=SC2086
      if "$WISP" print --no-names $mode "$input" >"$WORK/a.wat" 2>"$WORK/err" &&
         "$WISP" print --no-names $mode "$WORK/a.wat" >"$WORK/b.wat" 2>>"$WORK/err" &&
         "$WISP" print $mode "$input" >"$WORK/named.wat" 2>>"$WORK/err" &&
         "$WISP" validate "$WORK/named.wat" >>"$WORK/err" 2>&1 &&
         cmp -s "$WORK/a.wat" "$WORK/b.wat"; then
        ok
      else
        bad "print round trip of $name ${mode:-flat}" "$(cat "$WORK/err"; diff "$WORK/a.wat" "$WORK/b.wat" | head)"
      fi
    done
  done
fi

echo "tools tests: $pass passed, $fail failed"
for f in "${failed[@]}"; do echo "  $f"; done
[ "$fail" = 0 ]
