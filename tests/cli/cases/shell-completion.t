# `peers completion SHELL` prints the scripts of completions/ exactly; the hidden
# `peers __complete` gives them live values and never fails loudly. (The scripts themselves
# are tested in their real shells by tests/completion/.)
fixture: shell
$ peers completion bash | diff - "$REPO/completions/peers.bash" && echo same
same
$ peers completion zsh | diff - "$REPO/completions/_peers" && echo same
same
$ peers completion fish | diff - "$REPO/completions/peers.fish" && echo same
same
$ peers completion tcsh
! peers: error: shell: tcsh not in {bash,zsh,fish}
! hint: run 'peers completion --help' for usage
[2]
$ peers __complete -- show j
jose-nunez	José Núñez
$ peers __complete -- route ""
7fk2m9qa	When is the FAFSA deadline for spring transfers?
b3xw8hnd	Are campus tours running over the break?
$ peers __complete -- route 7fk2m9qa k
kwame-asante	Kwame Asante
$ peers __complete -- list --topic ""
admissions	Admissions
Admissions	admissions
financial-aid	Financial aid
Financial aid	financial-aid
$ peers __complete -- list --dept U
Undergraduate Admissions
University Libraries
$ peers __complete -- stale --ne
--never	Also list people with no met date and no conversation logged
$ peers __complete -- import ""
__files__
$ peers __complete -- st
stats	Questions answered, and the median time to route and to ans…
stale	People the team has not talked to in a while, the closest r…
$ peers help | grep -c __complete
0
[1]
$ cd "$WORK" && peers __complete -- show j
$ mkdir -p "$WORK/broken/people" && echo 'peers: 99' > "$WORK/broken/peers.yaml" && cd "$WORK/broken" && peers __complete -- show j
$ cd "$WORK" && peers __complete -- --store "$WORK/store" list --dept U
Undergraduate Admissions
University Libraries
