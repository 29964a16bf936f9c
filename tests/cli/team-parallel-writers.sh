#!/usr/bin/env bash
# Twenty peers processes write one store at the same time: ten `peers add`, ten `peers log` of
# the same person. The store lock must keep every write: all twenty changes present, every file
# readable, no temp file left behind.
#
#   team-parallel-writers.sh PEERS_BINARY
set -euo pipefail
peers_bin=$(realpath "$1")
work=$(mktemp -d "${TMPDIR:-/tmp}/peers-parallel.XXXXXX")
export HOME="$work/home" LANG=C.UTF-8 TZ=UTC NO_COLOR=1 PEERS_NOW=2026-11-27T12:00:00Z
export PEERS_USER="Test User"
# widen the window between writing a temp file and renaming it, so unlocked writers would collide
export PEERS_TEST_SLOW_WRITE_MS=15
mkdir -p "$HOME"
cd "$work"
"$peers_bin" init store --name Parallel 2>/dev/null
cd store
"$peers_bin" add "Maria Lopez" --met 2026-11-01 >/dev/null 2>&1

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

pids=()
for i in $(seq 1 10); do
  "$peers_bin" add "Person $i" --knows "topic $i" >"$work/add-$i.out" 2>&1 & pids+=($!)
  "$peers_bin" log maria-lopez "Conversation number $i" --date 2026-11-2$((i % 8)) \
    >"$work/log-$i.out" 2>&1 & pids+=($!)
done
for pid in "${pids[@]}"; do
  wait "$pid" || fail "a writer exited non-zero: $(cat "$work"/*.out | grep error | head -1)"
done

for i in $(seq 1 10); do
  grep -q "^name: Person $i\$" "people/person-$i.yaml" 2>/dev/null || fail "person-$i is missing"
  grep -q "note: Conversation number $i\$" people/maria-lopez.yaml ||
    fail "log entry $i is missing from maria-lopez"
done
[ "$(grep -c '^  - date:' people/maria-lopez.yaml)" = 10 ] || fail "maria-lopez does not have 10 log entries"
[ "$(ls people/*.yaml | wc -l)" = 11 ] || fail "expected 11 people, found $(ls people/*.yaml | wc -l)"
leftovers=$(find . -name '.*.tmp-*' | wc -l)
[ "$leftovers" = 0 ] || fail "$leftovers temp file(s) left behind"
"$peers_bin" check --strict >"$work/check.out" 2>&1 || { fail "peers check --strict fails"; cat "$work/check.out"; }

if [ "$failures" -gt 0 ]; then
  echo "team-parallel-writers: $failures check(s) failed; test data left in $work"
  exit 1
fi
rm -rf "$work"
echo "team-parallel-writers: passed"
