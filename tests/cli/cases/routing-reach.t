# who-knows says how to reach each person it lists (email, phone, handles); --json has `reach`.
fixture: basic

$ peers edit maria --phone "+1 555 0100" --handle twitter=@mlopez 2>/dev/null && peers who-knows "transfer application deadline" --limit 1 | head -2
1. Maria Lopez (maria-lopez)  medium  2.79
   reach: mlopez@westbrook.edu, +1 555 0100, twitter @mlopez

$ peers who-knows "transfer application deadline" --limit 1 --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["reach"])'
{'email': 'mlopez@westbrook.edu', 'phone': '+1 555 0100', 'handles': {'twitter': '@mlopez'}}

$ peers edit maria --email "" --phone "" --handle twitter= 2>/dev/null && peers who-knows "transfer application deadline" --limit 1 | sed -n 2p
   reach: no email, phone or handle on record
