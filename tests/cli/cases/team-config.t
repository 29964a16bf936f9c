# config: git.autocommit is per clone (git config), archive_after_days and name are shared (peers.yaml); autocommit commits only the command's files
fixture: none

$ git init -q -b main . && peers init . --name Westbrook 2>/dev/null && git add -A && git commit -qm init

$ peers config get git.autocommit
false

$ peers config set git.autocommit true
! git.autocommit is on in this clone

$ peers config get git.autocommit --json
{
  "key": "git.autocommit",
  "value": true,
  "scope": "personal",
  "stored_in": "git config (this clone)"
}

$ peers add 'Maria Lopez' --met 2026-11-20
maria-lopez
! Added Maria Lopez as maria-lopez
! Committed: peers: add Maria Lopez

$ git log -1 --format=%s
peers: add Maria Lopez

$ git show --name-only --format= HEAD
people/maria-lopez.yaml

$ echo draft > notes.txt && git add notes.txt && peers log maria-lopez 'Coffee' --date 2026-11-21
! Logged a conversation with Maria Lopez on 2026-11-21
! Committed: peers: log Maria Lopez

$ git log -1 --format=%s
peers: log Maria Lopez

$ git show --name-only --format= HEAD
people/maria-lopez.yaml

$ git status --porcelain
A  notes.txt

$ peers config set archive_after_days 90
! archive_after_days is now 90 (in peers.yaml, for the whole team)
! Committed: peers: set archive_after_days to 90

$ git log -1 --format=%s
peers: set archive_after_days to 90

$ cat peers.yaml
peers: 1
name: Westbrook
archive_after_days: 90

$ peers config list
name                Westbrook  shared (peers.yaml)
archive_after_days  90         shared (peers.yaml)
git.autocommit      true       this clone (git config)

$ peers config list --json
| [
  {
    "key": "name",
    "value": "Westbrook",
    "scope": "shared",
    "stored_in": "peers.yaml"
  },
  {
    "key": "archive_after_days",
    "value": 90,
    "scope": "shared",
    "stored_in": "peers.yaml"
  },
  {
    "key": "git.autocommit",
    "value": true,
    "scope": "personal",
    "stored_in": "git config (this clone)"
  }
]

$ peers config set git.autocomit true
! peers: error: unknown setting 'git.autocomit' (did you mean 'git.autocommit'?)
! hint: settings: name, archive_after_days, git.autocommit
[2]

$ peers config set archive_after_days soon
! peers: error: archive_after_days is a number of days, not 'soon'
! hint: peers config set archive_after_days 90
[2]

$ peers config set git.autocommit false && peers add 'Jose Nunez' >/dev/null 2>&1 && git log -1 --format=%s && git status --porcelain
peers: set archive_after_days to 90
A  notes.txt
?? people/jose-nunez.yaml
! git.autocommit is off in this clone
