# Output hygiene (issue 17, defect 8): values of keys peers does not know are escaped in --json
# and export --format json as known ones are (U+202E, U+009B, U+0085, DEL); CSV export puts a '
# before cells a spreadsheet would run as formulas (= + - @ tab CR), keeps phone numbers as they
# are, and --csv-formulas turns that off; import takes the ' off again.
fixture: hardening

$ rm people/eve.yaml people/mallory.yaml people/trudy.yaml people/ann-lee.yaml questions/x7k2m9p4.yaml && printf '%s\n' 'name: Olga Formula' 'title: "=HYPERLINK(\"http://evil.example\",\"click\")"' 'department: "+cmd|/C calc!A0"' 'phone: +1 555 0100' 'tags:' '  - "@SUM(1+1)"' '  - "-2+3"' 'notes: "\tTab first"' 'nickname: "a\u202eb\u009bc\u0085d\x7fe"' 'extra:' '  deeper: "\u202e\u2066"' > people/olga-formula.yaml

$ peers show olga --json | grep -E '"(nickname|extra|deeper)"'
  "nickname": "a\u202eb\u009bc\u0085d\u007fe",
  "extra": {
    "deeper": "\u202e\u2066"

$ peers export --format json | grep -E '"(nickname|deeper)"'
    "nickname": "a\u202eb\u009bc\u0085d\u007fe",
      "deeper": "\u202e\u2066"

$ peers list --json | grep -c $'\u202e\|\u0085\|\u009b'
0
[1]

$ peers export --format csv
id,name,title,department,email,phone,handles,expertise,tags,met,status,notes,organization,emails,phones,nicknames,prefix,first_name,middle_name,last_name,suffix
good-person,Good Person,Associate Director,,good@example.org,,,admissions,,2026-11-20,active,,,,,,,,,,
olga-formula,Olga Formula,"'=HYPERLINK(""http://evil.example"",""click"")",'+cmd|/C calc!A0,,+1 555 0100,,,"'@SUM(1+1); -2+3",,active,'	Tab first,,,,,,,,,

$ peers export --format csv --csv-formulas | grep olga
olga-formula,Olga Formula,"=HYPERLINK(""http://evil.example"",""click"")",+cmd|/C calc!A0,,+1 555 0100,,,"@SUM(1+1); -2+3",,active,	Tab first,,,,,,,,,

$ peers export --format csv -o ../out.csv -q && peers init ../again > /dev/null 2>&1 && cd ../again && peers import ../out.csv -q > /dev/null && peers export --format csv | grep olga
olga-formula,Olga Formula,"'=HYPERLINK(""http://evil.example"",""click"")",'+cmd|/C calc!A0,,+1 555 0100,,,"'@SUM(1+1); -2+3",,active,'	Tab first,,,,,,,,,
