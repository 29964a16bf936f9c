# Names in any script are stored and shown as written; ids are transliterated to Latin (ICU
# Any-Latin; Latin-ASCII), chosen with --id, or a clear fallback; lookup works by the name as
# written and as transliterated; lists follow Unicode collation; export and import keep them.
fixture: none
$ peers init --name "Westbrook Comms" 2>/dev/null
$ peers add "Олена Коваленко" --title "Редактор" --knows "ukrainian media" --email olena@example.org --met 2026-10-01
olena-kovalenko
! Added Олена Коваленко as olena-kovalenko
$ peers add "Ελένη Παπαδοπούλου" --knows "greek media" --email eleni@example.org
elene-papadopoulou
! Added Ελένη Παπαδοπούλου as elene-papadopoulou
$ peers add "محمد العلي" --knows "arabic media" --email mohammed@example.org
mhmd-ally
! Added محمد العلي as mhmd-ally
$ peers add "דוד כהן" --knows "hebrew media" --email david@example.org
dwd-khn
! Added דוד כהן as dwd-khn
$ peers add "王小明" --knows "chinese media" --email xiaoming@example.org
wang-xiao-ming
! Added 王小明 as wang-xiao-ming
# Japanese kanji get their Mandarin reading, so --id chooses one.
$ peers add "山田花子" --id yamada-hanako --knows "japanese media" --email hanako@example.org
yamada-hanako
! Added 山田花子 as yamada-hanako
$ peers add "김민준" --knows "korean media" --email minjun@example.org
gimminjun
! Added 김민준 as gimminjun
$ peers add "प्रिया शर्मा" --knows "hindi media" --email priya@example.org
priya-sarma
! Added प्रिया शर्मा as priya-sarma
$ peers add "Zoë Adams" --knows "press" -q
zoe-adams
# A name with no letter that has a Latin form: --id gives it one.
$ peers add "☃☃"
! peers: error: cannot make an id from the name '☃☃': it has no letter or digit with a Latin form
! hint: choose the id with --id, e.g. --id snow-white
[2]
$ peers add "☃☃" --id snowman
snowman
! Added ☃☃ as snowman
$ cat people/olena-kovalenko.yaml people/wang-xiao-ming.yaml
name: Олена Коваленко
title: Редактор
email: olena@example.org
expertise:
  - ukrainian media
met: 2026-10-01
added_by: Test User
name: 王小明
email: xiaoming@example.org
expertise:
  - chinese media
added_by: Test User
$ peers list
snowman             ☃☃
zoe-adams           Zoë Adams                     press
elene-papadopoulou  Ελένη Παπαδοπούλου            greek media
olena-kovalenko     Олена Коваленко     Редактор  ukrainian media
dwd-khn             דוד כהן                       hebrew media
mhmd-ally           محمد العلي                    arabic media
priya-sarma         प्रिया शर्मा                       hindi media
gimminjun           김민준                        korean media
yamada-hanako       山田花子                      japanese media
wang-xiao-ming      王小明                        chinese media
@unchanged
$ peers show "Олена Коваленко"
Олена Коваленко  (olena-kovalenko)
  Редактор
  email     olena@example.org
  knows     ukrainian media
  met       2026-10-01
  added by  Test User
@unchanged
$ peers show "olena kovalenko" | head -1
Олена Коваленко  (olena-kovalenko)
@unchanged
$ peers show 山田花子 | head -1
山田花子  (yamada-hanako)
@unchanged
$ peers show "שלום"
! peers: error: no person, question, event or lead 'שלום'
! hint: 'peers list' shows every id
[3]
@unchanged
$ peers who-knows "korean media"
1. 김민준 (gimminjun)  high  2.50
   reach: minjun@example.org
   lists 'korean media' as expertise
@unchanged
$ peers who-knows "ukrainian media" --json | grep '"name"'
    "name": "Олена Коваленко",
