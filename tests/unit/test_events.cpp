#include <doctest/doctest.h>

#include <algorithm>
#include <functional>

#include "check/checkers.hpp"
#include "peers/check.hpp"
#include "peers/error.hpp"
#include "peers/events.hpp"
#include "peers/text.hpp"
#include "peers/yaml.hpp"

using namespace peers;

namespace {

Event parse_event(const std::string& text, const std::string& id = "commencement-2027") {
  return event_from_node(parse_yaml(text, "events/" + id + ".yaml"), id, "events/" + id + ".yaml");
}

Lead parse_lead(const std::string& text) {
  return lead_from_node(parse_yaml(text, "leads/3kq7abcd.yaml"), "3kq7abcd",
                        "leads/3kq7abcd.yaml");
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

const char* commencement =
    "name: Commencement 2027\n"
    "date: 2027-05-16\n"
    "hashtag: '#Westbrook27'\n"
    "lead: maria-lopez\n"
    "assignments:\n"
    "  - person: jose-nunez\n"
    "    role: live stream\n"
    "    done_at: 2026-11-27T12:00:00Z\n"
    "    done_by: Test User\n"
    "  - person: mark-chen\n"
    "    role: share\n";

std::vector<Finding> check(std::vector<std::pair<std::string, std::string>> files) {
  std::vector<StoreFile> loaded;
  loaded.push_back(load_store_file("peers.yaml", "peers: 1\nname: Westbrook\n"));
  for (auto& [path, text] : files) loaded.push_back(load_store_file(path, text));
  // What the events' and leads' readers refuse (reported per file), then the rules across files.
  std::vector<Finding> findings;
  for (const auto& file : loaded) checks::check_record_fields(file, findings);
  checks::check_events(make_check_input(std::move(loaded)), findings);
  return findings;
}

std::vector<std::string> codes(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) out.push_back(f.code);
  return out;
}

/// Undoes RFC 5545 folding: a CRLF followed by a space or tab joins the lines.
std::string unfold(std::string text) {
  for (std::size_t pos; (pos = text.find("\r\n ")) != std::string::npos;) text.erase(pos, 3);
  return text;
}

}  // namespace

TEST_CASE("events: a canonical event reads and writes back the same") {
  Event e = parse_event(commencement);
  CHECK(e.name == "Commencement 2027");
  CHECK(e.date == *Date::parse("2027-05-16"));
  CHECK(e.hashtag == "#Westbrook27");
  CHECK(e.lead == "maria-lopez");
  REQUIRE(e.assignments.size() == 2);
  CHECK(e.assignments[0].done());
  CHECK_FALSE(e.assignments[1].done());
  CHECK(e.done_count() == 1);
  CHECK(emit_yaml(event_to_node(e)) == commencement);
}

TEST_CASE("events: unknown keys are kept, in the event and in its assignments") {
  Event e = parse_event(
      "name: Homecoming\ndate: 2027-10-02\nassignments:\n  - person: ana\n    role: share\n"
      "    channel: instagram\nbudget: small\n");
  CHECK(emit_yaml(event_to_node(e)) ==
        "name: Homecoming\ndate: 2027-10-02\nassignments:\n  - person: ana\n    role: share\n"
        "    channel: instagram\nbudget: small\n");
}

TEST_CASE("events: invalid records are refused with a location") {
  CHECK(error_of([] { parse_event("date: 2027-05-16\n"); }).find("'name' is required") !=
        std::string::npos);
  CHECK(error_of([] { parse_event("name: X\n"); }).find("'date' is required") !=
        std::string::npos);
  CHECK(error_of([] { parse_event("name: X\ndate: 2027-05-16\nend_date: 2027-05-01\n"); })
            .find("before") != std::string::npos);
  CHECK(error_of([] { parse_event("name: X\ndate: 2027-05-16\nhashtag: Westbrook\n"); })
            .find("should start with '#'") != std::string::npos);
  CHECK(error_of([] { parse_event("name: X\ndate: 2027-05-16\nhashtag: '#two words'\n"); })
            .find("letters, digits") != std::string::npos);
  CHECK(error_of([] { parse_event("name: X\ndate: 2027-05-16\nlead: ../etc/passwd\n"); })
            .find("not a valid id") != std::string::npos);
  CHECK(error_of([] {
          parse_event("name: X\ndate: 2027-05-16\nassignments:\n  - person: ../x\n    role: a\n");
        }).find("not a valid id") != std::string::npos);
  CHECK(error_of([] {
          parse_event("name: X\ndate: 2027-05-16\nassignments:\n  - role: share\n");
        }).find("'person' is required") != std::string::npos);
  CHECK(error_of([] {
          parse_event("name: X\ndate: 2027-05-16\nassignments:\n  - person: ana\n");
        }).find("'role' is required") != std::string::npos);

  try {
    parse_event(
        "name: X\ndate: 2027-05-16\nassignments:\n  - person: ana\n    role: a\n"
        "  - person: ana\n    role: b\n");
    FAIL("a person with two assignments was accepted");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("two assignments") != std::string::npos);
    CHECK(e.where().file == "events/commencement-2027.yaml");
    CHECK(e.where().line == 6);
  }
}

