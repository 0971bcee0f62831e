#!/usr/bin/env bash
# Tests examples/plugin-host: one-shot calls (stdout, stderr, exit status) and a command session compared
# with plugin-host.session.expected. Every failing plugin (trap, endless loop, memory hog, endless
# recursion) must fail its own call only: the host reports it and keeps serving.
#
#   run-plugin-host-tests.sh PLUGIN_HOST PLUGIN_DIR
set -u
HOST=$(realpath "$1")
PLUGINS=$(realpath "$2")
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/wisp-plugin-host.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
fail=0

check() {  # check NAME EXPECTED ACTUAL
  if [ "$2" != "$3" ]; then
    echo "FAIL: $1"
    echo "  expected: $(printf '%q' "$2")"
    echo "  actual:   $(printf '%q' "$3")"
    fail=1
  else
    echo "ok: $1"
  fi
}

# One-shot mode: stdin is the input, stdout the plugin's, exit status the plugin's.
check "upcase stdin" "HELLO, PLUGINS" "$(printf 'hello, plugins' | "$HOST" "$PLUGINS" call upcase 2>/dev/null)"
check "upcase args" "SHOUT THIS" "$("$HOST" "$PLUGINS" call upcase shout this </dev/null 2>/dev/null)"
check "wordcount" "2 5 24" "$(printf 'one two three\nfour five\n' | "$HOST" "$PLUGINS" call wordcount 2>/dev/null)"
check "wordcount -w" "5" "$(printf 'one two three\nfour five\n' | "$HOST" "$PLUGINS" call wordcount -w 2>/dev/null)"
"$HOST" "$PLUGINS" call wordcount --bogus </dev/null >"$WORK/out" 2>"$WORK/err"
check "wordcount bad option: exit status" "2" "$?"
check "wordcount bad option: stderr" "wordcount: unknown option --bogus" "$(grep -v '^plugin-host: skipped' "$WORK/err")"
check "list" "loop oom recurse trap upcase wordcount" "$("$HOST" "$PLUGINS" list 2>/dev/null | tr '\n' ' ' | sed 's/ $//')"
"$HOST" "$PLUGINS" list >/dev/null 2>"$WORK/err"
check "broken module skipped" "1" "$(grep -c 'skipped .*broken.wasm' "$WORK/err")"

expect_failure() {  # expect_failure NAME MESSAGE-PATTERN HOST-ARGS...
  local name=$1 pattern=$2
  shift 2
  timeout 60 "$HOST" "$@" </dev/null >"$WORK/out" 2>"$WORK/err"
  local rc=$?
  if [ $rc -ne 70 ] || ! grep -q -- "$pattern" "$WORK/err"; then
    echo "FAIL: $name (exit $rc, want 70 and \"$pattern\" on stderr)"
    sed 's/^/  | /' "$WORK/err"
    fail=1
  else
    echo "ok: $name"
  fi
}
expect_failure "trap: unreachable" "trap: unreachable" "$PLUGINS" call trap
expect_failure "trap: divide by zero" "integer divide by zero" "$PLUGINS" call trap div
expect_failure "trap: out of bounds (guard pages)" "out of bounds memory access" "$PLUGINS" call trap oob
expect_failure "trap: out of bounds (explicit checks)" "out of bounds memory access" --explicit-bounds-checks "$PLUGINS" call trap oob
expect_failure "endless loop: fuel" "all fuel consumed" --fuel 5000000 "$PLUGINS" call loop
expect_failure "endless loop: timeout" "timed out after 200 ms" --timeout 200 "$PLUGINS" call loop
expect_failure "endless recursion" "call stack exhausted" "$PLUGINS" call recurse
"$HOST" --max-memory 8 "$PLUGINS" call oom </dev/null >"$WORK/out" 2>"$WORK/err"
check "memory hog: exit status" "3" "$?"
check "memory hog: stays under the limit" "1" "$(grep -cE '^out of memory after [1-7] MiB$' "$WORK/out")"

# The command session: every failure is reported and the host keeps serving the next command.
printf 'one two three\nfour five\n' >"$WORK/input.txt"
sed "s|@INPUT@|$WORK/input.txt|g" "$HERE/plugin-host.session" >"$WORK/session"
(cd "$WORK" && timeout 120 "$HOST" --fuel 50000000 --max-memory 8 "$PLUGINS" <"$WORK/session" >"$WORK/transcript" 2>&1)
check "session exit status" "0" "$?"
# Backtrace frames are left out: their names belong to the guest's libc and the engine's tests.
sed "s|$WORK/input.txt|input.txt|g; s|$PLUGINS|PLUGINS|g; /^    at /d; /^    \.\.\. /d" "$WORK/transcript" \
  >"$WORK/transcript.clean"
if ! diff -u "$HERE/plugin-host.session.expected" "$WORK/transcript.clean"; then
  echo "FAIL: session transcript"
  fail=1
else
  echo "ok: session transcript"
fi
exit $fail
