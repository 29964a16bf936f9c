# peers stale: people not talked to (met, log) in N days, weighted so a close colleague gone
# quiet comes before a one-time acquaintance. peers recent: the team's last conversations.
fixture: shell
# María: 5 conversations, last 120 days ago; Kwame: met once, 316 days ago; José: 2 days ago;
# Ulla: never met or logged; Tom: has left.
$ peers stale
maria-lopez   María López   120 days  5 conversations  closest: Sam Lee
kwame-asante  Kwame Asante  316 days  0 conversations
! 1 person has no met date or log yet (--never lists them).
@unchanged
$ peers stale --days 200 --never
kwame-asante  Kwame Asante  316 days  0 conversations
ulla-berg     Ulla Berg     never     0 conversations
$ peers stale --days 1 -n 1 --json
[
  {
    "id": "maria-lopez",
    "name": "María López",
    "last_contact": "2026-07-30",
    "days": 120,
    "conversations": 5,
    "knows_best": "Sam Lee",
    "score": 335.0
  }
]
$ peers stale --days 0 --tag press
jose-nunez  José Núñez  2 days  1 conversation  closest: Ana Park
# A new conversation takes María off the list; `--by` says who had it.
$ peers log maria "Call about the winter open day" --by "Ana Park" -q
$ peers stale
kwame-asante  Kwame Asante  316 days  0 conversations
! 1 person has no met date or log yet (--never lists them).
$ peers recent -n 3
2026-11-27  Ana Park  María López  Call about the winter open day
2026-11-25  Ana Park  José Núñez   FAFSA deadline explainer
2026-07-30  Sam Lee   María López  Checked facts on yield numbers
@unchanged
$ peers recent --by sam --days 200
2026-07-30  Sam Lee  María López  Checked facts on yield numbers
2026-05-14  Sam Lee  María López  Lunch with the admissions team
$ peers recent --by nobody
! No conversations logged yet ('peers log ID NOTE' adds one).
$ peers recent -n 1 --json
[
  {
    "date": "2026-11-27",
    "by": "Ana Park",
    "person": "maria-lopez",
    "name": "María López",
    "note": "Call about the winter open day"
  }
]
$ peers stale --days -3
! peers: error: --days: Value -3 not in range 0 to 36500
! hint: run 'peers stale --help' for usage
[2]
