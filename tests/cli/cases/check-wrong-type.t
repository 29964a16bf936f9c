# check: values of the wrong type
fixture: check-wrong-type

$ peers check
@unchanged
people/jose-nunez.yaml:2:7: error: 'tags' should be a list, found 'press' [wrong-type]
  hint: write one item per line: 'tags:' then '  - first', '  - second'
people/jose-nunez.yaml:4:3: error: 'handles' should be a map of 'name: value' lines, found a list [wrong-type]
  hint: write one 'name: value' per line under 'handles:', e.g. '  twitter: "@x"'
! 2 errors, 0 warnings
! peers: error: the store has errors
! hint: fix the files listed above, then run 'peers check' again
[4]
