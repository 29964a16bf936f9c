# peers edit takes the flags of peers add; an empty value clears a field; bracketed text stays text.
fixture: basic

$ peers edit maria --title "Director" --dept "Admissions Office" --email maria@westbrook.edu --phone "+1 555 0100" --handle linkedin=mlopez --met 2026-10-01 --note "Prefers email"
! Updated maria-lopez

$ peers show maria
Maria Lopez  (maria-lopez)
  Director, Admissions Office
  email     maria@westbrook.edu
  phone     +1 555 0100
  linkedin  mlopez
  knows     admissions, transfer students
  tags      orientation
  met       2026-10-01
  added by  Sam Lee
Notes
  Prefers email
Log
  2026-11-21  Sam Lee  Coffee after the orientation meeting

$ peers edit maria --phone "" --handle linkedin= && grep -c 'phone\|linkedin' people/maria-lopez.yaml
0
[1]
! Updated maria-lopez

$ peers edit maria --knows "[a]" --tag "[b,c]" && grep -F -e '[a]' -e '[b,c]' people/maria-lopez.yaml
  - '[a]'
  - '[b,c]'
! Updated maria-lopez

$ peers add "Kim Park" --knows "[x, y]" >/dev/null 2>&1 && grep -F '[x, y]' people/kim-park.yaml
  - '[x, y]'

$ peers edit maria
! peers: error: 'peers edit' without flags opens an editor, and there is no terminal
! hint: in scripts use flags, e.g. peers edit maria-lopez --title "Director" (see peers edit -h)
[2]

$ peers edit maria --met 2026-13-01
! peers: error: --met needs a date as YYYY-MM-DD, got '2026-13-01'
! hint: for example: --met 2026-11-20
[2]
@unchanged

$ peers edit maria --set met=soon
! peers: error: --set met needs a date as YYYY-MM-DD, got 'soon'
! hint: for example: --set met=2026-11-20
[2]
@unchanged

# After an edit in $EDITOR the file is canonical: a quoted date comes back plain, and check is clean.
$ EDITOR="sed -i -e \"s/^met: .*/met: '2026-09-09'/\" -e 's/^title: .*/title: \"Dean\"  # promoted/'" script -qec "peers edit maria" /dev/null > /dev/null && grep -E '^(met|title):' people/maria-lopez.yaml && peers check 2>&1 | grep -c 'maria-lopez.*not-canonical'
title: Dean  # promoted
met: 2026-09-09
0
[1]
