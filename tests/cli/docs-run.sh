#!/usr/bin/env bash
# Docs that run: every `peers` command the README shows, in order on a fresh store; then the
# examples of each `peers help CMD`, in order, on a store with the README's first people (see
# the "help base" below); any that fails is reported.
#   docs-run.sh PEERS_BINARY REPO
#
# How a shown line becomes a command:
# - lines of indented blocks that start with `peers`; a trailing `\` joins the next line, a
#   trailing `# comment` is dropped;
# - optional parts in brackets (`[--date 2026-11-21]`) are dropped: the line runs as printed
#   without them; a usage summary with placeholders (`peers add NAME ...`, `ask / route`) is
#   not a command and is skipped;
# - the example ids 7fk2 and 3kq7 stand for the question and the lead the examples created
#   before them (real ids are random), 9xq4 for a second question;
# - `peers init` runs in a new empty directory (the store exists already);
# - `peers edit ID` alone (the editor) runs on a terminal, with an editor that changes nothing.
# The store is the README's own: `peers init comms`, then git init, a commit and a remote to
# sync with; each command's changes are committed (as a team member would) so `sync` can run.
set -u
peers_bin=$(realpath "$1")
repo=$(realpath "$2")
work=$(mktemp -d "${TMPDIR:-/tmp}/peers-docs.XXXXXX")
mkdir -p "$work/bin" "$work/home"
ln -s "$peers_bin" "$work/bin/peers"
export PATH="$work/bin:$PATH" HOME="$work/home" NO_COLOR=1 TZ=UTC LANG=C.UTF-8
export PEERS_NOW=2026-11-27T12:00:00Z PEERS_USER="Test User" EDITOR=true VISUAL=true
export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME="Test User" GIT_AUTHOR_EMAIL=test@example.org
export GIT_COMMITTER_NAME="Test User" GIT_COMMITTER_EMAIL=test@example.org
unset PEERS_STORE

# The README's commands, one per line, in order.
readme_commands() {
  awk '
    /^## / { in_docs = ($0 !~ /^## (Performance|Install|Exit codes|Documentation)/) }
    !in_docs { next }
    /^### / { print "#section " substr($0, 5); next }
    /^    [^ ]/ || (joining && /^    /) {
      line = substr($0, 5)
      sub(/^ +/, "", line)
      if (joining) { cmd = cmd " " line } else { cmd = line }
      joining = (cmd ~ /\\$/)
      if (joining) { sub(/ *\\$/, "", cmd); next }
      if (cmd ~ /^peers /) print cmd
      next
    }
    { joining = 0 }
  ' "$repo/README.md"
}

# The examples of one command's help (and of its subcommands'), in order.
help_examples() {
  local cmd=$1 sub
  for sub in "" $(peers __complete -- "$cmd" "" | cut -f1 | grep -v '^-'); do
    peers help $cmd $sub | awk '/^Examples:/ { on = 1; next } on && /^  / { print substr($0, 3) }' |
      awk '/\\$/ { sub(/ *\\$/, ""); sub(/^ +/, ""); held = held $0 " "; next }
           { sub(/^ +/, ""); print held $0; held = "" }' | grep '^peers '
  done | awk '!seen[$0]++'
}

strip_comment() {  # drops a trailing "# ..." outside quotes
  awk '{
    out = ""; q = ""
    for (i = 1; i <= length($0); i++) {
      c = substr($0, i, 1)
      if (q == "" && (c == "\"" || c == "\x27")) q = c
      else if (q != "" && c == q) q = ""
      else if (q == "" && c == "#" && (i == 1 || substr($0, i - 1, 1) == " ")) break
      out = out c
    }
    sub(/ +$/, "", out); print out
  }'
}

