# check: a question whose status contradicts its history
fixture: check-status

$ peers check
@unchanged
questions/7fk2abcd.yaml:3:9: warning: status is 'open' but the last event in its history is 'answered' (2026-11-21T09:00:00Z) [status-mismatch]
  hint: set the status that matches what happened last, or add the missing history entry
! 0 errors, 1 warning
