fixture: questions
env: PEERS_TEST_ID_SEED=3
# peers archive moves answered and closed questions whose last change is older than
# archive_after_days (default 180) to questions/archive/. Archived questions stay out of
# `peers questions` and `peers inbox`, but still count in stats and are still found as similar
# answers; reopening one brings it back.
$ peers archive --dry-run
a2b3c4d5
c1d2e3f4
! Would archive 2 questions (answered or closed over 180 days ago)
@unchanged

$ ls questions/archive
q9r8s7t6.yaml

$ peers archive
a2b3c4d5
c1d2e3f4
! Archived 2 questions to questions/archive/

$ ls questions questions/archive
questions:
7fk2m9qa.yaml
7fk3p1zz.yaml
archive
f8q2hn4d.yaml
k3m9ab2c.yaml

questions/archive:
a2b3c4d5.yaml
c1d2e3f4.yaml
q9r8s7t6.yaml

$ peers archive
! Nothing to archive (answered or closed over 180 days ago)
@unchanged

$ peers questions --status all | cut -d' ' -f1
k3m9ab2c
f8q2hn4d
7fk3p1zz
7fk2m9qa
@unchanged

$ peers questions --status all --archived --json | grep -E '"(id|archived)"'
    "id": "q9r8s7t6",
    "archived": true,
    "id": "c1d2e3f4",
    "archived": true,
    "id": "a2b3c4d5",
    "archived": true,
    "id": "k3m9ab2c",
    "archived": false,
    "id": "f8q2hn4d",
    "archived": false,
    "id": "7fk3p1zz",
    "archived": false,
    "id": "7fk2m9qa",
    "archived": false,
@unchanged

$ peers stats | head -2
7 asked, 4 answered; now 1 open, 1 routed, 1 closed
Median time to route: 3h; to answer: 1d 12h
@unchanged

$ peers ask "when are the library hours for finals?" | sed -n '/^Answered before/,+2p' | sed 's/[0-9]*% alike/N% alike/'
Answered before
a2b3c4d5  N% alike  What are the library hours during finals week?
   Open around the clock from May 1 to May 14.
! Recorded question pe675yxb; hand it to someone with 'peers route pe675yxb PERSON'

$ peers reopen a2b3 --note "hours changed"
! Reopened a2b3c4d5 (routed, waiting on maria-lopez)

$ ls questions/archive; peers questions | cut -d' ' -f1
c1d2e3f4.yaml
q9r8s7t6.yaml
a2b3c4d5
7fk3p1zz
7fk2m9qa
pe675yxb

# The age comes from peers.yaml.
$ printf 'peers: 1\nname: Questions Test Org\narchive_after_days: 20\n' > peers.yaml

$ peers archive
k3m9ab2c
! Archived 1 question to questions/archive/


# Plural forms: one day, one question.
$ peers config set archive_after_days 1 >/dev/null 2>&1 && peers archive --dry-run
f8q2hn4d
! Would archive 1 question (answered or closed over 1 day ago)
