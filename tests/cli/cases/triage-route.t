fixture: questions
# --route hands each high-confidence question to its person in the same run and lists the
# rest (weak matches, nobody fits, the person is away) as needing a human look. --by-person
# groups the questions by colleague, ready to paste. --json gives one object per row.
$ cp "$REPO"/tests/fixtures/inbox-exports/* "$WORK"/

$ peers triage ../hootsuite.csv --route --dry-run 2>/dev/null
6gz2v6rf  @amy_t on twitter  "What's the deadline to apply as a transfer student?"
   would route to Maria Lopez (maria-lopez)  high  lists 'transfer students' as expertise
   answered before as k3m9ab2c (58% alike): March 1; see admissions.westbrook.edu/transfer
   reuse it: peers answer 6gz2v6rf --same-as k3m9ab2c
0y2jm1ax  Jordan Blake on facebook  "Is the FAFSA due at the same time for every student, or doe…"
   would route to Ana Owusu (ana-owusu)  high  answered a similar question on 2026-11-13: "Is the FAFSA due at the same time for every student?"
   answered before as f8q2hn4d (91% alike): Yes, the priority deadline is February 15 for everyone.
   reuse it: peers answer 0y2jm1ax --same-as f8q2hn4d
6gz2v5x7  @dee_r on twitter  "Can transfer applicants join a campus tour in January?"
   would route to Maria Lopez (maria-lopez)  high  lists 'campus tours' as expertise
0y2jm4m1  Pat Moreno on facebook  "Where do I buy a parking permit for the spring term?"
   ask Sam Park (sam-park)  medium  answered a similar question on 2025-09-03: "How do I get a parking permit for the fall term?"
   answered before as q9r8s7t6 (67% alike): Online at transportation.westbrook.edu/permits, from August 1.
   reuse it: peers answer 0y2jm4m1 --same-as q9r8s7t6
6gz2v3ff  @band_fan on twitter  "Is there a marching band?"
   nobody in the store is a good fit
| 
Needs a human look (2)
0y2jm4m1  Where do I buy a parking permit for the spring term?  (best match sam-park is only medium confidence)
6gz2v3ff  Is there a marching band?  (nobody is a good fit)
@unchanged

$ peers triage ../hootsuite.csv --by-person --dry-run 2>/dev/null
Maria Lopez (maria-lopez): 2 questions
- What's the deadline to apply as a transfer student? (@amy_t on twitter, question 6gz2v6rf)
  answered before: March 1; see admissions.westbrook.edu/transfer
- Can transfer applicants join a campus tour in January? (@dee_r on twitter, question 6gz2v5x7)
| 
Ana Owusu (ana-owusu): 1 question
- Is the FAFSA due at the same time for every student, or does it depend? (Jordan Blake on facebook, question 0y2jm1ax)
  answered before: Yes, the priority deadline is February 15 for everyone.
| 
Sam Park (sam-park): 1 question
- Where do I buy a parking permit for the spring term? (Pat Moreno on facebook, question 0y2jm4m1)
  answered before: Online at transportation.westbrook.edu/permits, from August 1.
| 
Nobody in particular: 1 question
- Is there a marching band? (@band_fan on twitter, question 6gz2v3ff)
@unchanged

$ peers triage ../hootsuite.csv --dry-run --json 2>/dev/null | jq -c '.[0], .[1], .[2]'
{"line":2,"status":"recorded","question":"6gz2v6rf","message_id":"m-1001","from":"@amy_t","channel":"twitter","text":"What's the deadline to apply as a transfer student?","asked_at":"2026-11-27T08:05:00Z","person":{"id":"maria-lopez","name":"Maria Lopez","confidence":"high","score":5.56,"reason":"lists 'transfer students' as expertise"},"closest_topics":[],"routed_to":null,"needs_human_look":null,"same_as":{"question":"k3m9ab2c","similarity":0.5782340213637471,"text":"When is the transfer application deadline?","answer":"March 1; see admissions.westbrook.edu/transfer","answered_by":"maria-lopez"}}
{"line":3,"status":"left_out","reason":"sent by your team","question":null,"message_id":"m-1002","from":"@westbrooku","channel":"twitter","text":"Hi Amy, we're checking!"}
{"line":4,"status":"recorded","question":"0y2jm1ax","message_id":"m-1003","from":"Jordan Blake","channel":"facebook","text":"Is the FAFSA due at the same time for every student, or does it depend?","asked_at":"2026-11-27T08:12:00Z","person":{"id":"ana-owusu","name":"Ana Owusu","confidence":"high","score":5.01,"reason":"answered a similar question on 2026-11-13: \"Is the FAFSA due at the same time for every student?\""},"closest_topics":[],"routed_to":null,"needs_human_look":null,"same_as":{"question":"f8q2hn4d","similarity":0.9077939771818745,"text":"Is the FAFSA due at the same time for every student?","answer":"Yes, the priority deadline is February 15 for everyone.","answered_by":"ana-owusu"}}
@unchanged

$ peers triage ../hootsuite.csv --json --by-person
! peers: error: --json and --by-person are two ways to print the result: choose one
[2]
@unchanged

$ peers triage ../hootsuite.csv --route -q && peers questions --json | jq -r '.[] | select(.history[0].note == "triaged from hootsuite.csv") | "\(.id) \(.status) \(.routed_to)"'
6gz2v6rf  @amy_t on twitter  "What's the deadline to apply as a transfer student?"
   routed to Maria Lopez (maria-lopez)  high  lists 'transfer students' as expertise
   answered before as k3m9ab2c (58% alike): March 1; see admissions.westbrook.edu/transfer
   reuse it: peers answer 6gz2v6rf --same-as k3m9ab2c
0y2jm1ax  Jordan Blake on facebook  "Is the FAFSA due at the same time for every student, or doe…"
   routed to Ana Owusu (ana-owusu)  high  answered a similar question on 2026-11-13: "Is the FAFSA due at the same time for every student?"
   answered before as f8q2hn4d (91% alike): Yes, the priority deadline is February 15 for everyone.
   reuse it: peers answer 0y2jm1ax --same-as f8q2hn4d
6gz2v5x7  @dee_r on twitter  "Can transfer applicants join a campus tour in January?"
   routed to Maria Lopez (maria-lopez)  high  lists 'campus tours' as expertise
0y2jm4m1  Pat Moreno on facebook  "Where do I buy a parking permit for the spring term?"
   ask Sam Park (sam-park)  medium  answered a similar question on 2025-09-03: "How do I get a parking permit for the fall term?"
   answered before as q9r8s7t6 (67% alike): Online at transportation.westbrook.edu/permits, from August 1.
   reuse it: peers answer 0y2jm4m1 --same-as q9r8s7t6
6gz2v3ff  @band_fan on twitter  "Is there a marching band?"
   nobody in the store is a good fit
| 
Needs a human look (2)
0y2jm4m1  Where do I buy a parking permit for the spring term?  (best match sam-park is only medium confidence)
6gz2v3ff  Is there a marching band?  (nobody is a good fit)
6gz2v6rf routed maria-lopez
0y2jm1ax routed ana-owusu
6gz2v5x7 routed maria-lopez
0y2jm4m1 open null
6gz2v3ff open null
! peers: warning: ../hootsuite.csv:12: skipped: no message text
! peers: warning: ../hootsuite.csv:13: skipped: cannot read the time 'yesterday morning'
