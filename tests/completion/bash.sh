#!/usr/bin/env bash
# Loads `peers completion bash` in bash with bash-completion, as an interactive shell does, and
# checks what it completes on the fixture store tests/fixtures/shell.
#   bash.sh PEERS_BINARY REPO
set -u
source "$(dirname "$0")/common.sh"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

cd "$work/store" || exit 1
diff <(peers completion bash) "$repo/completions/peers.bash" > /dev/null ||
  fail "'peers completion bash' differs from completions/peers.bash"
[ -f /usr/share/bash-completion/bash_completion ] || { echo "bash-completion is not installed"; exit 1; }
source /usr/share/bash-completion/bash_completion
source <(peers completion bash)
complete -p peers | grep -q -- '-F _peers' || fail "complete -p peers: $(complete -p peers)"

# complete WORD... : completes the last word, as if the cursor were at the end of the line,
# and prints COMPREPLY one per line, sorted.
complete_words() {
  COMP_WORDS=("$@")
  COMP_CWORD=$(($# - 1))
  COMP_LINE="$*"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _peers peers "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
  printf '%s\n' "${COMPREPLY[@]}" | sort
}
# expect "WANT (lines joined by spaces)" WORD...
expect() {
  local want=$1
  shift
  local got
  got=$(complete_words "$@" | paste -sd' ')
  [ "$got" = "$want" ] || fail "peers ${*:2} -> got '$got', want '$want'"
}
# contains "CANDIDATE" WORD... / lacks "CANDIDATE" WORD...
contains() { complete_words "${@:2}" | grep -qx -- "$1" || fail "peers ${*:3}: no '$1' in: $(complete_words "${@:2}" | paste -sd' ')"; }
lacks() { ! complete_words "${@:2}" | grep -qx -- "$1" || fail "peers ${*:3}: '$1' should not be offered"; }

contains list peers ""
contains stale peers ""
contains completion peers ""
lacks __complete peers ""
lacks __man peers ""
expect "list" peers li
expect "recent reopen rm route" peers r
contains --topic peers list --
contains --dept peers list --
contains --json peers list --
contains --store peers list --
contains --quiet peers list --
expect "--days --department --dept" peers stale --d
expect "maria-lopez" peers show ma
expect "jose-nunez kwame-asante maria-lopez tom-okafor ulla-berg" peers log ""
expect "7fk2m9qa" peers answer 7
expect "7fk2m9qa b3xw8hnd" peers close ""
expect "jose-nunez" peers show j
expect 'Undergraduate\ Admissions' peers list --dept Und
expect 'Undergraduate Admissions"' peers list --dept '"Und'
expect 'Earth\ and\ Environmental\ Sciences' peers stale --department E
expect "experts" peers list --tag ex
expect "orientation" peers export --tag o
expect 'Financial\ aid' peers list --topic Fin
expect "financial-aid" peers list --topic fin
expect 'Ana\ Park' peers recent --by A
expect "csv json vcard" peers export --format ""
expect "csv vcard" peers import --format ""
expect "bash fish zsh" peers completion ""
expect "contacts/directory.csv contacts/google.vcf" peers import contacts/
expect "2026-11-27" peers log maria --date 2
expect "maria-lopez" peers --store "$work/store" log m
mkdir -p events leads
cat > events/commencement-2027.yaml <<'YAML'
name: Commencement 2027
date: 2027-05-16
hashtag: '#Westbrook27'
lead: maria-lopez
assignments:
  - person: jose-nunez
    role: live stream
  - person: tom-okafor
    role: share
YAML
cat > leads/3kq7m2xd.yaml <<'YAML'
title: Mars rover lab's first field test
from: kwame-asante
status: idea
added_by: Sam Lee
added_at: 2026-11-20T10:00:00Z
YAML
# Events and leads: ids complete where they are wanted, `show` offers them too, `event done
# EVENT` offers only the people with a role there.
expect "commencement-2027" peers event show ""
expect "commencement-2027" peers event done c
expect "jose-nunez tom-okafor" peers event done commencement-2027 ""
expect "jose-nunez tom-okafor" peers event unassign comm ""
expect "3kq7m2xd" peers lead set ""
expect "3kq7m2xd" peers lead show 3
contains commencement-2027 peers show ""
contains 3kq7m2xd peers show ""
contains maria-lopez peers show ""
contains 7fk2m9qa peers show ""
expect "jose-nunez" peers event assign commencement-2027 j
# help completes commands; --status offers every value it takes.
expect "lead leads list log" peers help l
contains who-knows peers help ""
expect "all answered closed open routed" peers questions --status ""
expect "idea pitched published scheduled" peers leads --status ""
expect "idea pitched published scheduled" peers lead set 3kq7 --status ""
# --opt=value completes the value.
expect '--dept=Undergraduate\ Admissions' peers list --dept=Und
expect "--topic=financial-aid" peers list --topic=fin
expect "--status=all --status=answered" peers questions --status=a

# Store text that spells shell code is inserted so that the shell reads back the same text
# and runs none of it, inside "...", inside '...' and unquoted (issue 17, defect 4).
cat > people/eve-hostile.yaml <<YAML
name: Eve Hostile
tags:
  - 'zz"\$(touch $work/ran)"\`touch $work/ran\`\\'
  - 'zy''\$(touch $work/ran)'''
YAML
# roundtrip QUOTE TYPED WANT: completes QUOTE+TYPED (one value: the quote comes closed) and
# lets the shell read it.
roundtrip() {
  local got value
  got=$(complete_words peers list --tag "$1$2")
  [ -n "$got" ] || { fail "peers list --tag $1$2: nothing offered"; return; }
  eval "value=$1$got"
  [ "$value" = "$3" ] || fail "peers list --tag $1$2 -> '$got' reads back as '$value', want '$3'"
}
hostile_zz="zz\"\$(touch $work/ran)\"\`touch $work/ran\`\\"
hostile_zy="zy'\$(touch $work/ran)'"
for quote in '"' "'" ''; do
  roundtrip "$quote" zz "$hostile_zz"
  roundtrip "$quote" zy "$hostile_zy"
done
[ ! -e "$work/ran" ] || fail "a completed value ran a command"
rm people/eve-hostile.yaml

cd "$work/nostore" || exit 1
expect "" peers show ma
[ -z "$(peers __complete -- show ma 2>&1)" ] || fail "__complete outside a store printed something"

if [ "$failures" -gt 0 ]; then
  echo "bash completion: $failures failure(s)"
  exit 1
fi
echo "bash completion: all checks passed"
