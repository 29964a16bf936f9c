# check: possible duplicate people are warnings (exit 0; 4 with --strict)
fixture: check-duplicates

$ peers check
@unchanged
people/maria-lopez-2.yaml:1:7: warning: maria-lopez-2 may be the same person as maria-lopez: the same name [possible-duplicate]
  hint: if so, 'peers merge-people maria-lopez maria-lopez-2' folds maria-lopez-2 into maria-lopez
people/maria-lopez.yaml:1:7: warning: maria-lopez may be the same person as m-lopez: the same email, mlopez@westbrook.edu [possible-duplicate]
  hint: if so, 'peers merge-people m-lopez maria-lopez' folds maria-lopez into m-lopez
! 0 errors, 2 warnings

$ peers check --strict 2>/dev/null
@unchanged
people/maria-lopez-2.yaml:1:7: warning: maria-lopez-2 may be the same person as maria-lopez: the same name [possible-duplicate]
  hint: if so, 'peers merge-people maria-lopez maria-lopez-2' folds maria-lopez-2 into maria-lopez
people/maria-lopez.yaml:1:7: warning: maria-lopez may be the same person as m-lopez: the same email, mlopez@westbrook.edu [possible-duplicate]
  hint: if so, 'peers merge-people m-lopez maria-lopez' folds maria-lopez into m-lopez
[4]
