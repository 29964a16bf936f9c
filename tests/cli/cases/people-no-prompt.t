# Without a terminal, `peers add` with only a name never prompts (and records no `met`); `peers rm` never asks but
# refuses without --yes; `peers edit` without flags needs a terminal for the editor.
fixture: basic

$ peers add "Kwame Asante" && cat people/kwame-asante.yaml
kwame-asante
name: Kwame Asante
added_by: Test User
! Added Kwame Asante as kwame-asante

$ peers rm kwame
! peers: error: refusing to remove kwame-asante without confirmation
! hint: pass --yes to remove without asking
[2]
@unchanged

$ peers edit kwame
! peers: error: 'peers edit' without flags opens an editor, and there is no terminal
! hint: in scripts use flags, e.g. peers edit kwame-asante --title "Director" (see peers edit -h)
[2]
@unchanged

$ EDITOR="sed -i -e 's/^name: .*/name: Kwame O. Asante/' -e '\$a title: Lab Manager'" script -qec "peers edit kwame" /dev/null > /dev/null && cat people/kwame-asante.yaml
name: Kwame O. Asante
title: Lab Manager
added_by: Test User

$ EDITOR="sed -i -e '\$a met: someday'" script -qec "peers edit kwame" /dev/null < /dev/null | tr -d '\r' | grep -o "people/kwame-asante.yaml:4:6: 'met' should be a date (YYYY-MM-DD), found 'someday'"
people/kwame-asante.yaml:4:6: 'met' should be a date (YYYY-MM-DD), found 'someday'
[0]
@unchanged
