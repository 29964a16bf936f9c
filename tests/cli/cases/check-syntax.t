# check: a YAML syntax error is an error with file:line:col (exit 4); reads change nothing
fixture: check-syntax

$ peers check
@unchanged
people/jose-nunez.yaml:3:1: error: YAML syntax error: end of sequence flow not found [yaml-syntax]
  hint: fix the line in your editor; 'peers check' lists every problem in the store
! 1 error, 0 warnings
! peers: error: the store has errors
! hint: fix the files listed above, then run 'peers check' again
[4]
