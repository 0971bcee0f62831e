#!/usr/bin/env bash
# The README's embedding examples: each fenced block after a `<!-- examples/embed/FILE -->` marker must
# equal that file (so the README shows code that builds), and the built programs must work.
#
#   run-readme-examples.sh SOURCE_DIR HELLO_CPP [HELLO_C] PLUGIN_DIR
set -u
ROOT=$1
CPP=$2
if [ $# -ge 4 ]; then C=$3; PLUGINS=$4; else C=""; PLUGINS=$3; fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/wisp-readme.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
fail=0

for f in hello.cc hello.c; do
  awk -v marker="<!-- examples/embed/$f -->" '
    $0 == marker { found = 1; next }
    found == 1 && /^```/ { if (inside) exit; inside = 1; next }
    inside { print }' "$ROOT/README.md" >"$WORK/$f"
  if ! diff -u "$ROOT/examples/embed/$f" "$WORK/$f"; then
    echo "FAIL: the README's copy of examples/embed/$f differs (or is missing)"
    fail=1
  else
    echo "ok: README shows examples/embed/$f"
  fi
done

out=$("$CPP" "$PLUGINS/upcase.wasm" 2>&1)
if [ "$out" != "plugin wrote: HELLO FROM THE HOST" ]; then
  echo "FAIL: hello.cc printed: $out"; fail=1
else
  echo "ok: hello.cc"
fi
if [ -n "$C" ]; then
  out=$("$C" 2>&1)
  if [ "$out" != "run(20) = 41" ]; then
    echo "FAIL: hello.c printed: $out"; fail=1
  else
    echo "ok: hello.c"
  fi
fi
exit $fail
