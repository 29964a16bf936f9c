# merge-driver (what git calls): a clean structural merge, a true conflict with markers, and a file that is not a record (line merge)
fixture: none

$ printf 'name: Maria Lopez\nemail: mlopez@westbrook.edu\nlog:\n  - date: 2026-11-21\n    by: Sam Lee\n    note: Coffee\n' > base && printf 'name: Maria Lopez\nemail: mlopez@westbrook.edu\nlog:\n  - date: 2026-11-21\n    by: Sam Lee\n    note: Coffee\n  - date: 2026-11-25\n    by: Sam Lee\n    note: Call\n' > ours && printf 'name: Maria Lopez\nemail: mlopez@westbrook.edu\nlog:\n  - date: 2026-11-21\n    by: Sam Lee\n    note: Coffee\n  - date: 2026-11-23\n    by: Ana Ruiz\n    note: Lunch\n' > theirs

$ peers merge-driver base ours theirs people/maria-lopez.yaml

$ cat ours
name: Maria Lopez
email: mlopez@westbrook.edu
log:
  - date: 2026-11-21
    by: Sam Lee
    note: Coffee
  - date: 2026-11-23
    by: Ana Ruiz
    note: Lunch
  - date: 2026-11-25
    by: Sam Lee
    note: Call

$ printf 'name: Maria Lopez\nemail: mlopez@westbrook.edu\nlog:\n  - date: 2026-11-21\n    by: Sam Lee\n    note: Coffee\n' | sed s/mlopez@/a@/ > ours && printf 'name: Maria Lopez\nemail: mlopez@westbrook.edu\nlog:\n  - date: 2026-11-21\n    by: Sam Lee\n    note: Coffee\n' | sed s/mlopez@/b@/ > theirs && peers merge-driver base ours theirs people/maria-lopez.yaml
! peers: error: people/maria-lopez.yaml: 1 conflict left for you: both sides changed the same field
! hint: edit the file: keep one side between the <<<<<<< and >>>>>>> lines and delete the marker lines; 'peers check' shows each conflict
[1]

$ cat ours
name: Maria Lopez
<<<<<<< yours
email: a@westbrook.edu
=======
email: b@westbrook.edu
>>>>>>> upstream
log:
  - date: 2026-11-21
    by: Sam Lee
    note: Coffee

$ printf 'a\nb\nc\nd\ne\n' > base && printf 'A\nb\nc\nd\ne\n' > ours && printf 'a\nb\nc\nd\nE\n' > theirs && peers merge-driver base ours theirs people/x.yaml
! peers: warning: people/x.yaml (common ancestor):1:1: a record must be a map of 'key: value' lines; merging it line by line

$ cat ours
A
b
c
d
E

$ peers --help | grep -c merge-driver
0
[1]
