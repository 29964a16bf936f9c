#!/usr/bin/env bash
# Team use over git, end to end: a bare repository and two clones that work at the same time,
# push and pull through `peers sync`. Ordinary concurrent work must merge with no conflict and
# lose nothing; a true conflict must stay a conflict that `peers check` explains; without the
# merge driver, git's own markers must be reported by every command instead of misread.
#
#   team-two-clones.sh PEERS_BINARY
set -euo pipefail
peers_bin=$(realpath "$1")
work=$(mktemp -d "${TMPDIR:-/tmp}/peers-team.XXXXXX")
mkdir -p "$work/bin" "$work/home"
ln -s "$peers_bin" "$work/bin/peers"
export PATH="$work/bin:/usr/local/bin:/usr/bin:/bin" HOME="$work/home" LANG=C.UTF-8 TZ=UTC
export NO_COLOR=1 GIT_CONFIG_NOSYSTEM=1 PEERS_NOW=2026-11-27T12:00:00Z
export GIT_AUTHOR_EMAIL=test@example.org GIT_COMMITTER_EMAIL=test@example.org
git config --global init.defaultBranch main
git config --global pull.rebase true

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
expect_grep() {  # FILE PATTERN: the file has a line matching PATTERN
  grep -q -- "$2" "$1" || fail "$1 has no line matching '$2'"
}
as() {  # as NAME CLONE COMMAND...: run a command in a clone as a team member
  local name=$1 clone=$2
  shift 2
  (cd "$work/$clone" && PEERS_USER="$name" GIT_AUTHOR_NAME="$name" GIT_COMMITTER_NAME="$name" "$@")
}

# --- a shared store: made in clone a, cloned as b -------------------------------------------
git init -q --bare "$work/origin.git"
git clone -q "$work/origin.git" "$work/a" 2>/dev/null
as Sam a peers init . --name Westbrook 2>/dev/null
as Sam a git add -A
as Sam a git commit -q -m "new store"
as Sam a peers git setup 2>/dev/null
as Sam a peers config set git.autocommit true 2>/dev/null
as Sam a peers add "Maria Lopez" --email mlopez@westbrook.edu --knows admissions --met 2026-11-01 >/dev/null 2>&1
as Sam a peers add "Jose Nunez" --knows "financial aid" --met 2026-11-01 >/dev/null 2>&1
mkdir -p "$work/a/questions"
for q in 7fk2abcd 9hm3wxyz; do
  cat > "$work/a/questions/$q.yaml" <<YAML
text: Question $q
asked_at: 2026-11-20T10:00:00Z
status: open
history:
  - at: 2026-11-20T10:00:00Z
    event: asked
YAML
done
as Sam a git add questions
as Sam a git commit -q -m "two questions"
as Sam a git push -q -u origin main 2>/dev/null

git clone -q "$work/origin.git" "$work/b" 2>/dev/null
as Ana b peers git setup 2>/dev/null
as Ana b peers config set git.autocommit true 2>/dev/null
[ "$(as Ana b git log -1 --format=%s)" = "peers: git setup" ] &&
  fail "git setup in the second clone made a commit although .gitattributes was already there"

# --- concurrent ordinary work on both clones ------------------------------------------------
as Sam a peers add "Kwame Asante" --knows athletics >/dev/null 2>&1
as Ana b peers add "Li Wei" --knows housing >/dev/null 2>&1
as Sam a peers log maria-lopez "Coffee after orientation" --date 2026-11-21 2>/dev/null
as Ana b peers log maria-lopez "Call about open days" --date 2026-11-22 2>/dev/null
as Sam a peers route 7fk2abcd maria-lopez >/dev/null 2>&1 || fail "peers route failed"
as Ana b peers answer 9hm3wxyz "On the admissions page" --by jose-nunez >/dev/null 2>&1 ||
  fail "peers answer failed"
[ "$(as Sam a git log -1 --format=%s)" != "two questions" ] || fail "route was not autocommitted"
# both append history to the same question (a hand edit each, committed)
printf '  - at: 2026-11-23T09:00:00Z\n    event: edited\n    by: Sam\n    note: from a\n' >> "$work/a/questions/9hm3wxyz.yaml"
printf '  - at: 2026-11-24T09:00:00Z\n    event: edited\n    by: Ana\n    note: from b\n' >> "$work/b/questions/7fk2abcd.yaml"
printf '  - at: 2026-11-25T09:00:00Z\n    event: edited\n    by: Ana\n    note: from b\n' >> "$work/b/questions/9hm3wxyz.yaml"
as Sam a git commit -q -am "note on 9hm3" 2>/dev/null
as Ana b git commit -q -am "notes on both" 2>/dev/null

