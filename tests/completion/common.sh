# Shared setup for the completion tests: a copy of tests/fixtures/shell in a temp dir, peers on
# PATH, and the same fixed environment as the end-to-end cases. Sourced by bash.
peers_bin=$(realpath "$1")
repo=$(realpath "$2")
work=$(mktemp -d "${TMPDIR:-/tmp}/peers-completion.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/home" "$work/nostore"
ln -s "$peers_bin" "$work/bin/peers"
cp -a "$repo/tests/fixtures/shell" "$work/store"
mkdir -p "$work/store/contacts"
touch "$work/store/contacts/google.vcf" "$work/store/contacts/directory.csv"
export PATH="$work/bin:$PATH" HOME="$work/home" NO_COLOR=1 TZ=UTC LANG=C.UTF-8
export PEERS_NOW=2026-11-27T12:00:00Z PEERS_USER="Test User"
unset PEERS_STORE
