fixture: questions
env: PEERS_TEST_ID_SEED=7
# ask records the question and prints its id, who to ask and the similar questions already
# answered, with their answers: a reworded question finds its answered twin, archived ones too.
# (Scores and percentages are left out: they belong to the routing tests.)
$ peers ask "what's the deadline to apply as a transfer student??" --from @amy --channel twitter > out.txt
! Recorded question 67npdpd7; hand it to someone with 'peers route 67npdpd7 PERSON'

$ head -1 out.txt; sed -n 's/^1\. \(.*)\)  .*/first: \1/p' out.txt
67npdpd7
first: Maria Lopez (maria-lopez)

$ sed -n '/^Answered before/,+2p' out.txt | sed 's/[0-9]*% alike/N% alike/'
Answered before
k3m9ab2c  N% alike  When is the transfer application deadline?
   March 1; see admissions.westbrook.edu/transfer

$ peers show 67np | head -5
67npdpd7  open
  what's the deadline to apply as a transfer student??
  from     @amy
  channel  twitter
  asked    2026-11-27 12:00 (0s ago)
@unchanged

$ peers ask "Where do I buy a parking permit for fall?" | sed -n '/^Answered before/,+2p' | sed 's/[0-9]*% alike/N% alike/'
Answered before
q9r8s7t6  N% alike  How do I get a parking permit for the fall term?
   Online at transportation.westbrook.edu/permits, from August 1.
! Recorded question ahx39gb2; hand it to someone with 'peers route ahx39gb2 PERSON'

$ peers route 7fk3 | sed -n 's/^1\. \(.*)\)  .*/first: \1/p'
first: Maria Lopez (maria-lopez)
! Hand it over with 'peers route 7fk3p1zz maria-lopez'
@unchanged

$ peers ask "Is there a marching band?" | sed -n 2p
Nobody in the store is a good fit for this question.
! Recorded question r4g6jsye; hand it to someone with 'peers route r4g6jsye PERSON'

