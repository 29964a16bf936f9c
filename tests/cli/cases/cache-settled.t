# Once entries are older than the racy window they are trusted on stat alone (size, mtime and
# ctime in ns, inode): a same-size edit with the mtime set back still changes the ctime.
fixture: basic

$ peers list | grep mark-chen
mark-chen    Mark Chen         Financial Aid Counselor, Student Financial Services  financial-aid

$ sleep 2.2 && peers list | grep mark-chen
mark-chen    Mark Chen         Financial Aid Counselor, Student Financial Services  financial-aid

$ cp -p people/mark-chen.yaml $WORK/ref && sed 's/Mark Chen/Mark Shen/' people/mark-chen.yaml > $WORK/new && cat $WORK/new > people/mark-chen.yaml && touch -r $WORK/ref people/mark-chen.yaml && peers list | grep mark-chen
mark-chen    Mark Shen         Financial Aid Counselor, Student Financial Services  financial-aid
