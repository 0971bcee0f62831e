#!/usr/bin/env bash
# C++ exceptions on a real program (issue 14): cxx_exceptions.cc is built natively (the system's C++
# runtime) and for wasm32-wasi with clang++-19 -fwasm-exceptions (the legacy try/catch encoding clang
# emits by default, linked with the small runtime cxx_eh_runtime.cc). The native transcript must equal
# cxx_exceptions.expected, and the wasm build must print exactly the same and exit the same way.
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
WISP_FEATURES=(-W exceptions=y,legacy-exceptions=y)
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
if ! "$CXX" "${FLAGS[@]}" "$HERE/cxx_exceptions.cc" -o "$WORK/native" 2>"$WORK/native.log"; then
  echo "FAIL: cannot compile cxx_exceptions.cc natively:"; cat "$WORK/native.log"; exit 1
fi
if ! "$CXX" --target=wasm32-wasi -fwasm-exceptions -nostdlib++ "${FLAGS[@]}" "$HERE/cxx_exceptions.cc" \
     "$HERE/cxx_eh_runtime.cc" -o "$WORK/eh.wasm" 2>"$WORK/wasm.log"; then
  echo "FAIL: cannot compile cxx_exceptions.cc for wasm32-wasi:"; cat "$WORK/wasm.log"; exit 1
fi

exnref=""
if [ -n "${WASM_OPT:-}" ]; then
  # shellcheck disable=SC2086  # WASM_OPT may be a command with arguments
  if ! $WASM_OPT --enable-exception-handling --enable-bulk-memory --enable-mutable-globals --enable-sign-ext \
       --translate-to-exnref "$WORK/eh.wasm" -o "$WORK/eh-exnref.wasm" 2>"$WORK/wasm-opt.log"; then
    echo "FAIL: $WASM_OPT --translate-to-exnref:"; cat "$WORK/wasm-opt.log"; exit 1
  fi
  exnref="$WORK/eh-exnref.wasm"
fi

fails=0
"$WORK/native" >"$WORK/native.out"
native_rc=$?
if [ "$native_rc" != 0 ] || ! cmp -s "$WORK/native.out" "$HERE/cxx_exceptions.expected"; then
  echo "FAIL: the native build (exit $native_rc) differs from cxx_exceptions.expected:"
  diff "$WORK/native.out" "$HERE/cxx_exceptions.expected" | head -20
  fails=$((fails + 1))
fi

# check NAME COMMAND...: runs the wasm build, compares stdout and exit code with the native run.
check() {
  local name=$1
  shift
  timeout 300 "$@" >"$WORK/$name.out" 2>"$WORK/$name.err"
  local rc=$?
  if [ "$rc" = "$native_rc" ] && cmp -s "$WORK/$name.out" "$WORK/native.out"; then
    echo "ok: $name ($(wc -l <"$WORK/$name.out") lines, same as native)"
  else
    echo "FAIL: $name: exit $rc (native $native_rc); stdout diff (got vs native):"
    diff "$WORK/$name.out" "$WORK/native.out" | head -20
    echo "---- stderr:"; head -20 "$WORK/$name.err"
    fails=$((fails + 1))
  fi
}

if [ "$MODE" = "--node" ]; then
  check node "$NODE" --no-warnings "$HERE/../wasi/node-run.mjs" "$WORK/eh.wasm"
  [ -z "$exnref" ] || check node-exnref "$NODE" --no-warnings "$HERE/../wasi/node-run.mjs" "$exnref"
else
  # The default dispatch (tail-call where the build has it) and loop dispatch: unwinding must work in both.
  check wisp "$WISP" run "${WISP_FEATURES[@]}" "$WORK/eh.wasm"
  check wisp-loop "$WISP" run --dispatch=loop "${WISP_FEATURES[@]}" "$WORK/eh.wasm"
  if [ -n "$exnref" ]; then
    check wisp-exnref "$WISP" run -W exceptions=y "$exnref"
    check wisp-exnref-loop "$WISP" run --dispatch=loop -W exceptions=y "$exnref"
  fi
fi
[ "$fails" -eq 0 ] || exit 1
exit 0
