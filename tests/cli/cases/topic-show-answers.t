# topic show counts the answers about the topic: questions that name it by id, name or alias.
# A name two topics share means the first of them (by id), for the answers as for routing, so
# the questions filed under 'permits' count for Parking, whose alias it is, not for Permits.
fixture: none
$ peers init --name T 2>/dev/null
$ peers topic add Parking --alias permits --alias "lot passes" 2>/dev/null
parking
$ peers topic add Permits 2>/dev/null
permits
$ peers add "Ann Lee" --knows parking --knows permits -q
ann-lee
$ peers add "Bo Chen" --knows permits -q
bo-chen
$ q() { printf "text: '%s'\nfrom: '@x'\nchannel: email\nasked_at: 2026-11-20T14:03:00Z\nstatus: answered\nrouted_to: %s\nanswer: 'yes'\nanswered_by: %s\nanswered_at: 2026-11-21T10:00:00Z\ntopics:\n  - '%s'\n" "$2" "$3" "$3" "$4" > questions/$1.yaml; }; q q1 "where do I park" ann-lee "lot passes"; q q2 "which permit" bo-chen permits; q q3 "a permit for a fence" bo-chen Permits; q q4 "parking on sunday" ann-lee Parking
$ peers topic show parking
Parking (parking)
Aliases: permits, lot passes
Who knows it:
  ann-lee  Ann Lee  answered 2
  bo-chen  Bo Chen  answered 2
@unchanged

$ peers topic show "lot passes"
Parking (parking)
Aliases: permits, lot passes
Who knows it:
  ann-lee  Ann Lee  answered 2
  bo-chen  Bo Chen  answered 2
@unchanged

$ peers topic show permits
Permits (permits)
Who knows it:
  ann-lee  Ann Lee
  bo-chen  Bo Chen
@unchanged
