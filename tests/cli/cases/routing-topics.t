# topic add / show / edit and topics: aliases, related topics, who knows a topic best first.
fixture: routing-other

$ peers topic add "Snow removal" --alias "snow day" --alias plowing --desc "Plowing and salting city streets" --related street-maintenance
snow-removal
! Added topic Snow removal as snow-removal

$ cat topics/snow-removal.yaml
name: Snow removal
aliases:
  - snow day
  - plowing
description: Plowing and salting city streets
related:
  - street-maintenance

$ peers topic add "Snow Removal"
! peers: error: there is already a topic 'snow-removal'
! hint: change it with 'peers topic edit snow-removal'
[2]
@unchanged

$ peers topic add "Ice" --related "no such topic"
! peers: error: no topic 'no such topic'
! hint: 'peers topics' lists every topic
[3]
@unchanged

$ peers topic edit snow-removal --alias "salt trucks" --unalias "snow day" --related "potholes"
! Updated topic snow-removal

$ cat topics/snow-removal.yaml
name: Snow removal
aliases:
  - plowing
  - salt trucks
description: Plowing and salting city streets
related:
  - street-maintenance

$ peers topic edit snow-removal --unalias "nope"
! peers: error: snow-removal has no alias 'nope'
! hint: its aliases: plowing, salt trucks
[2]
@unchanged

$ peers topic show "water bill"
Water and utilities (utilities)
Aliases: water bill, water main break, sewer, boil water notice, stormwater
Water, sewer and stormwater service and billing
Related: Street maintenance (street-maintenance)
Who knows it:
  priti-desai    Priti Desai    Utilities Customer Service Manager; answered 1
  walt-kowalski  Walt Kowalski  Water Operations Foreman; answered 1
@unchanged

$ peers topic show parks --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["id"], [(p["id"], p["away_until"], p["answered"]) for p in d["people"]])'
parks [('sean-doyle', None, 1), ('gloria-reyes', '2027-01-05', 1)]

$ peers topic show nope
! peers: error: no topic 'nope'
! hint: 'peers topics' lists every topic
[3]

# Every topic with how many people (not gone) know it; Kenji left, so traffic counts only Aisha.
$ peers topics
animal-services     Animal services       1 person  dog license, animal control, stray dogs, pet adoption, animal shelter
permits             Building permits      1 person  permit, zoning, variance, inspections, renovation permit, fence permit
planning            City planning         1 person  comprehensive plan, rezoning, new development, affordable housing plan
events              Community events      1 person  farmers market, fireworks, parade, special event permit, festival
council-meetings    Council meetings      1 person  city council, public comment, agenda, meeting minutes, council vote
housing-assistance  Housing assistance    1 person  rental assistance, section 8, home repair grants, eviction help
parks               Parks and recreation  2 people  parks, pools, summer camp, youth sports, pavilion rental, community center
records             Public records        1 person  FOIA, open records request, birth certificate, city clerk
snow-removal        Snow removal          0 people  plowing, salt trucks
street-maintenance  Street maintenance    1 person  potholes, street lights, snow plowing, sidewalk repair, road work
traffic             Traffic and parking   1 person  parking meters, residential parking permit, speed bumps, traffic signals, crosswalk
waste-collection    Waste collection      1 person  trash pickup, garbage, recycling, bulk item pickup, yard waste, compost
utilities           Water and utilities   2 people  water bill, water main break, sewer, boil water notice, stormwater
@unchanged

$ peers topics --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d), d[0]["id"], d[0]["people"], list(d[0].keys()))'
13 animal-services 1 ['id', 'name', 'aliases', 'description', 'related', 'people']

