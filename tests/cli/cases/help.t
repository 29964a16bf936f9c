# `peers help` lists the commands; `peers help CMD` shows a command's usage and examples.
fixture: basic

$ peers help | grep -E '^(Usage|  who-knows|  add )'
Usage: peers [OPTIONS] [SUBCOMMAND]
  add                       Record a person you met (prints the new id)
  who-knows                 Who can answer a follower's question, best first, with the reasons

$ peers help log | grep -E '^(Usage|Examples|  peers log maria-lopez)'
Usage: peers log [OPTIONS] id note
Examples:
  peers log maria-lopez "Coffee after the orientation meeting"

$ peers help lgo
! peers: error: unknown command 'lgo'
! hint: did you mean 'log'?
[2]

# A command line that names its command builds only that command's options; global options
# before it, a mistyped command and help still behave as with every command built.
$ peers --no-color -q who-knows --help | grep -E '^(Usage|  -n)'
Usage: peers who-knows [OPTIONS] question
  -n,--limit UINT           Show at most this many people (default 5)

$ peers who-know "when is the fafsa deadline"
! peers: error: unknown command 'who-know' (did you mean 'who-knows'?)
! hint: run 'peers --help' for usage
[2]
