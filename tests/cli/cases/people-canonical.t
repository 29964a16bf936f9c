# A hand-made file is rewritten canonically on the first change: comments and unknown keys
# are kept; later `peers log` on a canonical file adds lines only.
fixture: basic

$ peers edit jose --set title="Director of Athletics Comms" --knows "recruiting" --forget "game day"
! Updated jose-nunez

$ cat people/jose-nunez.yaml
| # Hand-written by Ana; keep this comment.
name: José Núñez  # he goes by Pepe
title: Director of Athletics Comms
department: Athletics Communications
expertise:
  - athletics
  - live stream
  - recruiting
met: 2025-09-01
favorite_color: green
pronouns: he/him

$ git init -q . && git add -A && git commit -qm start && peers log maria "Call about spring open days" --date 2026-11-22 && git diff --numstat && git diff | grep '^[-+] '
3	0	people/maria-lopez.yaml
+  - date: 2026-11-22
+    by: Test User
+    note: Call about spring open days
! Logged a conversation with Maria Lopez on 2026-11-22

$ peers log maria "Earlier chat" --date 2026-11-01 --by "Ana Silva" && git diff --numstat
6	0	people/maria-lopez.yaml
! Logged a conversation with Maria Lopez on 2026-11-01

$ peers show maria
Maria Lopez  (maria-lopez)
  Associate Director, Undergraduate Admissions
  email     mlopez@westbrook.edu
  knows     admissions, transfer students
  tags      orientation
  met       2026-11-20
  added by  Sam Lee
Notes
  Runs the transfer info sessions
Log
  2026-11-01  Ana Silva  Earlier chat
  2026-11-21  Sam Lee    Coffee after the orientation meeting
  2026-11-22  Test User  Call about spring open days

$ peers edit maria --forget "campus tours"
! peers: error: maria-lopez has no expertise 'campus tours'
! hint: their expertise: admissions, transfer students
[2]
@unchanged

$ peers edit maria --set shoe_size=9
! peers: error: cannot set 'shoe_size'
! hint: the keys --set knows: name, title, organization, department, email, phone, notes, met, status, forward_to, away_until, handles.NETWORK; other keys: 'peers edit maria-lopez' in your editor
[2]
@unchanged

$ peers edit maria --set met=2026-13-01
! peers: error: --set met needs a date as YYYY-MM-DD, got '2026-13-01'
! hint: for example: --set met=2026-11-20
[2]
@unchanged

$ peers edit maria --set forward_to=mark --set status=left && grep -E '^(status|forward_to)' people/maria-lopez.yaml
status: left
forward_to: mark-chen
! Updated maria-lopez
