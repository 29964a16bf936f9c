# check --changed-since REF: only the store files changed since REF's merge base with HEAD
# (committed or not), with every check, plus store findings elsewhere that name them.
fixture: check-references

$ git init -q -b main && git add -A && git commit -qm store && git checkout -qb pr && peers check --changed-since main
! 0 store files changed since main
! No problems found.

$ printf 'name: Sam Lee\nforward_to: maria-lopz\n' > people/sam-lee.yaml && peers check --changed-since main

$ git add -A && git commit -qm sam && git rm -q people/maria-lopez.yaml && peers check --changed-since main

$ peers check --changed-since no-such-branch
