#!/usr/bin/env bash
# `peers check --changed-since REF` gives, for the files changed since REF, exactly the
# findings a full `peers check` gives for them, plus the store findings the change causes in
# other files (a reference to a removed person, a duplicate of an added one).
#
#   check-changed-since.sh PEERS_BINARY
#
# On a generated store (bench/generate, 300 people), a branch makes many kinds of change; then
# the JSON findings of both runs are compared file by file. Then again with a warm cache.
set -euo pipefail
peers=$(realpath "$1")
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/peers-changed.XXXXXX")
trap 'rm -rf "$work"' EXIT
export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org \
       GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.org HOME="$work" NO_COLOR=1 \
       PEERS_NOW=2026-11-27T12:00:00Z
unset PEERS_STORE XDG_CACHE_HOME
store="$work/store"
python3 "$repo/bench/generate" 300,1500,60 "$store" > /dev/null
cd "$store"
git branch -q -m main 2>/dev/null || true
git checkout -q -b change

people=(people/*.yaml)
questions=(questions/*.yaml)
topics=(topics/*.yaml)
first_person=$(basename "${people[0]}" .yaml)
# 1. a reference to nobody, in a person
printf 'forward_to: nobody-at-all\n' >> "${people[5]}"
# 2. a person removed: questions routed to them now refer to nobody
removed=$(sed -n 's/^routed_to: //p' "${questions[3]}" | head -1)
[ -n "$removed" ] && git rm -q "people/$removed.yaml"
# 3. an added person, sorted first, with the name of an existing one: a duplicate
name=$(sed -n 's/^name: //p' "${people[40]}")
printf 'name: %s\n' "$name" > people/aaaa-added.yaml
# 4. a syntax error, CRLF, a non-canonical file, a bad file name, an alias clash
printf 'text: [unclosed\n' > "${questions[10]}"
sed -i 's/$/\r/' "${people[60]}"
sed -i 's/^name: /name:   /' "${people[70]}"
cp "${people[80]}" people/Not-An-Id.yaml
alias=$(sed -n '3s/^  - //p' "${topics[2]}")
printf 'name: Added topic\naliases:\n  - %s\n' "$alias" > topics/zz-added.yaml
# 5. a commit with some, the rest left in the work tree (both count), one untracked file
git add -A people/aaaa-added.yaml "${people[5]}" && git commit -qm 'some changes'
cp "${questions[20]}" questions/zzzzzzzz.yaml && sed -i 's/^routed_to: .*/routed_to: ghost-person/' questions/zzzzzzzz.yaml

{ git diff --name-only --relative main; git ls-files --others --exclude-standard; } > "$work/changed"

compare() {
  local label=$1
  "$peers" check --json > "$work/full.json" 2> /dev/null || true
  "$peers" check --json --changed-since main > "$work/partial.json" 2> "$work/partial.err" || true
  python3 - "$work/full.json" "$work/partial.json" "$label" "$removed" "$work/changed" <<'PY'
import json, sys
full = json.load(open(sys.argv[1]))["findings"]
partial = json.load(open(sys.argv[2]))["findings"]
label, removed = sys.argv[3], sys.argv[4]
changed = {line for line in open(sys.argv[5]).read().split("\n") if line}
key = lambda f: json.dumps(f, sort_keys=True)
want = sorted(key(f) for f in full if f["file"] in changed)
got = sorted(key(f) for f in partial if f["file"] in changed)
problems = []
if want != got:
    problems.append("findings in the changed files differ:\n  full only: %s\n  partial only: %s"
                    % (sorted(set(want) - set(got)), sorted(set(got) - set(want))))
extra = [key(f) for f in partial if f["file"] not in changed]
if not set(extra) <= {key(f) for f in full}:
    problems.append("partial findings outside the changed files that a full check lacks: %s" % extra)
codes = {f["code"] for f in partial}
for code in ["unknown-person", "possible-duplicate", "yaml-syntax", "crlf", "not-canonical",
             "invalid-file-name", "alias-conflict"]:
    if code not in codes:
        problems.append("no %s finding in the partial check" % code)
if removed and not any(f["code"] == "unknown-person" and "'%s'" % removed in f["message"]
                       and f["file"] not in changed for f in partial):
    problems.append("the references to the removed person %s are not reported" % removed)
if not any(f["code"] == "possible-duplicate" and f["file"] not in changed for f in partial):
    problems.append("the duplicate of the added person (in an unchanged file) is not reported")
if len(partial) >= len(full):
    problems.append("the partial check reported the whole store (%d findings)" % len(partial))
for p in problems:
    print("%s: %s" % (label, p))
if problems:
    sys.exit(1)
print("%s: %d findings in %d changed files agree (%d outside them, of %d in all)"
      % (label, len(got), len(changed), len(extra), len(full)))
PY
}

compare "no cache"
rm -rf .peers
PEERS_NO_CACHE=1 compare "PEERS_NO_CACHE"
compare "warm cache"

# The pre-commit hook's check of the index: everything staged (so the index is the work tree),
# `check --staged` gives the staged files the findings a full check gives them, and outside
# them nothing a full check lacks.
git add -A
git diff --cached --name-only --relative HEAD > "$work/staged"
"$peers" check --json > "$work/full.json" 2> /dev/null || true
"$peers" check --json --staged > "$work/partial.json" 2> /dev/null || true
python3 - "$work/full.json" "$work/partial.json" "$work/staged" <<'PY'
import json, sys
full = json.load(open(sys.argv[1]))["findings"]
partial = json.load(open(sys.argv[2]))["findings"]
staged = {line for line in open(sys.argv[3]).read().split("\n") if line}
key = lambda f: json.dumps(f, sort_keys=True)
want = sorted(key(f) for f in full if f["file"] in staged)
got = sorted(key(f) for f in partial if f["file"] in staged)
assert want == got, "staged: findings differ:\n  full only: %s\n  partial only: %s" % (
    sorted(set(want) - set(got)), sorted(set(got) - set(want)))
extra = {key(f) for f in partial if f["file"] not in staged}
assert extra <= {key(f) for f in full}, "staged: findings a full check lacks: %s" % extra
assert any(f["code"] == "unknown-person" for f in partial), "staged: no unknown-person finding"
print("staged: %d findings in %d staged files agree (%d outside them)" % (len(got), len(staged), len(extra)))
PY
