# Names with invisible or bidi characters (Unicode Default_Ignorable_Code_Point, UTS #39) could
# pass for another name: refused on write with a clear error, and reported by check.
fixture: basic
$ peers add "$(printf 'Maria\u200dLopez')"
! peers: error: the name contains the invisible character U+200D (zero width joiner)
! hint: remove it: names are written with visible characters only, so no name can pass for another
[2]
@unchanged
$ peers add "$(printf 'Kim\u2060 Tran')"
! peers: error: the name contains the invisible character U+2060 (word joiner)
! hint: remove it: names are written with visible characters only, so no name can pass for another
[2]
@unchanged
$ peers add "$(printf 'Kim Tr\u00adan')"
! peers: error: the name contains the invisible character U+00AD (soft hyphen)
! hint: remove it: names are written with visible characters only, so no name can pass for another
[2]
@unchanged
$ peers add "$(printf 'Kim Tran\U000e0041')"
! peers: error: the name contains the invisible character U+E0041 (tag latin capital letter a)
! hint: remove it: names are written with visible characters only, so no name can pass for another
[2]
@unchanged
$ peers add "$(printf 'Kim \u202eTran')"
! peers: error: the name contains the control character U+202E
! hint: remove it; give plain text on one line
[2]
@unchanged
$ peers topic add "$(printf 'Admis\u200bsions')"
! peers: error: the topic name contains the control character U+200B
! hint: remove it; give plain text on one line
[2]
@unchanged
$ peers edit maria --set "name=$(printf 'Maria\u00ad Lopez')"
! peers: error: --set name contains the invisible character U+00AD (soft hyphen)
! hint: remove it: names are written with visible characters only, so no name can pass for another
[2]
@unchanged
# Import skips such a card and says why; the others come in.
$ printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jo\xc2\xadse Nunez\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lee Park\r\nEND:VCARD\r\n' > ../two.vcf && peers import ../two.vcf
add  lee-park  Lee Park
! peers: warning: ../two.vcf:1: Jo­se Nunez: the name contains the invisible character U+00AD (soft hyphen); skipped
! Imported from ../two.vcf (read as vCard): 1 added, 0 updated, 1 skipped.
# A file written by hand (or pulled) with one is reported by check, and not loaded.
$ printf 'name: "Kim\\u200dTran"\n' > people/kim-tran.yaml && peers check
people/jose-nunez.yaml:2: warning: not in the canonical format, so the next change by peers will also reformat it [not-canonical]
  hint: 'peers check --fix' rewrites it canonically (the data and comments stay the same)
people/kim-tran.yaml:1:7: error: 'name' contains the invisible character U+200D (zero width joiner) [bad-value]
  hint: remove the character: names are written with visible characters only
! 1 error, 1 warning (1 can be fixed with 'peers check --fix')
! peers: error: the store has errors
! hint: fix the files listed above, then run 'peers check' again
[4]
$ peers list
ana-silva    Ana Silva (left)  Web Editor, University Communications
jose-nunez   José Núñez        Athletics Communications                             athletics, game day, live stream
lee-park     Lee Park
maria-lopez  Maria Lopez       Associate Director, Undergraduate Admissions         admissions, transfer students
mark-chen    Mark Chen         Financial Aid Counselor, Student Financial Services  financial-aid
! peers: warning: skipped people/kim-tran.yaml:1:7: 'name' contains the invisible character U+200D (zero width joiner)
! peers: warning: run 'peers check' for details and how to fix them
# Device names: "Con" is a name like any other, its id is con-2.
$ peers add "Con"
con-2
! Added Con as con-2
$ peers add "Nul" --id nul
! peers: error: --id 'nul' is not a usable id
! hint: ids are lowercase letters, digits and '-' (at most 64), not a device name such as con or nul; e.g. --id olena-k
[2]
@unchanged
