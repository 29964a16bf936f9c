fixture: questions
env: PEERS_TEST_ID_SEED=1
# The whole life of a question: asked, routed, answered, closed, reopened, answered again, each
# change one history entry. Ids come from $PEERS_TEST_ID_SEED so they can be predicted.
$ peers ask "Can I defer my admission by a year?" --from @sam --channel instagram --topic applying | head -1
byxpgvv8
! Recorded question byxpgvv8; hand it to someone with 'peers route byxpgvv8 PERSON'

$ cat questions/byxpgvv8.yaml
text: Can I defer my admission by a year?
from: '@sam'
channel: instagram
asked_at: 2026-11-27T12:00:00Z
status: open
topics:
  - admissions
history:
  - at: 2026-11-27T12:00:00Z
    event: asked
    by: Test User

$ peers questions
7fk3p1zz  2d  routed  maria-lopez  Do you offer campus tours on weekends?
7fk2m9qa  1d  open    -            Where can visitors park for the game on Saturday?
byxpgvv8  0s  open    -            Can I defer my admission by a year?
@unchanged

$ PEERS_NOW=2026-11-27T15:00:00Z peers route byx maria --note "she handles deferrals"
! Routed byxpgvv8 to Maria Lopez (maria-lopez)

$ PEERS_NOW=2026-11-28T12:00:00Z peers answer byxp "Yes, email admissions before May 1." --note "replied in DMs"
! Answered byxpgvv8 (by maria-lopez)

$ PEERS_NOW=2026-11-28T13:00:00Z peers close byxpgvv8
! Closed byxpgvv8

$ PEERS_NOW=2026-11-29T09:00:00Z peers reopen byx --note "policy changed"
! Reopened byxpgvv8 (routed, waiting on maria-lopez)

$ PEERS_NOW=2026-11-29T09:00:00Z peers questions
7fk3p1zz  3d  routed  maria-lopez  Do you offer campus tours on weekends?
7fk2m9qa  2d  open    -            Where can visitors park for the game on Saturday?
byxpgvv8  1d  routed  maria-lopez  Can I defer my admission by a year?
@unchanged

$ PEERS_NOW=2026-11-29T10:00:00Z peers answer byx "Only with a documented reason; see admissions.westbrook.edu/defer" --by ana
! Answered byxpgvv8 (by ana-owusu)

$ PEERS_NOW=2026-11-30T12:00:00Z peers show byx
byxpgvv8  answered
  Can I defer my admission by a year?
  from         @sam
  channel      instagram
  asked        2026-11-27 12:00 (3d ago)
  topics       admissions
  routed to    maria-lopez
  answered by  ana-owusu
  answered     2026-11-29 10:00 (1d 22h after it was asked)
Answer
  Only with a documented reason; see admissions.westbrook.edu/defer
History
  2026-11-27 12:00  asked     by Test User
  2026-11-27 15:00  routed    to maria-lopez, by Test User, she handles deferrals
  2026-11-28 12:00  answered  by maria-lopez, replied in DMs
  2026-11-28 13:00  closed    by Test User
  2026-11-29 09:00  reopened  by Test User, policy changed; previous answer: Yes, email admissions before May 1.
  2026-11-29 10:00  answered  by ana-owusu
@unchanged

$ cat questions/byxpgvv8.yaml
text: Can I defer my admission by a year?
from: '@sam'
channel: instagram
asked_at: 2026-11-27T12:00:00Z
status: answered
routed_to: maria-lopez
answer: Only with a documented reason; see admissions.westbrook.edu/defer
answered_by: ana-owusu
answered_at: 2026-11-29T10:00:00Z
topics:
  - admissions
history:
  - at: 2026-11-27T12:00:00Z
    event: asked
    by: Test User
  - at: 2026-11-27T15:00:00Z
    event: routed
    to: maria-lopez
    by: Test User
    note: she handles deferrals
  - at: 2026-11-28T12:00:00Z
    event: answered
    by: maria-lopez
    note: replied in DMs
  - at: 2026-11-28T13:00:00Z
    event: closed
    by: Test User
  - at: 2026-11-29T09:00:00Z
    event: reopened
    by: Test User
    note: 'policy changed; previous answer: Yes, email admissions before May 1.'
  - at: 2026-11-29T10:00:00Z
    event: answered
    by: ana-owusu

# Files hold UTC; the screen shows local time.
$ TZ=America/New_York PEERS_NOW=2026-11-30T12:00:00Z peers show byx | grep -E '^  (asked|answered)  '
  asked        2026-11-27 07:00 (3d ago)
  answered     2026-11-29 05:00 (1d 22h after it was asked)
@unchanged

# A second question with the same seed gets the next id, not the first one again.
$ peers ask "Where do I send my transcripts?" --channel email | head -1
a0hhhyje
! Recorded question a0hhhyje; hand it to someone with 'peers route a0hhhyje PERSON'

