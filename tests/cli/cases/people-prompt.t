# On a terminal, `peers add` with only a name asks for the common fields (Enter skips one);
# `met` is stored only when answered.
fixture: basic

$ printf 'Lab Manager\n\nkim@w.edu\nlasers, optics\ntoday\n\n' | script -qec "peers add 'Kim Tran'" /dev/null > /dev/null && cat people/kim-tran.yaml
name: Kim Tran
title: Lab Manager
email: kim@w.edu
expertise:
  - lasers
  - optics
met: 2026-11-27
added_by: Test User

$ printf '\n\n\n\n\nA note\n' | script -qec "peers add 'Ana Park'" /dev/null > /dev/null && cat people/ana-park.yaml
name: Ana Park
added_by: Test User
notes: A note
