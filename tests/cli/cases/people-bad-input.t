# Bad input: a clear message with file, line and column, a non-zero exit, nothing changed.
# Read commands skip a broken file and say so.
fixture: basic

$ printf 'name: Broken Person\nexpertise: 5\n' > people/broken.yaml

$ peers show broken
! peers: error: people/broken.yaml:2:12: 'expertise' should be a list, found '5'
! hint: write one item per line:
!   expertise:
!     - first
!     - second
[1]
@unchanged

$ peers list
ana-silva    Ana Silva (left)  Web Editor, University Communications
jose-nunez   José Núñez        Athletics Communications                             athletics, game day, live stream
maria-lopez  Maria Lopez       Associate Director, Undergraduate Admissions         admissions, transfer students
mark-chen    Mark Chen         Financial Aid Counselor, Student Financial Services  financial-aid
! peers: warning: skipped people/broken.yaml:2:12: 'expertise' should be a list, found '5'
! peers: warning: run 'peers check' for details and how to fix them
@unchanged

$ printf 'title: No Name\nname: ~\n' > people/broken.yaml

$ peers log broken "hi"
! peers: error: people/broken.yaml:2:7: 'name' is required and missing
! hint: add a line 'name: ...'
[1]
@unchanged

$ printf 'name: "Unclosed\ntitle: x\n' > people/broken.yaml && peers show broken
! peers: error: people/broken.yaml:1:7: quoted text is not closed on the same line
! hint: close the quote; for text over several lines use a block: 'notes: |' and the text indented on the lines below
[1]

$ printf 'name: A\n  bad: indent\n' > people/broken.yaml && peers show broken
! peers: error: people/broken.yaml:2:6: YAML syntax error: illegal map value
! hint: fix the line in your editor; 'peers check' lists every problem in the store
[1]

$ printf 'name: A\nmet: 2026-02-30\n' > people/broken.yaml && peers show broken
! peers: error: people/broken.yaml:2:6: 'met' should be a date (YYYY-MM-DD), found '2026-02-30'
! hint: write the date as YYYY-MM-DD, e.g. met: 2026-11-20
[1]

$ rm people/broken.yaml

$ peers add "New Person" --met yesterday
! peers: error: --met needs a date as YYYY-MM-DD, got 'yesterday'
! hint: for example: --met 2026-11-20
[2]
@unchanged

$ peers add "New Person" --email not-an-email
! peers: error: 'not-an-email' is not an email address
! hint: for example: --email mlopez@westbrook.edu
[2]
@unchanged

$ peers add "New Person" --frobnicate
! peers: error: the following argument was not expected: --frobnicate
! hint: run 'peers add --help' for usage
[2]
@unchanged

$ peers lsit
! peers: error: unknown command 'lsit' (did you mean 'list'?)
! hint: run 'peers --help' for usage
[2]

$ peers add "Bell$(printf '\007')Person"
! peers: error: the name contains the control character U+0007
! hint: remove it; give plain text on one line
[2]
@unchanged
