# .peers/ ignores itself (.peers/.gitignore holds '*'), so git status stays clean in a store
# committed without a .gitignore; the same for the $XDG_CACHE_HOME fallback; and a .peers/
# that was committed anyway gets a warning from peers check, with the command that untracks it.
fixture: basic

$ rm .gitignore && git init -q -b main && git add -A && git commit -qm store && git status --porcelain

$ peers who-knows "admissions deadline" > /dev/null && git status --porcelain && cat .peers/.gitignore
| # made by peers: nothing in this directory is committed
*

$ peers check 2>&1 | grep -c tracked-cache
0
[1]

# A .peers/ made by an older peers gets its .gitignore on the next run.
$ rm .peers/.gitignore && peers list > /dev/null && git status --porcelain && ls -A .peers | grep gitignore
.gitignore

# A lock taken before any cache was made (a write command) makes the folder the same way.
$ rm -r .peers && peers log maria-lopez "Coffee" > /dev/null 2>&1 && git status --porcelain
 M people/maria-lopez.yaml

$ git checkout -q people && mkdir -p cachehome && echo 'in the way' > .peers.tmp && rm -r .peers && mv .peers.tmp .peers && echo '.peers' >> .git/info/exclude && XDG_CACHE_HOME=$PWD/cachehome peers list > /dev/null && git status --porcelain && cat cachehome/peers/.gitignore
| # made by peers: nothing in this directory is committed
*

$ rm .peers && git add -f .peers 2>/dev/null; peers list > /dev/null && git add -f .peers/cache && git commit -qm 'oops' && peers check | grep -A1 tracked-cache
.peers/cache: warning: git tracks 1 file of peers' local cache (.peers/): .peers/cache [tracked-cache]
  hint: untrack them (they stay on disk), in the store directory: git rm -r --cached .peers && git commit -m 'Stop tracking the peers cache'
! 0 errors, 2 warnings (1 can be fixed with 'peers check --fix')

$ peers check --strict > $WORK/out 2>/dev/null; echo "exit $?"; grep -c tracked-cache $WORK/out
exit 4
1

$ git rm -r -q --cached .peers && git commit -qm 'untrack' && peers check 2>/dev/null | grep -c tracked-cache; git status --porcelain
0
