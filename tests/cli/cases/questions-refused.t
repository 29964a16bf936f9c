fixture: questions
# Every transition that makes no sense is refused with a clear message, and changes nothing.
# Routing to someone who left points at who they forward to.
$ peers route 7fk2 kwame-asante
! peers: error: kwame-asante has left; questions cannot be routed to them
! hint: they forward to ana-owusu: peers route 7fk2m9qa ana-owusu
[1]
@unchanged

$ peers route 7fk2 lena
! peers: error: lena-fischer has left; questions cannot be routed to them
! hint: 'peers route 7fk2m9qa' suggests who else to ask
[1]
@unchanged

$ peers route 7fk2 nobody-here
! peers: error: no person 'nobody-here'
! hint: 'peers list' shows every id
[3]
@unchanged

$ peers reopen 7fk2
! peers: error: question 7fk2m9qa is open, not answered or closed; there is nothing to reopen
[1]
@unchanged

$ peers route 7fk3 maria-lopez
! peers: error: question 7fk3p1zz is already routed to maria-lopez
[1]
@unchanged

$ peers answer 7fk2 ""
! peers: error: an answer needs its text
! hint: peers answer 7fk2 "March 1"
[2]
@unchanged

$ peers ask "   "
! peers: error: a question needs its text
! hint: peers ask "When is the FAFSA due?"
[2]
@unchanged

$ peers answer k3m9 "A second answer"
! peers: error: question k3m9ab2c is already answered by maria-lopez
! hint: to change the answer, reopen it first: peers reopen k3m9ab2c
[1]
@unchanged

$ peers route k3m9 ana-owusu
! peers: error: question k3m9ab2c is already answered; it cannot be routed
! hint: to ask again, reopen it first: peers reopen k3m9ab2c
[1]
@unchanged

$ peers answer 7fk2 "March 1" --by nobody-here
! peers: error: no person 'nobody-here'
! hint: 'peers list' shows every id
[3]
@unchanged

$ peers close c1d2
! peers: error: question c1d2e3f4 is already closed
! hint: to work on it again: peers reopen c1d2e3f4
[1]
@unchanged

$ peers answer c1d2 "Too late"
! peers: error: question c1d2e3f4 is closed; it cannot be answered
! hint: reopen it first: peers reopen c1d2e3f4
[1]
@unchanged

$ peers route c1d2 maria-lopez
! peers: error: question c1d2e3f4 is closed; it cannot be routed
! hint: to work on it again, reopen it first: peers reopen c1d2e3f4
[1]
@unchanged

$ peers reopen 7fk3
! peers: error: question 7fk3p1zz is routed, not answered or closed; there is nothing to reopen
[1]
@unchanged

# The moves that are allowed from there still work.
$ peers route 7fk2 ana-owusu
! Routed 7fk2m9qa to Ana Owusu (ana-owusu)

$ peers route 7fk2 sam-park
! peers: warning: sam-park is away until 2026-12-15
! Routed 7fk2m9qa to Sam Park (sam-park)

$ cat questions/7fk2m9qa.yaml
text: Where can visitors park for the game on Saturday?
from: '@fan22'
channel: twitter
asked_at: 2026-11-26T12:00:00Z
status: routed
routed_to: sam-park
history:
  - at: 2026-11-26T12:00:00Z
    event: asked
    by: Sam Lee
  - at: 2026-11-27T12:00:00Z
    event: routed
    to: ana-owusu
    by: Test User
  - at: 2026-11-27T12:00:00Z
    event: routed
    to: sam-park
    by: Test User

