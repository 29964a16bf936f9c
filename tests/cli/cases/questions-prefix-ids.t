fixture: questions
# Question ids: any unique prefix works, an ambiguous one lists the candidates, an unknown one
# suggests close ids. Archived questions are found too.
$ peers show 7fk2 --json | grep '"id"'
  "id": "7fk2m9qa",
@unchanged

$ peers show 7fk
! peers: error: '7fk' is ambiguous: it starts 2 ids: 7fk2m9qa, 7fk3p1zz
! hint: type more of the id
[3]
@unchanged

$ peers route 7fk maria-lopez
! peers: error: '7fk' is ambiguous: it starts 2 ids: 7fk2m9qa, 7fk3p1zz
! hint: type more of the id
[3]
@unchanged

$ peers answer 7fkz "x"
! peers: error: no question '7fkz'
! hint: did you mean 7fk2m9qa or 7fk3p1zz?
[3]
@unchanged

$ peers show q9r8 | head -1
q9r8s7t6  answered (archived)
@unchanged

$ peers close k3m9ab2cx
! peers: error: no question 'k3m9ab2cx'
! hint: did you mean k3m9ab2c?
[3]
@unchanged

