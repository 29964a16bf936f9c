# Refused lead changes: a clear message, a non-zero exit, nothing on disk changed.
fixture: events
env: PEERS_TEST_ID_SEED=1

$ peers lead add "Mars rover lab's first field test" --from kwame-asante
byxpgvv8
! Added the lead byxpgvv8 (idea)

$ peers lead add "A lead from nobody" --from kwame-asantee
! peers: error: no person 'kwame-asantee'
! hint: did you mean kwame-asante?
[3]
@unchanged

$ peers lead add "  "
! peers: error: a lead needs a title
! hint: peers lead add "Mars rover lab's first field test"
[2]
@unchanged

$ peers lead set byxpgvv8 --status done
! peers: error: --status is idea, pitched, scheduled or published, not 'done'
! hint: for example: --status pitched
[2]
@unchanged

$ peers lead set byxpgvv8 --link 'javascript:alert(1)'
! peers: error: 'javascript:alert(1)' is not a web address
! hint: for example: --link https://news.westbrook.edu/mars-rover
[2]
@unchanged

$ peers lead set byxpgvv8
! peers: error: nothing to change
! hint: give --status, --link, --note or --title
[2]
@unchanged

$ peers lead set zzzz --status pitched
! peers: error: no lead 'zzzz'
! hint: 'peers list' shows every id
[3]
@unchanged

$ peers leads --status done
! peers: error: --status is idea, pitched, scheduled or published, not 'done'
! hint: for example: --status idea
[2]
@unchanged

$ peers leads --from nobody
! peers: error: no person 'nobody'
! hint: 'peers list' shows every id
[3]
@unchanged

# A hand-broken lead is refused with its location; `peers leads` skips it and says so.
$ printf 'title: Broken\nstatus: maybe\n' > leads/broken.yaml

$ peers lead show broken
! peers: error: leads/broken.yaml:2:9: 'status' should be one of: idea, pitched, scheduled, published, found 'maybe'
! hint: change 'status' to one of: idea, pitched, scheduled, published
[1]
@unchanged

$ peers leads
byxpgvv8  idea  kwame-asante  Mars rover lab's first field test
! peers: warning: skipped leads/broken.yaml:2:9: 'status' should be one of: idea, pitched, scheduled, published, found 'maybe'
! peers: warning: run 'peers check' for details and how to fix them
@unchanged

$ peers check
leads/broken.yaml:2:9: error: 'status' should be one of: idea, pitched, scheduled, published, found 'maybe' [bad-value]
  hint: change 'status' to one of: idea, pitched, scheduled, published
! 1 error, 0 warnings
! peers: error: the store has errors
! hint: fix the files listed above, then run 'peers check' again
[4]
@unchanged