TEST_CASE("events: hashtags are normalised and compared without case") {
  CHECK(normalize_hashtag("Westbrook27") == "#Westbrook27");
  CHECK(normalize_hashtag(" #Westbrook27 ") == "#Westbrook27");
  CHECK(normalize_hashtag("#Año2027") == "#Año2027");
  CHECK_THROWS_AS(normalize_hashtag("#"), Error);
  CHECK_THROWS_AS(normalize_hashtag("#two words"), Error);
  CHECK_THROWS_AS(normalize_hashtag("#2027"), Error);
  CHECK_THROWS_AS(normalize_hashtag("#a-b"), Error);
  CHECK(same_hashtag("#westbrook27", "#Westbrook27"));
  CHECK_FALSE(same_hashtag("#Westbrook27", "#Westbrook28"));
  CHECK_FALSE(same_hashtag("", ""));
}

TEST_CASE("events: assigning, changing, ticking off and taking away roles") {
  Event e;
  e.id = "commencement-2027";
  CHECK(assign_role(e, "jose-nunez", "live stream"));
  CHECK_FALSE(assign_role(e, "jose-nunez", "live stream"));
  CHECK(assign_role(e, "mark-chen", "share"));
  REQUIRE(e.assignments.size() == 2);

  mark_done(e, "jose-nunez", 1000, "Test User");
  CHECK(e.assignment_of("jose-nunez")->done_at == 1000);
  CHECK(e.assignment_of("jose-nunez")->done_by == "Test User");
  CHECK(error_of([&] { mark_done(e, "jose-nunez", 2000, "x"); }).find("already done") !=
        std::string::npos);
  CHECK(error_of([&] { mark_done(e, "ana-silva", 2000, "x"); }).find("has no role") !=
        std::string::npos);

  CHECK(assign_role(e, "jose-nunez", "post originals"));  // a new role is not done yet
  CHECK_FALSE(e.assignment_of("jose-nunez")->done());
  CHECK(e.assignments.size() == 2);

  mark_done(e, "mark-chen", 3000, "x");
  mark_not_done(e, "mark-chen");
  CHECK_FALSE(e.assignment_of("mark-chen")->done());
  CHECK_THROWS_AS(mark_not_done(e, "mark-chen"), Error);

  unassign_role(e, "jose-nunez");
  REQUIRE(e.assignments.size() == 1);
  CHECK(e.assignments[0].person == "mark-chen");
  CHECK_THROWS_AS(unassign_role(e, "jose-nunez"), Error);
  CHECK_THROWS_AS(assign_role(e, "ana", ""), Error);
}

TEST_CASE("leads: a new lead is an idea; status changes are kept in its history") {
  Lead l = new_lead("3kq7abcd", "Mars rover lab's first field test", "kwame-asante",
                    {"research"}, "Field test in March", 1000, "Test User");
  CHECK(l.status == LeadStatus::idea);
  REQUIRE(l.history.size() == 1);
  CHECK(l.history[0].status == "idea");
  CHECK(set_lead_status(l, LeadStatus::pitched, 2000, "Sam"));
  CHECK_FALSE(set_lead_status(l, LeadStatus::pitched, 3000, "Sam"));
  CHECK(set_lead_status(l, LeadStatus::published, 4000, "Sam"));
  REQUIRE(l.history.size() == 3);
  CHECK(l.history[2].status == "published");
  CHECK(l.history[2].at == 4000);

  Lead back = lead_from_node(lead_to_node(l), l.id, "leads/3kq7abcd.yaml");
  CHECK(lead_to_node(back).same_data(lead_to_node(l)));
  CHECK(emit_yaml(lead_to_node(l)).starts_with(
      "title: Mars rover lab's first field test\nfrom: kwame-asante\ntopics:\n  - research\n"
      "status: published\n"));
}

