# peers git setup --hooks installs a pre-commit hook that checks what is staged (not the work
# tree): a commit that breaks the store is refused with the findings, a fix passes, a commit
# that touches no store file always passes, and --no-verify skips it.
fixture: basic

$ git init -q -b main && git add -A && git commit -qm store && peers git setup --hooks 2>&1 | grep hook | sed "s|$PWD/||"
Installed the pre-commit hook (.git/hooks/pre-commit): commits that leave the store with errors are refused

$ test -x .git/hooks/pre-commit && peers git setup --hooks 2>&1 | grep hook
The pre-commit hook was already installed

# A broken record is refused, with the findings.
$ printf 'name: Broken\nforward_to: nobody-here\n' > people/broken.yaml && git add people/broken.yaml && git commit -qm 'add broken'
! people/broken.yaml:2:13: error: 'forward_to' refers to person 'nobody-here', which does not exist [unknown-person]
!   hint: add the person or fix the id
! 1 error, 0 warnings
! peers: error: the store has errors
! hint: fix the files listed above, then run 'peers check' again
[1]

# Fixed in the work tree but not staged: still refused, since the commit holds the staged file.
$ printf 'name: Broken\nforward_to: maria-lopez\n' > people/broken.yaml && git commit -qm 'add broken' 2>&1 | grep -c unknown-person
1

$ git add people/broken.yaml && git commit -qm 'add a person' && git log --format=%s -1
add a person
! No problems found.

# Broken in the work tree, good in the index: the commit is what is checked, so it passes.
$ printf 'name: Ana\nforward_to: ghost\n' > people/ana-silva.yaml && echo notes > NOTES.txt && git add NOTES.txt && git commit -qm 'notes' && git log --format=%s -1
notes

# Removing a person others refer to breaks the references: refused.
$ git checkout -q people && git rm -q people/maria-lopez.yaml && git commit -qm 'remove maria' 2>&1 | grep -o "refers to person 'maria-lopez'" | sort -u
refers to person 'maria-lopez'

$ git commit -q --no-verify -m 'remove maria anyway' && git log --format=%s -1
remove maria anyway

# A foreign hook is left alone.
$ printf '#!/bin/sh\nexit 0\n' > .git/hooks/pre-commit && peers git setup --hooks 2>&1 | sed "s|$PWD/||"
Merge driver installed in this clone's git config (peers merge-driver %O %A %B %P)
peers: error: .git/hooks/pre-commit is already there and is not peers' hook
hint: add this line to it instead: peers check --staged (the rest of the setup is done)
