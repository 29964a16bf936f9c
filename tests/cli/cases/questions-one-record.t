fixture: questions
# route, answer, close and reopen read only the question (and the person) they name: a broken
# file elsewhere in the store does not get in their way, and they do not warn about it, while a
# read of every question such as `peers questions` names the question file it skipped (and only
# that one: it reads no person).
$ printf 'text: [unclosed\n' > questions/zzzzzzzz.yaml; printf 'name: [broken\n' > people/broken.yaml

$ peers route 7fk2 ana-owusu
! Routed 7fk2m9qa to Ana Owusu (ana-owusu)

$ peers answer 7fk2 "Lot C, free after 5pm"
! Answered 7fk2m9qa (by ana-owusu)

$ peers close 7fk2
! Closed 7fk2m9qa

$ peers reopen 7fk2
! Reopened 7fk2m9qa (routed, waiting on ana-owusu)

$ peers questions 2>&1 >/dev/null | grep '^peers: warning: skipped'
peers: warning: skipped questions/zzzzzzzz.yaml:2:1: YAML syntax error: end of sequence flow not found

