# peers sync stops on a true conflict: the markers name the sides "upstream" and "yours" (git's
# "ours" during a rebase is the upstream); the error's hint suggests 'peers git setup' only in a
# clone that has not run it.
fixture: none

$ peers init . --name Westbrook >/dev/null 2>&1 && git init -q -b main . && peers add 'Maria Lopez' --email a@westbrook.edu >/dev/null 2>&1 && git add -A && git commit -qm start && peers git setup >/dev/null 2>&1 && git init -q --bare -b main $WORK/origin.git && git remote add origin $WORK/origin.git && git push -q -u origin main 2>/dev/null && git clone -q $WORK/origin.git $WORK/bob && cd $WORK/bob && peers git setup >/dev/null 2>&1 && peers edit maria --email b@westbrook.edu 2>/dev/null && git commit -qam bob && git push -q 2>/dev/null

$ peers edit maria --email c@westbrook.edu 2>/dev/null && git commit -qam mine && peers sync 2>/dev/null; sed -n '/^<<<<<<</,/^>>>>>>>/p' people/maria-lopez.yaml
<<<<<<< upstream
email: b@westbrook.edu
=======
email: c@westbrook.edu
>>>>>>> yours

$ peers show maria 2>&1 | grep -c 'git setup'
0
[1]

$ git rebase --abort && git clone -q $WORK/origin.git $WORK/carol && cd $WORK/carol && printf '<<<<<<< a\nemail: x\n=======\nemail: y\n>>>>>>> b\n' >> people/maria-lopez.yaml && peers show maria 2>&1 | grep -c "'peers git setup' once in this clone"
1
