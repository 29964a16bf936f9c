# git setup and sync outside a git repository, without an upstream, with uncommitted changes: clear advice
fixture: none

$ peers init . --name Westbrook 2>/dev/null

$ peers git setup
! peers: error: the store is not in a git repository
! hint: make one first: 'git init' in the store (or clone the team's repository), then 'peers git setup'
[1]

$ peers sync
! peers: error: the store is not in a git repository, so there is nothing to sync with
! hint: clone the team's repository and work in the clone; 'peers git setup' there
[1]

$ git init -q -b main . && git add -A && git commit -qm init && peers sync
! peers: error: this branch has no upstream branch to sync with
! hint: push it once with 'git push -u origin BRANCH', then 'peers sync'
[1]

$ peers add 'Maria Lopez' >/dev/null 2>&1; git init -q --bare $WORK/origin.git && git remote add origin $WORK/origin.git && git push -q -u origin main 2>/dev/null; peers sync
! peers: error: the store has changes that are not committed: people/maria-lopez.yaml
! hint: commit them first (git add -A . && git commit -m '...'), or turn on 'peers config set git.autocommit true' so each command commits its change
[1]

$ git add -A && git commit -qm maria && peers sync
! peers: warning: the peers merge driver is not set up in this clone, so git merges store files line by line; run 'peers git setup'
! Synced with origin/main: pulled 0 commits, pushed 1.

$ peers sync
! peers: warning: the peers merge driver is not set up in this clone, so git merges store files line by line; run 'peers git setup'
! Pulled 0 commits from origin/main; nothing pushed.

$ git log origin/main -1 --format=%s
maria