failures=0 ran=0 skipped=0
qid= lid=
run_shown() {
  local shown=$1 cmd
  cmd=$(printf '%s\n' "$shown" | strip_comment | sed -E 's/ \[(-|[A-Z])[^]]*\]//g')
  # A placeholder is one of the usage words, not any capitals (FAFSA, "CSS Profile" are text).
  local placeholder='NAME|FILE|ID|DIR|TOPIC|TEXT|QID|PERSON|NETWORK|HANDLE|COLUMN|LINE|SECONDS|EVENT|LEAD|KEY|VALUE|REF|CMD|QUESTION|SHELL|FORMAT|DATE|N|T|D|E|P'
  if [[ $cmd == *" / "* ]] || [[ $cmd =~ (^|[[:space:]=])($placeholder)([[:space:]=.]|$) ]]; then
    skipped=$((skipped + 1))
    return
  fi
  [ -n "$qid" ] && cmd=$(printf '%s' "$cmd" | sed -E "s/\\b7fk2[a-z0-9]*\\b/$qid/g")
  [ -n "$lid" ] && cmd=$(printf '%s' "$cmd" | sed -E "s/\\b3kq7[a-z0-9]*\\b/$lid/g")
  # 9xq4: a second question, asked just for the example that names it.
  if [[ $cmd == *9xq4* ]] && [ -z "${other_qid:-}" ]; then
    other_qid=$(cd "$store" && peers ask "Is the transfer deadline in March?" --from @other 2>/dev/null | head -1)
  fi
  [ -n "${other_qid:-}" ] && cmd=$(printf '%s' "$cmd" | sed -E "s/\\b9xq4[a-z0-9]*\\b/$other_qid/g")
  local dir=$store
  if [[ $cmd == "peers init"* ]]; then dir=$(mktemp -d "$work/init.XXXX"); fi
  local out status
  if [[ $cmd =~ ^peers\ edit\ [^\ ]+$ ]]; then
    out=$(cd "$dir" && script -qec "$cmd" /dev/null 2>&1 < /dev/null)
  else
    out=$(cd "$dir" && bash -c "$cmd" 2>&1 < /dev/null)
  fi
  status=$?
  ran=$((ran + 1))
  if [ $status -ne 0 ]; then
    failures=$((failures + 1))
    [ "${2:-}" = quiet ] && return
    printf 'FAIL (exit %s): %s\n  as run: %s\n%s\n' "$status" "$shown" "$cmd" "$(printf '%s\n' "$out" | sed 's/^/  | /')"
  fi
  if [[ $cmd == "peers ask "* ]]; then qid=$(printf '%s\n' "$out" | head -1); fi
  if [[ $cmd == "peers lead add "* ]]; then lid=$(printf '%s\n' "$out" | head -1); fi
  (cd "$store" && git add -A . && git commit -qm "docs: $cmd") > /dev/null 2>&1
}

mapfile -t readme < <(readme_commands)
[ "${#readme[@]}" -gt 40 ] || { echo "found only ${#readme[@]} README commands"; exit 1; }
first=${readme[0]}
[[ $first == "peers init comms"* ]] || { echo "the README should start with 'peers init comms': $first"; exit 1; }

cd "$work" || exit 1
bash -c "$(printf '%s\n' "$first" | strip_comment)" > /dev/null 2>&1 || { echo "FAIL: $first"; exit 1; }
store=$work/comms
(cd "$store" && git init -q -b main . && git add . && git commit -qm init &&
   git init -q --bare "$work/origin.git" && git remote add origin "$work/origin.git" &&
   git push -q -u origin main && printf '*.vcf\n*.csv\n*.ics\n' >> .git/info/exclude) ||
  { echo "could not set up the store's git repository"; exit 1; }
# The files the import examples read, in the shape of the exports they name.
cp "$repo/tests/fixtures/contacts/google.vcf" "$store/contacts.vcf"
cp "$repo/tests/fixtures/contacts/directory.csv" "$store/directory.csv"
printf 'Name,Email,Office Phone,Building\nRosa Diaz,rdiaz@westbrook.edu,555-0101,Hall A\n' > "$store/staff.csv"

