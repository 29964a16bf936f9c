# `peers event ics`: an iCalendar object with RFC 5545's required properties (VCALENDAR with
# VERSION and PRODID; VEVENT with UID, DTSTAMP and DTSTART), CRLF line ends, lines folded at
# 75 octets and TEXT values escaped.
fixture: events

$ peers event add "Commencement 2027" --date 2027-05-16 --hashtag "#Westbrook27" --lead maria-lopez --location "Main Quad, rain plan: Arena; gates at 8" --note "Stream on the main channel, then share"
commencement-2027
! Added the event Commencement 2027 on 2027-05-16

$ peers event assign commencement-2027 jose-nunez --role "live stream"
! Assigned jose-nunez to commencement-2027 as live stream

$ peers event assign commencement-2027 athletics-comms --role share
! Assigned athletics-comms to commencement-2027 as share

$ peers event done commencement-2027 athletics-comms
! athletics-comms is done (1 of 2 done)

$ peers event ics commencement-2027 > c.ics && rm -f c.ics
@unchanged

# With the CRs taken out (the folded DESCRIPTION continues on lines starting with a space):
$ peers event ics commencement-2027 | tr -d '\r'
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//peers//peers events//EN
CALSCALE:GREGORIAN
METHOD:PUBLISH
BEGIN:VEVENT
UID:commencement-2027@westbrook-university.peers
DTSTAMP:20261127T120000Z
DTSTART;VALUE=DATE:20270516
DTEND;VALUE=DATE:20270517
SUMMARY:Commencement 2027
LOCATION:Main Quad\, rain plan: Arena\; gates at 8
DESCRIPTION:Hashtag: #Westbrook27\nLead: María López\nPlan:\n- José Nú
 ñez: live stream\n- Athletics Comms: share (done)\nStream on the main cha
 nnel\, then share
CATEGORIES:#Westbrook27
TRANSP:TRANSPARENT
END:VEVENT
END:VCALENDAR
@unchanged

# Every line ends in CRLF and none is longer than 75 octets (76 with the CR). The first folded
# line is cut at 74 octets so that "ñ" (two octets) is not split.
$ peers event ics commencement-2027 | LC_ALL=C awk '/^DESCRIPTION/ || /^ / { print length($0) }'
75
76
19

$ peers event ics commencement-2027 | LC_ALL=C awk '!/\r$/ { bad++ } length($0) > 76 { long++ } END { print NR " lines, " bad+0 " without CR, " long+0 " too long" }'
19 lines, 0 without CR, 0 too long

# Unfolded, the RFC 5545 required properties are each there exactly once, inside their component.
$ peers event ics commencement-2027 | tr -d '\r' | awk '/^ / { prev = prev substr($0, 2); next } { if (prev != "") print prev; prev = $0 } END { print prev }' | awk -F'[:;]' '/^BEGIN/ { depth[$2] = 1 } /^END/ { depth[$2] = 0 } { if (depth["VEVENT"]) ev[$1]++; else if (depth["VCALENDAR"]) cal[$1]++ } END { print "VCALENDAR: VERSION=" cal["VERSION"] " PRODID=" cal["PRODID"]; print "VEVENT: UID=" ev["UID"] " DTSTAMP=" ev["DTSTAMP"] " DTSTART=" ev["DTSTART"] }'
VCALENDAR: VERSION=1 PRODID=1
VEVENT: UID=1 DTSTAMP=1 DTSTART=1

$ peers event ics nothing
! peers: error: no event 'nothing'
! hint: 'peers list' shows every id
[3]
@unchanged
