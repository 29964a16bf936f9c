# Every command's help has a one-line summary (listed by `peers --help`), a usage line and
# examples, through `peers CMD -h` and `peers help CMD`.
fixture: none
$ for c in $(peers __complete -- "" | cut -f1); do h=$(peers $c -h); echo "$h" | grep -q "^Usage: peers $c" || echo "no usage: $c"; echo "$h" | grep -q '^Examples:' || echo "no examples: $c"; peers help $c | grep -q '^Examples:' || echo "no examples in help: $c"; done
$ peers --help | grep -E '^  (import|export|stale|recent|completion) ' | tr -s ' '
 import Bring in people from a vCard or CSV file (Google, Apple, Outlook, directories)
 export Write people out as vCard, CSV or JSON
 stale People the team has not talked to in a while, the closest relationships first
 recent The team's latest conversations, and who had them
 completion Print the shell completion script for bash, zsh or fish
$ peers stale -h | head -2
People the team has not talked to in a while, the closest relationships first
Usage: peers stale [OPTIONS]
