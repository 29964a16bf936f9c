fixture: questions
# `peers answer ID --same-as QID` records QID's answer as the reply and credits whoever gave
# it; the history says where the answer came from.
$ peers answer 7fk3 --same-as k3m9
! Answered 7fk3p1zz (by maria-lopez)

$ sed -n '/^answer/,/^answered_by/p' questions/7fk3p1zz.yaml; tail -3 questions/7fk3p1zz.yaml
answer: March 1; see admissions.westbrook.edu/transfer
answered_by: maria-lopez
answered_at: 2026-11-27T12:00:00Z
history:
  - at: 2026-11-25T12:00:00Z
    event: asked
    by: Sam Lee
  - at: 2026-11-25T18:00:00Z
    event: routed
    to: maria-lopez
    by: Sam Lee
  - at: 2026-11-27T12:00:00Z
    event: answered
    by: maria-lopez
    note: same as k3m9ab2c
    event: answered
    by: maria-lopez
    note: same as k3m9ab2c

# --by still names someone else; --note is kept after the source.
$ peers answer 7fk2 --same-as f8q2 --by sam-park --note "checked with Ana"
! Answered 7fk2m9qa (by sam-park)

$ tail -1 questions/7fk2m9qa.yaml
    note: same as f8q2hn4d; checked with Ana

# An answer or --same-as, not both, nor neither; the source must have an answer.
$ peers answer c1d2 "Yes" --same-as k3m9
! peers: error: give the answer or --same-as, not both
! hint: peers answer 7fk2 --same-as k3m9 (reuses k3m9's answer)
[2]
@unchanged

$ peers answer c1d2
! peers: error: an answer needs its text
! hint: peers answer 7fk2 "March 1"
[2]

$ peers reopen a2b3 && peers answer a2b3 --same-as c1d2
! Reopened a2b3c4d5 (routed, waiting on maria-lopez)
! peers: error: c1d2e3f4 has no answer to reuse
! hint: see it with 'peers show c1d2e3f4'
[1]

$ peers answer a2b3 --same-as zzzz
! peers: error: no question 'zzzz'
! hint: 'peers list' shows every id
[3]
