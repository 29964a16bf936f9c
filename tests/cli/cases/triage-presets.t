fixture: questions
# Fixture exports in the shape of each preset. Every question is recorded with its sender,
# channel and time; for each, the best person with the confidence and main reason, and an
# answered near duplicate with the command that reuses its answer. Rows the team sent,
# thanks, emoji-only messages and spam are left out and listed; bad rows are reported by line.
$ cp "$REPO"/tests/fixtures/inbox-exports/* "$WORK"/

# Hootsuite Inbox (Inbox 2.0, formerly Sparkcentral): Medium is the channel.
$ peers triage ../hootsuite.csv
6gz2v6rf  @amy_t on twitter  "What's the deadline to apply as a transfer student?"
   ask Maria Lopez (maria-lopez)  high  lists 'transfer students' as expertise
   answered before as k3m9ab2c (58% alike): March 1; see admissions.westbrook.edu/transfer
   reuse it: peers answer 6gz2v6rf --same-as k3m9ab2c
0y2jm1ax  Jordan Blake on facebook  "Is the FAFSA due at the same time for every student, or doe…"
   ask Ana Owusu (ana-owusu)  high  answered a similar question on 2026-11-13: "Is the FAFSA due at the same time for every student?"
   answered before as f8q2hn4d (91% alike): Yes, the priority deadline is February 15 for everyone.
   reuse it: peers answer 0y2jm1ax --same-as f8q2hn4d
6gz2v5x7  @dee_r on twitter  "Can transfer applicants join a campus tour in January?"
   ask Maria Lopez (maria-lopez)  high  lists 'campus tours' as expertise
0y2jm4m1  Pat Moreno on facebook  "Where do I buy a parking permit for the spring term?"
   ask Sam Park (sam-park)  medium  answered a similar question on 2025-09-03: "How do I get a parking permit for the fall term?"
   answered before as q9r8s7t6 (67% alike): Online at transportation.westbrook.edu/permits, from August 1.
   reuse it: peers answer 0y2jm4m1 --same-as q9r8s7t6
6gz2v3ff  @band_fan on twitter  "Is there a marching band?"
   nobody in the store is a good fit
! Left out line 3 (sent by your team): "Hi Amy, we're checking!"
! Left out line 5 (thanks): "Thank you so much!! 🎉"
! Left out line 6 (emoji only): "🔥🔥🔥"
! Left out line 7 (spam): "Get free followers now!! check my bio"
! peers: warning: ../hootsuite.csv:12: skipped: no message text
! peers: warning: ../hootsuite.csv:13: skipped: cannot read the time 'yesterday morning'
! Recorded 5 questions from ../hootsuite.csv (Hootsuite Inbox / Sparkcentral export); 4 messages left out (1 emoji only, 1 sent by your team, 1 spam, 1 thanks); 2 bad rows skipped

# The message id and the file's time are kept in the question.
$ peers show $(peers questions --json | jq -r '.[] | select(.from == "@dee_r") | .id') | head -6; grep -h -A1 '^message_id' questions/*.yaml | head -2
6gz2v5x7  open
  Can transfer applicants join a campus tour
  in January?
  from     @dee_r
  channel  twitter
  asked    2026-11-27 08:30 (3h ago)
message_id: m-1003
--

# Sprout Social: US dates in local time, the message id.
$ peers triage ../sprout.csv
c3ctbcmw  @kim_j on twitter  "When is the transfer application deadline for fall?"
   ask Maria Lopez (maria-lopez)  high  answered a similar question on 2026-11-02: "When is the transfer application deadline?"
   answered before as k3m9ab2c (84% alike): March 1; see admissions.westbrook.edu/transfer
   reuse it: peers answer c3ctbcmw --same-as k3m9ab2c
hd37g4wd  Chris Diaz on facebook  "Where can visitors park for the basketball game?"
   nobody in the store is a good fit (closest topics: Parking)
! Left out line 3 (thanks): "love this!!"
! Recorded 2 questions from ../sprout.csv (Sprout Social export); 1 message left out (1 thanks)

# Sparkcentral, separated by semicolons, with its outbound auto-reply.
$ peers triage ../sparkcentral.csv --preset sparkcentral
31hzch7d  +15551230001 on whatsapp  "Do I need to send my FAFSA before applying for scholarships?"
   ask Ana Owusu (ana-owusu)  medium  knows Financial aid (alias FAFSA)
! Left out line 3 (sent by your team): "Thanks for reaching out! Someone will r…"
! Left out line 4 (thanks): "ok thanks"
! Recorded 1 question from ../sparkcentral.csv (Sparkcentral export); 2 messages left out (1 sent by your team, 1 thanks)

# Meta Business Suite: a data download (no ids; the photo-only message has no text) and the
# Graph API (nested from.name, +0000 times).
$ peers triage ../meta.json
6rpgbjcz  Taylor Brooks  "Are campus tours running over the winter break?"
   ask Maria Lopez (maria-lopez)  medium  lists 'campus tours' as expertise
! peers: warning: ../meta.json:12: skipped: no message text
! Left out line 17 (thanks): "thx!"
! Recorded 1 question from ../meta.json (Meta Business Suite export); 1 message left out (1 thanks); 1 bad row skipped

$ peers triage ../meta-graph.json --json | jq -c '.[] | {line, status, from, channel, asked_at, person: .person.id}'
{"line":2,"status":"recorded","from":"Lee Wong","channel":"","asked_at":"2026-11-27T10:00:00Z","person":"ana-owusu"}
{"line":4,"status":"recorded","from":"Lee Wong","channel":"","asked_at":"2026-11-27T10:05:00Z","person":"maria-lopez"}
! Recorded 2 questions from ../meta-graph.json (Meta Business Suite export)

# Any other CSV: generic names, and --map for the rest.
$ peers triage ../custom.csv --map Posted=time --map Where=channel --dry-run
tcppv4cb  rosa@example.org on email  "Can I defer my admission for a year?"
   nobody in the store is a good fit (closest topics: Admissions)
0kaef3ka  rosa@example.org on email  "Do you have visitor parking on weekends?"
   nobody in the store is a good fit (closest topics: Parking)
! Would record 2 questions from ../custom.csv (dry run: nothing written)

$ peers triage ../hootsuite.csv --preset nope
! peers: error: --preset: nope not in {hootsuite,sparkcentral,sprout,meta}
! hint: run 'peers triage --help' for usage
[2]
