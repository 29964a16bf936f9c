# Import keeps every field a contact has (issue 18): the organization, every email and phone
# with its type, the structured name and nicknames, tags with commas; exports of Outlook,
# Google (old and new), LinkedIn and Apple are told apart by their columns, and the summary
# says which; UTF-16 vCards are read; a file with only a byte-order mark is empty; a base64
# photo gives one note.
fixture: shell
$ cp "$REPO"/tests/fixtures/contacts/* "$WORK"/
# Outlook: Title is the honorific (Dr., Mr.), Job Title the title; Business, Home and Mobile
# Phone with their types; E-mail 2 Address; Company; Categories split on ';'.
$ peers import ../outlook.csv --dry-run
add  grace-ann-hopper  Grace Ann Hopper
add  omar-haddad       Omar Haddad
! Dry run (read as Outlook CSV): 2 added, 0 updated, 0 skipped; nothing was written.
@unchanged
$ peers import ../outlook.csv -q
add  grace-ann-hopper  Grace Ann Hopper
add  omar-haddad       Omar Haddad
$ cat people/grace-ann-hopper.yaml
name: Grace Ann Hopper
name_parts:
  prefix: Dr.
  given: Grace
  middle: Ann
  family: Hopper
  suffix: PhD
title: Engineer
organization: Riverside Research Institute
department: Computing
email: ghopper@riverside.example
emails:
  - grace@home.example
phone: '+1 555 010 7100'
phones:
  - 555 010 7188 (home)
  - +1 555 010 7199 (mobile)
tags:
  - Partners
  - Press, Radio
added_by: Test User
notes: Met at the science fair.
$ peers show grace-ann-hopper
Grace Ann Hopper  (grace-ann-hopper)
  Engineer, Computing, Riverside Research Institute
  name parts  prefix Dr.; given Grace; middle Ann; family Hopper; suffix PhD
  email       ghopper@riverside.example
  email       grace@home.example
  phone       +1 555 010 7100
  phone       555 010 7188 (home)
  phone       +1 555 010 7199 (mobile)
  tags        Partners, Press, Radio
  added by    Test User
Notes
  Met at the science fair.
# The organization filters and routes like a department.
$ peers list --org gazette
omar-haddad  Omar Haddad  Education Reporter, Westbrook Gazette
$ peers who-knows "gazette reporter"
1. Omar Haddad (omar-haddad)  medium  1.20
   reach: ohaddad@gazette.example, +1 555 010 7200 (mobile)
   title mentions 'reporter'
   department mentions 'gazette'
# Exported back: N from the kept parts, ORG per person, every email and phone with its type,
# a tag with a comma escaped (vCard) or whole between '; ' (CSV).
$ peers export --format vcard --org riverside | tr -d '\r'
BEGIN:VCARD
VERSION:3.0
FN:Grace Ann Hopper
N:Hopper;Grace;Ann;Dr.;PhD
ORG:Riverside Research Institute;Computing
TITLE:Engineer
EMAIL;TYPE=INTERNET,WORK:ghopper@riverside.example
EMAIL;TYPE=INTERNET:grace@home.example
TEL;TYPE=WORK,VOICE:+1 555 010 7100
TEL;TYPE=HOME:555 010 7188
TEL;TYPE=CELL:+1 555 010 7199
CATEGORIES:Partners,Press\, Radio
NOTE:Met at the science fair.
X-PEERS-ID:grace-ann-hopper
END:VCARD
$ peers export --format csv --org riverside
id,name,title,department,email,phone,handles,expertise,tags,met,status,notes,organization,emails,phones,nicknames,prefix,first_name,middle_name,last_name,suffix
grace-ann-hopper,Grace Ann Hopper,Engineer,Computing,ghopper@riverside.example,+1 555 010 7100,,,"Partners; Press, Radio",,active,Met at the science fair.,Riverside Research Institute,grace@home.example,"555 010 7188 (home); +1 555 010 7199 (mobile)",,Dr.,Grace,Ann,Hopper,PhD
# Google Contacts, the export before 2024: E-mail N - Type, Phone N - Type (the work number is
# the main one), several values in one cell, Organization 1 - Name, Nickname.
$ peers import ../google-old.csv
add  nadia-petrova      Nadia Petrova
add  sr-luis-ortega-jr  Sr. Luis Ortega Jr.
! Imported from ../google-old.csv (read as Google Contacts CSV (before 2024)): 2 added, 0 updated, 0 skipped.
$ cat people/nadia-petrova.yaml
name: Nadia Petrova
nicknames:
  - Nad
title: Producer
organization: Channel 9 News
department: Newsroom
email: npetrova@channel9.example
emails:
  - nadia.p@mail.example (home)
  - nadia@old.example (home)
phone: '+1 555 010 7301'
phones:
  - +1 555 010 7300 (mobile)
tags:
  - Press
added_by: Test User
# Google Contacts since 2024: E-mail N - Label, Phone N - Label ("Work Fax" is work, fax).
$ peers import ../google-2024.csv
add  keiko-tanaka  Keiko Tanaka
! Imported from ../google-2024.csv (read as Google Contacts CSV): 1 added, 0 updated, 0 skipped.
$ cat people/keiko-tanaka.yaml
name: Keiko Tanaka
nicknames:
  - Kei
title: International Liaison
organization: Tokyo Partner University
email: ktanaka@tpu.example
emails:
  - keiko@home.example (home)
phone: '+81 3 0000 0002'
phones:
  - +81 90 0000 0001 (mobile)
  - +81 3 0000 0003 (work, fax)
tags:
  - Partners
  - Study abroad
added_by: Test User
# LinkedIn's Connections.csv: the Notes: lines above the header, Company, Position, URL.
$ peers import ../linkedin.csv -q
add  jane-reporter  Jane Reporter
add  sam-okoye      Sam Okoye
$ peers show jane-reporter --json | grep -E '"(title|organization|email|linkedin)"'
  "title": "Education Reporter",
  "organization": "Westbrook Gazette",
  "email": "jreporter@gazette.example",
    "linkedin": "https://www.linkedin.com/in/janereporter"
# Apple (iPhone) vCard: N with prefix, middle and suffix, NICKNAME, three emails and phones
# with their types, CATEGORIES with an escaped comma, a base64 photo (one note).
$ peers import ../apple-iphone.vcf -q
add  yuki-nakamura  Yuki Nakamura
! peers: warning: ../apple-iphone.vcf:17: PHOTO and other binary values (base64) are not imported; the rest of the card is (said once per file)
$ cat people/yuki-nakamura.yaml
name: Yuki Nakamura
name_parts:
  prefix: Prof.
  given: Yuki
  middle: Marie
  family: Nakamura
  suffix: MBA
nicknames:
  - Yu
  - Yuki-chan
title: Outreach Director
organization: Pacific Science Museum
department: Education Programs
email: ynakamura@psm.example
emails:
  - yuki@personal.example (other)
  - yuki.n@home.example (home)
phone: +1 555 010 8100 (mobile)
phones:
  - +1 555 010 8101 (work)
  - +1 555 010 8102 (home, fax)
tags:
  - Science, museums
  - Partners
added_by: Test User
$ peers show yuki-nakamura --json | grep -A4 '"phones"'
  "phones": [
    {
      "value": "+1 555 010 8101",
      "type": "work"
    },
$ peers export --format vcard --org pacific | tr -d '\r' | grep -E '^(N|NICKNAME|EMAIL|TEL|CATEGORIES)[:;]'
N:Nakamura;Yuki;Marie;Prof.;MBA
NICKNAME:Yu,Yuki-chan
EMAIL;TYPE=INTERNET,WORK:ynakamura@psm.example
EMAIL;TYPE=INTERNET,OTHER:yuki@personal.example
EMAIL;TYPE=INTERNET,HOME:yuki.n@home.example
TEL;TYPE=CELL,PREF:+1 555 010 8100
TEL;TYPE=WORK:+1 555 010 8101
TEL;TYPE=HOME,FAX:+1 555 010 8102
CATEGORIES:Science\, museums,Partners
# Everything comes back the same through vCard and through CSV, into a store of another name.
$ peers export -o ../all.vcf -q && peers export -o ../all.csv -q
$ peers init ../v > /dev/null 2>&1 && cd ../v && peers import ../all.vcf -q > /dev/null 2>&1 && peers export --format csv > ../after-vcard.csv
$ peers init ../c > /dev/null 2>&1 && cd ../c && peers import ../all.csv -q > /dev/null 2>&1 && peers export --format csv > ../after-csv.csv
$ peers export --format csv | diff - ../after-vcard.csv && peers export --format csv | diff - ../after-csv.csv && echo same people
same people
# vCard 2.1 with a base64 photo on lines that are not indented (Outlook): one note, no more.
$ peers import ../outlook-photo.vcf
add  lena-brandt  Lena Brandt
add  ilona-varga  Ilona Varga
! peers: warning: ../outlook-photo.vcf:9: PHOTO and other binary values (base64) are not imported; the rest of the card is (said once per file)
! Imported from ../outlook-photo.vcf (read as vCard): 2 added, 0 updated, 0 skipped.
$ peers show lena-brandt --json | grep -E '"(organization|email|phone|notes)"'
  "organization": "Nordic Press Agency",
  "email": "lbrandt@npa.example",
  "phone": "+49 30 000 0001",
  "notes": "Covers EU research funding.",
# UTF-16 vCards, little and big endian, as Outlook saves them.
$ peers import ../utf16le.vcf 2>/dev/null
add  zoe-angstrom  Zoë Ångström
$ peers import ../utf16be.vcf 2>/dev/null
add  dorde  Đorđe Петровић
$ peers import ../bom-only.csv
! peers: error: ../bom-only.csv: the file is empty (only a UTF-8 byte-order mark)
! hint: export the contacts again, or check that this is the right file
[1]
@unchanged
# Another address that is not one is left out, not the person.
$ printf 'BEGIN:VCARD\nFN:Bob Stone\nEMAIL;PREF;WORK:bob@company.example\nEMAIL:not an address\nEND:VCARD\n' > ../bob.vcf && peers import ../bob.vcf -q
add  bob-stone  Bob Stone
! peers: warning: ../bob.vcf:1: Bob Stone: 'not an address' is not an email address; left out
$ grep -c email people/bob-stone.yaml
1
# Set by hand too.
$ peers add "Rita Moreno" --org "Channel 9 News" --title Anchor -q
rita-moreno
$ peers edit omar-haddad --org "Westbrook Daily Gazette" -q && peers list --org "daily gazette"
omar-haddad  Omar Haddad  Education Reporter, Westbrook Daily Gazette