TEST_CASE("leads: invalid records and links are refused") {
  CHECK(error_of([] { parse_lead("from: kwame\n"); }).find("'title' is required") !=
        std::string::npos);
  CHECK(error_of([] { parse_lead("title: X\nstatus: done\n"); }).find("one of: idea") !=
        std::string::npos);
  CHECK(error_of([] { parse_lead("title: X\nlink: javascript:alert(1)\n"); })
            .find("not a web address") != std::string::npos);
  CHECK(error_of([] { parse_lead("title: X\nfrom: Kwame Asante\n"); }).find("not a valid id") !=
        std::string::npos);
  CHECK(parse_lead("title: X\nlink: https://news.westbrook.edu/rover\n").link ==
        "https://news.westbrook.edu/rover");
  CHECK_NOTHROW(validate_link("http://example.org/a?b=c"));
  CHECK_THROWS_AS(validate_link("https://"), Error);
  CHECK_THROWS_AS(validate_link("https://a b"), Error);
  CHECK_THROWS_AS(validate_link("ftp://example.org"), Error);
}

TEST_CASE("icalendar: TEXT values are escaped") {
  CHECK(icalendar_escape("a, b; c\\d\ne") == "a\\, b\\; c\\\\d\\ne");
}

TEST_CASE("icalendar: long lines are folded at 75 octets, never inside a UTF-8 character") {
  CHECK(icalendar_fold("SUMMARY:short") == "SUMMARY:short\r\n");
  std::string line = "DESCRIPTION:";
  for (int i = 0; i < 40; ++i) line += "Núñez ";  // 2-byte characters at every offset
  std::string folded = icalendar_fold(line);
  CHECK(unfold(folded) == line + "\r\n");
  auto lines = split(folded, '\n');
  CHECK(lines.back().empty());
  lines.pop_back();
  CHECK(lines.size() > 2);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    REQUIRE(l.ends_with('\r'));
    CHECK(l.size() - 1 <= 75);
    if (i > 0) CHECK(l[0] == ' ');
    CHECK_FALSE(first_invalid_utf8(l.substr(0, l.size() - 1)).has_value());
  }
  // Exactly 75 octets is not folded; 76 is.
  CHECK(icalendar_fold(std::string(75, 'x')) == std::string(75, 'x') + "\r\n");
  CHECK(icalendar_fold(std::string(76, 'x')) == std::string(75, 'x') + "\r\n x\r\n");
}

