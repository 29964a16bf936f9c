# Nothing outside the store is read, written or locked: a kind directory, questions/archive or
# .peers that is a symbolic link is refused with an error naming it; a linked record file is
# skipped and never written through.
fixture: basic

$ mkdir -p $WORK/outside && mv topics $WORK/outside/topics && ln -s $WORK/outside/topics topics

$ peers list
! peers: error: topics: is a symbolic link; peers does not follow links in a store
! hint: replace the link with the directory or file itself; nothing outside the store is read, written or locked
[1]

$ peers add "New Person" --knows admissions
! peers: error: topics: is a symbolic link; peers does not follow links in a store
! hint: replace the link with the directory or file itself; nothing outside the store is read, written or locked
[1]

$ peers check
! peers: error: topics: is a symbolic link; peers does not follow links in a store
! hint: replace the link with the directory or file itself; nothing outside the store is read, written or locked
[1]

$ printf 'name:   Admissions\n' > $WORK/outside/topics/admissions.yaml && peers check --fix
! peers: error: topics: is a symbolic link; peers does not follow links in a store
! hint: replace the link with the directory or file itself; nothing outside the store is read, written or locked
[1]

$ ls $WORK/outside/topics && cat $WORK/outside/topics/admissions.yaml && ls people
admissions.yaml
financial-aid.yaml
name:   Admissions
ana-silva.yaml
jose-nunez.yaml
maria-lopez.yaml
mark-chen.yaml

$ rm topics && mv $WORK/outside/topics topics && mv people $WORK/outside/people && ln -s $WORK/outside/people people && peers add "New Person"
! peers: error: people: is a symbolic link; peers does not follow links in a store
! hint: replace the link with the directory or file itself; nothing outside the store is read, written or locked
[1]

$ ls $WORK/outside/people && rm people && mv $WORK/outside/people people
ana-silva.yaml
jose-nunez.yaml
maria-lopez.yaml
mark-chen.yaml

$ mv questions $WORK/outside/questions && ln -s $WORK/outside/questions questions && peers questions
! peers: error: questions: is a symbolic link; peers does not follow links in a store
! hint: replace the link with the directory or file itself; nothing outside the store is read, written or locked
[1]

$ rm questions && mv $WORK/outside/questions questions && mkdir $WORK/outside/archive && ln -s $WORK/outside/archive questions/archive && peers archive
! peers: error: questions/archive: is a symbolic link; peers does not follow links in a store
! hint: replace the link with the directory or file itself; nothing outside the store is read, written or locked
[1]

$ rm questions/archive && mkdir -p $WORK/outside/events && rm -rf events && ln -s $WORK/outside/events events && peers events
! peers: error: events: is a symbolic link; peers does not follow links in a store
! hint: replace the link with the directory or file itself; nothing outside the store is read, written or locked
[1]

$ rm events && mkdir events && mkdir -p $WORK/outside/leads && rm -rf leads && ln -s $WORK/outside/leads leads && peers lead add "A story"
! peers: error: leads: is a symbolic link; peers does not follow links in a store
! hint: replace the link with the directory or file itself; nothing outside the store is read, written or locked
[1]

# .peers: the lock (and the cache) never go to the link's target
$ rm leads && mkdir leads && mkdir $WORK/outside/state && rm -rf .peers && ln -s $WORK/outside/state .peers && peers log maria-lopez "Coffee"
! peers: error: .peers: is a symbolic link; peers does not follow links in a store
! hint: replace the link with the directory or file itself; nothing outside the store is read, written or locked
[1]

$ ls -A $WORK/outside/state | wc -l && rm .peers && mkdir .peers && ln -s $WORK/outside/lock .peers/lock && peers log maria-lopez "Coffee"
0
! peers: error: .peers/lock: is a symbolic link; peers does not follow links in a store
! hint: replace the link with the directory or file itself; nothing outside the store is read, written or locked
[1]

$ test ! -e $WORK/outside/lock && rm .peers/lock && peers log maria-lopez "Coffee"
! Logged a conversation with Maria Lopez on 2026-11-27

# A linked record file: skipped on reads, refused by name on writes, never written through
$ printf 'name: Outside Person\n' > $WORK/outside/zed.yaml && ln -s $WORK/outside/zed.yaml people/zed.yaml && peers list | cut -d' ' -f1
ana-silva
jose-nunez
maria-lopez
mark-chen
! peers: warning: skipped people/zed.yaml: is a symbolic link; peers does not follow links in a store
! peers: warning: run 'peers check' for details and how to fix them

$ peers log zed "Coffee"
! peers: error: people/zed.yaml: is a symbolic link; peers does not follow links in a store
! hint: replace the link with the file itself
[1]

$ peers check --fix > /dev/null 2>&1; cat $WORK/outside/zed.yaml && test -L people/zed.yaml
name: Outside Person
