# topic rename: people, questions and related topics follow; topic rm is refused while the topic
# is named, unless --force, which says what it unlinks.
fixture: basic

$ peers topic edit admissions --related financial-aid 2>/dev/null && peers edit maria --knows "Financial aid" --knows FAFSA 2>/dev/null && peers edit jose --knows financial-aid 2>/dev/null && sed -i '/^history:/i topics:\n  - financial aid' questions/7fk2m9qa.yaml && git init -q . && git add -A && git commit -qm start

$ peers topic rename financial-aid "Student aid"
student-aid
! Renamed topic financial-aid to Student aid (student-aid); updated 3 people (jose-nunez, maria-lopez, mark-chen), 1 question (7fk2m9qa), 1 related topic (admissions)

$ ls topics; grep -A4 '^expertise' people/maria-lopez.yaml; grep -A1 '^topics' questions/7fk2m9qa.yaml; grep -A2 '^related' topics/admissions.yaml; cat topics/student-aid.yaml
admissions.yaml
student-aid.yaml
expertise:
  - admissions
  - transfer students
  - student-aid
  - FAFSA
topics:
  - student-aid
related:
  - student-aid
name: Student aid
aliases:
  - FAFSA
  - scholarships
description: Need-based aid, scholarships and the FAFSA

$ peers check
! No problems found.

$ peers topic show fafsa | head -1
Student aid (student-aid)

$ peers topic rm student-aid
! peers: error: topic student-aid is still named by 3 people (jose-nunez, maria-lopez, mark-chen), 1 question (7fk2m9qa), 1 related topic (admissions)
! hint: 'peers topic rm student-aid --force' removes it and unlinks them, or 'peers topic rename student-aid "NEW NAME"' keeps it under another name
[2]
@unchanged

$ peers topic rm student-aid --force
! Removed topic Student aid (student-aid); unlinked it from 3 people (jose-nunez, maria-lopez, mark-chen), 1 question (7fk2m9qa), 1 related topic (admissions)

$ ls topics; grep -c student-aid people/* questions/* topics/*
admissions.yaml
people/ana-silva.yaml:0
people/jose-nunez.yaml:0
people/maria-lopez.yaml:0
people/mark-chen.yaml:0
questions/7fk2m9qa.yaml:0
topics/admissions.yaml:0
[1]

$ peers topic add Parking >/dev/null 2>&1 && peers topic rm parking
! Removed topic Parking (parking)

# A rename that a crash cut short (the new topic written, the old one still there) is finished
# by running it again; nothing is lost in between.
$ git checkout -q . && git clean -qfd && cp topics/financial-aid.yaml topics/student-aid.yaml && sed -i 's/^name: .*/name: Student aid/' topics/student-aid.yaml && { peers check >/dev/null 2>&1; echo "check exit $?"; }; peers topic rename financial-aid "Student aid" 2>/dev/null && ls topics && grep -c financial people/* questions/* topics/* | grep -v ':0'
check exit 0
student-aid
admissions.yaml
student-aid.yaml
[1]

# Verbs that do not exist get a "did you mean".
$ peers topic renmae a b
! peers: error: unknown verb 'renmae' for 'peers topic' (did you mean 'rename'?)
! hint: run 'peers topic --help' for usage
[2]

$ peers event
! peers: error: 'peers event' needs one of: add, assign, unassign, done, show, ics, edit, rm
! hint: run 'peers event --help' for usage
[2]
