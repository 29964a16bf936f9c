# --json shapes of events and leads (docs/format.md): every documented key, in order, always
# present; keys peers does not know follow.
fixture: events
env: PEERS_TEST_ID_SEED=1

$ peers -q event add "Commencement 2027" --date 2027-05-16 --hashtag "#Westbrook27" --lead maria-lopez
commencement-2027

$ peers -q event assign commencement-2027 jose-nunez --role "live stream" && peers -q event assign commencement-2027 maria-lopez --role share && peers -q event done commencement-2027 jose-nunez

$ printf '# the stream crew\ncrew: 3\n' >> events/commencement-2027.yaml

$ peers event show commencement-2027 --json
{
  "id": "commencement-2027",
  "name": "Commencement 2027",
  "date": "2027-05-16",
  "end_date": null,
  "location": null,
  "hashtag": "#Westbrook27",
  "lead": "maria-lopez",
  "notes": null,
  "added_by": "Test User",
  "assignments": [
    {
      "person": "jose-nunez",
      "role": "live stream",
      "done": true,
      "done_at": "2026-11-27T12:00:00Z",
      "done_by": "Test User"
    },
    {
      "person": "maria-lopez",
      "role": "share",
      "done": false,
      "done_at": null,
      "done_by": null
    }
  ],
  "done": 1,
  "total": 2,
  "crew": "3"
}
@unchanged

$ peers show commencement-2027 --json | head -3
{
  "id": "commencement-2027",
  "name": "Commencement 2027",
@unchanged

$ peers -q event add "Homecoming 2026" --date 2026-10-03 --end-date 2026-10-04 --location "Stadium"
homecoming-2026

$ peers events --json | grep -E '^    "(id|date|end_date|location|hashtag|done|total)"'
    "id": "homecoming-2026",
    "date": "2026-10-03",
    "end_date": "2026-10-04",
    "location": "Stadium",
    "hashtag": null,
    "done": 0,
    "total": 0
    "id": "commencement-2027",
    "date": "2027-05-16",
    "end_date": null,
    "location": null,
    "hashtag": "#Westbrook27",
    "done": 1,
    "total": 2,
@unchanged

$ peers events --upcoming --json | grep -c '"name"'
1
@unchanged

$ peers -q lead add "Mars rover lab's first field test" --from maria-lopez --topic research --topic robots
byxpgvv8

$ peers -q lead set byxpgvv8 --status published --link https://news.westbrook.edu/rover

$ peers lead show byxpgvv8 --json
{
  "id": "byxpgvv8",
  "title": "Mars rover lab's first field test",
  "from": "maria-lopez",
  "topics": [
    "research",
    "robots"
  ],
  "status": "published",
  "link": "https://news.westbrook.edu/rover",
  "notes": null,
  "added_by": "Test User",
  "added_at": "2026-11-27T12:00:00Z",
  "history": [
    {
      "at": "2026-11-27T12:00:00Z",
      "status": "idea",
      "by": "Test User"
    },
    {
      "at": "2026-11-27T12:00:00Z",
      "status": "published",
      "by": "Test User"
    }
  ]
}
@unchanged

$ peers leads --json --status published | grep -c '"id"'
1
@unchanged

$ peers leads --json --status idea
[]
@unchanged

# `peers show PERSON --json` has "events" and "leads" right after "log".
$ peers show maria-lopez --json | sed -n '/"log"/,$p'
  "log": [],
  "events": [
    {
      "id": "commencement-2027",
      "name": "Commencement 2027",
      "date": "2027-05-16",
      "lead": true,
      "role": "share",
      "done": false
    }
  ],
  "leads": [
    {
      "id": "byxpgvv8",
      "title": "Mars rover lab's first field test",
      "status": "published"
    }
  ]
}
@unchanged

$ peers show jose-nunez --json | sed -n '/"events"/,/^  ]/p'
  "events": [
    {
      "id": "commencement-2027",
      "name": "Commencement 2027",
      "date": "2027-05-16",
      "lead": false,
      "role": "live stream",
      "done": true
    }
  ],
@unchanged
