# Refused changes: a clear message, a non-zero exit, nothing on disk changed.
fixture: events

$ peers event add "Commencement 2027" --date 2027-05-16 --hashtag "#Westbrook27"
commencement-2027
! Added the event Commencement 2027 on 2027-05-16

# A role for a person who does not exist: refused, with did-you-mean.
$ peers event assign commencement-2027 jose-nunes --role "live stream"
! peers: error: no person 'jose-nunes'
! hint: did you mean jose-nunez?
[3]
@unchanged

$ peers event assign commencement-2027 ../people/jose-nunez --role share
! peers: error: no person '../people/jose-nunez'
! hint: 'peers list' shows every id
[3]
@unchanged

# Nor for a person who has left.
$ peers event assign commencement-2027 ana-silva --role share
! peers: error: ana-silva has left; they cannot take a role
! hint: they suggest asking maria-lopez
[1]
@unchanged

$ peers event assign commencement-2027 jose-nunez --role " "
! peers: error: a role cannot be empty
! hint: for example: --role "live stream"
[2]
@unchanged

$ peers event assign nothing-here jose-nunez --role share
! peers: error: no event 'nothing-here'
! hint: 'peers list' shows every id
[3]
@unchanged

$ peers event done commencement-2027 jose-nunez
! peers: error: jose-nunez has no role in commencement-2027
! hint: no one has a role yet: peers event assign commencement-2027 PERSON --role ROLE
[1]
@unchanged

$ peers event add "Commencement 2027" --date 2027-05-17
! peers: error: there is already an event commencement-2027
! hint: see it with 'peers event show commencement-2027', or give the new one another name
[1]
@unchanged

$ peers event add "Reunion" --date 2027-06-01 --hashtag "#westbrook27"
! peers: error: the hashtag #westbrook27 is already used by commencement-2027 (Commencement 2027)
! hint: each coordinated event needs its own hashtag
[1]
@unchanged

$ peers event add "Reunion" --date 2027-06-01 --hashtag "#two words"
! peers: error: the hashtag '#two words' may hold only letters, digits and '_' after the '#'
! hint: for example: --hashtag "#Westbrook27"
[2]
@unchanged

$ peers event add "Reunion" --date 06/01/2027
! peers: error: --date needs a date as YYYY-MM-DD, got '06/01/2027'
! hint: for example: --date 2026-11-20
[2]
@unchanged

$ peers event add "Reunion" --date 2027-06-01 --end-date 2027-05-01
! peers: error: --end-date is before --date
! hint: --end-date is the last day of the event
[2]
@unchanged

$ peers event add "Reunion" --date 2027-06-01 --lead nobody
! peers: error: no person 'nobody'
! hint: 'peers list' shows every id
[3]
@unchanged

# A hand-broken event file is refused with its location; list commands skip it and say so.
$ printf 'name: Broken\ndate: soon\n' > events/broken.yaml

$ peers event show broken
! peers: error: events/broken.yaml:2:7: 'date' should be a date (YYYY-MM-DD), found 'soon'
! hint: write the date as YYYY-MM-DD, e.g. date: 2026-11-20
[1]
@unchanged

$ peers events
2027-05-16  commencement-2027  #Westbrook27  no roles  Commencement 2027
! peers: warning: skipped events/broken.yaml:2:7: 'date' should be a date (YYYY-MM-DD), found 'soon'
! peers: warning: run 'peers check' for details and how to fix them
@unchanged
