# The store is found from a subdirectory, through $PEERS_STORE, or with --store before or
# after the command; outside any store the error says how to make one.
fixture: basic

$ cd people && peers list --json | grep -c '"id"'
4

$ cd / && PEERS_STORE="$WORK/store" peers show mark --json | grep '"id"'
  "id": "mark-chen",

$ cd / && peers --store "$WORK/store" show mark --json | grep '"id"'
  "id": "mark-chen",

$ cd / && peers show mark --json --store "$WORK/store" | grep '"id"'
  "id": "mark-chen",

$ cd "$WORK/home" && peers list
! peers: error: not inside a peers store (no peers.yaml here or in any parent directory)
! hint: create one with 'peers init', or point at one with --store DIR or $PEERS_STORE
[1]

$ cd "$WORK/home" && peers list --store nowhere
! peers: error: nowhere (--store) is not a peers store: it has no peers.yaml
! hint: create one with 'peers init nowhere', or point at an existing store
[1]

$ peers init
! peers: error: . is already a peers store
! hint: use it as it is; 'peers check' validates it
[1]
@unchanged
