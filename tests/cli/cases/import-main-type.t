# The main email and phone keep their type (issue 18): an Apple vCard whose labels
# (item1.X-ABLabel:_$!<Mobile>!$_, a label of the user's own) give the types, and a Google CSV
# whose first phone is mobile; through import, show, --json, vCard and CSV export and import.
fixture: shell
$ cp "$REPO"/tests/fixtures/contacts-types/* "$WORK"/
$ peers import ../apple-labels.vcf -q
add  ada-okoye  Ada Okoye
$ peers import ../google-mobile-first.csv -q
add  bruno-costa  Bruno Costa
$ cat people/ada-okoye.yaml people/bruno-costa.yaml
name: Ada Okoye
organization: Riverside Arts Trust
email: ada@okoye.example (home)
emails:
  - aokoye@riverside-arts.example (work)
phone: +1 555 010 4400 (mobile)
phones:
  - +1 555 010 4411 (Studio)
  - +1 555 010 4422 (work)
added_by: Test User
name: Bruno Costa
organization: Harbor Radio
email: bruno@costa.example (other)
phone: +1 555 010 5500 (mobile)
phones:
  - +1 555 010 5511 (home)
added_by: Test User
$ peers show ada-okoye | grep -E 'email|phone'
  email     ada@okoye.example (home)
  email     aokoye@riverside-arts.example (work)
  phone     +1 555 010 4400 (mobile)
  phone     +1 555 010 4411 (Studio)
  phone     +1 555 010 4422 (work)
$ peers show bruno-costa --json | grep -E '"(email|phone)(_type)?"'
  "email": "bruno@costa.example",
  "email_type": "other",
  "phone": "+1 555 010 5500",
  "phone_type": "mobile",
# vCard: the main ones with their TYPE and PREF; a label vCard has no word for, as Apple writes it.
$ for o in riverside harbor; do peers export --format vcard --org $o; done | tr -d '\r' | grep -E '^(FN|EMAIL|TEL|item)'
FN:Ada Okoye
EMAIL;TYPE=INTERNET,HOME,PREF:ada@okoye.example
EMAIL;TYPE=INTERNET,WORK:aokoye@riverside-arts.example
TEL;TYPE=CELL,PREF:+1 555 010 4400
item1.TEL;TYPE=VOICE:+1 555 010 4411
item1.X-ABLabel:Studio
TEL;TYPE=WORK:+1 555 010 4422
FN:Bruno Costa
EMAIL;TYPE=INTERNET,OTHER,PREF:bruno@costa.example
TEL;TYPE=CELL,PREF:+1 555 010 5500
TEL;TYPE=HOME:+1 555 010 5511
# CSV: as in the YAML; a number with its type is still no formula.
$ peers export --format csv | grep -E '^(id|ada|bruno)' | cut -d, -f1,5,6,13-
id,email,phone,organization,emails,phones,nicknames,prefix,first_name,middle_name,last_name,suffix
ada-okoye,ada@okoye.example (home),+1 555 010 4400 (mobile),Riverside Arts Trust,aokoye@riverside-arts.example (work),"'+1 555 010 4411 (Studio); +1 555 010 4422 (work)",,,,,,
bruno-costa,bruno@costa.example (other),+1 555 010 5500 (mobile),Harbor Radio,,+1 555 010 5511 (home),,,,,,
# Back in: each export read into an empty store gives the same emails and phones.
$ peers export --format vcard > ../all.vcf && peers export --format csv > ../all.csv
$ peers init ../from-vcard > /dev/null 2>&1 && cd ../from-vcard && peers import ../all.vcf -q > /dev/null && grep -hE '^ *(-|email|phone)' people/ada-okoye.yaml people/bruno-costa.yaml
email: ada@okoye.example (home)
emails:
  - aokoye@riverside-arts.example (work)
phone: +1 555 010 4400 (mobile)
phones:
  - +1 555 010 4411 (Studio)
  - +1 555 010 4422 (work)
email: bruno@costa.example (other)
phone: +1 555 010 5500 (mobile)
phones:
  - +1 555 010 5511 (home)
$ peers init ../from-csv > /dev/null 2>&1 && cd ../from-csv && peers import ../all.csv -q > /dev/null && grep -hE '^ *(-|email|phone)' people/ada-okoye.yaml people/bruno-costa.yaml
email: ada@okoye.example (home)
emails:
  - aokoye@riverside-arts.example (work)
phone: +1 555 010 4400 (mobile)
phones:
  - +1 555 010 4411 (Studio)
  - +1 555 010 4422 (work)
email: bruno@costa.example (other)
phone: +1 555 010 5500 (mobile)
phones:
  - +1 555 010 5511 (home)
# add and edit take the type in brackets; a malformed one is refused; "(ext 12)" is the number's.
$ peers add "Lena Berg" --phone "+1 555 010 6600 (mobile)" --email "lena@berg.example (home)" -q
lena-berg
$ peers edit lena-berg --phone "+1 555 010 6600(mobile)"
! peers: error: --phone: '+1 555 010 6600(mobile)' has no space before its type, so '(mobile)' is read as part of the value
! hint: write '+1 555 010 6600 (mobile)'
[2]
@unchanged
$ peers edit lena-berg --phone "555 010 6601 (ext 12)" && grep phone people/lena-berg.yaml
phone: 555 010 6601 (ext 12)
! Updated lena-berg
