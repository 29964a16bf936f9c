# peers export writes vCard, CSV or JSON of everyone or a filtered list; export then import
# into an empty store gives the same people.
fixture: shell
$ peers export --format csv --tag experts
id,name,title,department,email,phone,handles,expertise,tags,met,status,notes,organization,emails,phones,nicknames,prefix,first_name,middle_name,last_name,suffix
jose-nunez,José Núñez,Director of Student Financial Services,Financial Aid,jnunez@westbrook.edu,,,financial-aid,"press; experts",2026-03-10,active,,,,,,,,,,
kwame-asante,Kwame Asante,Professor of Climate Science,Earth and Environmental Sciences,kasante@westbrook.edu,,,climate,experts,2026-01-15,active,,,,,,,,,,
@unchanged
$ peers export --format vcard --dept admissions | tr -d '\r'
BEGIN:VCARD
VERSION:3.0
FN:María López
N:López;María;;;
ORG:Westbrook University;Undergraduate Admissions
X-PEERS-ORG:store
TITLE:Associate Director
EMAIL;TYPE=INTERNET,WORK:mlopez@westbrook.edu
CATEGORIES:orientation
X-PEERS-ID:maria-lopez
X-PEERS-EXPERTISE:admissions
X-PEERS-MET:2025-09-01
END:VCARD
$ peers export --format json --active --topic financial-aid | grep -E '"(id|log)"'
    "id": "jose-nunez",
    "log": [
$ peers add "Zoë O'Brien" --title "Head, Press Office" --dept Communications --email zob@westbrook.edu --phone "+1 555 0100" --knows "media relations" --knows "crisis, comms" --tag press --handle twitter=@zob --handle linkedin=zobrien --met 2026-01-02 --note "$(printf 'Line one; a comma, a "quote" and a \\ backslash\nLine two, much longer than seventy-five octets so that the vCard line is folded')" -q
zoe-obrien
$ peers export -o ../everyone.vcf
! Exported 6 people to ../everyone.vcf (vcard)
@unchanged
$ peers export -o ../everyone.csv -q
@unchanged
$ peers init ../from-vcard > /dev/null 2>&1 && cd ../from-vcard && peers import ../everyone.vcf -q > /dev/null && peers export --format csv > ../after-vcard.csv
$ peers init ../from-csv > /dev/null 2>&1 && cd ../from-csv && peers import ../everyone.csv -q > /dev/null && peers export --format csv > ../after-csv.csv
$ peers export --format csv | diff - ../after-vcard.csv && peers export --format csv | diff - ../after-csv.csv && echo same people
same people
$ peers export --format xml
! peers: error: --format: xml not in {vcard,csv,json}
! hint: run 'peers export --help' for usage
[2]
