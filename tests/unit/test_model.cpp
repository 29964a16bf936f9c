#include <doctest/doctest.h>

#include "peers/error.hpp"
#include "peers/model.hpp"
#include "peers/yaml.hpp"

using namespace peers;

namespace {
Person person_from(const std::string& text) {
  return person_from_node(parse_yaml(text, "people/x.yaml"), "x", "people/x.yaml");
}
std::string error_of(const std::string& text) {
  try {
    person_from(text);
  } catch (const Error& e) {
    return format_location(e.where()) + ": " + e.what();
  }
  return "no error";
}
}  // namespace

TEST_CASE("a person reads every documented key and keeps unknown ones") {
  Person p = person_from(
      "name: María López\ntitle: Director\ndepartment: Admissions\nemail: m@w.edu\n"
      "handles:\n  twitter: '@m'\nexpertise: [admissions, transfer students]\ntags: [a]\n"
      "met: 2026-11-20\nstatus: left\nforward_to: jose-nunez\naway_until: 2026-12-01\n"
      "notes: |\n  line one\n  line two\nlog:\n  - date: 2026-11-21\n    note: coffee\n    mood: good\n"
      "pronouns: she/her\n");
  CHECK(p.name == "María López");
  CHECK(p.handles.at(0).second == "@m");
  CHECK(p.expertise.size() == 2);
  CHECK(p.has_left());
  CHECK(p.forward_to == "jose-nunez");
  CHECK(p.away_until->str() == "2026-12-01");
  CHECK(p.notes == "line one\nline two\n");
  REQUIRE(p.log.size() == 1);
  CHECK(p.log[0].extra.find("mood")->scalar == "good");
  CHECK(p.extra.find("pronouns")->scalar == "she/her");

  std::string written = emit_yaml(person_to_node(p));
  Person again = person_from(written);
  CHECK(emit_yaml(person_to_node(again)) == written);
  CHECK(written.find("pronouns: she/her") != std::string::npos);
}

TEST_CASE("schema errors name the key, the line and the column") {
  CHECK(error_of("name: A\nexpertise: 5\n") ==
        "people/x.yaml:2:12: 'expertise' should be a list, found '5'");
  CHECK(error_of("title: T\n") == "people/x.yaml:1:1: 'name' is required and missing");
  CHECK(error_of("name: ~\n") == "people/x.yaml:1:7: 'name' is required and missing");
  CHECK(error_of("name: A\nmet: 2026-02-30\n") ==
        "people/x.yaml:2:6: 'met' should be a date (YYYY-MM-DD), found '2026-02-30'");
  CHECK(error_of("name: A\nstatus: gone\n") ==
        "people/x.yaml:2:9: 'status' should be one of: active, left, found 'gone'");
  CHECK(error_of("name: A\nforward_to: ../../etc\n") ==
        "people/x.yaml:2:13: 'forward_to' is not a valid id: '../../etc'");
  CHECK(error_of("name: A\nlog:\n  - note: no date\n") ==
        "people/x.yaml:3:5: 'date' is required and missing");
  CHECK(error_of("name: [A]\n") == "people/x.yaml:1:7: 'name' should be text, found a list");
}

TEST_CASE("a quoted '~' is a name, a bare one is nothing") {
  CHECK(person_from("name: '~'\n").name == "~");
  CHECK(person_from("name: 'null'\n").name == "null");
}

TEST_CASE("questions need text and a valid asked_at; status is checked") {
  auto q = question_from_node(
      parse_yaml("text: When?\nasked_at: 2026-11-20T14:03:00Z\nstatus: routed\nrouted_to: a\n"
                 "history:\n  - at: 2026-11-20T14:03:00Z\n    event: asked\n",
                 "q"),
      "abc", "q");
  CHECK(q.status == QuestionStatus::routed);
  CHECK(q.history.size() == 1);
  CHECK_THROWS_AS(question_from_node(parse_yaml("text: x\n", "q"), "abc", "q"), Error);
  CHECK_THROWS_AS(
      question_from_node(parse_yaml("text: x\nasked_at: 2026-11-20T14:03:00Z\nstatus: done\n", "q"),
                         "abc", "q"),
      Error);
}

TEST_CASE("peers.yaml carries the format version and refuses newer formats") {
  auto c = config_from_node(parse_yaml("peers: 1\nname: W\nextra_key: kept\n", "peers.yaml"),
                            "peers.yaml");
  CHECK(c.name == "W");
  CHECK(emit_yaml(config_to_node(c)) == "peers: 1\nname: W\nextra_key: kept\n");
  CHECK_THROWS_WITH_AS(config_from_node(parse_yaml("peers: 2\n", "peers.yaml"), "peers.yaml"),
                       doctest::Contains("not supported"), Error);
  CHECK_THROWS_AS(config_from_node(parse_yaml("name: W\n", "peers.yaml"), "peers.yaml"), Error);
}
