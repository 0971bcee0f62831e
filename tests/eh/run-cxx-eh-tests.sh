#!/usr/bin/env bash
# C++ exceptions on real programs (issue 14): cxx_exceptions.cc and cxx_uncaught.cc are built natively
# (the system's C++ runtime) and for wasm32-wasi with clang++-19 -fwasm-exceptions (the legacy try/catch
# encoding clang emits by default, linked with the small runtime cxx_eh_runtime.cc). Each native stdout
# must equal NAME.expected, and the wasm build must print exactly the same and exit the same way (0, or
# 134 for the uncaught exception: abort natively, "like a trap" in a Wasm runtime).
#
#   run-cxx-eh-tests.sh WISP_BINARY           under `wisp run`, in the default and the loop dispatch
#   run-cxx-eh-tests.sh WISP_BINARY --node    under Node's node:wasi instead (NODE=... picks the binary;
#                                             exit 77, skipped, without node)
#
# A missing wasm toolchain is a failure, not a skip (as in tests/wasi). When WASM_OPT names Binaryen's
# wasm-opt (version 119 or later; a command, e.g. WASM_OPT="node .../binaryen/bin/wasm-opt"), the wasm
# build is also translated to the new encoding (try_table, throw_ref, exnref: --translate-to-exnref) and
# that module must print the same too.
set -u
WISP=$(realpath "$1")
MODE=${2:-}
HERE=$(cd "$(dirname "$0")" && pwd)
CXX=${WASI_CXX:-clang++-19}
NODE=${NODE:-node}
# Exceptions are post-2.0 features; name them so the test does not depend on their defaults.
WISP_FEATURES=(-W exceptions=y -W legacy-exceptions=y)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/wisp-eh-tests.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

if [ "$MODE" = "--node" ] && ! command -v "$NODE" >/dev/null 2>&1; then
  echo "node not installed: skipping the node:wasi run"
  exit 77
fi
if ! command -v "$CXX" >/dev/null 2>&1; then
  echo "FAIL: $CXX not found; install clang-19, lld-19, wasi-libc and libclang-rt-19-dev-wasm32" >&2
  exit 1
fi

FLAGS=(-std=c++17 -O2 -Wall -Wextra -Werror)
fails=0
# run_program NAME: builds NAME.cc both ways, checks the native run against NAME.expected, then the wasm
# build (and its exnref translation, with WASM_OPT) under wisp or node against the native run.
run_program() {
  local prog=$1
  local src="$HERE/$prog.cc" native="$WORK/$prog.native" wasm="$WORK/$prog.wasm"
  if ! "$CXX" "${FLAGS[@]}" "$src" -o "$native" 2>"$WORK/native.log"; then
    echo "FAIL: cannot compile $prog.cc natively:"; cat "$WORK/native.log"; fails=$((fails + 1)); return
  fi
  if ! "$CXX" --target=wasm32-wasi -fwasm-exceptions -nostdlib++ "${FLAGS[@]}" "$src" \
       "$HERE/cxx_eh_runtime.cc" -o "$wasm" 2>"$WORK/wasm.log"; then
    echo "FAIL: cannot compile $prog.cc for wasm32-wasi:"; cat "$WORK/wasm.log"; fails=$((fails + 1))
    return
  fi
  local exnref=""
  if [ -n "${WASM_OPT:-}" ]; then
    # shellcheck disable=SC2086  # WASM_OPT may be a command with arguments
    if ! $WASM_OPT --enable-exception-handling --enable-bulk-memory --enable-mutable-globals \
         --enable-sign-ext --translate-to-exnref "$wasm" -o "$WORK/$prog.exnref.wasm" 2>"$WORK/opt.log"; then
      echo "FAIL: $WASM_OPT --translate-to-exnref $prog:"; cat "$WORK/opt.log"; fails=$((fails + 1))
      return
    fi
    exnref="$WORK/$prog.exnref.wasm"
  fi

  # (in braces with stderr redirected: bash reports an abort of the uncaught test on its own stderr)
  { (cd "$WORK" && "$native" >"$WORK/$prog.native.out" 2>"$WORK/$prog.native.err"); } 2>/dev/null
  native_rc=$?
  if ! cmp -s "$WORK/$prog.native.out" "$HERE/$prog.expected"; then
    echo "FAIL: the native build of $prog (exit $native_rc) differs from $prog.expected:"
    diff "$WORK/$prog.native.out" "$HERE/$prog.expected" | head -20
    fails=$((fails + 1))
  fi
  if [ "$MODE" = "--node" ]; then
    check "$prog" node "$NODE" --no-warnings "$HERE/../wasi/node-run.mjs" "$wasm"
    [ -z "$exnref" ] || check "$prog" node-exnref "$NODE" --no-warnings "$HERE/../wasi/node-run.mjs" "$exnref"
  else
    # The default dispatch (tail-call where the build has it) and loop dispatch: unwinding must work in both.
    check "$prog" wisp "$WISP" run "${WISP_FEATURES[@]}" "$wasm"
    check "$prog" wisp-loop "$WISP" run --dispatch=loop "${WISP_FEATURES[@]}" "$wasm"
    if [ -n "$exnref" ]; then
      check "$prog" wisp-exnref "$WISP" run -W exceptions=y "$exnref"
      check "$prog" wisp-exnref-loop "$WISP" run --dispatch=loop -W exceptions=y "$exnref"
    fi
  fi
}

# check PROG NAME COMMAND...: runs a wasm build, compares stdout and exit code with the native run.
check() {
  local prog=$1 name=$2
  shift 2
  local out="$WORK/$prog.$name"
  (cd "$WORK" && timeout 300 "$@" >"$out.out" 2>"$out.err")
  local rc=$?
  if [ "$rc" = "$native_rc" ] && cmp -s "$out.out" "$WORK/$prog.native.out"; then
    echo "ok: $prog under $name (exit $rc, $(wc -l <"$out.out") lines, as native)"
  else
    echo "FAIL: $prog under $name: exit $rc (native $native_rc); stdout diff (got vs native):"
    diff "$out.out" "$WORK/$prog.native.out" | head -20
    echo "---- stderr:"; head -20 "$out.err"
    fails=$((fails + 1))
  fi
}

run_program cxx_exceptions
run_program cxx_uncaught
[ "$fails" -eq 0 ] || exit 1
exit 0
