# merge-people: B folded into A (union of expertise, tags, log), references rewritten, B retired
fixture: team-merge

$ peers check
people/maria-lopez-2.yaml:1:7: warning: maria-lopez-2 may be the same person as maria-lopez: the same email, mlopez@westbrook.edu [possible-duplicate]
  hint: if so, 'peers merge-people maria-lopez maria-lopez-2' folds maria-lopez-2 into maria-lopez
! 0 errors, 1 warning

$ peers merge-people maria-lopez maria-lopez-2
maria-lopez
! Merged maria-lopez-2 into maria-lopez (Maria Lopez); 1 question, 1 other person and 0 events or leads now point to maria-lopez.

$ cat people/maria-lopez.yaml
name: Maria Lopez
title: Associate Director
department: Undergraduate Admissions
email: mlopez@westbrook.edu
phone: '555-0100'
expertise:
  - admissions
  - transfer students
tags:
  - orientation
  - press
met: 2026-11-18
log:
  - date: 2026-11-19
    by: Ana Ruiz
    note: Met at the transfer fair
  - date: 2026-11-21
    by: Sam Lee
    note: Coffee after the orientation meeting
  - date: 2026-11-24
    by: Ana Ruiz
    note: Call about spring open days

$ cat people/jose-nunez.yaml
name: Jose Nunez
status: left
forward_to: maria-lopez

$ cat questions/7fk2abcd.yaml
text: When do transfer applications open?
asked_at: 2026-11-20T10:00:00Z
status: routed
routed_to: maria-lopez
history:
  - at: 2026-11-20T10:00:00Z
    event: asked
  - at: 2026-11-20T11:00:00Z
    event: routed
    to: maria-lopez

$ cat peers.yaml
peers: 1
name: Westbrook
retired_ids:
  - maria-lopez-2

$ ls people
jose-nunez.yaml
maria-lopez.yaml

$ peers check
! No problems found.

$ peers merge-people maria-lopez maria-lopez
! peers: error: 'maria-lopez' and 'maria-lopez' are the same person (maria-lopez)
! hint: name two different people: peers merge-people KEEP FOLD_IN
[2]

$ peers merge-people maria-lopez nobody
! peers: error: no person 'nobody'
! hint: 'peers list' shows every id
[3]

$ peers add 'Maria Lopez' 2>/dev/null
maria-lopez-3
