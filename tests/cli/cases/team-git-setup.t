# git setup: merge driver in git config, .gitattributes and .gitignore committed; idempotent
fixture: none

$ git init -q -b main . && peers init . --name Westbrook 2>/dev/null && git add -A && git commit -qm init

$ peers git setup
! Merge driver installed in this clone's git config (peers merge-driver %O %A %B %P)
! Wrote .gitattributes
! Committed them: every clone now merges store files the same way once it has run 'peers git setup'

$ git config --get merge.peers.driver
peers merge-driver %O %A %B %P

$ cat .gitattributes
| # peers: merge store files by their structure, not line by line ('peers git setup')
peers.yaml merge=peers
people/*.yaml merge=peers
topics/*.yaml merge=peers
questions/*.yaml merge=peers
questions/archive/*.yaml merge=peers
events/*.yaml merge=peers
leads/*.yaml merge=peers

$ cat .gitignore
| # peers' local cache and lock: never committed
/.peers/

$ git log -1 --format=%s
peers: git setup

$ git show --name-only --format= HEAD
.gitattributes

$ git status --porcelain

$ peers git setup
! Merge driver installed in this clone's git config (peers merge-driver %O %A %B %P)
! .gitattributes and .gitignore were already set up

$ git log --format=%s | wc -l
2