@unchanged
$ peers export --format vcard --tag none 2>&1; peers export -o ../all.vcf && peers export -o ../all.csv
No one matches.
! Exported 10 people to ../all.vcf (vcard)
! Exported 10 people to ../all.csv (csv)
$ grep -E '^(FN|N|X-PEERS-ID):' ../all.vcf | tr -d '\r'
FN:Zoë Adams
N:Adams;Zoë;;;
X-PEERS-ID:zoe-adams
FN:Ελένη Παπαδοπούλου
N:Παπαδοπούλου;Ελένη;;;
X-PEERS-ID:elene-papadopoulou
FN:Олена Коваленко
N:Коваленко;Олена;;;
X-PEERS-ID:olena-kovalenko
FN:דוד כהן
N:כהן;דוד;;;
X-PEERS-ID:dwd-khn
FN:محمد العلي
N:العلي;محمد;;;
X-PEERS-ID:mhmd-ally
FN:प्रिया शर्मा
N:शर्मा;प्रिया;;;
X-PEERS-ID:priya-sarma
FN:김민준
N:;김민준;;;
X-PEERS-ID:gimminjun
FN:☃☃
N:;☃☃;;;
X-PEERS-ID:snowman
FN:山田花子
N:;山田花子;;;
X-PEERS-ID:yamada-hanako
FN:王小明
N:;王小明;;;
X-PEERS-ID:wang-xiao-ming
$ cat ../all.csv
id,name,title,department,email,phone,handles,expertise,tags,met,status,notes,organization,emails,phones,nicknames,prefix,first_name,middle_name,last_name,suffix
zoe-adams,Zoë Adams,,,,,,press,,,active,,,,,,,,,,
elene-papadopoulou,Ελένη Παπαδοπούλου,,,eleni@example.org,,,greek media,,,active,,,,,,,,,,
olena-kovalenko,Олена Коваленко,Редактор,,olena@example.org,,,ukrainian media,,2026-10-01,active,,,,,,,,,,
dwd-khn,דוד כהן,,,david@example.org,,,hebrew media,,,active,,,,,,,,,,
mhmd-ally,محمد العلي,,,mohammed@example.org,,,arabic media,,,active,,,,,,,,,,
priya-sarma,प्रिया शर्मा,,,priya@example.org,,,hindi media,,,active,,,,,,,,,,
gimminjun,김민준,,,minjun@example.org,,,korean media,,,active,,,,,,,,,,
snowman,☃☃,,,,,,,,,active,,,,,,,,,,
yamada-hanako,山田花子,,,hanako@example.org,,,japanese media,,,active,,,,,,,,,,
wang-xiao-ming,王小明,,,xiaoming@example.org,,,chinese media,,,active,,,,,,,,,,
$ peers init ../from-vcard >/dev/null 2>&1 && cd ../from-vcard && peers import ../all.vcf
add  zoe-adams           Zoë Adams
add  elene-papadopoulou  Ελένη Παπαδοπούλου
add  olena-kovalenko     Олена Коваленко
add  dwd-khn             דוד כהן
add  mhmd-ally           محمد العلي
add  priya-sarma         प्रिया शर्मा
add  gimminjun           김민준
add  snowman             ☃☃
add  yamada-hanako       山田花子
add  wang-xiao-ming      王小明
! Imported from ../all.vcf (read as vCard): 10 added, 0 updated, 0 skipped.
$ cd ../from-vcard && peers list --json | grep -E '"(id|name)"'
    "id": "snowman",
    "name": "☃☃",
    "id": "zoe-adams",
    "name": "Zoë Adams",
    "id": "elene-papadopoulou",
    "name": "Ελένη Παπαδοπούλου",
    "id": "olena-kovalenko",
    "name": "Олена Коваленко",
    "id": "dwd-khn",
    "name": "דוד כהן",
    "id": "mhmd-ally",
    "name": "محمد العلي",
    "id": "priya-sarma",
    "name": "प्रिया शर्मा",
    "id": "gimminjun",
    "name": "김민준",
    "id": "yamada-hanako",
    "name": "山田花子",
    "id": "wang-xiao-ming",
    "name": "王小明",
$ peers init ../from-csv >/dev/null 2>&1 && cd ../from-csv && peers import ../all.csv -q && peers export --format csv | diff - ../all.csv && echo same people
add  zoe-adams           Zoë Adams
add  elene-papadopoulou  Ελένη Παπαδοπούλου
add  olena-kovalenko     Олена Коваленко
add  dwd-khn             דוד כהן
add  mhmd-ally           محمد العلي
add  priya-sarma         प्रिया शर्मा
add  gimminjun           김민준
add  snowman             ☃☃
add  yamada-hanako       山田花子
add  wang-xiao-ming      王小明
same people
# A card whose name has no Latin form is imported under a fallback id, not skipped.
$ printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:☃\r\nEMAIL:snow@example.org\r\nEND:VCARD\r\n' > ../snow.vcf && peers import ../snow.vcf
add  person  ☃  (a fallback id: no Latin id could be made from the name)
! Imported from ../snow.vcf (read as vCard): 1 added, 0 updated, 0 skipped.
