fixture: questions
# stats on a fixture with known times. Time to route (asked -> first routed): 1h 2h 3h 4h 6h,
# median 3h. Time to answer (asked -> answered): 8h 1d 2d 3d, median 1d 12h. The archived
# question (q9r8s7t6: routed after 3h, answered after 2d) counts.
$ peers stats
7 asked, 4 answered; now 1 open, 1 routed, 1 closed
Median time to route: 3h; to answer: 1d 12h

By topic
  Admissions     1 asked  1 answered  route 2h      answer 1d
  Financial aid  1 asked  1 answered  route 4h      answer 3d
  Parking        1 asked  1 answered  route 3h      answer 2d
  (no topic)     4 asked  1 answered  route 3h 30m  answer 8h

By person
  Maria Lopez   3 asked  2 answered  route 2h  answer 16h
  Ana Owusu     1 asked  1 answered  route 4h  answer 3d
  Sam Park      1 asked  1 answered  route 3h  answer 2d
  (nobody yet)  2 asked  0 answered  route -   answer -

By channel
  twitter    4 asked  2 answered  route 1h 30m  answer 16h
  email      2 asked  1 answered  route 4h 30m  answer 2d
  instagram  1 asked  1 answered  route 4h      answer 3d
@unchanged

$ peers stats --json
{
  "total": {
    "asked": 7,
    "open": 1,
    "routed": 1,
    "answered": 4,
    "closed": 1,
    "median_seconds_to_route": 10800,
    "median_seconds_to_answer": 129600
  },
  "by_topic": [
    {
      "topic": "admissions",
      "name": "Admissions",
      "asked": 1,
      "open": 0,
      "routed": 0,
      "answered": 1,
      "closed": 0,
      "median_seconds_to_route": 7200,
      "median_seconds_to_answer": 86400
    },
    {
      "topic": "financial-aid",
      "name": "Financial aid",
      "asked": 1,
      "open": 0,
      "routed": 0,
      "answered": 1,
      "closed": 0,
      "median_seconds_to_route": 14400,
      "median_seconds_to_answer": 259200
    },
    {
      "topic": "parking",
      "name": "Parking",
      "asked": 1,
      "open": 0,
      "routed": 0,
      "answered": 1,
      "closed": 0,
      "median_seconds_to_route": 10800,
      "median_seconds_to_answer": 172800
    },
    {
      "topic": null,
      "name": null,
      "asked": 4,
      "open": 1,
      "routed": 1,
      "answered": 1,
      "closed": 1,
      "median_seconds_to_route": 12600,
      "median_seconds_to_answer": 28800
    }
  ],
  "by_person": [
    {
      "person": "maria-lopez",
      "name": "Maria Lopez",
      "asked": 3,
      "open": 0,
      "routed": 1,
      "answered": 2,
      "closed": 0,
      "median_seconds_to_route": 7200,
      "median_seconds_to_answer": 57600
    },
    {
      "person": "ana-owusu",
      "name": "Ana Owusu",
      "asked": 1,
      "open": 0,
      "routed": 0,
      "answered": 1,
      "closed": 0,
      "median_seconds_to_route": 14400,
      "median_seconds_to_answer": 259200
    },
    {
      "person": "sam-park",
      "name": "Sam Park",
      "asked": 1,
      "open": 0,
      "routed": 0,
      "answered": 1,
      "closed": 0,
      "median_seconds_to_route": 10800,
      "median_seconds_to_answer": 172800
    },
    {
      "person": null,
      "name": null,
      "asked": 2,
      "open": 1,
      "routed": 0,
      "answered": 0,
      "closed": 1,
      "median_seconds_to_route": null,
      "median_seconds_to_answer": null
    }
  ],
  "by_channel": [
    {
      "channel": "twitter",
      "asked": 4,
      "open": 1,
      "routed": 0,
      "answered": 2,
      "closed": 1,
      "median_seconds_to_route": 5400,
      "median_seconds_to_answer": 57600
    },
    {
      "channel": "email",
      "asked": 2,
      "open": 0,
      "routed": 1,
      "answered": 1,
      "closed": 0,
      "median_seconds_to_route": 16200,
      "median_seconds_to_answer": 172800
    },
    {
      "channel": "instagram",
      "asked": 1,
      "open": 0,
      "routed": 0,
      "answered": 1,
      "closed": 0,
      "median_seconds_to_route": 14400,
      "median_seconds_to_answer": 259200
    }
  ]
}
@unchanged

