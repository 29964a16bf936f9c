# check --changed-since REF: only the store files changed since REF's merge base with HEAD
# (committed or not), with every check, plus store findings elsewhere that name them.
fixture: check-references

$ git init -q -b main && git add -A && git commit -qm store && git checkout -qb pr && peers check --changed-since main
! 0 store files changed since main
! No problems found.

$ printf 'name: Sam Lee\nforward_to: maria-lopz\n' > people/sam-lee.yaml && peers check --changed-since main
people/sam-lee.yaml:2:13: error: 'forward_to' refers to person 'maria-lopz', which does not exist [unknown-person]
  hint: did you mean 'maria-lopez'?
! 1 store file changed since main
! 1 error, 0 warnings
! peers: error: the store has errors
! hint: fix the files listed above, then run 'peers check' again
[4]

# Removing maria-lopez: the question still routed to her is reported (it names her); its
# answered_by typo, there before the change, is not.
$ git add -A && git commit -qm sam && git rm -q people/maria-lopez.yaml && peers check --changed-since main
people/sam-lee.yaml:2:13: error: 'forward_to' refers to person 'maria-lopz', which does not exist [unknown-person]
  hint: add the person or fix the id
questions/7fk2abcd.yaml:4:12: error: 'routed_to' refers to person 'maria-lopez', which does not exist [unknown-person]
  hint: add the person or fix the id
! 2 store files changed since main
! 2 errors, 0 warnings
! peers: error: the store has errors
! hint: fix the files listed above, then run 'peers check' again
[4]

$ peers check --changed-since no-such-branch
! peers: error: git does not know the revision 'no-such-branch'
! hint: fetch it first (in CI: a checkout with enough history, e.g. fetch-depth: 0)
[2]
