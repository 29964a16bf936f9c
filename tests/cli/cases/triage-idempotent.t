fixture: questions
# Running the same export again records nothing twice (by the export's message id), and an
# overlapping export records only what is new; both say how many were already recorded. A
# dry run writes nothing and shows the ids a real run then uses.
$ cp "$REPO"/tests/fixtures/inbox-exports/* "$WORK"/

$ peers triage ../hootsuite.csv --dry-run > "$WORK/dry.txt" 2> "$WORK/dry-err.txt"; grep -c '^[0-9a-z]\{8\}  ' "$WORK/dry.txt"; tail -1 "$WORK/dry-err.txt"
5
Would record 5 questions from ../hootsuite.csv (Hootsuite Inbox / Sparkcentral export); 4 messages left out (1 emoji only, 1 sent by your team, 1 spam, 1 thanks); 2 bad rows skipped (dry run: nothing written)
@unchanged

$ peers triage ../hootsuite.csv > "$WORK/real.txt" 2>/dev/null; diff "$WORK/dry.txt" "$WORK/real.txt" && ls questions | wc -l
12

$ peers triage ../hootsuite.csv
! Left out line 3 (sent by your team): "Hi Amy, we're checking!"
! Left out line 5 (thanks): "Thank you so much!! 🎉"
! Left out line 6 (emoji only): "🔥🔥🔥"
! Left out line 7 (spam): "Get free followers now!! check my bio"
! peers: warning: ../hootsuite.csv:12: skipped: no message text
! peers: warning: ../hootsuite.csv:13: skipped: cannot read the time 'yesterday morning'
! Recorded 0 questions from ../hootsuite.csv (Hootsuite Inbox / Sparkcentral export); 5 already recorded, skipped; 4 messages left out (1 emoji only, 1 sent by your team, 1 spam, 1 thanks); 2 bad rows skipped
@unchanged

$ peers triage ../hootsuite-next.csv --json | jq -r '.[] | "\(.line) \(.status) \(.question)"'
2 already_recorded 0y2jm4m1
3 already_recorded 6gz2v3ff
4 recorded 6gz2nb3w
! Recorded 1 question from ../hootsuite-next.csv (Hootsuite Inbox / Sparkcentral export); 2 already recorded, skipped

# Without message ids, sender + time + text make a message the same one again.
$ peers triage ../meta.json -q && peers triage ../meta.json
6rpgbjcz  Taylor Brooks  "Are campus tours running over the winter break?"
   ask Maria Lopez (maria-lopez)  medium  lists 'campus tours' as expertise
! peers: warning: ../meta.json:12: skipped: no message text
! peers: warning: ../meta.json:12: skipped: no message text
! Left out line 17 (thanks): "thx!"
! Recorded 0 questions from ../meta.json (Meta Business Suite export); 1 already recorded, skipped; 1 message left out (1 thanks); 1 bad row skipped

# One message per line on stdin: the text alone.
$ printf 'Where is the admissions office?\n\nthanks!\nWhere is the admissions office?\n' | peers triage - --json | jq -c '.[] | [.line, .status]'
| [1,"recorded"]
| [3,"left_out"]
| [4,"already_recorded"]
! Left out line 3 (thanks): "thanks!"
! Recorded 1 question from stdin; 1 already recorded, skipped; 1 message left out (1 thanks)
