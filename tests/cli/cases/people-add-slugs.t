# Ids are slugs of names with accents folded; same names get -2, -3; removed ids are never reused.
fixture: none

$ peers init --name "Westbrook Comms"
! Created a peers store for 'Westbrook Comms' in .
! Next: peers add "Maria Lopez" --knows admissions   (then commit the files to git)

$ peers add "María José Núñez" --dept "Undergraduate Admissions" --knows admissions --knows "transfer students" --tag orientation --met 2026-11-20 --note "Runs the transfer info sessions" --handle twitter=@mjn
maria-jose-nunez
! Added María José Núñez as maria-jose-nunez

# A second person with the same name (accents aside) is added, and add says who the first is.
$ peers add "Maria Jose Nunez"
maria-jose-nunez-2
! Added Maria Jose Nunez as maria-jose-nunez-2
! peers: warning: María José Núñez (maria-jose-nunez) has the same name; if that is who you meant, 'peers rm maria-jose-nunez-2 --yes' undoes this add ('--id ID' chooses the id of a real namesake)

$ peers add "  O'Brien,   Siobhán  (Comms) "
obrien-siobhan-comms
! Added O'Brien,   Siobhán  (Comms) as obrien-siobhan-comms

$ cat people/maria-jose-nunez.yaml
name: María José Núñez
department: Undergraduate Admissions
handles:
  twitter: '@mjn'
expertise:
  - admissions
  - transfer students
tags:
  - orientation
met: 2026-11-20
added_by: Test User
notes: Runs the transfer info sessions

$ peers rm maria-jose-nunez-2 --yes
! Removed Maria Jose Nunez (maria-jose-nunez-2). Their id will not be reused.

$ peers add "Maria Jose Nunez"
maria-jose-nunez-3
! Added Maria Jose Nunez as maria-jose-nunez-3
! peers: warning: María José Núñez (maria-jose-nunez) has the same name; if that is who you meant, 'peers rm maria-jose-nunez-3 --yes' undoes this add ('--id ID' chooses the id of a real namesake)

$ peers add "Maria Jose Nunez" --id mjnunez --met 2026-11-02 -q
mjnunez
! peers: warning: María José Núñez (maria-jose-nunez) and Maria Jose Nunez (maria-jose-nunez-3) have the same name; if that is who you meant, 'peers rm mjnunez --yes' undoes this add ('--id ID' chooses the id of a real namesake)

$ peers add "Pat Lee" --id mjnunez
! peers: error: the id 'mjnunez' is taken
! hint: 'peers show mjnunez' shows who has it; choose another --id
[2]
@unchanged

$ peers add "Pat Lee" --id maria-jose-nunez-2
! peers: error: the id 'maria-jose-nunez-2' belonged to someone removed and is never reused
! hint: choose another --id
[2]
@unchanged

# A name whose slug is a reserved device name gets the next free id.
$ peers add "Con" && peers add "CON." -q
con-2
con-3
! Added Con as con-2
! peers: warning: Con (con-2) has the same name; if that is who you meant, 'peers rm con-3 --yes' undoes this add ('--id ID' chooses the id of a real namesake)

$ cat peers.yaml
peers: 1
name: Westbrook Comms
retired_ids:
  - maria-jose-nunez-2

$ peers add "!!!"
! peers: error: cannot make an id from the name '!!!': it has no letter or digit with a Latin form
! hint: choose the id with --id, e.g. --id snow-white
[2]
