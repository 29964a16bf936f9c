# Terminal safety: strings from the store never reach the terminal raw. Records holding
# escape sequences, C1 controls or bidi overrides are refused with a visible description;
# tabs and newlines in one-line fields are shown as \t and \n; file names are escaped too.
fixture: hardening

$ peers list
ann-lee      Ann\tLee\nSecond line  Dean\tof things
good-person  Good Person            Associate Director  admissions
! peers: warning: skipped people/eve.yaml:1:7: 'name' contains the control character U+202E
! peers: warning: skipped people/mallory.yaml:1:7: 'name' contains the control character U+001B
! peers: warning: skipped people/trudy.yaml:2:6: 'met' should be a date (YYYY-MM-DD), found '\e[8m2026-01-01'
! peers: warning: run 'peers check' for details and how to fix them
@unchanged

$ peers questions --json
[]
! peers: warning: skipped questions/x7k2m9p4.yaml:1:7: 'text' contains the control character U+001B
! peers: warning: run 'peers check' for details and how to fix them

$ peers show ann
Ann\tLee\nSecond line  (ann-lee)
  Dean\tof things
Notes
  a note	with a tab
  and a second line

$ peers show mallory
! peers: error: people/mallory.yaml:1:7: 'name' contains the control character U+001B
! hint: remove the character; records hold plain text
[1]
@unchanged

$ peers show trudy
! peers: error: people/trudy.yaml:2:6: 'met' should be a date (YYYY-MM-DD), found '\e[8m2026-01-01'
! hint: write the date as YYYY-MM-DD, e.g. met: 2026-11-20
[1]

$ peers show x7k2
! peers: error: questions/x7k2m9p4.yaml:1:7: 'text' contains the control character U+001B
! hint: remove the character; records hold plain text
[1]

# A file name with an escape sequence and a bidi override in it.
$ cp people/good-person.yaml "people/$(printf '\e[2Jx\u202e').yaml" && peers list > /dev/null
! peers: warning: skipped people/\e[2Jx<U+202E>.yaml: file name is not a valid id
! peers: warning: skipped people/eve.yaml:1:7: 'name' contains the control character U+202E
! peers: warning: skipped people/mallory.yaml:1:7: 'name' contains the control character U+001B
! peers: warning: skipped people/trudy.yaml:2:6: 'met' should be a date (YYYY-MM-DD), found '\e[8m2026-01-01'
! peers: warning: run 'peers check' for details and how to fix them

# JSON output escapes instead.
$ peers list --json 2> /dev/null | grep '"name"'
    "name": "Ann\tLee\nSecond line",
    "name": "Good Person",