TEST_CASE("icalendar: an event has the properties RFC 5545 requires") {
  Event e = parse_event(commencement);
  e.location = "Main Quad; rain: Arena";
  std::string ics =
      event_to_icalendar(e, {*parse_timestamp("2026-11-27T12:00:00Z"), "westbrook.peers",
                             "Lead: María López\nPlan: share, stream"});
  CHECK(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
  CHECK(ics.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
  CHECK(ics.find("\r\nBEGIN:VEVENT\r\n") != std::string::npos);
  CHECK(ics.find("\r\nUID:commencement-2027@westbrook.peers\r\n") != std::string::npos);
  CHECK(ics.find("\r\nDTSTAMP:20261127T120000Z\r\n") != std::string::npos);
  CHECK(ics.find("\r\nDTSTART;VALUE=DATE:20270516\r\n") != std::string::npos);
  CHECK(ics.find("\r\nDTEND;VALUE=DATE:20270517\r\n") != std::string::npos);
  CHECK(ics.find("\r\nSUMMARY:Commencement 2027\r\n") != std::string::npos);
  CHECK(ics.find("\r\nLOCATION:Main Quad\\; rain: Arena\r\n") != std::string::npos);
  CHECK(unfold(ics).find("\r\nDESCRIPTION:Lead: María López\\nPlan: share\\, stream\r\n") !=
        std::string::npos);
  // Every line ends in CRLF; no bare LF.
  for (std::size_t pos = ics.find('\n'); pos != std::string::npos; pos = ics.find('\n', pos + 1))
    CHECK(ics[pos - 1] == '\r');

  e.end_date = *Date::parse("2027-05-18");
  std::string multi = event_to_icalendar(e, {0, "x", ""});
  CHECK(multi.find("\r\nDTEND;VALUE=DATE:20270519\r\n") != std::string::npos);
  CHECK(multi.find("DESCRIPTION") == std::string::npos);
}

TEST_CASE("check: events that share a hashtag are errors naming both files") {
  auto f = check({{"people/maria-lopez.yaml", "name: Maria Lopez\n"},
                  {"events/commencement-2027.yaml",
                   "name: Commencement 2027\ndate: 2027-05-16\nhashtag: '#Westbrook27'\n"},
                  {"events/reunion.yaml",
                   "name: Reunion\ndate: 2027-06-01\nhashtag: '#westbrook27'\n"},
                  {"events/homecoming.yaml",
                   "name: Homecoming\ndate: 2027-10-01\nhashtag: '#WBHome'\n"}});
  REQUIRE(f.size() == 2);
  CHECK(codes(f) == std::vector<std::string>{"shared-hashtag", "shared-hashtag"});
  CHECK(f[0].severity == Severity::error);
  CHECK(f[0].where.file == "events/commencement-2027.yaml");
  CHECK(f[0].where.line == 3);
  CHECK(f[0].message.find("events/reunion.yaml") != std::string::npos);
  CHECK(f[1].where.file == "events/reunion.yaml");
  CHECK(f[1].message.find("events/commencement-2027.yaml") != std::string::npos);
}

TEST_CASE("check: open roles of people who left are errors; done ones are history") {
  auto f = check(
      {{"people/ana-silva.yaml", "name: Ana Silva\nstatus: left\nforward_to: maria-lopez\n"},
       {"people/maria-lopez.yaml", "name: Maria Lopez\n"},
       {"events/commencement-2027.yaml",
        "name: Commencement 2027\ndate: 2027-05-16\nassignments:\n"
        "  - person: maria-lopez\n    role: share\n"
        "  - person: ana-silva\n    role: post originals\n"}});
  REQUIRE(f.size() == 1);
  CHECK(f[0].code == "assigned-person-left");
  CHECK(f[0].severity == Severity::error);
  CHECK(f[0].where.file == "events/commencement-2027.yaml");
  CHECK(f[0].where.line == 6);
  CHECK(f[0].message.find("ana-silva") != std::string::npos);
  CHECK(f[0].hint.find("maria-lopez") != std::string::npos);

  auto done = check(
      {{"people/ana-silva.yaml", "name: Ana Silva\nstatus: left\n"},
       {"events/homecoming.yaml",
        "name: Homecoming\ndate: 2026-10-01\nassignments:\n  - person: ana-silva\n"
        "    role: share\n    done_at: 2026-10-01T18:00:00Z\n"}});
  CHECK(done.empty());
}

TEST_CASE("check: unknown people and invalid event and lead files") {
  auto f = check({{"people/maria-lopez.yaml", "name: Maria Lopez\n"},
                  {"events/a.yaml", "name: A\ndate: 2027-01-01\nlead: maria-lopes\n"
                                    "assignments:\n  - person: nobody\n    role: share\n"},
                  {"events/b.yaml", "name: B\n"},
                  {"leads/3kq7abcd.yaml", "title: X\nfrom: kwame-asante\n"},
                  {"leads/4kq7abcd.yaml", "title: Y\nstatus: maybe\n"}});
  auto found = codes(f);
  std::sort(found.begin(), found.end());
  // A missing date is reported as for any record kind; a status that is not one is a bad value.
  CHECK(found == std::vector<std::string>{"bad-value", "missing-key", "unknown-person",
                                          "unknown-person", "unknown-person"});
  auto lead = std::find_if(f.begin(), f.end(), [](const Finding& x) {
    return x.message.find("'lead'") != std::string::npos;
  });
  REQUIRE(lead != f.end());
  CHECK(lead->hint == "did you mean 'maria-lopez'?");
}
