# check: an email or phone with its type in brackets is fine (ada-okoye, "(ext 12)" included);
# a type that cannot be read is a warning with the form to write.
fixture: check-bad-type

$ peers check
@unchanged
people/bruno-costa.yaml:2:8: warning: 'email': 'bruno@costa.example (home' opens a bracket for its type and does not close it [bad-type]
  hint: write the type in brackets at the end: 'bruno@costa.example (home)'
people/bruno-costa.yaml:3:8: warning: 'phone': '+1 555 010 5500(mobile)' has no space before its type, so '(mobile)' is read as part of the value [bad-type]
  hint: write '+1 555 010 5500 (mobile)'
people/bruno-costa.yaml:5:5: warning: 'phones': '(home)' is only a type, with no address or number [bad-type]
  hint: write the value before its type, e.g. '+1 555 0100 (home)'
! 0 errors, 3 warnings

# Remembered: the same findings from check's memo.
$ peers check 2>&1 | grep -c bad-type
3
$ peers show ada-okoye --json | grep -E '"(email|phone)(_type)?"'
  "email": "ada@okoye.example",
  "email_type": "home",
  "phone": "+1 555 010 4400",
  "phone_type": "mobile",
