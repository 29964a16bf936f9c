# check: dates that are not dates
fixture: check-bad-date

$ peers check
@unchanged
people/jose-nunez.yaml:2:6: error: 'met' should be a date (YYYY-MM-DD), found '2026-13-40' [bad-date]
  hint: write the date as YYYY-MM-DD, e.g. 2026-11-20
people/jose-nunez.yaml:4:11: error: 'log[1].date' should be a date (YYYY-MM-DD), found 'last tuesday' [bad-date]
  hint: write the date as YYYY-MM-DD, e.g. 2026-11-20
! 2 errors, 0 warnings
! peers: error: the store has errors
! hint: fix the files listed above, then run 'peers check' again
[4]
