# `add` stores `met` only when given (or answered at the prompt), so `stale --never` finds the
# people nobody has met; `stale` counts the last real contact; `log --date` in the future is
# refused unless --force.
fixture: basic
$ peers add "Kim Tran" && cat people/kim-tran.yaml
kim-tran
name: Kim Tran
added_by: Test User
! Added Kim Tran as kim-tran
$ peers add "Ulla Berg" --met today -q && grep met people/ulla-berg.yaml
ulla-berg
met: 2026-11-27
$ peers add "Ana Park" --met 2026-01-10 -q
ana-park
$ peers stale --never
jose-nunez  José Núñez  452 days  0 conversations
ana-park    Ana Park    321 days  0 conversations
kim-tran    Kim Tran    never     0 conversations
@unchanged
$ peers log kim "Coffee" --date 2026-11-28
! peers: error: --date 2026-11-28 is in the future (today is 2026-11-27)
! hint: log a conversation once it has happened (--force logs it anyway)
[2]
@unchanged
$ peers log kim "Coffee" --date 2027-01-01 --force && peers log kim "Call" --date 2026-06-01
! Logged a conversation with Kim Tran on 2027-01-01
! Logged a conversation with Kim Tran on 2026-06-01
$ peers stale --days 30 --never
jose-nunez  José Núñez  452 days  0 conversations
ana-park    Ana Park    321 days  0 conversations
mark-chen   Mark Chen   56 days   0 conversations
@unchanged
