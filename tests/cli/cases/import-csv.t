# peers import reads a campus directory export and a Google Contacts CSV: the header row is
# found below title lines, columns are recognised by name, --map names the others, and a line
# that cannot be read is reported with its line number and skipped.
fixture: shell
$ cp "$REPO"/tests/fixtures/contacts/* "$WORK"/
$ peers import ../directory.csv --dry-run
update  kwame-asante  Kwame Asante  (phone, expertise)
add     mark-chen     Mark Chen
add     eva-novak     Eva Novak
add     ana-silva     Ana Silva
! peers: warning: ../directory.csv:7: not UTF-8 text; line skipped
! peers: warning: ../directory.csv:8: 10 fields where the header has 9; line skipped
! peers: warning: ../directory.csv:10: text after the closing quote of a field; line skipped
! Dry run (read as CSV): 3 added, 1 updated, 3 skipped; nothing was written.
@unchanged
$ peers import ../directory.csv -q --tag directory
update  kwame-asante  Kwame Asante  (phone, expertise, tags)
add     mark-chen     Mark Chen
add     eva-novak     Eva Novak
add     ana-silva     Ana Silva
! peers: warning: ../directory.csv:7: not UTF-8 text; line skipped
! peers: warning: ../directory.csv:8: 10 fields where the header has 9; line skipped
! peers: warning: ../directory.csv:10: text after the closing quote of a field; line skipped
$ cat people/eva-novak.yaml
name: Eva Novak
title: Librarian for Digital Scholarship
department: University Libraries
email: enovak@westbrook.edu
phone: '555-010-9100'
expertise:
  - open access
  - data management
tags:
  - directory
added_by: Test User
# Google Contacts CSV: first and last name, labels as tags, the first of several emails as
# email, the others in emails with their labels; the prefix (Dr.) kept in name_parts.
$ peers import ../google.csv
update  maria-lopez  María López  (phone, notes)
add     priya-raman  Priya Raman
update  tom-okafor   Tom Okafor   (email)
! Imported from ../google.csv (read as Google Contacts CSV): 1 added, 2 updated, 0 skipped.
$ cat people/priya-raman.yaml
name: Priya Raman
name_parts:
  prefix: Dr.
  given: Priya
  family: Raman
title: Associate Professor of Public Health
department: School of Public Health
email: praman@westbrook.edu
emails:
  - priya.raman@westbrook.edu (work)
  - priya@example.org (home)
phone: +1 555-010-6100 (mobile)
tags:
  - Press
  - Experts
added_by: Test User
# --map: columns peers does not know by name, by header or by number.
$ printf 'Nom;Courriel;Service;Bureau\nRenée Dubois;rdubois@westbrook.edu;Registrar;A-110\n' > ../staff.csv
$ peers import ../staff.csv
! peers: error: no header row found in the first lines of the CSV file
! hint: name the columns with --map, e.g. --map 1=name --map 4=email
[2]
@unchanged
$ peers import ../staff.csv --map Nom=name --map courriel=email --map 3=department --dry-run
add  renee-dubois  Renée Dubois
! Dry run (read as CSV): 1 added, 0 updated, 0 skipped; nothing was written.
$ peers import ../staff.csv --map Nom=fullname
! peers: error: --map: unknown field 'fullname'
! hint: the fields are: name, prefix, first_name, middle_name, last_name, suffix, nicknames, title, organization, department, email, emails, phone, phones, notes, tags, expertise, handles, met, status, id, ignore
[2]
@unchanged
$ peers import ../staff.csv --map Name=name --map Courriel=email
! peers: error: no header row found in the first lines of the CSV file
! hint: name the columns with --map, e.g. --map 1=name --map 4=email
[2]
$ peers import ../nowhere.csv
! peers: error: ../nowhere.csv: file not found
[3]
