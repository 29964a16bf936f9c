# check: CRLF endings are a fixable warning; --fix rewrites with LF
fixture: check-crlf

$ peers check
@unchanged
people/jose-nunez.yaml:1: warning: Windows (CRLF) line endings [crlf]
  hint: 'peers check --fix' rewrites the file with LF endings
! 0 errors, 1 warning (1 can be fixed with 'peers check --fix')

$ peers check --fix
! fixed people/jose-nunez.yaml
! No problems found.

$ grep -c $'\r' people/jose-nunez.yaml
0
[1]

$ cat people/jose-nunez.yaml
name: Jose Nunez
title: Director of Aid
