#!/bin/sh
# Checks that `wisp wast -v` fails exactly the commands marked "expect-fail" of each self-test script:
# runner-selftest.wast, and runner-selftest-lexical.wast (a script with lexical errors, which the parser
# must confine to their commands).
#   runner-selftest.sh WISP_BINARY
set -u
wisp=$1
dir=$(dirname "$0")
all_ok=1
for name in runner-selftest runner-selftest-lexical; do
  script="$dir/$name.wast"
  want=$(grep -n 'expect-fail' "$script" | grep -v '^[0-9]*: *;;' | cut -d: -f1 | tr '\n' ' ')
  out=$("$wisp" wast -v "$script")
  status=$?
  got=$(printf '%s\n' "$out" | grep -v ': note: ' | sed -n "s/^[^:]*$name\\.wast:\\([0-9][0-9]*\\): .*/\\1/p" |
    sort -n -u | tr '\n' ' ')
  nwant=$(echo $want | wc -w)
  summary=$(printf '%s\n' "$out" | tail -n 1)
  ok=1
  [ "$want" = "$got" ] || { echo "$name: failing lines differ:"; echo "  expected: $want"; echo "  got:      $got"; ok=0; }
  case "$summary" in
    *" passed, $nwant failed") ;;
    *) echo "$name: summary '$summary' does not report $nwant failures"; ok=0 ;;
  esac
  [ "$status" = 1 ] || { echo "$name: exit status $status, expected 1"; ok=0; }
  if [ "$ok" = 1 ]; then
    echo "runner self-test $name: $nwant expected failures found, $summary"
  else
    printf '%s\n' "$out"
    all_ok=0
  fi
done
[ "$all_ok" = 1 ]
