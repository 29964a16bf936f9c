# On a terminal, `peers add` with only a name asks for the common fields (Enter skips one).
fixture: basic

$ printf 'Lab Manager\n\nkim@w.edu\nlasers, optics\n\n' | script -qec "peers add 'Kim Tran'" /dev/null > /dev/null && cat people/kim-tran.yaml
name: Kim Tran
title: Lab Manager
email: kim@w.edu
expertise:
  - lasers
  - optics
met: 2026-11-27
added_by: Test User
