# check: a writer's left-over temp file; --fix removes it
fixture: check-temp-file

$ peers check
@unchanged
people/.jose-nunez.yaml.tmp-4242-0badf00d: warning: left-over temporary file of an interrupted write [temp-file]
  hint: 'peers check --fix' removes it (the record it was for is unchanged)
! 0 errors, 1 warning (1 can be fixed with 'peers check --fix')

$ peers check --fix
! fixed people/.jose-nunez.yaml.tmp-4242-0badf00d
! No problems found.

$ ls -a people
.
..
jose-nunez.yaml
maria-lopez.yaml
