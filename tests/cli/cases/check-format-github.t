# check --format github: one workflow command per finding, parsed here as GitHub's runner
# parses them; store text holding '::error', '%0A', CR/LF forges no annotation.
fixture: check-ci

$ peers check --format github > $WORK/out; echo "exit $?"; python3 $REPO/tests/cli/github-commands < $WORK/out

$ git init -q -b main $WORK/repo && mkdir $WORK/repo/team && cp -r . $WORK/repo/team/ && cd $WORK/repo/team && peers check --format github 2>/dev/null | python3 $REPO/tests/cli/github-commands | cut -d' ' -f1-2
