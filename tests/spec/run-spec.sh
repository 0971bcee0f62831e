#!/bin/sh
# Runs the Wasm spec scripts through `wisp wast` and compares per-file failure counts with a checked-in
# list, so that both new failures and fixed-but-still-listed failures (a stale list) fail the test.
#
#   run-spec.sh [options] WISP_BINARY SUITE_DIR EXPECTED_FAILURES
#
# Runs SUITE_DIR/*.wast, one `wisp wast` process per file. EXPECTED_FAILURES has one line per file that is
# allowed to fail: `file.wast N  # reason` (`dir/file.wast` for a --subdir file), where N is the number of
# failed assertions or `crash` (wisp died, timed out or printed no summary).
#
#   --update          rewrite the list from this run: comments, order and reasons stay, counts follow the
#                     run, passing files go, new failures are appended as "TODO: triage"
#   -v                show the failing assertions of files whose count differs from the list
#   --subdir DIR      also run SUITE_DIR/DIR/*.wast (repeatable)
#   --wast-args ARGS  extra arguments for `wisp wast`, split at blanks (e.g. --dispatch=loop)
#   --timeout SECS    per-file time limit, when coreutils' timeout exists (default 300)
set -u

update=0
verbose=0
subdirs=""
wast_args=""
seconds=300
while [ $# -gt 0 ]; do
  case "$1" in
    --update) update=1; shift ;;
    -v) verbose=1; shift ;;
    --subdir) [ $# -ge 2 ] || { echo "run-spec.sh: --subdir needs a value" >&2; exit 2; }
      subdirs="$subdirs $2"; shift 2 ;;
    --wast-args) [ $# -ge 2 ] || { echo "run-spec.sh: --wast-args needs a value" >&2; exit 2; }
      wast_args="$wast_args $2"; shift 2 ;;
    --timeout) [ $# -ge 2 ] || { echo "run-spec.sh: --timeout needs a value" >&2; exit 2; }
      seconds=$2; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    --) shift; break ;;
    -*) echo "run-spec.sh: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
if [ $# -ne 3 ]; then
  echo "usage: run-spec.sh [--update] [-v] [--subdir DIR]... [--wast-args ARGS] [--timeout SECS]" \
    "WISP_BINARY SUITE_DIR EXPECTED_FAILURES" >&2
  exit 2
fi
wisp=$1
suite=$2
expected=$3
[ -x "$wisp" ] || { echo "run-spec.sh: not executable: $wisp" >&2; exit 2; }
[ -d "$suite" ] || { echo "run-spec.sh: no suite directory: $suite" >&2; exit 2; }
[ -f "$expected" ] || [ "$update" = 1 ] || { echo "run-spec.sh: no list: $expected" >&2; exit 2; }
for dir in $subdirs; do
  [ -d "$suite/$dir" ] || { echo "run-spec.sh: no suite directory: $suite/$dir" >&2; exit 2; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/wisp-spec.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

# A per-file time limit keeps a hanging file from hanging CI (when coreutils' timeout exists).
limit=""
command -v timeout >/dev/null 2>&1 && limit="timeout $seconds"

# Expected counts: "file count" pairs, comments and blank lines dropped.
: >"$tmp/expected"
if [ -f "$expected" ]; then
  sed -e 's/#.*//' "$expected" | awk 'NF >= 2 { print $1, $2 }' >"$tmp/expected"
fi

total_pass=0
total_fail=0
problems=0
: >"$tmp/actual"
: >"$tmp/dirs"
for dir in . $subdirs; do
  dir_files=0
  dir_ok=0
  dir_pass=0
  dir_fail=0
  base="$suite"
  [ "$dir" = . ] || base="$suite/$dir"
  for path in "$base"/*.wast; do
    [ -e "$path" ] || continue
    file=$(basename "$path")
    [ "$dir" = . ] || file="$dir/$file"
    # $wast_args is split at blanks on purpose.
    # shellcheck disable=SC2086
    $limit "$wisp" wast -v $wast_args "$path" >"$tmp/out" 2>&1
    status=$?
    summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$tmp/out" | tail -n 1)
    dir_files=$((dir_files + 1))
    if [ -z "$summary" ] || [ "$status" -gt 1 ]; then
      count=crash
      dir_fail=$((dir_fail + 1))
    else
      pass=$(echo "$summary" | awk '{ print $1 }')
      count=$(echo "$summary" | awk '{ print $3 }')
      dir_pass=$((dir_pass + pass))
      dir_fail=$((dir_fail + count))
      [ "$count" = 0 ] && dir_ok=$((dir_ok + 1))
    fi
    echo "$file $count" >>"$tmp/actual"
    want=$(awk -v f="$file" '$1 == f { print $2; exit }' "$tmp/expected")
    [ -n "$want" ] || want=0
    if [ "$count" != "$want" ]; then
      problems=$((problems + 1))
      shown="$count failed"
      if [ "$count" = crash ]; then
        shown="crashed (status $status, no summary line)"
        [ -n "$limit" ] && [ "$status" = 124 ] && shown="timed out after $seconds s"
      fi
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
  label="$dir/"
  [ "$dir" = . ] && label="root"
  echo "$label: $dir_ok of $dir_files files pass fully; $dir_pass passed, $dir_fail failed" >>"$tmp/dirs"
  total_pass=$((total_pass + dir_pass))
  total_fail=$((total_fail + dir_fail))
done

# Listed files that no longer exist in the suite also make the list stale.
while read -r file want; do
  if ! grep -q "^$file " "$tmp/actual"; then
    problems=$((problems + 1))
    echo "STALE $file: listed but not in $suite"
  fi
done <"$tmp/expected"

if [ "$update" = 1 ]; then
  # The list's comments (its header, the grouping by feature) and each entry's reason survive; a new list
  # gets a header naming the command that regenerates it.
  [ -f "$expected" ] || {
    echo "# Spec scripts that are expected to fail, with the number of failed assertions."
    echo "# Format: file.wast N  # reason.  Regenerate with: tests/spec/run-spec.sh --update WISP SUITE THIS_FILE"
  } >"$tmp/old"
  [ -f "$expected" ] && cp "$expected" "$tmp/old"
  awk '
    FILENAME == ARGV[1] { count[$1] = $2; order[++n] = $1; next }
    /^[ \t]*(#|$)/ { print; next }
    {
      file = $1
      seen[file] = 1
      if (!(file in count) || count[file] == "0") next
      i = index($0, "#")
      reason = i ? substr($0, i + 1) : ""
      sub(/^ */, "", reason)
      if (reason == "") reason = "TODO: triage"
      printf "%s %s  # %s\n", file, count[file], reason
    }
    END {
      for (k = 1; k <= n; k++) {
        file = order[k]
        if (!(file in seen) && count[file] != "0") printf "%s %s  # TODO: triage\n", file, count[file]
      }
    }' "$tmp/actual" "$tmp/old" >"$tmp/new"
  cp "$tmp/new" "$expected"
  echo "updated $expected"
  problems=0
fi

cat "$tmp/dirs"
echo "$total_pass passed, $total_fail failed"
if [ "$problems" -gt 0 ]; then
  echo "$problems file(s) differ from $expected"
  exit 1
fi
exit 0
