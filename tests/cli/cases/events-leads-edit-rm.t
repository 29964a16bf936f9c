# event edit/rm and lead edit/rm, without hand-editing YAML.
fixture: events
env: PEERS_TEST_ID_SEED=7

$ peers event add "Open Day" --date 2027-03-01 --hashtag "#OpenDay" >/dev/null 2>&1 && peers event add "Commencement 2027" --date 2027-05-16 --hashtag "#Westbrook27" >/dev/null 2>&1 && peers event edit open --name "Spring Open Day" --date 2027-03-02 --end-date 2027-03-03 --location "Main Quad" --lead maria --note "Bring the banner"
! Updated the event open-day

$ cat events/open-day.yaml
name: Spring Open Day
date: 2027-03-02
end_date: 2027-03-03
location: Main Quad
hashtag: '#OpenDay'
lead: maria-lopez
notes: Bring the banner
added_by: Test User

$ peers event edit open-day --hashtag "#westbrook27"
! peers: error: the hashtag #westbrook27 is already used by commencement-2027 (Commencement 2027)
! hint: each coordinated event needs its own hashtag
[1]
@unchanged

$ peers event edit open-day --end-date 2027-03-01
! peers: error: the end date is before the date
! hint: --end-date is the last day of the event
[2]
@unchanged

$ peers event edit open-day --end-date "" --lead ""
! Updated the event open-day

$ grep -c 'end_date\|lead' events/open-day.yaml
0
[1]

$ peers event rm open-day
! peers: error: refusing to remove the event open-day without confirmation
! hint: peers event rm open-day --yes
[2]
@unchanged

$ peers event rm open-day --yes && ls events
commencement-2027.yaml
! Removed the event Spring Open Day (open-day)

$ peers event remove commencement-2027
! peers: error: unknown verb 'remove' for 'peers event' (it has: add, assign, unassign, done, show, ics, edit, rm)
! hint: run 'peers event --help' for usage
[2]

$ peers lead add "Rover field test" --from kwame --topic research 2>/dev/null > id && peers lead edit $(cat id) --title "Rover lab field test" --from jose --topic robotics --untopic research --status pitched
! Updated the lead 67npdpd7 (pitched)

$ cat leads/67npdpd7.yaml | head -5
title: Rover lab field test
from: jose-nunez
topics:
  - robotics
status: pitched

$ peers lead rm 67np
! peers: error: refusing to remove the lead 67npdpd7 without confirmation
! hint: peers lead rm 67npdpd7 --yes
[2]
@unchanged

$ peers lead rm 67np --yes && ls leads
! Removed the lead 67npdpd7 (Rover lab field test)

$ peers lead remove 67np
! peers: error: unknown verb 'remove' for 'peers lead' (it has: add, set, edit, rm, show)
! hint: run 'peers lead --help' for usage
[2]
