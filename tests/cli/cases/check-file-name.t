# check: a file whose name is not a valid id
fixture: check-file-name

$ peers check
@unchanged
people/Jose Nunez.yaml: error: file name is not a valid id, so peers ignores this file [invalid-file-name]
  hint: rename it to lowercase letters, digits and '-' (at most 64), e.g. maria-lopez.yaml
! 1 error, 0 warnings
! peers: error: the store has errors
! hint: fix the files listed above, then run 'peers check' again
[4]
