# check --json: every finding with file, line, column, severity, code, message, hint
fixture: check-references

$ peers check --json
@unchanged
{
  "findings": [
    {
      "file": "people/ana-ruiz.yaml",
      "line": 3,
      "column": 13,
      "severity": "error",
      "code": "unknown-person",
      "message": "'forward_to' refers to person 'jose-nunez', which does not exist",
      "hint": "add the person or fix the id",
      "fixable": false
    },
    {
      "file": "questions/7fk2abcd.yaml",
      "line": 6,
      "column": 14,
      "severity": "error",
      "code": "unknown-person",
      "message": "'answered_by' refers to person 'maria-lopz', which does not exist",
      "hint": "did you mean 'maria-lopez'?",
      "fixable": false
    },
    {
      "file": "topics/admissions.yaml",
      "line": 3,
      "column": 5,
      "severity": "error",
      "code": "unknown-topic",
      "message": "'related' refers to topic 'financial-aid', which does not exist",
      "hint": "add the topic or fix the id",
      "fixable": false
    }
  ],
  "errors": 3,
  "warnings": 0,
  "fixed": []
}
! peers: error: the store has errors
! hint: fix the files listed above, then run 'peers check' again
[4]
