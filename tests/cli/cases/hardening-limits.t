# Smaller hardening (a relative $XDG_CACHE_HOME: tests/unit/test_context.cpp): archive_after_days
# below 1 is refused with its line; a record near the 256 KiB limit can still be logged to, and
# one a log entry would push over it is refused clearly (not "a bug in peers").
fixture: basic

$ printf 'archive_after_days: -5\n' >> peers.yaml && peers list
! peers: error: peers.yaml:3:21: 'archive_after_days' is -5; it must be a number of days, at least 1
! hint: set it to how many days a question stays before it is archived, e.g. 'archive_after_days: 180' (or remove the line for the default, 180)
[1]

$ peers check 2>&1 | grep archive_after_days
peers.yaml:3:21: error: 'archive_after_days' should be a whole number of 1 or more, found '-5' [wrong-type]
  hint: write it as digits, e.g. 'archive_after_days: 180'

$ sed -i 's/-5/0/' peers.yaml && peers check 2>&1 | grep archive_after_days
peers.yaml:3:21: error: 'archive_after_days' should be a whole number of 1 or more, found '0' [wrong-type]
  hint: write it as digits, e.g. 'archive_after_days: 180'


$ sed -i '/archive_after_days/d' peers.yaml && python3 -c "print('name: Big Person\nnotes: |'); [print('  ' + 'word ' * 24) for _ in range(2000)]" > people/big-person.yaml && wc -c < people/big-person.yaml && peers log big-person "Coffee" && wc -c < people/big-person.yaml
246026
! Logged a conversation with Big Person on 2026-11-27
246087

$ python3 -c "print('name: Huge Person\nnotes: |'); [print('  ' + 'word ' * 24) for _ in range(2131)]" > people/huge-person.yaml && wc -c < people/huge-person.yaml && peers log huge-person "A long conversation about many things, more than enough to go over"
262140
! peers: error: people/huge-person.yaml: the record would be 256 KiB, over the 256 KiB limit for one record
! hint: shorten its notes or log (move old entries to a file of your own); nothing was changed
[1]
