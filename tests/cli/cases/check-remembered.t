# check remembers what it found in each file (.peers/check, by content), so a second check
# reads only what changed, and what it found in the whole store (.peers/check.store, with the
# fingerprint of every file), so a check of an unchanged store reads no record; a hand edit is
# seen by the very next check.
fixture: check-references

$ peers check 2>/dev/null | grep -c error
3
[0]

$ ls .peers | grep check
check
check.store

# The second check gives the same findings, lines and columns included.
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

# Fixed by hand: the finding goes.
$ sed -i 's/maria-lopz/maria-lopez/' questions/7fk2abcd.yaml && peers check 2>&1 | grep -c maria-lopz
0
[1]

# Broken by hand: the new problem shows at once.
$ sed -i 's/^met: 2026-11-20/met: 2026-13-20/' people/maria-lopez.yaml && peers check 2>&1 | grep maria-lopez.yaml
people/maria-lopez.yaml:5:6: error: 'met' should be a date (YYYY-MM-DD), found '2026-13-20' [bad-date]

# A damaged memory is ignored (and written anew).
$ echo garbage > .peers/check && peers check 2>/dev/null | grep -c error
3

$ echo garbage > .peers/check.store && peers check 2>/dev/null | grep -c error
3

# A file that is not a record, added or removed, is seen too.
$ touch 'people/Ana Ruiz.yaml' && peers check 2>&1 | grep -c invalid-file-name
1

$ rm 'people/Ana Ruiz.yaml' && peers check 2>&1 | grep -c invalid-file-name
0
[1]