# a commit message made by autocommit names the change
as Ana b git log -1 --skip=1 --format=%s | grep -q '^peers: answer' ||
  fail "'peers answer' did not autocommit with a 'peers: answer ...' message"
[ "$(as Ana b git log --format=%s | grep -c '^peers: add Li Wei$')" = 1 ] ||
  fail "'peers add' did not autocommit as 'peers: add Li Wei'"

as Sam a peers sync 2>"$work/sync-a.err" || { fail "sync in a failed"; cat "$work/sync-a.err"; }
as Ana b peers sync 2>"$work/sync-b.err" || { fail "sync in b failed"; cat "$work/sync-b.err"; }
as Sam a peers sync 2>"$work/sync-a2.err" || { fail "second sync in a failed"; cat "$work/sync-a2.err"; }

for clone in a b; do
  dir="$work/$clone"
  if grep -rl '^<<<<<<<\|^>>>>>>>' "$dir" --include='*.yaml' >/dev/null; then
    fail "$clone has conflict markers"
  fi
  [ -z "$(cd "$dir" && git status --porcelain)" ] || fail "$clone has uncommitted changes"
  (cd "$dir" && peers check >/dev/null 2>"$work/check-$clone.err") ||
    { fail "peers check fails in $clone"; cat "$work/check-$clone.err"; }
  expect_grep "$dir/people/kwame-asante.yaml" "name: Kwame Asante"
  expect_grep "$dir/people/li-wei.yaml" "name: Li Wei"
  expect_grep "$dir/people/maria-lopez.yaml" "note: Coffee after orientation"
  expect_grep "$dir/people/maria-lopez.yaml" "note: Call about open days"
  expect_grep "$dir/questions/7fk2abcd.yaml" "routed_to: maria-lopez"
  expect_grep "$dir/questions/7fk2abcd.yaml" "note: from b"
  expect_grep "$dir/questions/9hm3wxyz.yaml" "status: answered"
  expect_grep "$dir/questions/9hm3wxyz.yaml" "answer: On the admissions page"
  expect_grep "$dir/questions/9hm3wxyz.yaml" "note: from a"
  expect_grep "$dir/questions/9hm3wxyz.yaml" "note: from b"
done
[ "$(cd "$work/a" && git rev-parse HEAD)" = "$(cd "$work/b" && git rev-parse HEAD)" ] ||
  fail "the clones did not end on the same commit"
# the two log entries are in date order in the merged file
awk '/Coffee after orientation/ { c = NR } /Call about open days/ { d = NR } END { exit !(c && d && c < d) }' \
  "$work/a/people/maria-lopez.yaml" || fail "log entries are not in date order"

# --- two clones add the same person: possible duplicate, merge-people folds it ----------------
as Sam a peers add "Bo Chen" --email bchen@westbrook.edu --tag press >/dev/null 2>&1
as Sam a peers sync 2>/dev/null || fail "sync after adding Bo Chen failed"
as Ana b git pull -q 2>/dev/null
as Ana b peers add "Bo  Chen" --email BChen@westbrook.edu --knows athletics >/dev/null 2>&1
as Ana b peers check >"$work/dup.out" 2>/dev/null || fail "check failed on a possible duplicate (a warning)"
expect_grep "$work/dup.out" "possible-duplicate"
expect_grep "$work/dup.out" "peers merge-people bo-chen bo-chen-2"
before=$(as Ana b git rev-list --count HEAD)
as Ana b peers merge-people bo-chen bo-chen-2 >/dev/null 2>&1 || fail "merge-people failed"
[ "$(as Ana b git rev-list --count HEAD)" = $((before + 1)) ] || fail "merge-people did not make exactly one commit"
[ "$(as Ana b git log -1 --format=%s)" = "peers: merge bo-chen-2 into bo-chen" ] ||
  fail "merge-people commit message is '$(as Ana b git log -1 --format=%s)'"
