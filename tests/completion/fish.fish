#!/usr/bin/env fish
# Loads `peers completion fish` in fish and checks what `complete -C` (what fish runs on Tab)
# offers on the fixture store tests/fixtures/shell.
#   fish.fish PEERS_BINARY REPO
set -l peers_bin (realpath $argv[1])
set -l repo (realpath $argv[2])
set -l work (mktemp -d /tmp/peers-completion.XXXXXX)
mkdir -p $work/bin $work/home $work/nostore
ln -s $peers_bin $work/bin/peers
cp -a $repo/tests/fixtures/shell $work/store
set -gx PATH $work/bin $PATH
set -gx HOME $work/home
set -gx NO_COLOR 1
set -gx TZ UTC
set -gx PEERS_NOW 2026-11-27T12:00:00Z
set -gx PEERS_USER "Test User"
set -e PEERS_STORE
set -g failures 0

if not peers completion fish | cmp -s - $repo/completions/peers.fish
    echo "FAIL: 'peers completion fish' differs from completions/peers.fish"
    set failures (math $failures + 1)
end
peers completion fish | source

# expect WANT LINE: the values (before any tab) fish offers for LINE, sorted, space-joined.
function expect
    set -l want $argv[1]
    set -l line $argv[2]
    set -l got (complete -C"$line" | string replace -r '\t.*' '' | sort | string join ' ')
    if test "$got" != "$want"
        echo "FAIL: '$line' -> got '$got', want '$want'"
        set failures (math $failures + 1)
    end
end
function contains_value
    set -l want $argv[1]
    set -l line $argv[2]
    if not complete -C"$line" | string replace -r '\t.*' '' | string match -q -- $want
        echo "FAIL: '$line' does not offer '$want'"
        set failures (math $failures + 1)
    end
end

cd $work/store
contains_value list "peers "
contains_value stale "peers "
expect list "peers li"
expect "--days --department --dept" "peers stale --d"
contains_value --json "peers list --"
expect maria-lopez "peers show ma"
expect "jose-nunez kwame-asante maria-lopez tom-okafor ulla-berg" "peers log "
expect 7fk2m9qa "peers answer 7"
expect "Undergraduate Admissions" "peers list --dept Und"
expect experts "peers list --tag ex"
expect "Financial aid" "peers list --topic Fin"
expect "csv json vcard" "peers export --format "
expect "bash fish zsh" "peers completion "
expect "--dept=Undergraduate Admissions" "peers list --dept=Und"
expect "idea pitched published scheduled" "peers leads --status "
expect "lead leads list log" "peers help l"
cd $work/nostore
expect "" "peers show ma"

rm -rf $work
if test $failures -gt 0
    echo "fish completion: $failures failure(s)"
    exit 1
end
echo "fish completion: all checks passed"
