# Any unique prefix of an id works; an ambiguous one lists the candidates; an unknown one
# suggests close ids. Names work too.
fixture: basic

$ peers show mari --json | grep '"id"'
  "id": "maria-lopez",
@unchanged

$ peers show "Maria Lopez" --json | grep '"name"'
  "name": "Maria Lopez",

$ peers show mar
! peers: error: 'mar' is ambiguous: it starts 2 ids: maria-lopez, mark-chen
! hint: type more of the id
[3]
@unchanged

$ peers show maria-lopes
! peers: error: no person, question, event or lead 'maria-lopes'
! hint: did you mean maria-lopez?
[3]

$ peers log mrk-chen "hello"
! peers: error: no person 'mrk-chen'
! hint: did you mean mark-chen?
[3]
@unchanged

$ peers show 7fk --json | grep '"id"'
  "id": "7fk2m9qa",

$ peers show ../etc/passwd
! peers: error: no person, question, event or lead '../etc/passwd'
! hint: 'peers list' shows every id
[3]
