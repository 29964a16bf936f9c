# The whole life of a story lead: added as an idea, pitched, published with a link; listed and
# filtered; shown on the person who gave it. Ids are random; PEERS_TEST_ID_SEED makes them
# predictable here.
fixture: events
env: PEERS_TEST_ID_SEED=1

$ peers lead add "Mars rover lab's first field test" --from kwame --topic research --note "Field test in March; photos allowed"
byxpgvv8
! Added the lead byxpgvv8 (idea)

$ cat leads/byxpgvv8.yaml
title: Mars rover lab's first field test
from: kwame-asante
topics:
  - research
status: idea
notes: Field test in March; photos allowed
added_by: Test User
added_at: 2026-11-27T12:00:00Z
history:
  - at: 2026-11-27T12:00:00Z
    status: idea
    by: Test User

# The same seed gives the same first id; peers takes the next unused one.
$ PEERS_NOW=2026-11-28T09:00:00Z peers lead add "Transfer students' first week" --from maria-lopez
a0hhhyje
! Added the lead a0hhhyje (idea)

$ peers leads
byxpgvv8  idea  kwame-asante  Mars rover lab's first field test
a0hhhyje  idea  maria-lopez   Transfer students' first week
@unchanged

$ peers lead set byx --status pitched
! Updated the lead byxpgvv8 (pitched)

$ peers lead set byx --status pitched
! byxpgvv8 is already like that; nothing changed
@unchanged

$ PEERS_NOW=2026-12-02T16:30:00Z peers lead set byxpgvv8 --status published --link https://news.westbrook.edu/mars-rover
! Updated the lead byxpgvv8 (published)

$ peers lead show byxpgvv8
byxpgvv8  published
  Mars rover lab's first field test
  from      Kwame Asante (kwame-asante)
  topics    research
  link      https://news.westbrook.edu/mars-rover
  added     2026-11-27 12:00
  added by  Test User
Notes
  Field test in March; photos allowed
History
  2026-11-27 12:00  idea       by Test User
  2026-11-27 12:00  pitched    by Test User
  2026-12-02 16:30  published  by Test User
@unchanged

$ peers leads --status published
byxpgvv8  published  kwame-asante  Mars rover lab's first field test
@unchanged

$ peers leads --status idea --from maria
a0hhhyje  idea  maria-lopez  Transfer students' first week
@unchanged

$ peers leads --status scheduled
! No lead matches.
@unchanged

$ peers leads --from kwame-asante --status idea
! No lead matches.
@unchanged

$ peers show kwame-asante
Kwame Asante  (kwame-asante)
  Professor of Planetary Science, Earth and Planetary Sciences
  knows  research
Leads given
  byxpgvv8  published  Mars rover lab's first field test
@unchanged

# `peers show` takes a lead id too.
$ peers show a0h
a0hhhyje  idea
  Transfer students' first week
  from      María López (maria-lopez)
  added     2026-11-28 09:00
  added by  Test User
History
  2026-11-28 09:00  idea  by Test User
@unchanged

# Published without a link: a reminder.
$ peers lead set a0hhhyje --status published
! Updated the lead a0hhhyje (published)
! Add where it ran: peers lead set a0hhhyje --link https://...

$ peers lead set a0hhhyje --status idea --title "Transfer students: the first week" --note "Ask for two students"
! Updated the lead a0hhhyje (idea)

$ peers leads --status idea
a0hhhyje  idea  maria-lopez  Transfer students: the first week
@unchanged
