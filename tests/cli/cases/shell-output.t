# Output adapts to where it goes: tables fit the terminal and cut with an ellipsis, colour only
# on a terminal and never with NO_COLOR or --no-color, -q silences messages, and a closed pipe
# ends peers quietly. `script` gives peers a real terminal.
fixture: shell
$ COLUMNS=50 script -qec "peers list" /dev/null | tr -d '\r'
jose-nunez    José Núñ…  Director …  financial-aid
kwame-asante  Kwame As…  Professor…  climate
maria-lopez   María Ló…  Associate…  admissions
tom-okafor    Tom Okaf…  Athletics…
ulla-berg     Ulla Berg  Archivist…
$ COLUMNS=30 script -qec "peers recent -n 2" /dev/null | tr -d '\r'
2026-11…  Ana Park  José Nú…  …
2026-07…  Sam Lee   María L…  …
$ peers list | head -2
jose-nunez    José Núñez         Director of Student Financial Services, Financial Aid           financial-aid
kwame-asante  Kwame Asante       Professor of Climate Science, Earth and Environmental Sciences  climate
# Colour: on a terminal only, and never with NO_COLOR or --no-color.
$ env -u NO_COLOR COLUMNS=200 script -qec "peers list --tag press" /dev/null | tr -d '\r' | cat -v
^[[1mjose-nunez^[[0m  JosM-CM-) NM-CM-:M-CM-1ez  Director of Student Financial Services, Financial Aid  financial-aid
$ env -u NO_COLOR COLUMNS=200 script -qec "peers list --tag press --no-color" /dev/null | tr -d '\r' | cat -v
jose-nunez  JosM-CM-) NM-CM-:M-CM-1ez  Director of Student Financial Services, Financial Aid  financial-aid
$ COLUMNS=200 script -qec "peers list --tag press" /dev/null | tr -d '\r' | cat -v
jose-nunez  JosM-CM-) NM-CM-:M-CM-1ez  Director of Student Financial Services, Financial Aid  financial-aid
$ env -u NO_COLOR peers list --tag press | cat -v
jose-nunez  JosM-CM-) NM-CM-:M-CM-1ez  Director of Student Financial Services, Financial Aid  financial-aid
# -q: messages go, data and warnings stay.
$ peers stale --days 400
! No one you have talked to has waited 400 days.
! 1 person has no met date or log yet (--never lists them).
$ peers -q stale --days 400
$ peers stale --days 400 --quiet
# A closed pipe on a big store: peers stops quietly, with no error message.
$ for i in $(seq 1 3000); do printf 'name: Person %s\ndepartment: Department number %s\n' $i $i > people/person-$i.yaml; done
$ peers list | head -1
jose-nunez    José Núñez         Director of Student Financial Services, Financial Aid           financial-aid
$ peers list --json | head -1
[
$ peers export --format vcard | head -1 | tr -d '\r'
BEGIN:VCARD
