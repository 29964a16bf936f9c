# check: routed_to/answered_by/forward_to/related naming records that do not exist
fixture: check-references

$ peers check
@unchanged
people/ana-ruiz.yaml:3:13: error: 'forward_to' refers to person 'jose-nunez', which does not exist [unknown-person]
  hint: add the person or fix the id
questions/7fk2abcd.yaml:6:14: error: 'answered_by' refers to person 'maria-lopz', which does not exist [unknown-person]
  hint: did you mean 'maria-lopez'?
topics/admissions.yaml:3:5: error: 'related' refers to topic 'financial-aid', which does not exist [unknown-topic]
  hint: add the topic or fix the id
! 3 errors, 0 warnings
! peers: error: the store has errors
! hint: fix the files listed above, then run 'peers check' again
[4]
