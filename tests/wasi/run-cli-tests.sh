#!/usr/bin/env bash
# `wisp run` with WASI, wasmtime's conventions: options before FILE, guest arguments after it, --dir,
# --env NAME=VALUE / NAME, --inherit-env, --argv0, exit codes, traps (134 with a backtrace), reactors
# with --invoke, --trap-unknown-imports, and clear errors for bad input.
#   run-cli-tests.sh WISP_BINARY
set -u
WISP=$(realpath "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
CC=${WASI_CC:-clang-19}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/wisp-wasi-cli.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
fails=0
checks=0

check() {  # check DESCRIPTION CONDITION...
  local what=$1; shift
  checks=$((checks + 1))
  if "$@"; then echo "ok: $what"; else echo "FAIL: $what"; fails=$((fails + 1)); fi
}
contains() { grep -qF -- "$2" "$1"; }

if ! "$CC" --target=wasm32-wasi -O2 "$HERE/cli/env_args.c" -o "$WORK/env_args.wasm"; then
  echo "FAIL: cannot compile for wasm32-wasi with $CC" >&2
  exit 1
fi
"$CC" --target=wasm32-wasi -O2 "$HERE/trap.c" -o "$WORK/trap.wasm" || exit 1
mkdir -p "$WORK/data"
echo hi >"$WORK/data/file.txt"

# Options, argv0, env (set, inherited one by one, inherited wholesale), guest args after FILE.
WISP_INHERITED=from-host WISP_OTHER=other "$WISP" run --dir "$WORK/data::/data" --env WISP_ONE=1 \
  --env WISP_INHERITED --argv0 myprog "$WORK/env_args.wasm" a --dir b >"$WORK/o1" 2>&1
rc=$?
check "exit 0" test $rc = 0
check "argv0 from --argv0" contains "$WORK/o1" "argv[0]=myprog"
check "guest args after FILE, options included" contains "$WORK/o1" "argv[2]=--dir"
check "--env NAME=VALUE" contains "$WORK/o1" "WISP_ONE=1"
check "--env NAME inherits one" contains "$WORK/o1" "WISP_INHERITED=from-host"
check "other host variables stay hidden" contains "$WORK/o1" "WISP_OTHER=(unset)"
check "--dir HOST::GUEST preopens" contains "$WORK/o1" "open /data/file.txt: ok"
WISP_OTHER=other "$WISP" run --inherit-env "$WORK/env_args.wasm" >"$WORK/o2" 2>&1
check "--inherit-env" contains "$WORK/o2" "WISP_OTHER=other"
check "argv0 defaults to FILE" contains "$WORK/o2" "argv[0]=$WORK/env_args.wasm"
check "nothing reachable without --dir" contains "$WORK/o2" "open /data/file.txt: failed"
(cd "$WORK" && "$WISP" run --dir data::/data env_args.wasm >"$WORK/o3" 2>&1)
check "relative --dir" contains "$WORK/o3" "open /data/file.txt: ok"

# Traps: message + backtrace with function names on stderr, exit 134.
"$WISP" run "$WORK/trap.wasm" >"$WORK/t.out" 2>"$WORK/t.err"
rc=$?
check "trap exits 134" test $rc = 134
check "trap message" contains "$WORK/t.err" "unreachable"
check "backtrace names the function" contains "$WORK/t.err" "crash"
check "stdout before the trap kept" contains "$WORK/t.out" "before the trap"

# Reactors: --invoke runs _initialize first.
out=$("$WISP" run --invoke get "$HERE/cli/reactor.wat" 2>&1)
check "reactor _initialize before --invoke" test "$out" = 42

# Imports: unknown WASI function, --trap-unknown-imports.
"$WISP" run "$HERE/cli/unknown_wasi.wat" >"$WORK/u.out" 2>&1
rc=$?
check "unknown WASI import fails" test $rc != 0
check "unknown WASI import is named" contains "$WORK/u.out" "no_such_function"
"$WISP" run "$HERE/cli/optional_import.wat" >"$WORK/i1" 2>&1
check "undefined import fails to link without the flag" test $? != 0
"$WISP" run --trap-unknown-imports "$HERE/cli/optional_import.wat" >"$WORK/i2" 2>&1
check "--trap-unknown-imports: starts when the import is unused" test $? = 0
"$WISP" run --trap-unknown-imports "$HERE/cli/optional_import.wat" use-it >"$WORK/i3" 2>&1
check "--trap-unknown-imports: calling it traps (134)" test $? = 134

# Bad --dir / --env.
"$WISP" run --dir "$WORK/no/such/dir" "$WORK/env_args.wasm" >"$WORK/d1" 2>&1
rc=$?
check "missing --dir directory fails" test $rc != 0
check "missing --dir is named" contains "$WORK/d1" "$WORK/no/such/dir"
"$WISP" run --dir "::/x" "$WORK/env_args.wasm" >"$WORK/d2" 2>&1
check "malformed --dir is a usage error (2)" test $? = 2
"$WISP" run --env "=x" "$WORK/env_args.wasm" >"$WORK/d3" 2>&1
check "malformed --env is a usage error (2)" test $? = 2
"$WISP" run "$WORK/env_args.wasm" --dir >"$WORK/d4" 2>&1
check "options after FILE are the guest's" test $? = 0

echo "wasi cli: $((checks - fails)) of $checks checks passed"
[ $fails = 0 ]
