# peers import reads vCards as Google, Apple and Outlook export them; --dry-run changes
# nothing; people already in the store are updated, not added again; unreadable lines are
# reported with their line number and skipped.
fixture: shell
$ cp "$REPO"/tests/fixtures/contacts/* "$WORK"/
$ peers import ../google.vcf --dry-run
update  maria-lopez  María López  (phone, phones, notes)
add     ana-silva    Ana Silva
! Dry run (read as vCard): 1 added, 1 updated, 0 skipped; nothing was written.
@unchanged
$ peers import ../google.vcf
update  maria-lopez  María López  (phone, phones, notes)
add     ana-silva    Ana Silva
! Imported from ../google.vcf (read as vCard): 1 added, 1 updated, 0 skipped.
$ cat people/ana-silva.yaml
name: Ana Silva
title: Dean of Students
department: Student Life
email: asilva@westbrook.edu
emails:
  - ana.silva@example.com (home)
added_by: Test User
$ peers show maria-lopez --json | grep -E '"(phone|notes)"'
  "phone": "+1 555-010-0100",
  "notes": "Runs the transfer info sessions. Prefers email before 10am; happy to do short phone interviews about transfer credit, articulation agreements and spring open days.",
$ peers import ../google.vcf
skip  maria-lopez  María López  (up to date)
skip  ana-silva    Ana Silva    (up to date)
! Imported from ../google.vcf (read as vCard): 0 added, 0 updated, 2 skipped.
@unchanged
# Apple: CRLF, folded base64 photo (one note), the preferred email and phone (the others kept
# with their types), a social profile.
$ peers import ../apple.vcf -q
add  mark-chen  Mark Chen
! peers: warning: ../apple.vcf:13: PHOTO and other binary values (base64) are not imported; the rest of the card is (said once per file)
$ cat people/mark-chen.yaml
name: Mark Chen
title: Research Communications Lead
department: Office of Research
email: mchen@westbrook.edu
emails:
  - mark.chen@example.net (home)
phone: (555) 010-2211
phones:
  - (555) 010-2299 (mobile)
handles:
  twitter: markchen
added_by: Test User
# Outlook: vCard 2.1, quoted-printable in Windows-1252 with a soft line break; matched by email.
$ peers import ../outlook.vcf
update  jose-nunez  José Núñez  (phone, phones, notes)
! Imported from ../outlook.vcf (read as vCard): 0 added, 1 updated, 0 skipped.
$ peers show jose-nunez --json | grep -E '"(phone|notes)"'
  "phone": "(555) 010-3300",
  "notes": "Knows the FAFSA deadlines inside out.\nAsk him about the new scholarship portal before the spring term.",
# vCard 4.0 and broken lines: each bad line is reported and skipped, the rest is kept.
$ peers import ../mixed.vcf
update  kwame-asante  Kwame Asante           (phone, name_parts, notes)
add     li-wei        Li Wei
add     han-mei-ling  韓美玲 (Han Mei-ling)
! peers: warning: ../mixed.vcf:15: not a vCard property (no ':'); line skipped
! peers: warning: ../mixed.vcf:16: not UTF-8 text; line skipped
! peers: warning: ../mixed.vcf:19: a card with no name (FN or N); skipped
! Imported from ../mixed.vcf (read as vCard): 2 added, 1 updated, 3 skipped.
$ cat people/li-wei.yaml
name: Li Wei
department: Communications
email: lwei@westbrook.edu
added_by: Test User
$ peers show kwame-asante --json | grep '"phone"'
  "phone": "+1-555-010-5100",
