# check: a clean store; --json shape
fixture: check-clean

$ peers check
@unchanged
! No problems found.

$ peers check --json
@unchanged
{
  "findings": [],
  "errors": 0,
  "warnings": 0,
  "fixed": []
}

$ peers check --strict
@unchanged
! No problems found.
