# check: a record without its required key
fixture: check-missing-key

$ peers check
@unchanged
people/dean.yaml:1:1: error: 'name' is required and missing [missing-key]
  hint: add a line 'name: ...'
! 1 error, 0 warnings
! peers: error: the store has errors
! hint: fix the files listed above, then run 'peers check' again
[4]
