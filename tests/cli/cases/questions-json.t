fixture: questions
# --json of ask and route (the question and the suggestions). Ids without a test seed are
# random: 8 characters of 0-9 and a-z without i, l, o, u, different each time.
$ PEERS_TEST_ID_SEED=5 peers ask "When is the transfer application deadline this year?" --from @zoe --channel twitter --json > ask.json; grep -E '^  "|^    "(id|status|archived)"' ask.json
  "question": {
    "id": "8tj8b7np",
    "status": "open",
    "archived": false,
  "people": [
  "good_fit": true,
  "closest_topics": [],
  "similar": [

$ grep -A3 '"people"' ask.json | grep -E '"(id|name)"'
      "id": "maria-lopez",
      "name": "Maria Lopez",

$ sed -n '/"similar"/,$p' ask.json | grep -E '"(similar|similarity|question|id|answer)"' | head -5 | sed 's/: 0\.[0-9]*,/: N,/'
  "similar": [
      "similarity": N,
      "question": {
        "id": "k3m9ab2c",
        "answer": "March 1; see admissions.westbrook.edu/transfer",

$ peers route 7fk3 --json | grep -E '^  "|^    "id"'
  "question": {
    "id": "7fk3p1zz",
  "people": [
  "good_fit": true,
  "closest_topics": [],
  "similar": []

$ peers route 7fk3 maria-lopez --json
! peers: error: --json only goes with suggestions ('peers route ID' without a person)
[2]
@unchanged

$ peers ask "First random one" 2>/dev/null | head -1 > a.txt && peers ask "Second random one" 2>/dev/null | head -1 > b.txt && grep -cE '^[0-9a-hjkmnp-tv-z]{8}$' a.txt b.txt && ! cmp -s a.txt b.txt && echo different
a.txt:1
b.txt:1
different

