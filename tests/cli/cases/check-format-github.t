# check --format github: one workflow command per finding, parsed here as GitHub's runner
# parses them; store text holding '::error', '%0A', '</failure>' forges no annotation.
fixture: check-ci

$ peers check --format github > $WORK/out; echo "exit $?"; python3 $REPO/tests/cli/github-commands < $WORK/out
exit 4
error file=people/ana-ruiz.yaml line=3 col=13 title=unknown-person :: 'forward_to' refers to person 'jose-nunez', which does not exist\nhint: add the person or fix the id
error file=people/broken.yaml line=3 col=1 title=yaml-syntax :: YAML syntax error: end of sequence flow not found\nhint: fix the line in your editor; 'peers check' lists every problem in the store
warning file=topics/alpha.yaml line=3 title=not-canonical :: not in the canonical format, so the next change by peers will also reformat it\nhint: 'peers check --fix' rewrites it canonically (the data and comments stay the same)
warning file=topics/beta.yaml line=3 title=not-canonical :: not in the canonical format, so the next change by peers will also reformat it\nhint: 'peers check --fix' rewrites it canonically (the data and comments stay the same)
warning file=topics/beta.yaml line=3 col=5 title=alias-conflict :: '::error file=forged.yaml,line=1::forged%0A</failure>]]><x a="1">&amp;::error::injected' names both topic alpha and topic beta\nhint: keep it on one topic only, so questions that use it are routed one way
! 2 errors, 3 warnings
! peers: error: the store has errors
! hint: fix the files listed above, then run 'peers check' again

$ grep -c '%250A' $WORK/out
1

# In a store inside a repository, paths are given from the repository's top.
$ git init -q -b main $WORK/repo && mkdir $WORK/repo/team && cp -r . $WORK/repo/team/ && cd $WORK/repo/team && peers check --format github 2>/dev/null | python3 $REPO/tests/cli/github-commands | cut -d' ' -f1-2
error file=team/people/ana-ruiz.yaml
error file=team/people/broken.yaml
warning file=team/topics/alpha.yaml
warning file=team/topics/beta.yaml
warning file=team/topics/beta.yaml
