# --json prints the documented shape: every documented key, in order, unknown keys after.
fixture: basic

$ peers show jose-nunez --json
{
  "id": "jose-nunez",
  "name": "José Núñez",
  "name_parts": null,
  "nicknames": [],
  "title": null,
  "organization": null,
  "department": "Athletics Communications",
  "email": null,
  "email_type": null,
  "emails": [],
  "phone": null,
  "phone_type": null,
  "phones": [],
  "handles": {},
  "expertise": [
    "athletics",
    "game day",
    "live stream"
  ],
  "tags": [],
  "met": "2025-09-01",
  "status": "active",
  "forward_to": null,
  "away_until": null,
  "added_by": null,
  "notes": null,
  "log": [],
  "events": [],
  "leads": [],
  "pronouns": "he/him",
  "favorite_color": "green"
}
@unchanged

$ peers list --json | grep -c '"id"'
4

$ peers list --topic admissions --dept admissions --tag orientation --json | grep '"id"'
    "id": "maria-lopez",

$ peers list --topic FAFSA
mark-chen  Mark Chen  Financial Aid Counselor, Student Financial Services  financial-aid

$ peers list --tag orientation
maria-lopez  Maria Lopez  Associate Director, Undergraduate Admissions         admissions, transfer students
mark-chen    Mark Chen    Financial Aid Counselor, Student Financial Services  financial-aid

$ peers list --dept "athletics" --active
jose-nunez  José Núñez  Athletics Communications  athletics, game day, live stream

$ peers list --tag nothing-has-this
! No one matches.
