# `peers check` reports, as errors naming the event file, two events that share a hashtag and
# roles assigned to people who left (unless already done).
fixture: events

$ peers event add "Commencement 2027" --date 2027-05-16 --hashtag "#Westbrook27"
commencement-2027
! Added the event Commencement 2027 on 2027-05-16

$ peers event assign commencement-2027 ana-silva --role share
! peers: error: ana-silva has left; they cannot take a role
! hint: they suggest asking maria-lopez
[1]
@unchanged

$ peers event assign commencement-2027 jose-nunez --role "live stream"
! Assigned jose-nunez to commencement-2027 as live stream

$ peers event assign commencement-2027 kwame-asante --role "post originals"
! Assigned kwame-asante to commencement-2027 as post originals

$ peers check
! No problems found.
@unchanged

# Kwame leaves; a hand-written event reuses the hashtag (peers event add would refuse it).
$ peers edit kwame-asante --set status=left --set forward_to=maria-lopez
! Updated kwame-asante

$ printf "name: Reunion 2027\ndate: 2027-06-01\nhashtag: '#WESTBROOK27'\nassignments:\n  - person: jose-nunez\n    role: share\n  - person: ana-silva\n    role: share\n    done_at: 2026-11-01T10:00:00Z\n" > events/reunion-2027.yaml

$ peers check
events/commencement-2027.yaml:3:10: error: the hashtag '#Westbrook27' is also the hashtag of events/reunion-2027.yaml [shared-hashtag]
  hint: each coordinated event needs its own hashtag; change one of them
events/commencement-2027.yaml:8:13: error: the role 'post originals' is assigned to kwame-asante, who has left [assigned-person-left]
  hint: give the role to someone else: peers event unassign commencement-2027 kwame-asante, then peers event assign commencement-2027 maria-lopez --role "post originals"
events/reunion-2027.yaml:3:10: error: the hashtag '#WESTBROOK27' is also the hashtag of events/commencement-2027.yaml [shared-hashtag]
  hint: each coordinated event needs its own hashtag; change one of them
! 3 errors, 0 warnings
! peers: error: the store has errors
! hint: fix the files listed above, then run 'peers check' again
[4]
@unchanged

$ peers event show commencement-2027
Commencement 2027  (commencement-2027)
  date      2027-05-16 (in 170 days)
  hashtag   #Westbrook27
  added by  Test User
Plan  0 of 2 done
  [ ]  jose-nunez    José Núñez    live stream
  [ ]  kwame-asante  Kwame Asante  post originals
@unchanged

$ peers event unassign commencement-2027 kwame-asante
! kwame-asante no longer has a role in commencement-2027

$ peers event assign commencement-2027 maria-lopez --role "post originals"
! Assigned maria-lopez to commencement-2027 as post originals

$ sed -i "s/#WESTBROOK27/#WestbrookReunion/" events/reunion-2027.yaml

$ peers check
! No problems found.
@unchanged

# A role given to a person who does not exist (by hand) is an error too.
$ sed -i "s/person: jose-nunez/person: jose-nunes/" events/reunion-2027.yaml

$ peers check
events/reunion-2027.yaml:5:13: error: 'person' refers to person 'jose-nunes', which does not exist [unknown-person]
  hint: did you mean 'jose-nunez'?
! 1 error, 0 warnings
! peers: error: the store has errors
! hint: fix the files listed above, then run 'peers check' again
[4]
@unchanged
