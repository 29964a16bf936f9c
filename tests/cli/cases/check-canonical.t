# check: non-canonical formatting; --fix rewrites it canonically, comments kept
fixture: check-canonical

$ peers check
@unchanged
people/jose-nunez.yaml:1: warning: not in the canonical format, so the next change by peers will also reformat it [not-canonical]
  hint: 'peers check --fix' rewrites it canonically (the data and comments stay the same)
! 0 errors, 1 warning (1 can be fixed with 'peers check --fix')

$ peers check --fix
! fixed people/jose-nunez.yaml
! No problems found.

$ cat people/jose-nunez.yaml
name: Jose Nunez
| # Met at the aid fair
title: Director of Aid
expertise:
  - financial aid
  - FAFSA

$ peers check
@unchanged
! No problems found.
