#!/usr/bin/env bash
# Twenty peers processes write one store at the same time: ten `peers add`, ten `peers log` of
# the same person. The store lock must keep every write: all twenty changes present, every file
# readable, no temp file left behind. Then the other writers, each reading what it changes under
# the lock: `edit --tag` and `event assign` (ten each, one record), twenty `rm --yes` racing
# `config set name` and two `merge-people` (every id retired, the name kept, no id reused).
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

# edit and event assign: ten of each on one record
"$peers_bin" event add "Launch" --date 2027-01-15 >/dev/null 2>&1
pids=()
for i in $(seq 1 10); do
  "$peers_bin" edit maria-lopez --tag "tag-$i" >"$work/edit-$i.out" 2>&1 & pids+=($!)
  "$peers_bin" event assign launch "person-$i" --role "role $i" >"$work/assign-$i.out" 2>&1 & pids+=($!)
done
for pid in "${pids[@]}"; do
  wait "$pid" || fail "an edit or assign exited non-zero: $(cat "$work"/edit-*.out "$work"/assign-*.out | grep error | head -1)"
done
for i in $(seq 1 10); do
  grep -q "^  - tag-$i\$" people/maria-lopez.yaml || fail "tag-$i is missing from maria-lopez"
  grep -q "role $i" events/launch.yaml || fail "role $i is missing from the event"
done

# rm, config set and merge-people: each rewrites peers.yaml
for i in $(seq 11 20); do "$peers_bin" add "Person $i" >/dev/null 2>&1; done
for i in 1 2; do
  "$peers_bin" add "Pair $i" >/dev/null 2>&1
  "$peers_bin" add "Pair $i Twin" >/dev/null 2>&1
done
cp peers.yaml "$work/peers.yaml.before"
pids=()
for i in $(seq 1 20); do
  "$peers_bin" rm "person-$i" --yes >"$work/rm-$i.out" 2>&1 & pids+=($!)
  [ "$i" = 10 ] && { "$peers_bin" config set name "Renamed" >"$work/config.out" 2>&1 & pids+=($!); }
done
for i in 1 2; do
  "$peers_bin" merge-people "pair-$i" "pair-$i-twin" >"$work/merge-$i.out" 2>&1 & pids+=($!)
done
for pid in "${pids[@]}"; do
  wait "$pid" || fail "an rm, config set or merge-people exited non-zero: $(cat "$work"/rm-*.out "$work"/config.out "$work"/merge-*.out | grep error | head -1)"
done
for i in $(seq 1 20); do
  grep -q "^  - person-$i\$" peers.yaml || fail "person-$i is not in retired_ids"
  [ -e "people/person-$i.yaml" ] && fail "people/person-$i.yaml is still there"
done
for i in 1 2; do
  grep -q "^  - pair-$i-twin\$" peers.yaml || fail "pair-$i-twin is not in retired_ids"
done
grep -q '^name: Renamed$' peers.yaml || fail "config set name was lost"
[ "$(grep -c '^  - ' peers.yaml)" = 22 ] || fail "retired_ids does not have 22 ids: $(cat peers.yaml)"
[ "$("$peers_bin" add "Person 3" 2>/dev/null)" != person-3 ] || fail "a retired id was given out again"
"$peers_bin" event rm launch --yes >/dev/null 2>&1 || fail "event rm failed"  # its people are gone

leftovers=$(find . -name '.*.tmp-*' | wc -l)
[ "$leftovers" = 0 ] || fail "$leftovers temp file(s) left behind"
"$peers_bin" check --strict >"$work/check.out" 2>&1 || { fail "peers check --strict fails"; cat "$work/check.out"; }

if [ "$failures" -gt 0 ]; then
  echo "team-parallel-writers: $failures check(s) failed; test data left in $work"
  exit 1
fi
rm -rf "$work"
echo "team-parallel-writers: passed"
