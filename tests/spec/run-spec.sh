#!/bin/sh
# Runs the Wasm spec scripts through `wisp wast` and compares per-file failure counts with a checked-in
# list, so that both new failures and fixed-but-still-listed failures (a stale list) fail the test.
#
#   run-spec.sh [--update] [-v] WISP_BINARY SUITE_DIR EXPECTED_FAILURES
#
# EXPECTED_FAILURES has one line per file that is allowed to fail: `file.wast N  # reason`, where N is the
# number of failed assertions or `crash` (wisp died or printed no summary). `--update` rewrites the list
# from this run, keeping the reasons of files already listed. `-v` shows the failing assertions of files
# whose count differs from the list.
set -u

update=0
verbose=0
while [ $# -gt 0 ]; do
  case "$1" in
    --update) update=1; shift ;;
    -v) verbose=1; shift ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    --) shift; break ;;
    -*) echo "run-spec.sh: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
if [ $# -ne 3 ]; then
  echo "usage: run-spec.sh [--update] [-v] WISP_BINARY SUITE_DIR EXPECTED_FAILURES" >&2
  exit 2
fi
wisp=$1
suite=$2
expected=$3
[ -x "$wisp" ] || { echo "run-spec.sh: not executable: $wisp" >&2; exit 2; }
[ -d "$suite" ] || { echo "run-spec.sh: no suite directory: $suite" >&2; exit 2; }
[ -f "$expected" ] || [ "$update" = 1 ] || { echo "run-spec.sh: no list: $expected" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/wisp-spec.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

# A per-file time limit keeps a hanging file from hanging CI (when coreutils' timeout exists).
limit=""
command -v timeout >/dev/null 2>&1 && limit="timeout 300"

# Expected counts: "file count" pairs, comments and blank lines dropped.
: >"$tmp/expected"
if [ -f "$expected" ]; then
  sed -e 's/#.*//' "$expected" | awk 'NF >= 2 { print $1, $2 }' >"$tmp/expected"
fi

total_pass=0
total_fail=0
problems=0
: >"$tmp/actual"
for path in "$suite"/*.wast; do
  [ -e "$path" ] || continue
  file=$(basename "$path")
  $limit "$wisp" wast -v "$path" >"$tmp/out" 2>&1
  status=$?
  summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$tmp/out" | tail -n 1)
  if [ -z "$summary" ] || [ "$status" -gt 1 ]; then
    count=crash
    total_fail=$((total_fail + 1))
  else
    pass=$(echo "$summary" | awk '{ print $1 }')
    count=$(echo "$summary" | awk '{ print $3 }')
    total_pass=$((total_pass + pass))
    total_fail=$((total_fail + count))
  fi
  echo "$file $count" >>"$tmp/actual"
  want=$(awk -v f="$file" '$1 == f { print $2; exit }' "$tmp/expected")
  [ -n "$want" ] || want=0
  if [ "$count" != "$want" ]; then
    problems=$((problems + 1))
    shown="$count failed"
    [ "$count" = crash ] && shown="crashed (status $status, no summary line)"
    if [ "$want" = 0 ]; then
      echo "FAIL $file: $shown, not in the expected-failures list"
    elif [ "$count" = 0 ]; then
      echo "STALE $file: passes now, remove it from the expected-failures list"
    else
      echo "FAIL $file: $shown, the list expects $want"
    fi
    if [ "$verbose" = 1 ]; then
      grep -v -E '^([0-9]+ passed, [0-9]+ failed$|.*: [0-9]+ passed, [0-9]+ failed$)' "$tmp/out" |
        head -n 40 | sed 's/^/    /'
    fi
  fi
done

# Listed files that no longer exist in the suite also make the list stale.
while read -r file want; do
  if ! grep -q "^$file " "$tmp/actual"; then
    problems=$((problems + 1))
    echo "STALE $file: listed but not in $suite"
  fi
done <"$tmp/expected"

if [ "$update" = 1 ]; then
  {
    echo "# Spec scripts (all of 2.0, SIMD included) that are expected to fail, with the number of failed assertions."
    echo "# Format: file.wast N  # reason.  Regenerate with: tests/spec/run-spec.sh --update WISP SUITE THIS_FILE"
    while read -r file count; do
      [ "$count" = 0 ] && continue
      reason=""
      if [ -f "$expected" ]; then
        reason=$(awk -v f="$file" '$1 == f { i = index($0, "#"); if (i) print substr($0, i + 1); exit }' "$expected" |
          sed 's/^ *//')
      fi
      [ -n "$reason" ] || reason="TODO: triage"
      printf '%s %s  # %s\n' "$file" "$count" "$reason"
    done <"$tmp/actual"
  } >"$tmp/new"
  cp "$tmp/new" "$expected"
  echo "updated $expected"
  problems=0
fi

echo "$total_pass passed, $total_fail failed"
if [ "$problems" -gt 0 ]; then
  echo "$problems file(s) differ from $expected"
  exit 1
fi
exit 0
