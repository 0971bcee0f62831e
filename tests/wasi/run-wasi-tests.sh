#!/usr/bin/env bash
# Runs the WASI test programs under `wisp run` and checks stdout and exit code against NAME.expected and
# NAME.exit (default 0). Inputs per test, all optional: NAME.args (one argument per line), NAME.env
# (NAME=VALUE per line), NAME.stdin. Every test gets a fresh /sandbox preopen with a sibling directory
# "outside" holding a secret the sandbox test must not reach.
#
#   run-wasi-tests.sh WISP_BINARY [--node]
#
# C programs are compiled here with clang-19 --target=wasm32-wasi (a missing wasm toolchain is a failure,
# not a skip). With --node, each program also runs under Node's node:wasi (node-run.mjs) and the outputs
# are compared; node-divergences.txt lists the programs where Node is known to be wrong. Without node
# installed, --node exits 77 (skipped).
set -u
WISP=$(realpath "$1")
MODE=${2:-}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
CC=${WASI_CC:-clang-19}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/wisp-wasi-tests.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

if [ "$MODE" = "--node" ] && ! command -v node >/dev/null 2>&1; then
  echo "node not installed: skipping the node:wasi comparison"
  exit 77
fi
if ! command -v "$CC" >/dev/null 2>&1; then
  echo "FAIL: $CC not found; install clang-19, lld-19, wasi-libc and libclang-rt-19-dev-wasm32" >&2
  exit 1
fi

pass=0
fail=0
failed=()
node_same=0
node_diff=0
node_known=0

# Test cases: "name|source|expected-prefix[|stdin]" (expected-prefix + .expected/.exit/.args/.env/.stdin).
cases=()
for f in "$HERE"/*.c "$HERE"/*.wat; do
  n=$(basename "$f"); n=${n%.*}
  cases+=("$n|$f|$HERE/$n")
done
cases+=("lisp|$ROOT/examples/lisp/lisp.c|$ROOT/examples/lisp/session|$ROOT/examples/lisp/session.lisp")
cases+=("fizzbuzz|$ROOT/examples/fizzbuzz.wat|$HERE/fizzbuzz")

build() {  # build NAME SOURCE -> prints the module path to run
  local name=$1 src=$2
  case "$src" in
    *.c)
      if ! "$CC" --target=wasm32-wasi -O2 -Wall -Wextra -Werror "$src" -o "$WORK/$name.wasm" 2>"$WORK/$name.cc.log"; then
        echo "FAIL: cannot compile $src for wasm32-wasi:" >&2
        cat "$WORK/$name.cc.log" >&2
        return 1
      fi
      echo "$WORK/$name.wasm" ;;
    *) echo "$src" ;;
  esac
}

# For Node: WAT is converted with wabt, which does not know the legacy get_local/set_local names.
node_module() {
  local name=$1 mod=$2
  case "$mod" in
    *.wat)
      sed 's/get_local/local.get/g; s/set_local/local.set/g; s/tee_local/local.tee/g' "$mod" >"$WORK/$name.node.wat"
      wat2wasm "$WORK/$name.node.wat" -o "$WORK/$name.node.wasm" && echo "$WORK/$name.node.wasm" ;;
    *) echo "$mod" ;;
  esac
}

run_one() {  # run_one RUNNER OUT_PREFIX NAME MODULE EXP_PREFIX STDIN -> sets rc
  local runner=$1 out=$2 name=$3 mod=$4 exp=$5 in=$6
  local box="$WORK/$name.$runner"
  rm -rf "$box"; mkdir -p "$box/sandbox" "$box/outside"
  echo "top secret" >"$box/outside/secret"
  local opts=(--dir "$box/sandbox::/sandbox")
  if [ -f "$exp.env" ]; then
    while IFS= read -r l; do opts+=(--env "$l"); done <"$exp.env"
  fi
  local args=()
  [ -f "$exp.args" ] && mapfile -t args <"$exp.args"
  if [ "$runner" = wisp ]; then
    (cd "$box" && timeout 60 "$WISP" run "${opts[@]}" "$mod" "${args[@]}" <"$in" >"$out.out" 2>"$out.err")
  else
    (cd "$box" && timeout 60 node --no-warnings --single-threaded "$HERE/node-run.mjs" "${opts[@]}" "$mod" "${args[@]}" \
      <"$in" >"$out.out" 2>"$out.err")
  fi
  rc=$?
}

for c in "${cases[@]}"; do
  IFS='|' read -r name src exp in <<<"$c"
  if [ -z "$in" ]; then
    in=/dev/null
    [ -f "$exp.stdin" ] && in="$exp.stdin"
  fi
  if ! mod=$(build "$name" "$src"); then
    fail=$((fail + 1)); failed+=("$name (build)"); continue
  fi
  want_rc=0
  [ -f "$exp.exit" ] && want_rc=$(cat "$exp.exit")
  run_one wisp "$WORK/$name.wisp" "$name" "$mod" "$exp" "$in"
  wisp_rc=$rc
  if [ "$MODE" != "--node" ]; then
    if cmp -s "$WORK/$name.wisp.out" "$exp.expected" && [ "$wisp_rc" = "$want_rc" ]; then
      pass=$((pass + 1))
    else
      fail=$((fail + 1)); failed+=("$name")
      echo "---- $name: exit $wisp_rc (want $want_rc); stdout diff (got vs expected):"
      diff "$WORK/$name.wisp.out" "$exp.expected" | head -20
      echo "---- stderr:"; head -20 "$WORK/$name.wisp.err"
    fi
    continue
  fi
  nmod=$(node_module "$name" "$mod") || { fail=$((fail + 1)); failed+=("$name (wat2wasm)"); continue; }
  run_one node "$WORK/$name.node" "$name" "$nmod" "$exp" "$in"
  node_rc=$rc
  known=$(grep -E "^$name:" "$HERE/node-divergences.txt" 2>/dev/null || true)
  # Timing lines are not compared with Node: on a loaded machine Node's poll_oneoff (uvwasi) has returned
  # from nanosleep(20 ms) before 20 ms had passed on the monotonic clock (clocks: "slept at least 20ms:
  # no", seen twice in CI runs). wisp's own timing is checked against clocks.expected by wasi_programs.
  for who in wisp node; do
    grep -v '^slept at least ' "$WORK/$name.$who.out" >"$WORK/$name.$who.cmp" || true
  done
  if cmp -s "$WORK/$name.wisp.cmp" "$WORK/$name.node.cmp" && [ "$wisp_rc" = "$node_rc" ]; then
    node_same=$((node_same + 1))
    if [ -n "$known" ]; then
      fail=$((fail + 1)); failed+=("$name (listed in node-divergences.txt but now identical)")
    fi
  elif [ -n "$known" ]; then
    node_known=$((node_known + 1))
    echo "known divergence: $known"
  else
    node_diff=$((node_diff + 1)); fail=$((fail + 1)); failed+=("$name (differs from node)")
    echo "---- $name: wisp exit $wisp_rc, node exit $node_rc; stdout diff (wisp vs node):"
    diff "$WORK/$name.wisp.out" "$WORK/$name.node.out" | head -20
  fi
done

if [ "$MODE" = "--node" ]; then
  total=$((node_same + node_diff + node_known))
  echo "node:wasi comparison: $node_same of $total programs identical (stdout and exit code); $node_known known divergences; $node_diff unexpected"
else
  echo "wasi programs: $pass passed, $fail failed"
fi
if [ "$fail" -ne 0 ]; then
  printf 'FAILED: %s\n' "${failed[@]}"
  exit 1
fi
exit 0
