# Team flow through the merge driver: a question routed in one clone and answered in another
# merges to the later state with both history entries; roles merge by person; markers say
# "yours" and "upstream".
fixture: basic

$ cp questions/7fk2m9qa.yaml base && cp base ours && cp base theirs && printf '  - at: 2026-11-21T09:00:00Z\n    event: routed\n    to: maria-lopez\n    by: Alice\n' >> ours && sed -i 's/^status: open/status: routed\nrouted_to: maria-lopez/' ours && printf '  - at: 2026-11-21T10:00:00Z\n    event: answered\n    by: Bob\n' >> theirs && sed -i 's/^status: open/status: answered\nanswer: March 1\nanswered_by: mark-chen\nanswered_at: 2026-11-21T10:00:00Z/' theirs

$ peers merge-driver base ours theirs questions/7fk2m9qa.yaml && cat ours
text: When is the transfer application deadline?
from: '@jdoe'
channel: twitter
asked_at: 2026-11-20T14:03:00Z
status: answered
routed_to: maria-lopez
answer: March 1
answered_by: mark-chen
answered_at: 2026-11-21T10:00:00Z
history:
  - at: 2026-11-20T14:03:00Z
    event: asked
    by: Sam Lee
  - at: 2026-11-21T09:00:00Z
    event: routed
    to: maria-lopez
    by: Alice
  - at: 2026-11-21T10:00:00Z
    event: answered
    by: Bob

# The same two sides the other way round: still answered.
$ cp base ours2 && printf '  - at: 2026-11-21T09:00:00Z\n    event: routed\n    to: maria-lopez\n    by: Alice\n' >> ours2 && sed -i 's/^status: open/status: routed\nrouted_to: maria-lopez/' ours2 && peers merge-driver base theirs ours2 questions/7fk2m9qa.yaml && grep -c '^status: answered' theirs
1

# Two clones change the role of one person in one event: one entry for the person, merged field by field.
$ printf 'name: Open Day\ndate: 2027-03-01\nassignments:\n  - person: jose-nunez\n    role: live stream\n  - person: ana-silva\n    role: share\n' > ebase && sed 's/role: live stream/role: photos/' ebase > eours && sed 's/role: share/role: post originals/' ebase > etheirs && peers merge-driver ebase eours etheirs events/open-day.yaml && cat eours
name: Open Day
date: 2027-03-01
assignments:
  - person: jose-nunez
    role: photos
  - person: ana-silva
    role: post originals

# Both give the same new person a role (differently): one entry, the role is a conflict.
$ printf '  - person: maria-lopez\n    role: share\n' | cat ebase - > eours && printf '  - person: maria-lopez\n    role: photos\n' | cat ebase - > etheirs && peers merge-driver ebase eours etheirs events/open-day.yaml; grep -c 'person: maria-lopez' eours; grep -E '^(<<<<<<<|>>>>>>>)' eours
1
<<<<<<< yours
>>>>>>> upstream
! peers: error: events/open-day.yaml: 1 conflict left for you: both sides changed the same field
! hint: edit the file: keep one side between the <<<<<<< and >>>>>>> lines and delete the marker lines; 'peers check' shows each conflict

# One side ticks a role off, the other removes another role: both happen.
$ sed 's/    role: live stream/    role: live stream\n    done_at: 2027-03-01T12:00:00Z\n    done_by: Sam Lee/' ebase > eours && head -5 ebase > etheirs && peers merge-driver ebase eours etheirs events/open-day.yaml && cat eours
name: Open Day
date: 2027-03-01
assignments:
  - person: jose-nunez
    role: live stream
    done_at: 2027-03-01T12:00:00Z
    done_by: Sam Lee
