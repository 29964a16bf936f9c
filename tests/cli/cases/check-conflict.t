# check: conflict markers are explained (what each side holds); other commands refuse the file by line
fixture: check-conflict

$ peers check
@unchanged
people/jose-nunez.yaml:2:1: error: unresolved merge conflict (lines 2-6): one side has 'email: jnunez@westbrook.edu', the other 'email: jose.nunez@westbrook.edu' [conflict-marker]
  hint: keep the lines that are right, delete the lines '<<<<<<<', '=======' and '>>>>>>>', then run 'peers check' again
! 1 error, 0 warnings
! peers: error: the store has errors
! hint: fix the files listed above, then run 'peers check' again
[4]

$ peers show jose-nunez
@unchanged
! peers: error: people/jose-nunez.yaml:2:1: unresolved merge conflict marker '<<<<<<<'
! hint: resolve the conflict: keep the right lines, delete the markers, then run 'peers check'; 'peers git setup' once in this clone lets peers merge store files itself
[1]