# The files the triage examples read.
cp "$repo/tests/fixtures/inbox-exports/hootsuite.csv" "$store/inbox-export.csv"
cp "$repo/tests/fixtures/inbox-exports/meta.json" "$store/messages.json"
cp "$repo/tests/fixtures/inbox-exports/custom.csv" "$store/export.csv"
printf '*.json\n' >> "$store/.git/info/exclude"
cp "$repo/tests/fixtures/contacts/google.csv" "$store/google-contacts.csv"
printf 'Rosa Diaz,rdiaz@westbrook.edu\nSam Lee,slee@westbrook.edu\n' > "$store/nolabels.csv"
mkdir -p "$HOME/.config/fish/completions"

for shown in "${readme[@]:1}"; do
  if [[ $shown == "#section "* ]]; then
    # The people of the first section are the store every command's help examples start from.
    [[ $shown == "#section Routing" ]] && cp -a "$store" "$work/people"
    continue
  fi
  run_shown "$shown"
done
readme_ran=$ran
# Each command's examples run in order on a copy of the store as the README's first section
# left it (people, no topics, events or leads yet), with one open question and one lead for
# the examples that name 7fk2 and 3kq7 without making them.
# An example that fails there, after the ones before it, is tried again alone on a fresh copy
# (help examples are often alternatives: `close 7fk2` and `close 7fk2 --note ...`), and then
# on a copy of the plain base (for the examples that make what the help base already has).
commit_all() { (cd "$store" && git add -A . && git commit -qm "$1") > /dev/null 2>&1; }
rm -rf "$store" && cp -a "$work/people" "$store"
(cd "$store" && peers topic add Admissions && peers edit maria-lopez --knows admissions) > /dev/null 2>&1
commit_all "the plain base" && cp -a "$store" "$work/plain-base"
(cd "$store" && peers merge-people maria-lopez maria-lopez-2 &&
   peers topic add "Financial aid" --alias grants --related admissions &&
   peers event add "Commencement 2027" --date 2027-05-16 --lead maria-lopez &&
   peers event assign commencement-2027 jose-nunez --role "live stream") > /dev/null 2>&1
base_qid=$(cd "$store" && peers ask "When is the transfer application deadline?" --from @follower 2>/dev/null | head -1)
base_lid=$(cd "$store" && peers lead add "A lab's first field test" --from maria-lopez 2>/dev/null | head -1)
commit_all "the help base"
(cd "$store" && git init -q --bare "$work/help-origin.git" &&
   git remote set-url origin "$work/help-origin.git" && git push -q -f origin main) > /dev/null 2>&1
cp -a "$store" "$work/help-base"
# fresh BASE [EXAMPLE]: a new copy of BASE, in the state EXAMPLE needs when it undoes something.
fresh() {
  rm -rf "$store" && cp -a "$work/$1" "$store"
  qid=$base_qid lid=$base_lid other_qid=
  case "${2:-}" in
    "peers reopen "*) (cd "$store" && peers close "$qid" && git commit -qam close) > /dev/null 2>&1 ;;
    "peers event done "*--undo*) (cd "$store" && peers event done commencement-2027 jose-nunez &&
                                  git commit -qam done) > /dev/null 2>&1 ;;
  esac
}
for cmd in $(cd "$store" && peers __complete -- help "" | cut -f1); do
  fresh help-base
  mapfile -t examples < <(cd "$store" && help_examples "$cmd")
  for shown in "${examples[@]}"; do
    for base in "" help-base plain-base; do
      [ -n "$base" ] && fresh "$base" "$shown"
      before=$failures
      if [ "$base" = plain-base ]; then run_shown "$shown"; else run_shown "$shown" quiet; fi
      [ "$failures" -gt "$before" ] || break
      [ "$base" = plain-base ] || { failures=$before; ran=$((ran - 1)); }
    done
  done
done

echo "docs: ran $readme_ran README commands and $((ran - readme_ran)) help examples, skipped $skipped usage lines; $failures failed"
if [ "$failures" -eq 0 ]; then rm -rf "$work"; else echo "kept $work"; exit 1; fi
