# check --format gitlab: a GitLab Code Quality report, validated against its JSON Schema
# (tests/cli/gitlab-codequality.schema.json); hostile store text stays inside its string.
fixture: check-ci

$ peers check --format gitlab > $WORK/out; echo "exit $?"; python3 $REPO/tests/cli/gitlab-codequality < $WORK/out

$ peers check --format gitlab 2>/dev/null | python3 -c 'import json, sys; r = json.load(sys.stdin); print([i["description"] for i in r if i["check_name"] == "alias-conflict"])'

$ rm people/broken.yaml people/ana-ruiz.yaml topics/beta.yaml && peers check --format gitlab
