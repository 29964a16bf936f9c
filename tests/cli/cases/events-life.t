# The whole life of an event: add, assign roles, the plan as a checklist, tick parts off,
# list, and the event in `peers show` of the people in it.
fixture: events

$ peers event add "Commencement 2027" --date 2027-05-16 --hashtag "#Westbrook27" --lead maria-lopez --location "Main Quad"
commencement-2027
! Added the event Commencement 2027 on 2027-05-16

$ cat events/commencement-2027.yaml
name: Commencement 2027
date: 2027-05-16
location: Main Quad
hashtag: '#Westbrook27'
lead: maria-lopez
added_by: Test User

$ peers event assign commencement-2027 jose-nunez --role "live stream"
! Assigned jose-nunez to commencement-2027 as live stream

$ peers event assign comm athletics --role share
! Assigned athletics-comms to commencement-2027 as share

$ peers event assign commencement-2027 maria-lopez --role "post originals"
! Assigned maria-lopez to commencement-2027 as post originals

$ peers event assign commencement-2027 maria-lopez --role "post originals"
! maria-lopez already has the role 'post originals' in commencement-2027
@unchanged

$ peers event show commencement-2027
Commencement 2027  (commencement-2027)
  date      2027-05-16 (in 170 days)
  location  Main Quad
  hashtag   #Westbrook27
  lead      María López (maria-lopez)
  added by  Test User
Plan  0 of 3 done
  [ ]  jose-nunez       José Núñez       live stream
  [ ]  athletics-comms  Athletics Comms  share
  [ ]  maria-lopez      María López      post originals
@unchanged

$ peers event done commencement-2027 jose-nunez
! jose-nunez is done (1 of 3 done)

$ peers event done commencement-2027 jose
! peers: error: jose-nunez's part in commencement-2027 (live stream) is already done
! hint: to undo it: peers event done commencement-2027 jose-nunez --undo
[1]
@unchanged

$ peers event done commencement-2027 athletics-comms
! athletics-comms is done (2 of 3 done)

$ peers event done commencement-2027 athletics-comms --undo
! athletics-comms is not done after all (1 of 3 done)

$ peers event show comm
Commencement 2027  (commencement-2027)
  date      2027-05-16 (in 170 days)
  location  Main Quad
  hashtag   #Westbrook27
  lead      María López (maria-lopez)
  added by  Test User
Plan  1 of 3 done
  [x]  jose-nunez       José Núñez       live stream     done 2026-11-27 12:00 by Test User
  [ ]  athletics-comms  Athletics Comms  share
  [ ]  maria-lopez      María López      post originals
@unchanged

# Assignments are a list of maps keyed by person: one entry per person.
$ cat events/commencement-2027.yaml
name: Commencement 2027
date: 2027-05-16
location: Main Quad
hashtag: '#Westbrook27'
lead: maria-lopez
added_by: Test User
assignments:
  - person: jose-nunez
    role: live stream
    done_at: 2026-11-27T12:00:00Z
    done_by: Test User
  - person: athletics-comms
    role: share
  - person: maria-lopez
    role: post originals

# A new role replaces the old one and is not done yet.
$ peers event assign commencement-2027 maria-lopez --role "post originals and share"
! Changed the role of maria-lopez in commencement-2027: now post originals and share

$ peers event unassign commencement-2027 athletics-comms
! athletics-comms no longer has a role in commencement-2027

$ peers event add "Homecoming 2026" --date 2026-10-03 --end-date 2026-10-04 --hashtag WBHomecoming
homecoming-2026
! Added the event Homecoming 2026 on 2026-10-03

$ peers events
2026-10-03  homecoming-2026    #WBHomecoming  no roles  Homecoming 2026
2027-05-16  commencement-2027  #Westbrook27   1/2 done  Commencement 2027
@unchanged

$ peers events --upcoming
2027-05-16  commencement-2027  #Westbrook27  1/2 done  Commencement 2027
@unchanged

$ peers show maria-lopez
María López  (maria-lopez)
  Associate Director, University Communications
Events
  2027-05-16  commencement-2027  Commencement 2027  lead; post originals and share
@unchanged

$ peers show jose-nunez
José Núñez  (jose-nunez)
  Athletics Communications
  knows  live stream
Events
  2027-05-16  commencement-2027  Commencement 2027  live stream (done)
@unchanged

# `peers show` takes an event id (or a prefix) too.
$ peers show homecoming
Homecoming 2026  (homecoming-2026)
  date      2026-10-03 to 2026-10-04 (55 days ago)
  hashtag   #WBHomecoming
  added by  Test User
Plan  0 of 0 done
  no roles yet: peers event assign homecoming-2026 PERSON --role ROLE
@unchanged
