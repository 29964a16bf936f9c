# Ids are slugs of names with accents folded; same names get -2, -3; removed ids are never reused.
fixture: none

$ peers init --name "Westbrook Comms"
! Created a peers store for 'Westbrook Comms' in .
! Next: peers add "Maria Lopez" --knows admissions   (then commit the files to git)

$ peers add "María José Núñez" --dept "Undergraduate Admissions" --knows admissions --knows "transfer students" --tag orientation --met 2026-11-20 --note "Runs the transfer info sessions" --handle twitter=@mjn
maria-jose-nunez
! Added María José Núñez as maria-jose-nunez

$ peers add "Maria Jose Nunez"
maria-jose-nunez-2
! Added Maria Jose Nunez as maria-jose-nunez-2

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

$ cat peers.yaml
peers: 1
name: Westbrook Comms
retired_ids:
  - maria-jose-nunez-2

$ peers add "!!!"
! peers: error: cannot make an id from the name '!!!'
! hint: use a name with letters or digits
[2]
