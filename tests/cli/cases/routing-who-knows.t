# who-knows over the example store: reasons, JSON, limits, availability, nobody, bad input.
# Reads change nothing.

$ peers who-knows "wen is the fafsa due??" --limit 2
1. Daniel Okafor (daniel-okafor)  high  2.94
   reach: dokafor@westbrook.edu, 555-0142
   knows Financial aid (alias FAFSA)
   lists 'FAFSA verification' as expertise
   log mentions 'fafsa' (2026-09-30)
   last talked 58 days ago
2. Priya Raman (priya-raman)  medium  2.06
   reach: praman@westbrook.edu
   knows Financial aid (alias FAFSA)
@unchanged

$ peers who-knows "how do I appeal a parking ticket" --limit 1 --json
[
  {
    "id": "ray-delgado",
    "name": "Ray Delgado",
    "score": 5.67,
    "confidence": "high",
    "reasons": [
      "knows Parking and transportation",
      "notes mention 'parking', 'appeal'",
      "lists 'event parking' as expertise",
      "title mentions 'parking'",
      "department mentions 'parking'"
    ],
    "reach": {
      "email": "rdelgado@westbrook.edu",
      "phone": null,
      "handles": {}
    }
  }
]
@unchanged

# Someone who left ranks as a low guess and says who to ask instead.
$ peers who-knows "how do I appeal a parking ticket" --limit 3 --json | python3 -c 'import json,sys; [print(p["id"], p["confidence"], p["reasons"][-1]) for p in json.load(sys.stdin)]'
ray-delgado high department mentions 'parking'
tasha-greene medium last talked 9 days ago
greg-sullivan low has left; ask Ray Delgado (ray-delgado) instead

# Ben answered this before but is away: pushed below Amara, with the reason.
$ peers who-knows "i want to switch roommates, who do i ask" --limit 2
1. Amara Nwosu (amara-nwosu)  medium  2.24
   reach: anwosu@westbrook.edu
   knows Housing (alias roommates)
   last talked 22 days ago
2. Ben Foster (ben-foster)  medium  1.76
   reach: bfoster@westbrook.edu
   knows Housing (alias roommates)
   answered a similar question on 2026-09-09: "How do I request a roommate change?"
   away until 2026-12-15

$ peers who-knows "can my parents park at the game saturday" --limit 3 --json | python3 -c 'import json,sys; print([(p["id"], p["confidence"]) for p in json.load(sys.stdin)])'
[('ray-delgado', 'high'), ('tasha-greene', 'medium'), ('david-park', 'low')]

$ peers who-knows "is there a dress code at the games" --limit 1 --explain
Nobody in the store is a good fit for this question.
Closest topics: Athletics
Weak matches, only if nothing better turns up:
1. Tasha Greene (tasha-greene)  low  0.79
   reach: tgreene@westbrookwolves.com, twitter @WBUWolves, instagram @wbu.wolves
   knows Athletics (alias game day)
   log mentions 'games' (2026-11-10)
   last talked 9 days ago
   terms: topic 0.979, log 0.372, explained share 0.586

$ peers who-knows "can you recommend a good dentist in town"
Nobody in the store is a good fit for this question.
@unchanged

$ peers who-knows "can you recommend a good dentist in town" --json
[]

$ peers who-knows "   "
! peers: error: the question is empty
! hint: peers who-knows "when is the FAFSA deadline?"
[2]

$ peers who-knows "FAFSA" --limit 0
! peers: error: --limit must be at least 1
[2]
