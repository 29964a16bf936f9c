# The record cache (.peers/cache) never hides a change made to the files by hand.
fixture: basic

$ peers list
ana-silva    Ana Silva (left)  Web Editor, University Communications
jose-nunez   José Núñez        Athletics Communications                             athletics, game day, live stream
maria-lopez  Maria Lopez       Associate Director, Undergraduate Admissions         admissions, transfer students
mark-chen    Mark Chen         Financial Aid Counselor, Student Financial Services  financial-aid
@unchanged

$ ls .peers
cache
cache.journal
cache.lock

# An edit that changes the size.
$ sed -i 's/Web Editor/Senior Web Editor/' people/ana-silva.yaml && peers list | grep ana-silva
ana-silva    Ana Silva (left)  Senior Web Editor, University Communications

# Same size, same inode, mtime set back to what it was: the content is still seen.
$ cp -p people/mark-chen.yaml $WORK/ref && sed 's/Mark Chen/Mark Shen/' people/mark-chen.yaml > $WORK/new && cat $WORK/new > people/mark-chen.yaml && touch -r $WORK/ref people/mark-chen.yaml && peers list | grep mark-chen
mark-chen    Mark Shen         Financial Aid Counselor, Student Financial Services  financial-aid

# A deleted file is gone, a renamed one shows under its new id.
$ rm people/jose-nunez.yaml && mv people/maria-lopez.yaml people/maria-lopez-2.yaml && peers list | cut -d' ' -f1
ana-silva
maria-lopez-2
mark-chen

# A file that breaks is reported, not served from the cache.
$ echo 'name: [oops' > people/mark-chen.yaml && peers list | cut -d' ' -f1
ana-silva
maria-lopez-2
! peers: warning: skipped people/mark-chen.yaml:2:1: YAML syntax error: end of sequence flow not found
! peers: warning: run 'peers check' for details and how to fix them
