# peers edit in $EDITOR re-reads the record under the lock when it saves: a change another
# command made while the editor was open is merged in (3-way, as the merge driver does), and
# a conflicting one is refused, the edited text kept in a file the error names.
fixture: basic

$ printf '#!/bin/sh\npeers log maria-lopez "Logged meanwhile" --date 2026-11-26 >/dev/null 2>&1\nsed -i "s/^title: .*/title: Director/" "$1"\n' > $WORK/ed1 && chmod +x $WORK/ed1 && EDITOR=$WORK/ed1 script -qec "peers edit maria-lopez" /dev/null | tr -d '\r'
Saved people/maria-lopez.yaml (merged with a change made while you were editing)

$ grep -E '^title:|Logged meanwhile' people/maria-lopez.yaml && peers check 2>&1 | grep maria-lopez | wc -l
title: Director
    note: Logged meanwhile
0

$ printf '#!/bin/sh\npeers edit maria-lopez --title "Dean" >/dev/null 2>&1\nsed -i "s/^title: .*/title: Provost/" "$1"\n' > $WORK/ed2 && chmod +x $WORK/ed2 && EDITOR=$WORK/ed2 script -qec "peers edit maria-lopez" /dev/null | tr -d '\r' | sed -E 's#/tmp/peers-edit-maria-lopez-[A-Za-z0-9]+\.yaml#KEPT#'
peers: error: people/maria-lopez.yaml: changed by another command while you were editing, and your change conflicts with it (title); nothing was saved
hint: your text is kept in KEPT; run 'peers edit maria-lopez' again and copy your change over

$ grep '^title:' people/maria-lopez.yaml && grep -l 'title: Provost' /tmp/peers-edit-maria-lopez-*.yaml | wc -l && rm -f /tmp/peers-edit-maria-lopez-*.yaml
title: Dean
1
