# check --format junit: JUnit XML that xmllint accepts; hostile store text ('</failure>',
# ']]>', quotes) breaks nothing and adds no element.
fixture: check-ci

$ peers check --format junit > $WORK/out.xml; echo "exit $?"; xmllint --noout $WORK/out.xml && echo valid
exit 4
valid
! 2 errors, 3 warnings
! peers: error: the store has errors
! hint: fix the files listed above, then run 'peers check' again

$ python3 -c 'import sys, xml.etree.ElementTree as E; r = E.parse(sys.argv[1]).getroot(); print(r.tag, r.get("tests"), r.get("failures")); [print(c.get("name"), [(x.tag, x.get("type")) for x in c]) for c in r.iter("testcase")]' $WORK/out.xml
testsuites 4 2
people/ana-ruiz.yaml [('failure', 'unknown-person')]
people/broken.yaml [('failure', 'yaml-syntax')]
topics/alpha.yaml [('system-out', None)]
topics/beta.yaml [('system-out', None)]

$ grep -c 'forged%0A&lt;/failure&gt;]]&gt;&lt;x a=&quot;1&quot;&gt;&amp;amp;' $WORK/out.xml
1

# --strict: warnings fail their test case too.
$ peers check --format junit --strict 2>/dev/null | python3 -c 'import sys, xml.etree.ElementTree as E; r = E.parse(sys.stdin).getroot(); print(r.get("tests"), r.get("failures"))'
4 4

$ rm people/broken.yaml people/ana-ruiz.yaml topics/beta.yaml && peers check --format junit | xmllint --format -
<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="peers check" tests="1" failures="0" errors="0">
  <testsuite name="peers check" tests="1" failures="0" errors="0" skipped="0">
    <testcase classname="peers.check" name="topics/alpha.yaml" file="topics/alpha.yaml">
      <system-out>topics/alpha.yaml:3: warning: not in the canonical format, so the next change by peers will also reformat it [not-canonical]
  hint: 'peers check --fix' rewrites it canonically (the data and comments stay the same)
</system-out>
    </testcase>
  </testsuite>
</testsuites>
! 0 errors, 1 warning
