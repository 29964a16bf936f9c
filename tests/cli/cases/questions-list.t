fixture: questions
# peers questions: open and routed by default, oldest first, with their age; filters; --json.
# peers inbox: what is waiting, grouped by the person it waits on.
$ peers questions
7fk3p1zz  2d  routed  maria-lopez  Do you offer campus tours on weekends?
7fk2m9qa  1d  open    -            Where can visitors park for the game on Saturday?
@unchanged

$ peers questions --status answered --to maria --older-than 2d
a2b3c4d5  34w  answered  maria-lopez  What are the library hours during finals week?
k3m9ab2c  3w   answered  maria-lopez  When is the transfer application deadline?
@unchanged

$ peers questions --status answered,closed --channel TWITTER
c1d2e3f4  38w  closed    -            asdf
a2b3c4d5  34w  answered  maria-lopez  What are the library hours during finals week?
k3m9ab2c  3w   answered  maria-lopez  When is the transfer application deadline?
@unchanged

$ peers questions --status all --archived | cut -d' ' -f1
q9r8s7t6
c1d2e3f4
a2b3c4d5
k3m9ab2c
f8q2hn4d
7fk3p1zz
7fk2m9qa
@unchanged

$ peers questions --status answered --to maria-lopez --older-than 2d --json
| [
  {
    "id": "a2b3c4d5",
    "text": "What are the library hours during finals week?",
    "from": "@owl",
    "channel": "twitter",
    "asked_at": "2026-04-01T12:00:00Z",
    "status": "answered",
    "routed_to": "maria-lopez",
    "answer": "Open around the clock from May 1 to May 14.",
    "answered_by": "maria-lopez",
    "answered_at": "2026-04-01T20:00:00Z",
    "topics": [],
    "archived": false,
    "history": [
      {
        "at": "2026-04-01T12:00:00Z",
        "event": "asked",
        "to": null,
        "by": "Sam Lee",
        "note": null
      },
      {
        "at": "2026-04-01T13:00:00Z",
        "event": "routed",
        "to": "maria-lopez",
        "by": "Sam Lee",
        "note": null
      },
      {
        "at": "2026-04-01T20:00:00Z",
        "event": "answered",
        "to": null,
        "by": "maria-lopez",
        "note": null
      }
    ]
  },
  {
    "id": "k3m9ab2c",
    "text": "When is the transfer application deadline?",
    "from": "@jdoe",
    "channel": "twitter",
    "asked_at": "2026-11-01T10:00:00Z",
    "status": "answered",
    "routed_to": "maria-lopez",
    "answer": "March 1; see admissions.westbrook.edu/transfer",
    "answered_by": "maria-lopez",
    "answered_at": "2026-11-02T10:00:00Z",
    "topics": [
      "admissions"
    ],
    "archived": false,
    "history": [
      {
        "at": "2026-11-01T10:00:00Z",
        "event": "asked",
        "to": null,
        "by": "Sam Lee",
        "note": null
      },
      {
        "at": "2026-11-01T12:00:00Z",
        "event": "routed",
        "to": "maria-lopez",
        "by": "Sam Lee",
        "note": null
      },
      {
        "at": "2026-11-02T10:00:00Z",
        "event": "answered",
        "to": null,
        "by": "maria-lopez",
        "note": null
      }
    ]
  }
]
@unchanged

$ peers questions --status closed --older-than 1y
! peers: error: --older-than needs an age such as 3h or 2d, got '1y'
! hint: units: m (minutes), h (hours), d (days), w (weeks)
[2]
@unchanged

$ peers questions --status pending
! peers: error: --status is open, routed, answered, closed or all, not 'pending'
! hint: for example: --status answered, or --status open,routed
[2]
@unchanged

$ peers questions --to nobody-here
! peers: error: no person 'nobody-here'
! hint: 'peers list' shows every id
[3]
@unchanged

$ peers questions --older-than 400w
! No questions match.
@unchanged

$ peers inbox
Maria Lopez (maria-lopez)  1 waiting
  7fk3p1zz  2d  Do you offer campus tours on weekends?

Not routed yet  1 waiting
  7fk2m9qa  1d  Where can visitors park for the game on Saturday?
@unchanged

$ peers inbox --json | grep -E '"(waiting_on|name|id)"'
    "waiting_on": "maria-lopez",
    "name": "Maria Lopez",
        "id": "7fk3p1zz",
    "waiting_on": null,
    "name": null,
        "id": "7fk2m9qa",

# The inbox says when the person a question waits on is away or has left.
@unchanged
$ peers route 7fk2 sam-park 2>/dev/null && peers edit maria-lopez --set status=left --set forward_to=ana-owusu 2>/dev/null && peers inbox
Maria Lopez (maria-lopez), has left; forwards to ana-owusu  1 waiting
  7fk3p1zz  2d  Do you offer campus tours on weekends?

Sam Park (sam-park), away until 2026-12-15  1 waiting
  7fk2m9qa  1d  Where can visitors park for the game on Saturday?