[ -e "$work/b/people/bo-chen-2.yaml" ] && fail "bo-chen-2 still exists after merge-people"
expect_grep "$work/b/people/bo-chen.yaml" "  - athletics"
expect_grep "$work/b/people/bo-chen.yaml" "  - press"
expect_grep "$work/b/peers.yaml" "  - bo-chen-2"
[ -z "$(as Ana b git status --porcelain)" ] || fail "merge-people left uncommitted changes"

# --- a true conflict: both change the same field to different values ------------------------
as Ana b peers sync 2>/dev/null || fail "sync before the conflict failed"
as Sam a git pull -q 2>/dev/null
as Sam a peers edit maria-lopez --set title=Director >/dev/null 2>&1 ||
  { sed -i 's/^name: Maria Lopez$/name: Maria Lopez\ntitle: Director/' "$work/a/people/maria-lopez.yaml"
    as Sam a git commit -q -am "title"; }
as Ana b peers edit maria-lopez --set title=Dean >/dev/null 2>&1 ||
  { sed -i 's/^name: Maria Lopez$/name: Maria Lopez\ntitle: Dean/' "$work/b/people/maria-lopez.yaml"
    as Ana b git commit -q -am "title"; }
as Sam a peers sync 2>/dev/null || fail "sync of the first title change failed"
if as Ana b peers sync 2>"$work/conflict.err"; then
  fail "sync succeeded although both changed the title"
fi
expect_grep "$work/conflict.err" "people/maria-lopez.yaml"
expect_grep "$work/conflict.err" "rebase --continue"
as Ana b git status --porcelain >"$work/status.out"
expect_grep "$work/status.out" "^UU people/maria-lopez.yaml"
expect_grep "$work/b/people/maria-lopez.yaml" "^<<<<<<< "
expect_grep "$work/b/people/maria-lopez.yaml" "^title: Director"
expect_grep "$work/b/people/maria-lopez.yaml" "^title: Dean"
# only the title is in conflict: the rest of the file is plain YAML
[ "$(grep -c '^<<<<<<<' "$work/b/people/maria-lopez.yaml")" = 1 ] || fail "more than one conflict block"
if as Ana b peers check >"$work/check-conflict.out" 2>/dev/null; then fail "check passed on a conflict"; fi
expect_grep "$work/check-conflict.out" "people/maria-lopez.yaml:.*conflict-marker"
expect_grep "$work/check-conflict.out" "one side has 'title: .*', the other 'title: .*'"
# resolve it: keep Dean
sed -i '/^<<<<<<< /,/^=======$/d; /^>>>>>>> /d' "$work/b/people/maria-lopez.yaml"
expect_grep "$work/b/people/maria-lopez.yaml" "^title: Dean"
as Ana b peers check >/dev/null 2>&1 || fail "check fails after resolving the conflict"
as Ana b git add people/maria-lopez.yaml
as Ana b env GIT_EDITOR=true git rebase --continue >/dev/null 2>&1 || fail "rebase --continue failed"
as Ana b peers sync 2>/dev/null || fail "sync after resolving failed"

# --- no driver: a fresh clone without 'peers git setup' gets git's markers -------------------
git clone -q "$work/origin.git" "$work/c" 2>/dev/null
as Sam a git pull -q 2>/dev/null
sed -i 's/^title: .*/title: Provost/' "$work/a/people/maria-lopez.yaml"
as Sam a git commit -q -am "Provost"
as Sam a git push -q 2>/dev/null
sed -i 's/^title: .*/title: Registrar/' "$work/c/people/maria-lopez.yaml"
as Lee c git commit -q -am "Registrar"
if as Lee c git pull -q --no-rebase >/dev/null 2>&1; then fail "line merge without the driver did not conflict"; fi
line=$(grep -n '^<<<<<<< ' "$work/c/people/maria-lopez.yaml" | cut -d: -f1)
[ -n "$line" ] || fail "no git conflict markers in clone c"
for cmd in "show maria-lopez" "list" "log maria-lopez talked" "check"; do
  as Lee c peers $cmd >"$work/nodriver.out" 2>&1 || true
  grep -q "people/maria-lopez.yaml:$line:1: .*conflict" "$work/nodriver.out" ||
    fail "'peers $cmd' did not report people/maria-lopez.yaml:$line"
done
grep -q 'talked' "$work/c/people/maria-lopez.yaml" && fail "peers log wrote into a conflicted file"

if [ "$failures" -gt 0 ]; then
  echo "team-two-clones: $failures check(s) failed; test data left in $work"
  exit 1
fi
rm -rf "$work"
echo "team-two-clones: passed"
