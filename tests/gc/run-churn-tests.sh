#!/bin/sh
# GC churn (issue 16): tests/gc/churn.wat builds and drops linked lists of structs, reference cycles and
# byte arrays (6000 rounds of ~400 KB: 2.4 GB in total) and must finish with the right checksum in a
# peak RSS under 256 MiB, in both dispatch modes; under a small --max-gc-heap-size the same churn still
# runs (garbage never counts against the limit), while holding 1M live nodes (32 MB) traps cleanly.
#   run-churn-tests.sh WISP_BINARY CHURN_WAT [sanitized]
# Sanitizer builds run a tenth of the churn (240 MB) and bound RSS at 1 GiB: ASan's quarantine holds
# freed memory back and its shadow adds to every mapping, so the 256 MiB bound says nothing there.
set -u
W=${1:?usage: run-churn-tests.sh WISP_BINARY CHURN_WAT [sanitized]}
C=${2:?usage: run-churn-tests.sh WISP_BINARY CHURN_WAT [sanitized]}
ROUNDS=6000 SUM=300000456936 MAX_KB=262144
if [ "${3:-}" = sanitized ]; then
  ROUNDS=600 SUM=30000039108 MAX_KB=1048576
fi
fails=0
TIME=/usr/bin/time
[ -x "$TIME" ] || TIME=""
# check NAME WANT_RC WANT_TEXT MAX_RSS_KB ARGS...
check() {
  name=$1 want_rc=$2 want=$3 max_kb=$4
  shift 4
  if [ -n "$TIME" ]; then
    out=$("$TIME" -f 'peak-rss-kb %M' "$W" "$@" 2>&1)
  else
    out=$("$W" "$@" 2>&1)
  fi
  rc=$?
  if [ "$rc" != "$want_rc" ] || ! printf '%s' "$out" | grep -qF -- "$want"; then
    echo "FAIL $name: exit $rc (want $want_rc, text '$want'), output:"; printf '%s\n' "$out" | head -5
    fails=$((fails + 1))
    return
  fi
  kb=$(printf '%s\n' "$out" | sed -n 's/^peak-rss-kb \([0-9]*\)$/\1/p')
  if [ -n "$kb" ] && [ "$kb" -gt "$max_kb" ]; then
    echo "FAIL $name: peak RSS ${kb} KB > ${max_kb} KB"
    fails=$((fails + 1))
    return
  fi
  echo "ok $name (peak RSS ${kb:-?} KB)"
}

# Builds with tail-call dispatch run the churn in both modes; GCC and sanitizer builds have loop only.
if "$W" run --dispatch tailcall --invoke run "$C" 1 >/dev/null 2>&1; then
  check "churn tailcall ($ROUNDS rounds)" 0 $SUM $MAX_KB run --dispatch tailcall --invoke run "$C" $ROUNDS
fi
check "churn loop ($ROUNDS rounds)" 0 $SUM $MAX_KB run --dispatch loop --invoke run "$C" $ROUNDS
# The same churn with the JIT tier under it (what the JIT does not compile runs interpreted).
if "$W" run --tier jit --invoke run "$C" 1 >/dev/null 2>&1; then
  check "churn jit ($ROUNDS rounds)" 0 $SUM $MAX_KB run --tier jit --invoke run "$C" $ROUNDS
fi
check "churn under a 4 MiB heap limit" 0 2499998725 $MAX_KB run --max-gc-heap-size 4M --invoke run "$C" 50
check "1M live nodes" 0 1783293664 $MAX_KB run --invoke hold "$C" 1000000
check "1M live nodes over an 8 MiB limit" 134 "allocation failed: GC heap limit" $MAX_KB \
  run --max-gc-heap-size 8M --invoke hold "$C" 1000000
[ "$fails" = 0 ] || { echo "$fails failure(s)"; exit 1; }
