# check --format gitlab: a GitLab Code Quality report, validated against its JSON Schema
# (tests/cli/gitlab-codequality.schema.json); hostile store text stays inside its string.
fixture: check-ci

$ peers check --format gitlab > $WORK/out; echo "exit $?"; python3 $REPO/tests/cli/gitlab-codequality < $WORK/out
exit 4
major people/ana-ruiz.yaml:3 unknown-person
major people/broken.yaml:3 yaml-syntax
minor topics/alpha.yaml:3 not-canonical
minor topics/beta.yaml:3 not-canonical
minor topics/beta.yaml:3 alias-conflict
! 2 errors, 3 warnings
! peers: error: the store has errors
! hint: fix the files listed above, then run 'peers check' again

$ peers check --format gitlab 2>/dev/null | python3 -c 'import json, sys; r = json.load(sys.stdin); print([i["description"] for i in r if i["check_name"] == "alias-conflict"])'
['\'::error file=forged.yaml,line=1::forged%0A</failure>]]><x a="1">&amp;::error::injected\' names both topic alpha and topic beta (hint: keep it on one topic only, so questions that use it are routed one way)']

$ rm people/broken.yaml people/ana-ruiz.yaml topics/beta.yaml && peers check --format gitlab
[
  {
    "description": "not in the canonical format, so the next change by peers will also reformat it (hint: 'peers check --fix' rewrites it canonically (the data and comments stay the same))",
    "check_name": "not-canonical",
    "fingerprint": "86604ebbcc245b4d",
    "severity": "minor",
    "location": {
      "path": "topics/alpha.yaml",
      "lines": {
        "begin": 3
      }
    }
  }
]
! 0 errors, 1 warning
