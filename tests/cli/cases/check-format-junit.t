# check --format junit: JUnit XML that xmllint accepts; hostile store text ('</failure>',
# ']]>', quotes, CR) breaks nothing and adds no element.
fixture: check-ci

$ peers check --format junit > $WORK/out.xml; echo "exit $?"; xmllint --noout $WORK/out.xml && echo valid

$ python3 -c 'import sys, xml.etree.ElementTree as E; r = E.parse(sys.argv[1]).getroot(); print(r.tag, r.get("tests"), r.get("failures")); [print(c.get("name"), [(x.tag, x.get("type")) for x in c]) for c in r.iter("testcase")]' $WORK/out.xml

$ peers check --format junit --strict 2>/dev/null | python3 -c 'import sys, xml.etree.ElementTree as E; r = E.parse(sys.stdin).getroot(); print(r.get("tests"), r.get("failures"))'

$ rm people/broken.yaml people/ana-ruiz.yaml topics/beta.yaml && peers check --format junit | xmllint --format -
