# Writers and readers at the same time: afterwards, the cached view equals the files.
fixture: basic

$ for i in 1 2 3 4 5 6; do peers log maria-lopez "note $i" >/dev/null 2>&1 & peers list >/dev/null & peers log mark-chen "call $i" >/dev/null 2>&1 & done; wait; peers list --json | cmp - <(PEERS_NO_CACHE=1 peers list --json) && echo same
same

$ grep -c 'note ' people/maria-lopez.yaml; grep -c 'call ' people/mark-chen.yaml
6
6
