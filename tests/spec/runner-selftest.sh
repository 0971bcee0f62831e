#!/bin/sh
# Checks that `wisp wast -v` fails exactly the commands of runner-selftest.wast marked "expect-fail".
#   runner-selftest.sh WISP_BINARY
set -u
wisp=$1
dir=$(dirname "$0")
script="$dir/runner-selftest.wast"
want=$(grep -n 'expect-fail' "$script" | grep -v '^[0-9]*: *;;' | cut -d: -f1 | tr '\n' ' ')
out=$("$wisp" wast -v "$script")
status=$?
got=$(printf '%s\n' "$out" | grep -v ': note: ' | sed -n 's/^[^:]*runner-selftest\.wast:\([0-9][0-9]*\): .*/\1/p' |
  sort -n -u | tr '\n' ' ')
nwant=$(echo $want | wc -w)
summary=$(printf '%s\n' "$out" | tail -n 1)
ok=1
[ "$want" = "$got" ] || { echo "failing lines differ:"; echo "  expected: $want"; echo "  got:      $got"; ok=0; }
case "$summary" in
  *" passed, $nwant failed") ;;
  *) echo "summary '$summary' does not report $nwant failures"; ok=0 ;;
esac
[ "$status" = 1 ] || { echo "exit status $status, expected 1"; ok=0; }
if [ "$ok" = 1 ]; then
  echo "runner self-test: $nwant expected failures found, $summary"
  exit 0
fi
printf '%s\n' "$out"
exit 1
