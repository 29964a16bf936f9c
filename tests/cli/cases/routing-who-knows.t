# who-knows over the example store: reasons, JSON, limits, availability, nobody, bad input.
# Reads change nothing.

$ peers who-knows "wen is the fafsa due??" --limit 2
1. Daniel Okafor (daniel-okafor)  high  3.61
   reach: dokafor@westbrook.edu, 555-0142
   knows Financial aid (alias FAFSA)
   answered a similar question on 2026-10-02: "When is the FAFSA priority deadline for next year?"
   log mentions 'fafsa' (2026-09-30)
   lists 'FAFSA verification' as expertise
   last talked 58 days ago
2. Priya Raman (priya-raman)  medium  1.68
   reach: praman@westbrook.edu
   knows Financial aid (alias FAFSA)
@unchanged

$ peers who-knows "how do I appeal a parking ticket" --limit 1 --json
[
  {
    "id": "ray-delgado",
    "name": "Ray Delgado",
    "score": 5.73,
    "confidence": "high",
    "reasons": [
      "knows Parking and transportation (alias parking ticket)",
      "notes mention 'parking', 'appeal'",
      "answered questions mentioning 'parking'",
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

# Someone who left ranks as a low guess (under `medium`) and says who to ask instead.
$ peers who-knows "how do I appeal a parking ticket" --limit 4 --json | python3 -c 'import json,sys; [print(p["id"], p["confidence"], p["reasons"][-1]) for p in json.load(sys.stdin)]'
ray-delgado high department mentions 'parking'
tasha-greene medium last talked 9 days ago
erin-mcallister medium knows Commencement (alias graduation tickets)
greg-sullivan low has left; ask Ray Delgado (ray-delgado) instead

# Ben answered this before and is away: halved, with the reason, but a near-duplicate answered
# question still puts him above Amara.
$ peers who-knows "i want to switch roommates, who do i ask" --limit 2
1. Ben Foster (ben-foster)  high  2.94
   reach: bfoster@westbrook.edu
   answered a similar question on 2026-09-09: "How do I request a roommate change?"
   knows Housing (alias roommates)
   lists 'room swaps' as expertise
   away until 2026-12-15
2. Amara Nwosu (amara-nwosu)  medium  2.36
   reach: anwosu@westbrook.edu
   knows Housing (alias roommates)
   last talked 22 days ago

$ peers who-knows "can my parents park at the game saturday" --limit 3 --json | python3 -c 'import json,sys; print([(p["id"], p["confidence"]) for p in json.load(sys.stdin)])'
[('ray-delgado', 'high'), ('tasha-greene', 'low'), ('greg-sullivan', 'low')]

$ peers who-knows "is there a dress code at the games" --limit 1 --explain
Nobody in the store is a good fit for this question.
Closest topics: Athletics
Weak matches, only if nothing better turns up:
1. Ray Delgado (ray-delgado)  low  0.88
   reach: rdelgado@westbrook.edu
   answered questions mentioning 'games'
   notes mention 'games'
   knows Parking and transportation, related to Athletics
   terms: related topic 0.080, notes 0.472, answered words 0.944, explained share 0.589

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

# A misspelling is matched, and the reason names the record's word, not the question's typo.
$ peers who-knows "is there a bike shre program on campus" --limit 1
1. Jess Whitaker (jess-whitaker)  medium  1.54
   reach: no email, phone or handle on record
   lists 'bike share' as expertise

# A question outside the store: nobody is a good fit, said plainly.
$ peers who-knows "where can i get my car fixed"
Nobody in the store is a good fit for this question.
@unchanged
