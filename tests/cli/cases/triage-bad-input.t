fixture: questions
# Columns are found by header name; without a text column triage stops before anything is
# written and names the columns it found. Bad rows are reported by line and skipped, the rest
# is recorded. --map names columns (by header or number); unknown fields are refused.
$ cp "$REPO"/tests/fixtures/inbox-exports/* "$WORK"/ && printf 'Posted,Author,Words\n2026-11-27 11:00,rosa,Can I defer?\n' > "$WORK/nocol.csv"

$ peers triage ../nocol.csv
! peers: error: ../nocol.csv: found no column with the message text; the columns are: 'Posted', 'Author', 'Words'
! hint: name it with --map, e.g. --map "Body=text" (fields: text, from, channel, time, id, direction)
[1]
@unchanged

$ peers triage ../nocol.csv --map Words=txt
! peers: error: --map: unknown field 'txt'
! hint: the fields are: text, from, channel, time, id, direction, ignore
[2]
@unchanged

$ peers triage ../nocol.csv --map Body=text
! peers: error: --map: ../nocol.csv has no column 'Body'
! hint: the columns are: 'Posted', 'Author', 'Words'
[2]
@unchanged

$ peers triage ../nocol.csv --map Words
! peers: error: --map needs COLUMN=FIELD, got 'Words'
! hint: for example: --map "Body=text" --map "Author=from"
[2]
@unchanged

$ peers triage ../nocol.csv --map Words=text --map 1=time --map Author=from --dry-run --json | jq -c '.[] | {line, status, from, asked_at}'
{"line":2,"status":"recorded","from":"rosa","asked_at":"2026-11-27T11:00:00Z"}
! Would record 1 question from ../nocol.csv (dry run: nothing written)
@unchanged

$ peers triage ../missing.csv
! peers: error: ../missing.csv: file not found
[3]
